package io.midback.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The window's remembered settings (last source, theme, alert settings, chart window) in a small properties file
 * in the user's config directory: {@code $XDG_CONFIG_HOME/midback/ui.properties} (else
 * {@code ~/.config/midback/ui.properties}); the system property {@code midback.config.dir} overrides the folder.
 * Saving happens on a background thread (no I/O on the event thread).
 */
public final class UiPrefs {
    private final Path file;
    private final Properties props = new Properties();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "midback-prefs");
        t.setDaemon(true);
        return t;
    });

    private UiPrefs(Path file) {
        this.file = file;
    }

    public static Path defaultDir() {
        String override = System.getProperty("midback.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("midback");
    }

    /** Loads the file if present (an unreadable file counts as empty). */
    public static UiPrefs load(Path dir) {
        UiPrefs p = new UiPrefs(dir.resolve("ui.properties"));
        if (Files.isRegularFile(p.file)) {
            try (InputStream in = Files.newInputStream(p.file)) {
                p.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.props.clear();
            }
        }
        return p;
    }

    public synchronized String get(String key, String def) {
        return props.getProperty(key, def);
    }

    public double getDouble(String key, double def) {
        try {
            String v = get(key, null);
            return v == null ? def : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public boolean getBoolean(String key, boolean def) {
        String v = get(key, null);
        return v == null ? def : Boolean.parseBoolean(v);
    }

    public synchronized void put(String key, Object value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, String.valueOf(value));
        }
    }

    /** Writes the file in the background (atomically: temp file, then move). */
    public void save() {
        Properties copy;
        synchronized (this) {
            copy = (Properties) props.clone();
        }
        writer.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    copy.store(out, "Midback window settings");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("midback gui: cannot save settings to " + file + ": " + e.getMessage());
            }
        });
    }

    /** Waits for pending saves (on exit). */
    public void flush() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path file() {
        return file;
    }
}
