package io.midback.transport;

import java.io.IOException;

/** A transport failed; the message names the port or device and says what to do where it can. */
public class TransportException extends IOException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
