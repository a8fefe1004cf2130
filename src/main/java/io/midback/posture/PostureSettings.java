package io.midback.posture;

/**
 * Everything the posture and alert stages can be told, with named defaults ({@link #defaults()}), presets
 * ({@link #preset(SlumpPreset)}) and explicit overrides ({@code withX}). Angles in degrees, times in seconds
 * from the session's first sample; {@code NaN} for "not given".
 *
 * @param calibrateAtS        neutral capture window starts here; NaN = the first still {@code neutralWindowS}
 * @param forwardAtS          a slow forward lean happens in [S, S + forwardWindowS]; NaN = default mounting
 * @param neutralWindowS      length of the neutral (upright, still) capture, s
 * @param forwardWindowS      length of the forward-lean window, s
 * @param preset              the preset the slump values came from (before explicit overrides)
 * @param slumpThresholdDeg   flexion beyond neutral that counts as slumped
 * @param slumpHysteresisDeg  a slump ends only below threshold − hysteresis
 * @param slumpDwellS         slumped this long (continuously) before the first alert
 * @param slumpRecoverS       below threshold − hysteresis this long before a slump counts as corrected
 * @param cooldownS           least time between the first alerts of two episodes
 * @param escalateEveryS      while the slump persists after an alert, an escalation this often
 * @param maxEscalations      escalations per episode at most (then silence: no endless nagging)
 * @param breakAfterS         a sedentary bout (sitting, or standing still) this long brings a break reminder
 * @param breakEndsAfterS     the break length: real movement (walking, moving about; also lying or the sensor
 *                            off) this long ends a sedentary bout ({@link SedentaryBouts})
 * @param breakRepeatS        the reminder repeats this often while the bout goes on
 * @param staleAfterS         slouched/reclined while moving normally this long suggests recalibration
 * @param tuning              the detectors' own constants ({@link PostureTuning#DEFAULTS})
 */
