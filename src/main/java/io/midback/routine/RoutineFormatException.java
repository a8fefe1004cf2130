package io.midback.routine;

/** A routine file that cannot be read: the message names the file and the line. */
public final class RoutineFormatException extends IllegalArgumentException {
    public RoutineFormatException(String message) {
        super(message);
    }
}
