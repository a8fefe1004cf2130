package io.midback.transport;

import javax.bluetooth.BluetoothStateException;
import javax.microedition.io.Connector;
import javax.microedition.io.StreamConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Bluetooth Serial Port Profile link through Bluecove (JSR-82), opened from a {@code btspp://} URL (found by
 * {@link BluetoothDiscovery#resolve}). The read blocks on the transport's own thread; closing the connection
 * unblocks it.
 */
public final class BluetoothTransport extends ReaderThreadTransport {
    private final String url;
    private volatile StreamConnection connection;
    private volatile InputStream in;
    private volatile OutputStream out;

    public BluetoothTransport(String url) {
        super(4096);
        if (url == null || !url.startsWith("btspp://")) {
            throw new IllegalArgumentException("not a btspp:// URL: " + url);
        }
        this.url = url;
    }

    @Override
    public String name() {
        return url;
    }

    @Override
    void connect() throws IOException {
        BluetoothDiscovery.requireStack();
        try {
            connection = (StreamConnection) Connector.open(url, Connector.READ_WRITE, true);
            in = connection.openInputStream();
            out = connection.openOutputStream();
        } catch (BluetoothStateException e) {
            release();
            throw BluetoothDiscovery.unusable(e);
        } catch (IOException | RuntimeException e) {
            release();
            throw new TransportException("cannot connect to " + url + ": " + describe(e)
                    + " (is the device on, in range and not connected to something else?)", e);
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
            throw new TransportException("cannot write to " + url + ": the link is closed");
        }
        s.write(data);
        s.flush();
    }

    @Override
    void interruptRead() {
        release();
    }

    @Override
    synchronized void release() {
        Closing.quietly(in);
        Closing.quietly(out);
        Closing.quietly(connection);
        in = null;
        out = null;
        connection = null;
    }

}
