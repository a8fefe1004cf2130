package io.midback.cli;

import io.midback.app.UserSettings;
import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The posture and alert options that {@code replay}, {@code live} and {@code gui} share
 * ({@code @Mixin PostureOptions}): calibration window, forward lean, slump preset and explicit overrides, break
 * interval. They override the wearer's settings file ({@link UserSettings}) for one run. Values are checked as
 * they are parsed; a bad one is a usage error naming the option. The presets' figures in the help are
 * {@link SlumpPreset}'s (a test reads both).
 */
public final class PostureOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private double calibrateAtS = Double.NaN;
    private double forwardAtS = Double.NaN;
    private double slumpThresholdDeg = Double.NaN;
    private double slumpDwellS = Double.NaN;
    private double breakAfterMin = Double.NaN;
    private SlumpPreset preset;

    @Option(names = "--calibrate-at", paramLabel = "S",
            description = "Neutral (upright, still) pose from the 3 s starting S seconds into the session "
                    + "(default: the first still 3 s).")
    void calibrateAt(double s) {
        calibrateAtS = nonNegative("--calibrate-at", s);
    }

    @Option(names = "--forward-at", paramLabel = "S",
            description = "A slow forward lean happens within [S, S+5 s]: it gives the sensor's mounting "
                    + "(default: sensor flat on the back, any rotation in the back's plane).")
    void forwardAt(double s) {
        forwardAtS = nonNegative("--forward-at", s);
    }

    @Option(names = "--slump-threshold", paramLabel = "DEG",
            description = "Flexion beyond upright that counts as a slump, degrees (presets gentle/standard/strict: "
                    + "20/15/10).")
    void slumpThreshold(double deg) {
        String wrong = thresholdProblem("--slump-threshold", deg);
        if (wrong != null) {
            throw bad(wrong);
        }
        slumpThresholdDeg = deg;
    }

    /** What is wrong with {@code deg} given to {@code option} as a slump threshold, or null. */
    static String thresholdProblem(String option, double deg) {
        return deg >= PostureSettings.MIN_THRESHOLD_DEG && deg <= PostureSettings.MAX_THRESHOLD_DEG ? null
                : option + " " + SessionConsole.number(deg) + ": give degrees from "
                        + SessionConsole.number(PostureSettings.MIN_THRESHOLD_DEG) + " to "
                        + SessionConsole.number(PostureSettings.MAX_THRESHOLD_DEG);
    }

    @Option(names = "--slump-dwell", paramLabel = "S",
            description = "How long a slump lasts before the alert, seconds (presets gentle/standard/strict: "
                    + "120/20/10).")
    void slumpDwell(double s) {
        if (!(s >= 0 && s <= PostureSettings.MAX_DWELL_S)) {
            throw bad("--slump-dwell " + SessionConsole.number(s) + ": give seconds from 0 to "
                    + SessionConsole.number(PostureSettings.MAX_DWELL_S));
        }
        slumpDwellS = s;
    }

    @Option(names = "--break-after", paramLabel = "MIN",
            description = "Remind to take a break after sitting this many minutes (default: 45; 0 = off).")
    void breakAfter(double min) {
        if (!(min == 0 || (min >= 1 && min <= PostureSettings.MAX_BREAK_AFTER_MIN))) {
            throw bad("--break-after " + SessionConsole.number(min) + ": give minutes from 1 to "
                    + SessionConsole.number(PostureSettings.MAX_BREAK_AFTER_MIN) + ", or 0 for no break reminders");
        }
        breakAfterMin = min;
    }

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Slump alert preset: gentle, standard or strict (default: the settings file's; "
                    + "standard).")
    void preset(String name) {
        try {
            preset = SlumpPreset.fromLabel(name);
        } catch (IllegalArgumentException e) {
            throw bad("--preset: " + e.getMessage());
        }
    }

    /** The neutral-pose time asked for with --calibrate-at, seconds; NaN when not given. */
    public double calibrateAtS() {
        return calibrateAtS;
    }

    /** Whether any of these options was given (else the settings file's values apply as they are). */
    public boolean given() {
        return preset != null || !Double.isNaN(calibrateAtS) || !Double.isNaN(forwardAtS)
                || !Double.isNaN(slumpThresholdDeg) || !Double.isNaN(slumpDwellS) || !Double.isNaN(breakAfterMin);
    }

    /** The settings these options describe over the built-in defaults: the preset, then the explicit values. */
    public PostureSettings toSettings() {
        return over(PostureSettings.preset(preset != null ? preset : SlumpPreset.STANDARD));
    }

    /**
     * The settings for one run: the wearer's settings file, or the preset given here (with the file's break
     * interval), then the explicit values over it.
     */
    public PostureSettings toSettings(UserSettings user) {
        PostureSettings s = user.posture();
        return over(preset == null ? s : PostureSettings.preset(preset).withBreakAfter(s.breakAfterS()));
    }

    private PostureSettings over(PostureSettings base) {
        PostureSettings s = base;
        if (!Double.isNaN(calibrateAtS)) {
            s = s.withCalibrateAt(calibrateAtS);
        }
        if (!Double.isNaN(forwardAtS)) {
            s = s.withForwardAt(forwardAtS);
        }
        if (!Double.isNaN(slumpThresholdDeg)) {
            s = s.withSlumpThreshold(slumpThresholdDeg);
        }
        if (!Double.isNaN(slumpDwellS)) {
            s = s.withSlumpDwell(slumpDwellS);
        }
        if (!Double.isNaN(breakAfterMin)) {
            s = s.withBreakReminderMinutes(breakAfterMin);
        }
        return s;
    }

    private double nonNegative(String option, double s) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw bad(option + " " + SessionConsole.number(s) + ": give a time in seconds, 0 or more");
        }
        return s;
    }

    private RuntimeException bad(String message) {
        if (spec != null) {
            return new ParameterException(spec.commandLine(), message);
        }
        return new UserException(message);
    }
}
