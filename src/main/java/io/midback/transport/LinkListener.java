package io.midback.transport;

/**
 * The one callback interface of a byte link: chunks of bytes as they arrive, and changes of the link's state.
 * Bytes come on the transport's reader thread, in order and one chunk at a time; state changes may come from
 * another thread (a reconnecting link's supervisor), so a listener keeps what both touch thread-safe.
 */
public interface LinkListener {

    /**
     * Bytes as read from the device, in order; {@code buf} is reused after the call returns, so copy what must be
     * kept. A chunk is whatever one read returned: it may hold part of a frame or several frames.
     */
    void onBytes(byte[] buf, int off, int len);

    /** The link changed state; {@code reason} says why, in words for the user (may be empty, never null). */
    default void onState(LinkState state, String reason) {
    }
}
