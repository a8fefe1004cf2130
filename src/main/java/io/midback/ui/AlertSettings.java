package io.midback.ui;

import java.util.Locale;

/**
 * The wearer's alert settings as the window edits them.
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

    public static final String[] PRESETS = {"gentle", "standard", "strict"};

    public static AlertSettings preset(String name) {
        return switch (name) {
            // The posture engine's presets (SlumpPreset): threshold and dwell.
            case "gentle" -> new AlertSettings("gentle", 20, 120, true, true, 45);
            case "strict" -> new AlertSettings("strict", 10, 10, true, true, 45);
            case "standard" -> new AlertSettings("standard", 15, 30, true, true, 45);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'");
        };
    }

    public static AlertSettings defaults() {
        return preset("standard");
    }

    public AlertSettings withThreshold(double deg) {
        return new AlertSettings("custom", deg, delayS, sound, vibration, breakIntervalMin);
    }

    public AlertSettings withDelay(double s) {
        return new AlertSettings("custom", thresholdDeg, s, sound, vibration, breakIntervalMin);
    }

    public AlertSettings withSound(boolean on) {
        return new AlertSettings(preset, thresholdDeg, delayS, on, vibration, breakIntervalMin);
    }

    public AlertSettings withVibration(boolean on) {
        return new AlertSettings(preset, thresholdDeg, delayS, sound, on, breakIntervalMin);
    }

    public AlertSettings withBreakInterval(double min) {
        return new AlertSettings("custom", thresholdDeg, delayS, sound, vibration, min);
    }

    void save(UiPrefs p) {
        p.put("alert.preset", preset);
        p.put("alert.thresholdDeg", thresholdDeg);
        p.put("alert.delayS", delayS);
        p.put("alert.sound", sound);
        p.put("alert.vibration", vibration);
        p.put("alert.breakIntervalMin", breakIntervalMin);
    }

    static AlertSettings load(UiPrefs p) {
        AlertSettings d = defaults();
        try {
            return new AlertSettings(p.get("alert.preset", d.preset), p.getDouble("alert.thresholdDeg", d.thresholdDeg),
                    p.getDouble("alert.delayS", d.delayS), p.getBoolean("alert.sound", d.sound),
                    p.getBoolean("alert.vibration", d.vibration),
                    p.getDouble("alert.breakIntervalMin", d.breakIntervalMin));
        } catch (IllegalArgumentException e) {
            return d; // stored values out of range: fall back rather than refuse to start
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: slump > %.0f° for %.0f s, break every %.0f min", preset, thresholdDeg,
                delayS, breakIntervalMin);
    }
}
