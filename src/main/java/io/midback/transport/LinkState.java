package io.midback.transport;

/** Where a link to a sensor stands; each change comes with a reason for the user. */
public enum LinkState {
    /** Opening the port or connecting for the first time. */
    CONNECTING("connecting"),
    /** Bytes can flow. */
    CONNECTED("connected"),
    /** The link dropped (port vanished, read error, end of stream, watchdog); a reconnect may follow. */
    DISCONNECTED("disconnected"),
    /** Waiting before, or trying, another connection attempt. */
    RECONNECTING("reconnecting"),
    /** No more attempts: the session ends. */
    GIVEN_UP("given up"),
    /** Closed on purpose. */
    CLOSED("closed");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
