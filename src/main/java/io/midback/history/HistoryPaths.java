package io.midback.history;

import java.nio.file.Path;
import java.util.Map;

/** Where the history database lives by default: the platform's per-user data directory. */
public final class HistoryPaths {
    public static final String FILE_NAME = "history.db";

    private HistoryPaths() {
    }

    /** The default database for this user on this machine. */
    public static Path defaultDatabase() {
        return defaultDatabase(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The default database for the given environment: {@code $XDG_DATA_HOME/midback} (else
     * {@code ~/.local/share/midback}) on Linux and other Unixes, {@code ~/Library/Application Support/Midback} on
     * macOS, {@code %APPDATA%\Midback} on Windows.
     */
    public static Path defaultDatabase(Map<String, String> env, String osName, Path userHome) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Midback").resolve(FILE_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Midback").resolve(FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : userHome.resolve(".local").resolve("share");
        return base.resolve("midback").resolve(FILE_NAME);
    }
}