public record PostureSettings(double calibrateAtS, double forwardAtS, double neutralWindowS, double forwardWindowS,
                              SlumpPreset preset, double slumpThresholdDeg, double slumpHysteresisDeg,
                              double slumpDwellS, double slumpRecoverS, double cooldownS, double escalateEveryS,
                              int maxEscalations, double breakAfterS, double breakEndsAfterS, double breakRepeatS,
                              double staleAfterS, PostureTuning tuning) {

    public static final double DEFAULT_NEUTRAL_WINDOW_S = 3;
    public static final double DEFAULT_FORWARD_WINDOW_S = 5;
    public static final double DEFAULT_HYSTERESIS_DEG = 3;
    public static final double DEFAULT_RECOVER_S = 2;
    public static final int DEFAULT_MAX_ESCALATIONS = 3;
    public static final double DEFAULT_BREAK_AFTER_S = 45 * 60;
    public static final double DEFAULT_BREAK_ENDS_AFTER_S = 2 * 60;
    public static final double DEFAULT_BREAK_REPEAT_S = 15 * 60;
    public static final double DEFAULT_STALE_AFTER_S = 20 * 60;
    /** The values people can give (the command line, the settings file, the window's Alert settings). */
    public static final double MIN_THRESHOLD_DEG = 1, MAX_THRESHOLD_DEG = 60, MAX_DWELL_S = 3600,
            MAX_BREAK_AFTER_MIN = 24 * 60;

    public PostureSettings {
        if (preset == null || tuning == null) {
            throw new IllegalArgumentException("preset and tuning must be given");
        }
        requireNonNegativeOrNaN("calibrateAtS", calibrateAtS);
        requireNonNegativeOrNaN("forwardAtS", forwardAtS);
        requirePositive("neutralWindowS", neutralWindowS);
        requirePositive("forwardWindowS", forwardWindowS);
        if (!(slumpThresholdDeg > 0 && slumpThresholdDeg < 90)) {
            throw new IllegalArgumentException("slump threshold must be between 0 and 90 degrees: " + slumpThresholdDeg);
        }
        if (!(slumpHysteresisDeg >= 0 && slumpHysteresisDeg < slumpThresholdDeg)) {
            throw new IllegalArgumentException("slump hysteresis must be ≥ 0 and below the threshold ("
                    + slumpThresholdDeg + "°): " + slumpHysteresisDeg);
        }
        requireNonNegative("slumpDwellS", slumpDwellS);
        requireNonNegative("slumpRecoverS", slumpRecoverS);
        requireNonNegative("cooldownS", cooldownS);
        requirePositive("escalateEveryS", escalateEveryS);
        if (maxEscalations < 0) {
            throw new IllegalArgumentException("maxEscalations must be ≥ 0: " + maxEscalations);
        }
        requirePositive("breakAfterS", breakAfterS);
        requirePositive("breakEndsAfterS", breakEndsAfterS);
        requirePositive("breakRepeatS", breakRepeatS);
        requirePositive("staleAfterS", staleAfterS);
    }

    /** The standard preset, default calibration (first still window) and default mounting. */
    public static PostureSettings defaults() {
        return preset(SlumpPreset.STANDARD);
    }

    public static PostureSettings preset(SlumpPreset p) {
        return new PostureSettings(Double.NaN, Double.NaN, DEFAULT_NEUTRAL_WINDOW_S, DEFAULT_FORWARD_WINDOW_S, p,
                p.thresholdDeg, DEFAULT_HYSTERESIS_DEG, p.dwellS, DEFAULT_RECOVER_S, p.cooldownS, p.escalateEveryS,
                DEFAULT_MAX_ESCALATIONS, DEFAULT_BREAK_AFTER_S, DEFAULT_BREAK_ENDS_AFTER_S, DEFAULT_BREAK_REPEAT_S,
                DEFAULT_STALE_AFTER_S, PostureTuning.DEFAULTS);
    }

    public PostureSettings withCalibrateAt(double s) {
        return new PostureSettings(s, forwardAtS, neutralWindowS, forwardWindowS, preset, slumpThresholdDeg,
                slumpHysteresisDeg, slumpDwellS, slumpRecoverS, cooldownS, escalateEveryS, maxEscalations,
                breakAfterS, breakEndsAfterS, breakRepeatS, staleAfterS, tuning);
    }

    public PostureSettings withForwardAt(double s) {
        return new PostureSettings(calibrateAtS, s, neutralWindowS, forwardWindowS, preset, slumpThresholdDeg,
                slumpHysteresisDeg, slumpDwellS, slumpRecoverS, cooldownS, escalateEveryS, maxEscalations,
                breakAfterS, breakEndsAfterS, breakRepeatS, staleAfterS, tuning);
    }

    /** An explicit threshold; the hysteresis shrinks if needed to stay below it (a third of the threshold). */
    public PostureSettings withSlumpThreshold(double deg) {
        double hyst = Math.min(slumpHysteresisDeg, deg / 3);
        return new PostureSettings(calibrateAtS, forwardAtS, neutralWindowS, forwardWindowS, preset, deg,
                hyst, slumpDwellS, slumpRecoverS, cooldownS, escalateEveryS, maxEscalations,
                breakAfterS, breakEndsAfterS, breakRepeatS, staleAfterS, tuning);
    }

    public PostureSettings withSlumpDwell(double s) {
        return new PostureSettings(calibrateAtS, forwardAtS, neutralWindowS, forwardWindowS, preset,
                slumpThresholdDeg, slumpHysteresisDeg, s, slumpRecoverS, cooldownS, escalateEveryS, maxEscalations,
                breakAfterS, breakEndsAfterS, breakRepeatS, staleAfterS, tuning);
    }

    public PostureSettings withBreakAfter(double s) {
        return new PostureSettings(calibrateAtS, forwardAtS, neutralWindowS, forwardWindowS, preset,
                slumpThresholdDeg, slumpHysteresisDeg, slumpDwellS, slumpRecoverS, cooldownS, escalateEveryS,
                maxEscalations, s, breakEndsAfterS, breakRepeatS, staleAfterS, tuning);
    }

    /**
     * The break reminder as people set it: after {@code minutes} of sitting, or never when {@code minutes} is 0
     * (a bout longer than a year, so no session reaches it). The one meaning of "0 = off" for the window and the
     * command line.
     */
    public PostureSettings withBreakReminderMinutes(double minutes) {
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("break reminder must be ≥ 0 minutes (0 = off): " + minutes);
        }
        return withBreakAfter(minutes == 0 ? BREAKS_OFF_AFTER_S : minutes * 60);
    }

    /** A sitting bout no session reaches: what "no break reminders" sets {@link #breakAfterS} to. */
    public static final double BREAKS_OFF_AFTER_S = 365 * 24 * 3600.0;

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + v);
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be ≥ 0: " + v);
        }
    }

    private static void requireNonNegativeOrNaN(String name, double v) {
        if (!Double.isNaN(v) && (!(v >= 0) || Double.isInfinite(v))) {
            throw new IllegalArgumentException(name + " must be ≥ 0 seconds: " + v);
        }
    }
}
