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

    /**
     * Why a file operation failed, in words: the JDK's file errors often carry only the path ("/proc/x.svg"),
     * which says nothing a user can act on.
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder, or the folder does not allow new files";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public int exitCode() {
        return exitCode;
    }
}
