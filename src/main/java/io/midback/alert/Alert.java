package io.midback.alert;

import java.util.Objects;

/**
 * One alert decision (rare: allocating it is fine).
 *
 * @param atS     when it fired, seconds from the first sample of the session
 * @param kind    what it is about
 * @param message what to tell the wearer (for a break: the mobility movement to do)
 */
public record Alert(double atS, AlertKind kind, String message) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
