package io.midback.ui;

import io.midback.app.UserSettings;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The window's view of the wearer's settings file ({@link UserSettings}: last source, theme, alert settings,
 * chart window; the file {@code replay} and {@code live} read too). Saving happens on a background thread (no
 * I/O on the event thread).
 */
public final class UiPrefs {
    private final UserSettings settings;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "midback-prefs");
        t.setDaemon(true);
        return t;
    });

    /** While the file read with damage, it is not overwritten until the user says what to do with it. */
    private volatile boolean held;

    private UiPrefs(UserSettings settings) {
        this.settings = settings;
        this.held = settings.damage() != null;
    }

    public static Path defaultDir() {
        return UserSettings.defaultDir();
    }

    /** Loads the settings file in {@code dir} (migrating the window's former {@code ui.properties}). */
    public static UiPrefs load(Path dir) {
        return new UiPrefs(UserSettings.load(dir));
    }

    /** The settings themselves. */
    public UserSettings settings() {
        return settings;
    }

    /** The value of a known key when the file sets it, else {@code def}. */
    public String get(String key, String def) {
        UserSettings.Key k = UserSettings.Key.of(key);
        return settings.isSet(k) ? settings.get(k) : def;
    }

    public double getDouble(String key, double def) {
        String v = get(key, null);
        return v == null ? def : Double.parseDouble(v);
    }

    /** Sets a known key (a value its check refuses is dropped: the window offers only valid ones). */
    public void put(String key, Object value) {
        try {
            settings.set(UserSettings.Key.of(key), value == null ? null : String.valueOf(value));
        } catch (IllegalArgumentException e) {
            System.err.println("midback gui: not saved: " + key + " " + e.getMessage());
        }
    }

    /** Writes the file in the background (not while a damaged file waits for the user's choice). */
    public void save() {
        if (held) {
            return;
        }
        writer.execute(() -> {
            try {
                settings.store();
            } catch (RuntimeException e) {
                System.err.println("midback gui: " + e.getMessage());
            }
        });
    }

    /** Writes the file from now on (the user chose to overwrite a damaged one, or it was moved aside). */
    public void release() {
        held = false;
        save();
    }

    /** Waits for pending saves (on exit). */
    public void flush() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path file() {
        return settings.file();
    }
}
