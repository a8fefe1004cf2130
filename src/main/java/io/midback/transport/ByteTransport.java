package io.midback.transport;

import java.io.IOException;

/**
 * A two-way byte stream to a device (a serial port, a Bluetooth SPP link). {@link #open} connects and starts a
 * reader thread owned by the transport, which hands every chunk to the listener; when the link drops on its own
 * (port vanished, read error, end of stream) the listener gets {@link LinkState#DISCONNECTED} with the reason and
 * the reader thread ends. A transport is opened once; a reconnect uses a fresh one (see {@link ReconnectingLink}).
 */
public interface ByteTransport extends AutoCloseable {

    /** What this transport connects to, for messages: a port path or a Bluetooth address/URL. */
    String name();

    /**
     * Connects and starts reading; returns once connected.
     *
     * @throws TransportException naming the port or device when it cannot be opened
     */
    void open(LinkListener listener) throws IOException;

    /** Sends bytes to the device; blocks until they are handed to the OS. */
    void write(byte[] data) throws IOException;

    /** Stops the reader thread and releases the port; idempotent. The listener is not told about a close. */
    @Override
    void close();
}
