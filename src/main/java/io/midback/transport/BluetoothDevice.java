package io.midback.transport;

import java.util.Objects;

/**
 * A Bluetooth device seen by an inquiry or known to the OS.
 *
 * @param address     12 hex digits, no separators (as JSR-82 writes it)
 * @param name        friendly name, or empty when the device did not tell
 * @param sppUrl      {@code btspp://} URL of its Serial Port Profile service, or null when it offers none
 * @param serviceName the SPP service's name, or empty
 */
public record BluetoothDevice(String address, String name, String sppUrl, String serviceName) {
    public BluetoothDevice {
        Objects.requireNonNull(address, "address");
        name = name == null ? "" : name;
        serviceName = serviceName == null ? "" : serviceName;
    }

    public boolean offersSpp() {
        return sppUrl != null;
    }

    /** The supported sensor model this device looks like, or null. */
    public String looksLike() {
        return SensorNames.match(name);
    }

    /** The address as people write it: {@code 00:11:22:AA:BB:CC}. */
    public String colonAddress() {
        return BluetoothDiscovery.colonAddress(address);
    }
}
