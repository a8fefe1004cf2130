package io.midback.ui;

import io.midback.app.SessionSpec;
import io.midback.transport.BluetoothDevice;
import io.midback.transport.BluetoothDiscovery;
import io.midback.transport.BluetoothTransport;
import io.midback.transport.SerialPortInfo;
import io.midback.transport.SerialTransport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of this machine through the transport package: serial ports (jSerialComm), a Bluetooth inquiry
 * for SPP devices (Bluecove), and {@link LiveSource} to stream from one. Listing and scanning block: call them
 * off the event thread.
 */
public final class TransportCatalog implements DeviceCatalog {
    private final Duration scanTimeout;

    public TransportCatalog(Duration scanTimeout) {
        this.scanTimeout = scanTimeout;
    }

    @Override
    public List<Device> serialPorts() {
        List<Device> out = new ArrayList<>();
        for (SerialPortInfo p : SerialPortInfo.list()) {
            String looks = p.looksLike();
            String label = p.path() + (p.description() == null || p.description().isBlank() ? ""
                    : " – " + p.description()) + (looks == null || looks.isBlank() ? "" : " [" + looks + "]");
            out.add(new Device("serial", p.path(), label));
        }
        return out;
    }

    @Override
    public List<Device> scanBluetooth() throws Exception {
        List<Device> out = new ArrayList<>();
        for (BluetoothDevice d : BluetoothDiscovery.scan(scanTimeout)) {
            if (d.offersSpp()) {
                out.add(new Device("bluetooth", d.sppUrl(), d.name() == null || d.name().isBlank()
                        ? d.colonAddress() : d.name() + " (" + d.colonAddress() + ")"));
            }
        }
        return out;
    }

    @Override
    public SampleSource open(Device device) {
        return switch (device.kind()) {
            case "serial" -> new LiveSource(device.address(),
                    () -> new SerialTransport(device.address(), SerialTransport.DEFAULT_BAUD),
                    LiveSource.defaultLinkSettings());
            case "bluetooth" -> new LiveSource(SessionSpec.Kind.BLUETOOTH, device.name(),
                    () -> new BluetoothTransport(resolve(device.address())), LiveSource.defaultLinkSettings());
            default -> throw new IllegalArgumentException("unknown device kind: " + device.kind());
        };
    }

    /** A remembered address or name becomes a btspp:// URL (an inquiry when it is a name; on the link's thread). */
    private String resolve(String addressOrUrl) {
        if (addressOrUrl.startsWith("btspp://")) {
            return addressOrUrl;
        }
        try {
            return BluetoothDiscovery.resolve(addressOrUrl, scanTimeout);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True when a remembered device is attached now (serial: the port is listed; Bluetooth: assumed). */
    public boolean attached(Device device) {
        if (!"serial".equals(device.kind())) {
            return true;
        }
        return SerialPortInfo.list().stream().anyMatch(p -> p.path().equals(device.address()))
                || java.nio.file.Files.exists(java.nio.file.Path.of(device.address()));
    }
}
