package io.midback.recording;

/** A recording that cannot be read as it is; the message names the file and line (or byte offset). */
public class RecordingFormatException extends RuntimeException {
    public RecordingFormatException(String message) {
        super(message);
    }

    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
