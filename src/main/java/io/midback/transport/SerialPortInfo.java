package io.midback.transport;

import com.fazecast.jSerialComm.SerialPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A serial port the OS offers.
 *
 * @param path        what to pass to {@code --port}: {@code /dev/ttyUSB0}, {@code COM7}, {@code /dev/cu.NAME}
 * @param description the OS's or the USB device's description
 * @param usbVendorId USB vendor id, or -1 when not a USB device or unknown
 * @param usbProductId USB product id, or -1
 * @param serialNumber USB serial number, or empty
 */
public record SerialPortInfo(String path, String description, int usbVendorId, int usbProductId,
                             String serialNumber) {

    /** The ports the OS offers now, in its order. */
    public static List<SerialPortInfo> list() {
        List<SerialPortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String serial = p.getSerialNumber();
            out.add(new SerialPortInfo(p.getSystemPortPath(), describe(p), p.getVendorID(), p.getProductID(),
                    serial == null || "Unknown".equals(serial) ? "" : serial));
        }
        return out;
    }

    private static String describe(SerialPort p) {
        String d = p.getPortDescription();
        String n = p.getDescriptivePortName();
        if (d == null || d.isBlank()) {
            return n == null ? "" : n;
        }
        return d;
    }

    /** {@code VVVV:PPPP} in hex, or empty when unknown. */
    public String usbId() {
        if (usbVendorId < 0 || usbProductId < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%04X:%04X", usbVendorId, usbProductId);
    }

    /** The supported sensor this port looks like (by its description or a Bluetooth-bound path), or null. */
    public String looksLike() {
        String byName = SensorNames.match(description);
        if (byName != null) {
            return byName;
        }
        String byPath = SensorNames.match(path.replaceFirst("^.*/(cu|tty)\\.", ""));
        return byPath;
    }
}
