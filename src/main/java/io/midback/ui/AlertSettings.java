package io.midback.ui;

import io.midback.app.UserSettings;
import io.midback.app.UserSettings.Key;
import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;

import java.util.Arrays;
import java.util.Locale;

/**
 * The wearer's alert settings as the window edits them, kept in the settings file that {@code replay} and
 * {@code live} read too ({@link UserSettings}). The presets are the engine's ({@link SlumpPreset}).
 *
 * @param preset          name of the preset the values came from ("gentle", "standard", "strict", or "custom")
 * @param thresholdDeg    flexion beyond this counts as a slump, degrees
 * @param delayS          how long a slump must last before an alert, seconds
 * @param sound           play a tone with an alert
 * @param vibration       ask the device to vibrate with an alert
 * @param breakIntervalMin remind to take a break after this much sitting, minutes (0 = never)
 */
public record AlertSettings(String preset, double thresholdDeg, double delayS, boolean sound, boolean vibration,
                            double breakIntervalMin) {

    public AlertSettings {
        if (!(thresholdDeg > 0 && thresholdDeg < 90)) {
            throw new IllegalArgumentException("threshold must be between 0 and 90°: " + thresholdDeg);
        }
        if (!(delayS >= 0)) {
            throw new IllegalArgumentException("delay must be ≥ 0 s: " + delayS);
        }
        if (!(breakIntervalMin >= 0)) {
            throw new IllegalArgumentException("break interval must be ≥ 0 min: " + breakIntervalMin);
        }
    }

    public static final String[] PRESETS = Arrays.stream(SlumpPreset.values()).map(SlumpPreset::label)
            .toArray(String[]::new);

    /** What the dialog offers: the engine's presets, then "custom". */
    static String[] choices() {
        String[] c = Arrays.copyOf(PRESETS, PRESETS.length + 1);
        c[PRESETS.length] = "custom";
        return c;
    }

    /** The engine's preset of that name: its threshold and dwell; sound and vibration on; the default break. */
    public static AlertSettings preset(String name) {
        SlumpPreset p = SlumpPreset.fromLabel(name);
        return new AlertSettings(p.label(), p.thresholdDeg, p.dwellS, true, true,
                PostureSettings.DEFAULT_BREAK_AFTER_S / 60);
    }

    public static AlertSettings defaults() {
        return preset(SlumpPreset.STANDARD.label());
    }

    public AlertSettings withSound(boolean on) {
        return new AlertSettings(preset, thresholdDeg, delayS, on, vibration, breakIntervalMin);
    }

    public AlertSettings withVibration(boolean on) {
        return new AlertSettings(preset, thresholdDeg, delayS, sound, on, breakIntervalMin);
    }

    /** Writes these values to the settings file's keys (the window's Apply does, then saves the file). */
    public void save(UserSettings u) {
        u.set(Key.PRESET, preset);
        u.set(Key.THRESHOLD, String.valueOf(thresholdDeg));
        u.set(Key.DWELL, String.valueOf(delayS));
        u.set(Key.SOUND, String.valueOf(sound));
        u.set(Key.VIBRATION, String.valueOf(vibration));
        u.set(Key.BREAK_INTERVAL, String.valueOf(breakIntervalMin));
    }

    static AlertSettings load(UserSettings u) {
        try {
            return new AlertSettings(u.get(Key.PRESET), u.getDouble(Key.THRESHOLD), u.getDouble(Key.DWELL),
                    u.getBoolean(Key.SOUND), u.getBoolean(Key.VIBRATION), u.getDouble(Key.BREAK_INTERVAL));
        } catch (IllegalArgumentException e) {
            return defaults(); // stored values out of range: fall back rather than refuse to start
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: slump > %.0f° for %.0f s, break every %.0f min", preset, thresholdDeg,
                delayS, breakIntervalMin);
    }
}
