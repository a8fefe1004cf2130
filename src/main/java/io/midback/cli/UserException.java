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

    public int exitCode() {
        return exitCode;
    }
}
