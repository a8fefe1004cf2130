package io.midback.cli;

/** An error the user can act on; its message is shown as is (it names the file, line, byte or port). */
public class UserException extends RuntimeException {
    private final int exitCode;

    public UserException(String message) {
        this(message, 1, null);
    }

    public UserException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public UserException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit 2): the message names the option and says what it accepts. */
    public static UserException usage(String message) {
        return new UserException(message, 2, null);
    }

    /** Why a file operation failed, in words ({@link io.midback.recording.FileErrors#reason}). */
    public static String reason(java.io.IOException e) {
        return io.midback.recording.FileErrors.reason(e);
    }

    public int exitCode() {
        return exitCode;
    }
}
