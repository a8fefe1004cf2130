package io.midback.transport;

import javax.bluetooth.BluetoothStateException;
import javax.bluetooth.DataElement;
import javax.bluetooth.DeviceClass;
import javax.bluetooth.DiscoveryAgent;
import javax.bluetooth.DiscoveryListener;
import javax.bluetooth.LocalDevice;
import javax.bluetooth.RemoteDevice;
import javax.bluetooth.ServiceRecord;
import javax.bluetooth.UUID;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Finding Serial Port Profile devices through Bluecove (JSR-82): inquiry, SDP search for SPP (UUID 0x1101), and
 * turning what the user typed (a {@code btspp://} URL, an address, a friendly name) into a connection URL. Where
 * no Bluetooth stack can be used, the exception says what to install, or to pair the device and use its serial
 * port instead.
 */
public final class BluetoothDiscovery {
    /** Serial Port Profile. */
    public static final UUID SPP = new UUID(0x1101);
    private static final int SERVICE_NAME_ATTR = 0x0100;
    private static final Pattern ADDRESS = Pattern.compile("(?i)[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}");
    private static final Duration SDP_TIMEOUT = Duration.ofSeconds(20);

    private BluetoothDiscovery() {
    }

    /** The local adapter, or a {@link TransportException} that says how to make Bluetooth usable. */
    static LocalDevice requireStack() throws TransportException {
        try {
            return LocalDevice.getLocalDevice();
        } catch (BluetoothStateException e) {
            throw unusable(e);
        } catch (RuntimeException | LinkageError e) {
            throw unusable(e);
        }
    }

    static TransportException unusable(Throwable cause) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String what;
        if (os.contains("linux")) {
            what = "On Linux, Bluecove needs BlueZ with its library (apt-get install bluez libbluetooth3), the"
                    + " bluecove-gpl 2.1.0 module on the class path (build with ./mvnw -Pbluetooth-linux package),"
                    + " and a powered adapter (bluetoothctl power on).";
        } else if (os.contains("mac")) {
            what = "On macOS, Bluecove 2.1.0 works only with a 32/64-bit Intel JVM and the system Bluetooth on.";
        } else {
            what = "On Windows, turn Bluetooth on (Bluecove uses the Microsoft stack).";
        }
        return new TransportException("Bluetooth is not usable here (" + ReaderThreadTransport.describe(cause)
                + "). " + what + " Or pair the sensor with the system and use its serial port instead: on Linux"
                + " `sudo rfcomm bind 0 ADDRESS 1` then `--port /dev/rfcomm0`; on Windows the paired device's"
                + " COM port; on macOS /dev/cu.NAME (`midback scan` lists them).", cause);
    }

    /** {@code 001122AABBCC} → {@code 00:11:22:AA:BB:CC}. */
    static String colonAddress(String address) {
        String a = address.replaceAll("[:-]", "").toUpperCase(Locale.ROOT);
        if (a.length() != 12) {
            return address;
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(a, i, i + 2);
        }
        return sb.toString();
    }

    static boolean isAddress(String s) {
        return ADDRESS.matcher(s).matches();
    }

    /**
     * Nearby devices from an inquiry lasting up to {@code timeout}, plus those the OS already knows (paired or
     * cached), each with its SPP service URL where it offers one.
     */
    public static List<BluetoothDevice> scan(Duration timeout) throws IOException {
        DiscoveryAgent agent = requireStack().getDiscoveryAgent();
        Map<String, RemoteDevice> found = new LinkedHashMap<>();
        addKnown(agent, found);
        for (RemoteDevice d : inquiry(agent, timeout)) {
            found.putIfAbsent(d.getBluetoothAddress(), d);
        }
        List<BluetoothDevice> out = new ArrayList<>();
        for (RemoteDevice d : found.values()) {
            out.add(describe(agent, d));
        }
        return out;
    }

    /**
     * A {@code btspp://} URL for what the user typed: a URL as is; an address (with or without colons) through an
     * SDP search on that device; otherwise a friendly name, matched among known devices and then by inquiry
     * (exactly, ignoring case, else as the one name containing it).
     */
    public static String resolve(String addressOrName, Duration inquiryTimeout) throws IOException {
        String s = addressOrName.trim();
        if (s.startsWith("btspp://")) {
            return s;
        }
        DiscoveryAgent agent = requireStack().getDiscoveryAgent();
        RemoteDevice device;
        if (isAddress(s)) {
            device = new AddressedDevice(s.replaceAll("[:-]", "").toUpperCase(Locale.ROOT));
        } else {
            device = byName(agent, s, inquiryTimeout);
        }
        BluetoothDevice d = describe(agent, device);
        if (!d.offersSpp()) {
            throw new TransportException("Bluetooth device " + label(d) + " offers no Serial Port Profile service"
                    + " (SDP search for 0x1101 found nothing); is it the sensor, and is it on?");
        }
        return d.sppUrl();
    }

    private static String label(BluetoothDevice d) {
        return d.name().isEmpty() ? d.colonAddress() : "\"" + d.name() + "\" (" + d.colonAddress() + ")";
    }

    private static RemoteDevice byName(DiscoveryAgent agent, String name, Duration timeout) throws IOException {
        Map<String, RemoteDevice> known = new LinkedHashMap<>();
        addKnown(agent, known);
        RemoteDevice hit = matchName(known.values(), name);
        if (hit != null) {
            return hit;
        }
        List<RemoteDevice> seen = inquiry(agent, timeout);
        hit = matchName(seen, name);
        if (hit != null) {
            return hit;
        }
        List<String> names = new ArrayList<>();
        for (RemoteDevice d : seen) {
            names.add(friendlyName(d) + " (" + colonAddress(d.getBluetoothAddress()) + ")");
        }
        throw new TransportException("no Bluetooth device named \"" + name + "\" found in "
                + timeout.toSeconds() + " s of inquiry; seen: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + ". Is the sensor on and discoverable?");
    }

    private static RemoteDevice matchName(Iterable<RemoteDevice> devices, String name) throws TransportException {
        List<RemoteDevice> partial = new ArrayList<>();
        String want = name.toLowerCase(Locale.ROOT);
        for (RemoteDevice d : devices) {
            String n = friendlyName(d);
            if (n.equalsIgnoreCase(name)) {
                return d;
            }
            if (n.toLowerCase(Locale.ROOT).contains(want)) {
                partial.add(d);
            }
        }
        if (partial.size() > 1) {
            List<String> names = new ArrayList<>();
            for (RemoteDevice d : partial) {
                names.add(friendlyName(d) + " (" + colonAddress(d.getBluetoothAddress()) + ")");
            }
            throw new TransportException("\"" + name + "\" matches several Bluetooth devices: "
                    + String.join(", ", names) + "; give the full name or the address");
        }
        return partial.isEmpty() ? null : partial.get(0);
    }

    private static void addKnown(DiscoveryAgent agent, Map<String, RemoteDevice> into) {
        for (int kind : new int[] {DiscoveryAgent.PREKNOWN, DiscoveryAgent.CACHED}) {
            RemoteDevice[] ds = agent.retrieveDevices(kind);
            if (ds != null) {
                for (RemoteDevice d : ds) {
                    into.putIfAbsent(d.getBluetoothAddress(), d);
                }
            }
        }
    }

    static String friendlyName(RemoteDevice d) {
        try {
            String n = d.getFriendlyName(false);
            return n == null ? "" : n;
        } catch (IOException e) {
            return "";
        }
    }

    private static List<RemoteDevice> inquiry(DiscoveryAgent agent, Duration timeout) throws IOException {
        List<RemoteDevice> seen = new ArrayList<>();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        DiscoveryListener l = new DiscoveryListener() {
            @Override
            public void deviceDiscovered(RemoteDevice btDevice, DeviceClass cod) {
                synchronized (seen) {
                    seen.add(btDevice);
                }
            }

            @Override
            public void inquiryCompleted(int discType) {
                done.complete(discType);
            }

            @Override
            public void servicesDiscovered(int transID, ServiceRecord[] servRecord) {
            }

            @Override
            public void serviceSearchCompleted(int transID, int respCode) {
            }
        };
        if (!agent.startInquiry(DiscoveryAgent.GIAC, l)) {
            throw new TransportException("Bluetooth inquiry could not start (is another scan running?)");
        }
        try {
            int code = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (code == DiscoveryListener.INQUIRY_ERROR) {
                throw new TransportException("Bluetooth inquiry failed (adapter busy or off?)");
            }
        } catch (TimeoutException e) {
            agent.cancelInquiry(l);
        } catch (InterruptedException e) {
            agent.cancelInquiry(l);
            Thread.currentThread().interrupt();
            throw new TransportException("Bluetooth inquiry interrupted", e);
        } catch (ExecutionException e) {
            throw new TransportException("Bluetooth inquiry failed: " + e.getCause(), e.getCause());
        }
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    private static BluetoothDevice describe(DiscoveryAgent agent, RemoteDevice d) throws TransportException {
        ServiceRecord spp = searchSpp(agent, d);
        String url = null;
        String service = "";
        if (spp != null) {
            url = spp.getConnectionURL(ServiceRecord.NOAUTHENTICATE_NOENCRYPT, false);
            DataElement n = spp.getAttributeValue(SERVICE_NAME_ATTR);
            if (n != null && n.getDataType() == DataElement.STRING) {
                service = String.valueOf(n.getValue());
            }
        }
        return new BluetoothDevice(d.getBluetoothAddress(), friendlyName(d), url, service);
    }

    private static ServiceRecord searchSpp(DiscoveryAgent agent, RemoteDevice d) throws TransportException {
        CompletableFuture<ServiceRecord> result = new CompletableFuture<>();
        ServiceRecord[] first = new ServiceRecord[1];
        DiscoveryListener l = new DiscoveryListener() {
            @Override
            public void deviceDiscovered(RemoteDevice btDevice, DeviceClass cod) {
            }

            @Override
            public void inquiryCompleted(int discType) {
            }

            @Override
            public void servicesDiscovered(int transID, ServiceRecord[] records) {
                synchronized (first) {
                    if (first[0] == null && records != null && records.length > 0) {
                        first[0] = records[0];
                    }
                }
            }

            @Override
            public void serviceSearchCompleted(int transID, int respCode) {
                synchronized (first) {
                    result.complete(first[0]);
                }
            }
        };
        int trans;
        try {
            trans = agent.searchServices(new int[] {SERVICE_NAME_ATTR}, new UUID[] {SPP}, d, l);
        } catch (BluetoothStateException e) {
            throw new TransportException("SDP search on " + colonAddress(d.getBluetoothAddress()) + " could not start: "
                    + ReaderThreadTransport.describe(e), e);
        }
        try {
            return result.get(SDP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            agent.cancelServiceSearch(trans);
            throw new TransportException("SDP search on " + colonAddress(d.getBluetoothAddress()) + " timed out after "
                    + SDP_TIMEOUT.toSeconds() + " s (out of range?)");
        } catch (InterruptedException e) {
            agent.cancelServiceSearch(trans);
            Thread.currentThread().interrupt();
            throw new TransportException("SDP search interrupted", e);
        } catch (ExecutionException e) {
            throw new TransportException("SDP search failed: " + e.getCause(), e.getCause());
        }
    }

    /** A device known only by the address the user typed (JSR-82 makes its constructor protected). */
    private static final class AddressedDevice extends RemoteDevice {
        AddressedDevice(String address) {
            super(address);
        }
    }
}
