package io.midback.ui;

import java.util.List;

/**
 * The devices the connect panel can offer: serial ports and Bluetooth devices. Only the transport package may
 * touch jSerialComm and Bluecove, so the window sees them through this interface ({@link TransportCatalog}).
 * Every method may block (a scan takes seconds): call them off the event thread.
 */
public interface DeviceCatalog {

    /** @param kind "serial" or "bluetooth"; @param address what to open it by; @param name what to show */
    record Device(String kind, String address, String name) {
        @Override
        public String toString() {
            return name.equals(address) ? address : name + " (" + address + ")";
        }
    }

    List<Device> serialPorts() throws Exception;

    List<Device> scanBluetooth() throws Exception;

    /** A source streaming from the device; failures to open surface from {@link SampleSource#run}. */
    SampleSource open(Device device) throws Exception;

    /** No devices at all (tests of the window that do not need any): says so when asked. */
    DeviceCatalog UNAVAILABLE = new DeviceCatalog() {
        private static final String WHY = "no devices in this window";

        @Override
        public List<Device> serialPorts() throws Exception {
            throw new UnsupportedOperationException(WHY);
        }

        @Override
        public List<Device> scanBluetooth() throws Exception {
            throw new UnsupportedOperationException(WHY);
        }

        @Override
        public SampleSource open(Device device) throws Exception {
            throw new UnsupportedOperationException(WHY + ": cannot open " + device);
        }
    };
}
