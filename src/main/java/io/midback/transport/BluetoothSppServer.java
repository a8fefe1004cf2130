package io.midback.transport;

import javax.bluetooth.BluetoothStateException;
import javax.bluetooth.DiscoveryAgent;
import javax.bluetooth.LocalDevice;
import javax.microedition.io.Connector;
import javax.microedition.io.StreamConnection;
import javax.microedition.io.StreamConnectionNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The device side of a Bluetooth Serial Port Profile link (for a virtual sensor): makes the local adapter
 * discoverable, offers an SPP service under a name, and {@link #open} waits until one host connects. Each
 * connection is one transport; a {@link ReconnectingLink} opens a fresh one to wait for the next host.
 */
public final class BluetoothSppServer extends ReaderThreadTransport {
    private final String serviceName;
    private volatile StreamConnectionNotifier notifier;
    private volatile StreamConnection connection;
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile String client = "";

    public BluetoothSppServer(String serviceName) {
        super(1024);
        if (serviceName == null || serviceName.isBlank() || serviceName.contains(";")) {
            throw new IllegalArgumentException("a service name without ';' is required");
        }
        this.serviceName = serviceName;
    }

    @Override
    public String name() {
        return "SPP service \"" + serviceName + "\"" + client;
    }

    /** The local adapter's address (12 hex digits), for messages; a {@link TransportException} when unusable. */
    public static String localAddress() throws TransportException {
        return BluetoothDiscovery.requireStack().getBluetoothAddress();
    }

    @Override
    void connect() throws IOException {
        LocalDevice local = BluetoothDiscovery.requireStack();
        try {
            local.setDiscoverable(DiscoveryAgent.GIAC);
            notifier = (StreamConnectionNotifier) Connector.open("btspp://localhost:" + BluetoothDiscovery.SPP
                    + ";name=" + serviceName + ";authenticate=false;encrypt=false");
            StreamConnection c = notifier.acceptAndOpen();
            connection = c;
            in = c.openInputStream();
            out = c.openOutputStream();
            try {
                client = " (host " + BluetoothDiscovery.colonAddress(
                        javax.bluetooth.RemoteDevice.getRemoteDevice(c).getBluetoothAddress()) + ")";
            } catch (IOException | RuntimeException e) {
                client = "";
            }
        } catch (BluetoothStateException e) {
            release();
            throw BluetoothDiscovery.unusable(e);
        } catch (IOException | RuntimeException e) {
            release();
            throw new TransportException("cannot offer the SPP service \"" + serviceName + "\": " + describe(e), e);
        }
    }

    @Override
    int read(byte[] buf) throws IOException {
        InputStream s = in;
        return s == null ? -1 : s.read(buf);
    }

    @Override
    void send(byte[] data) throws IOException {
        OutputStream s = out;
        if (s == null) {
            throw new TransportException("cannot write to " + name() + ": the link is closed");
        }
        s.write(data);
        s.flush();
    }

    @Override
    void interruptRead() {
        release();
    }

    @Override
    void release() {
        Closing.quietly(in);
        Closing.quietly(out);
        Closing.quietly(connection);
        Closing.quietly(notifier);
        in = null;
        out = null;
        connection = null;
        notifier = null;
    }

}
