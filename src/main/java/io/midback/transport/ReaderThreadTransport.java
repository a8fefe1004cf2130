package io.midback.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * The reader thread shared by transports: one daemon thread per open link runs a blocking read (with a timeout
 * where the port has one, never a sleep) and hands each chunk to the listener. Subclasses say how to connect,
 * read, write, unblock a pending read and release the port.
 */
abstract class ReaderThreadTransport implements ByteTransport {
    private static final long JOIN_TIMEOUT_MS = 3_000;

    private final int bufferBytes;
    private volatile boolean open;
    private volatile boolean closing;
    private Thread reader;
    private LinkListener listener;

    ReaderThreadTransport(int bufferBytes) {
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be positive: " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
    }

    /** Connects; throws a {@link TransportException} that names the port. */
    abstract void connect() throws IOException;

    /**
     * Blocks until at least one byte has arrived, the read timeout passes, or the link ends.
     *
     * @return bytes read (&gt; 0), 0 on timeout, -1 when the link has ended
     */
    abstract int read(byte[] buf) throws IOException;

    abstract void send(byte[] data) throws IOException;

    /** Called by {@link #close()} before waiting for the reader: unblock a read that has no timeout. */
    void interruptRead() {
    }

    /** Releases the port once the reader thread has stopped (or could not be stopped). */
    abstract void release();

    @Override
    public final synchronized void open(LinkListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (open || reader != null) {
            throw new IllegalStateException(name() + " is already open (a transport is opened once)");
        }
        this.listener = listener;
        connect();
        open = true;
        reader = new Thread(this::readLoop, "midback-read " + name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        byte[] buf = new byte[bufferBytes];
        String lostReason = null;
        while (!closing) {
            int n;
            try {
                n = read(buf);
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    lostReason = "read failed on " + name() + ": " + describe(e);
                }
                break;
            }
            if (n > 0) {
                listener.onBytes(buf, 0, n);
            } else if (n < 0) {
                if (!closing) {
                    lostReason = name() + " ended (port closed or device gone)";
                }
                break;
            }
        }
        open = false;
        if (lostReason != null) {
            listener.onState(LinkState.DISCONNECTED, lostReason);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (!open) {
            throw new TransportException("cannot write to " + name() + ": it is not open");
        }
        send(data);
    }

    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            r = reader;
        }
        interruptRead();
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(JOIN_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open = false;
        release();
    }
}
