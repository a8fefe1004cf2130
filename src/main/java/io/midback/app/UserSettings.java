package io.midback.app;

import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The wearer's settings, one file for the window and the command line: {@code settings.properties} in the
 * platform's config folder ({@code $XDG_CONFIG_HOME/midback}, else {@code ~/.config/midback}; the system
 * property {@code midback.config.dir} overrides the folder). The window's Alert settings write it,
 * {@code midback settings set KEY VALUE} too, and {@code replay}, {@code live} and the window read it; options
 * on the command line override it for one run. The window's former {@code ui.properties} is migrated on first
 * load (and kept as {@code ui.properties.migrated}).
 *
 * <p>Every key is checked ({@link Key#check}); a value that no longer passes (an edited file) reads as the
 * default.
 */
public final class UserSettings {
    public static final String FILE_NAME = "settings.properties";
    static final String LEGACY_FILE_NAME = "ui.properties";

    /** The keys there are, with their defaults and their checks. */
    public enum Key {
        PRESET("slump.preset", "the slump preset: gentle, standard, strict (or custom, after edits)",
                SlumpPreset.STANDARD.label(), v -> oneOf(v, "gentle", "standard", "strict", "custom")),
        THRESHOLD("slump.threshold", "flexion beyond upright that counts as a slump, degrees ("
                + number(PostureSettings.MIN_THRESHOLD_DEG) + "–" + number(PostureSettings.MAX_THRESHOLD_DEG) + ")",
                number(SlumpPreset.STANDARD.thresholdDeg),
                v -> range(v, PostureSettings.MIN_THRESHOLD_DEG, PostureSettings.MAX_THRESHOLD_DEG, "degrees")),
        DWELL("slump.dwell", "how long a slump lasts before the alert, seconds (0–"
                + number(PostureSettings.MAX_DWELL_S) + ")",
                number(SlumpPreset.STANDARD.dwellS), v -> range(v, 0, PostureSettings.MAX_DWELL_S, "seconds")),
        BREAK_INTERVAL("break.interval", "remind to take a break after sitting this long, minutes (0 = never)",
                number(PostureSettings.DEFAULT_BREAK_AFTER_S / 60),
                v -> range(v, 0, PostureSettings.MAX_BREAK_AFTER_MIN, "minutes")),
        SOUND("alert.sound", "play a tone with an alert: true or false", "true", UserSettings::bool),
        VIBRATION("alert.vibration", "make the sensor vibrate with a slump alert: true or false", "true",
                UserSettings::bool),
        THEME("theme", "the window's look: light, dark or system", "system",
                v -> oneOf(v, "light", "dark", "system")),
        LAST_SOURCE("last.source", "what the window connects to on start (set by the window)", "", v -> v),
        LOWER_PORT("lower.port", "the lower sensor's serial port on the window's Connect tab (set by the window; "
                + "empty: none)", "", v -> v),
        RECORD_FILE("record.file", "where the window records a live session (set by the window; empty: not "
                + "recorded)", "", v -> v),
        CHART_WINDOW("chart.windowMin", "minutes the window's live chart shows (1–120)", "5",
                v -> range(v, 1, 120, "minutes"));

        public final String key;
        public final String description;
        public final String defaultValue;
        private final UnaryOperator<String> check;

        Key(String key, String description, String defaultValue, UnaryOperator<String> check) {
            this.key = key;
            this.description = description;
            this.defaultValue = defaultValue;
            this.check = check;
        }

        /** The value as stored, or an {@link IllegalArgumentException} saying what the key takes. */
        public String check(String value) {
            return check.apply(value.trim());
        }

        public static Key of(String name) {
            for (Key k : values()) {
                if (k.key.equals(name)) {
                    return k;
                }
            }
            StringBuilder known = new StringBuilder();
            for (Key k : values()) {
                known.append(known.length() == 0 ? "" : ", ").append(k.key);
            }
            throw new IllegalArgumentException("unknown setting '" + name + "' (known: " + known + ")");
        }
    }

    /** Keys of the window's former file, as they are named here. */
    private static final Map<String, Key> LEGACY = Map.of(
            "alert.preset", Key.PRESET, "alert.thresholdDeg", Key.THRESHOLD, "alert.delayS", Key.DWELL,
            "alert.breakIntervalMin", Key.BREAK_INTERVAL, "alert.sound", Key.SOUND,
            "alert.vibration", Key.VIBRATION, "theme", Key.THEME, "last.source", Key.LAST_SOURCE,
            "chart.windowMin", Key.CHART_WINDOW);

    private final Path file;
    private final Map<Key, String> values = new LinkedHashMap<>();
    /** What could not be read from the file (null: nothing amiss). */
    private String damage;

    private UserSettings(Path file) {
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

    /** The settings in the default folder. */
    public static UserSettings load() {
        return load(defaultDir());
    }

    /**
     * Loads {@code dir/settings.properties}; when it is missing and {@code dir/ui.properties} is there, migrates
     * that file first. A file that cannot be read counts as empty (the defaults).
     */
    public static UserSettings load(Path dir) {
        UserSettings s = new UserSettings(dir.resolve(FILE_NAME));
        Path legacy = dir.resolve(LEGACY_FILE_NAME);
        if (!Files.exists(s.file) && Files.isRegularFile(legacy)) {
            s.migrate(legacy);
            return s;
        }
        s.readAll(s.read(s.file), k -> Key.of(k));
        return s;
    }

    private void migrate(Path legacy) {
        readAll(read(legacy), LEGACY::get);
        damage = null; // the former file's other keys are the window's old ones, not damage
        try {
            store();
            Files.move(legacy, legacy.resolveSibling(LEGACY_FILE_NAME + ".migrated"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (UncheckedIOException | IOException e) {
            // the values are in use; the move is tried again on the next load
        }
    }

    private void readAll(Properties p, java.util.function.Function<String, Key> keyOf) {
        int unread = 0;
        for (String name : p.stringPropertyNames()) {
            try {
                Key k = keyOf.apply(name);
                if (k != null) {
                    values.put(k, k.check(p.getProperty(name)));
                }
            } catch (IllegalArgumentException e) {
                unread++; // an unknown key or a value out of range reads as the default
            }
        }
        if (unread > 0 && damage == null) {
            damage = unread + (unread == 1 ? " entry is" : " entries are")
                    + " not a setting Midback knows or out of range; the defaults apply in their place";
        }
    }

    private Properties read(Path f) {
        Properties p = new Properties();
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
                damage = "it cannot be read (" + e.getMessage() + "); the defaults apply";
            }
        }
        return p;
    }

    /**
     * What was wrong with the file when it was loaded (a damaged or hand-edited file: entries that are not
     * settings, values out of range, bytes that cannot be read), or null when it read cleanly or was missing.
     */
    public String damage() {
        return damage;
    }

    /**
     * Moves the file aside as {@code settings.properties.damaged-YYYYMMDD-HHMMSS} (kept for the user to look at)
     * and writes the settings in use in its place; returns where the old file now is. Blocks (I/O).
     */
    public Path setAside(java.time.LocalDateTime now) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-"
                + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " aside: " + e.getMessage(), e);
        }
        store();
        damage = null;
        return aside;
    }

    public Path file() {
        return file;
    }

    public synchronized String get(Key k) {
        return values.getOrDefault(k, k.defaultValue);
    }

    /** Whether the file sets this key (rather than the default applying). */
    public synchronized boolean isSet(Key k) {
        return values.containsKey(k);
    }

    public double getDouble(Key k) {
        return Double.parseDouble(get(k));
    }

    public boolean getBoolean(Key k) {
        return Boolean.parseBoolean(get(k));
    }

    /** Sets a key by its name (checked); {@link #store()} writes the file. */
    public void set(String key, String value) {
        set(Key.of(key), value);
    }

    public synchronized void set(Key k, String value) {
        if (value == null) {
            values.remove(k);
        } else {
            values.put(k, k.check(value));
        }
    }

    /** A snapshot of every key's value (defaults included), in key order. */
    public synchronized Map<Key, String> all() {
        Map<Key, String> m = new LinkedHashMap<>();
        for (Key k : Key.values()) {
            m.put(k, get(k));
        }
        return m;
    }

    /** Writes the file (atomically: a temporary file, then a move). */
    public void store() {
        Properties copy = new Properties();
        synchronized (this) {
            values.forEach((k, v) -> copy.setProperty(k.key, v));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copy.store(out, "Midback settings (midback settings set KEY VALUE)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The posture and alert settings these describe: the preset, then the stored threshold, dwell and break. */
    public PostureSettings posture() {
        return posture(get(Key.PRESET), getDouble(Key.THRESHOLD), getDouble(Key.DWELL),
                getDouble(Key.BREAK_INTERVAL));
    }

    /**
     * Posture settings from the values the wearer edits: the named preset's other values (standard for
     * "custom"), the threshold and dwell as given, a break reminder after {@code breakIntervalMin} (0 = never).
     */
    public static PostureSettings posture(String preset, double thresholdDeg, double dwellS,
                                          double breakIntervalMin) {
        SlumpPreset base = "custom".equals(preset) ? SlumpPreset.STANDARD : SlumpPreset.fromLabel(preset);
        PostureSettings p = PostureSettings.preset(base).withSlumpThreshold(thresholdDeg).withSlumpDwell(dwellS);
        return p.withBreakReminderMinutes(breakIntervalMin > 0 ? breakIntervalMin : 0);
    }

    /** A value as the settings file writes it: "20", "2.5". */
    public static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String oneOf(String v, String... allowed) {
        String lower = v.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(lower)) {
                return a;
            }
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    private static String range(String v, double min, double max, String unit) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException("must be between " + number(min) + " and " + number(max) + " "
                    + unit + ", not '" + v + "'");
        }
        return number(d);
    }

    private static String bool(String v) {
        return oneOf(v, "true", "false");
    }
}
