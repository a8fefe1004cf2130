package io.midback.cli;

import com.google.gson.GsonBuilder;
import io.midback.transport.BluetoothDevice;
import io.midback.transport.BluetoothDiscovery;
import io.midback.transport.SerialPortInfo;
import io.midback.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code midback scan}: the serial ports, and with {@code --bluetooth} nearby SPP devices, marking sensors. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Lists serial ports (name, description, USB VID:PID) and, with --bluetooth, nearby Bluetooth"
                + " devices offering the Serial Port Profile; marks those that look like supported sensors.",
                "Example: midback scan --bluetooth"})
public final class ScanCommand implements Callable<Integer> {

    @Option(names = "--bluetooth", description = "Also run a Bluetooth inquiry and SDP search for SPP devices.")
    boolean bluetooth;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "12",
            description = "Longest Bluetooth inquiry, seconds (default: ${DEFAULT-VALUE}).")
    double timeoutS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SerialPortInfo> ports = SerialPortInfo.list();
        List<BluetoothDevice> devices = List.of();
        String bluetoothError = null;
        if (bluetooth) {
            if (!json) {
                err.printf("midback scan: Bluetooth inquiry (up to %.0f s)...%n", timeoutS);
                err.flush();
            }
            try {
                devices = BluetoothDiscovery.scan(Duration.ofMillis(Math.round(timeoutS * 1000)));
            } catch (TransportException e) {
                bluetoothError = e.getMessage();
            } catch (IOException e) {
                bluetoothError = "Bluetooth scan failed: " + e.getMessage();
            }
        }
        if (json) {
            out.println(toJson(ports, devices, bluetoothError));
        } else {
            printTable(out, ports, devices, bluetoothError == null);
        }
        out.flush();
        if (bluetoothError != null) {
            throw new UserException(bluetoothError);
        }
        return 0;
    }

    private void printTable(PrintWriter out, List<SerialPortInfo> ports, List<BluetoothDevice> devices,
                            boolean bluetoothWorked) {
        out.println("Serial ports:");
        if (ports.isEmpty()) {
            out.println("  (none)");
        }
        for (SerialPortInfo p : ports) {
            String usb = p.usbId().isEmpty() ? "" : "  USB " + p.usbId();
            String hint = p.looksLike() == null ? "" : "  <- looks like a " + p.looksLike();
            out.printf("  %-22s %s%s%s%n", p.path(), p.description(), usb, hint);
        }
        if (bluetooth && bluetoothWorked) {
            out.println("Bluetooth devices:");
            if (devices.isEmpty()) {
                out.println("  (none found)");
            }
            for (BluetoothDevice d : devices) {
                String spp = d.offersSpp() ? "SPP " + d.sppUrl() : "no SPP service";
                String hint = d.looksLike() == null ? "" : "  <- looks like a " + d.looksLike();
                out.printf("  %s  %-20s %s%s%n", d.colonAddress(), d.name().isEmpty() ? "(no name)" : d.name(), spp,
                        hint);
            }
        }
    }

    private String toJson(List<SerialPortInfo> ports, List<BluetoothDevice> devices, String bluetoothError) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> ps = new ArrayList<>();
        for (SerialPortInfo p : ports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", p.path());
            m.put("description", p.description());
            m.put("usbId", p.usbId().isEmpty() ? null : p.usbId());
            m.put("serialNumber", p.serialNumber().isEmpty() ? null : p.serialNumber());
            m.put("looksLike", p.looksLike());
            ps.add(m);
        }
        root.put("serialPorts", ps);
        if (bluetooth) {
            List<Map<String, Object>> bs = new ArrayList<>();
            for (BluetoothDevice d : devices) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", d.colonAddress());
                m.put("name", d.name());
                m.put("sppUrl", d.sppUrl());
                m.put("serviceName", d.serviceName());
                m.put("looksLike", d.looksLike());
                bs.add(m);
            }
            root.put("bluetooth", bs);
            root.put("bluetoothError", bluetoothError);
        }
        return new GsonBuilder().serializeNulls().create().toJson(root);
    }
}
