package io.midback.history;

/** The history database cannot be used; the message names the file and what is wrong with it. */
public class HistoryException extends RuntimeException {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryException(String message) {
        super(message);
    }
}
