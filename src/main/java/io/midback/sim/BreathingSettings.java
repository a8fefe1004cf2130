package io.midback.sim;

import java.util.Locale;

/**
 * How the simulated wearer breathes from a scenario's {@code breathing} line on: a scenario file may hold several,
 * each in force from the start of the activity line after it (the first from 0 whatever its place), e.g.
 *
 * <pre>
 * breathing rate=6 depth=0.9 sighs=0
 * 0:00  3m  still
 * breathing rate=18                     # from 3:00 on, reached over glide seconds
 * +     3m  still
 * </pre>
 *
 * <p>Parameters not given keep the previous line's value (the first line's: {@link #DEFAULT}).
 *
 * @param ratePerMin   the mean rate, breaths per minute (3–40)
 * @param depthDeg     a typical breath's peak-to-peak tilt of the upper back (extension on inhaling), degrees
 * @param variability  breath-to-breath spread of the period (standard deviation / mean)
 * @param wander       slow wander of the rate over minutes (± fraction of the mean)
 * @param sighsPerHour deep breaths (about 2.5× as deep, 1.5× as long, then a pause of 2–5 s)
 * @param pausesPerHour breath holds of 4–10 s after an exhalation
 * @param glideS       how long a change of rate takes from the line it starts at
 */
public record BreathingSettings(double ratePerMin, double depthDeg, double variability, double wander,
                                double sighsPerHour, double pausesPerHour, double glideS) {

    /** A relaxed seated adult: 14 breaths/min, 0.7° deep, 12 % spread, 8 sighs and 4 pauses an hour. */
    public static final BreathingSettings DEFAULT = new BreathingSettings(14, 0.7, 0.12, 0.15, 8, 4, 10);

    public BreathingSettings {
        if (!(ratePerMin >= 3 && ratePerMin <= 40) || !(depthDeg >= 0 && depthDeg <= 5)
                || !(variability >= 0 && variability <= 0.4) || !(wander >= 0 && wander <= 0.5)
                || !(sighsPerHour >= 0 && sighsPerHour <= 120) || !(pausesPerHour >= 0 && pausesPerHour <= 120)
                || !(glideS >= 0)) {
            throw new IllegalArgumentException("breathing out of range: rate 3–40 per min, depth 0–5°, "
                    + "variability 0–0.4, wander 0–0.5, sighs and pauses 0–120 per hour, glide ≥ 0 s");
        }
    }

    /** The settings a {@code breathing key=value...} line gives over {@code previous}. */
    static BreathingSettings parse(String source, int lineNo, String[] fields, BreathingSettings previous) {
        double rate = previous.ratePerMin, depth = previous.depthDeg, variability = previous.variability;
        double wander = previous.wander, sighs = previous.sighsPerHour, pauses = previous.pausesPerHour;
        double glide = previous.glideS;
        for (int k = 1; k < fields.length; k++) {
            String f = fields[k];
            int eq = f.indexOf('=');
            if (eq <= 0 || eq == f.length() - 1) {
                throw new ScenarioFormatException(source, lineNo, "expected key=value but got '" + f + "'");
            }
            String key = f.substring(0, eq).toLowerCase(Locale.ROOT);
            double v = Scenario.number(source, lineNo, f.substring(eq + 1), key);
            switch (key) {
                case "rate" -> rate = v;
                case "depth" -> depth = v;
                case "variability" -> variability = v;
                case "wander" -> wander = v;
                case "sighs" -> sighs = v;
                case "pauses" -> pauses = v;
                case "glide" -> glide = v;
                default -> throw new ScenarioFormatException(source, lineNo, "'breathing' takes no parameter '"
                        + key + "' (it takes: depth, glide, pauses, rate, sighs, variability, wander)");
            }
        }
        try {
            return new BreathingSettings(rate, depth, variability, wander, sighs, pauses, glide);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(source, lineNo, e.getMessage());
        }
    }

    /** A {@code breathing} line in force from {@code fromS}. */
    public record Change(double fromS, BreathingSettings settings) {
    }
}
