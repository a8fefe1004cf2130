package io.midback.history;

import io.midback.posture.PostureState;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One minute of history: seconds in each posture state, seconds without data, and flexion statistics (over the
 * calibrated, worn samples of the minute; NaN when there were none). On a day, minutes of overlapping sessions
 * are merged into one row. The breathing rate is the median over the minute's sedentary seconds with a rate (NaN
 * when the minute had fewer than the breathing stage asks for).
 */
public final class MinuteRow {
    private static final PostureState[] STATES = PostureState.values();

    private final long epochMinute;
    private final LocalDate localDate;
    private final int minuteOfDay;
    private final double[] stateSeconds;
    private final double gapS;
    private final int flexionSamples;
    private final double flexionMeanDeg;
    private final double flexionP50Deg;
    private final double flexionP90Deg;
    private final double flexionMinDeg;
    private final double flexionMaxDeg;
    private final double breathRatePerMin;
    private final double breathValidS;
    private final SpineMinute spine;

    public MinuteRow(long epochMinute, LocalDate localDate, int minuteOfDay, double[] stateSeconds, double gapS,
                     int flexionSamples, double flexionMeanDeg, double flexionP50Deg, double flexionP90Deg,
                     double flexionMinDeg, double flexionMaxDeg) {
        this(epochMinute, localDate, minuteOfDay, stateSeconds, gapS, flexionSamples, flexionMeanDeg, flexionP50Deg,
                flexionP90Deg, flexionMinDeg, flexionMaxDeg, Double.NaN, 0, null);
    }

    private MinuteRow(long epochMinute, LocalDate localDate, int minuteOfDay, double[] stateSeconds, double gapS,
                      int flexionSamples, double flexionMeanDeg, double flexionP50Deg, double flexionP90Deg,
                      double flexionMinDeg, double flexionMaxDeg, double breathRatePerMin, double breathValidS,
                      SpineMinute spine) {
        this.breathRatePerMin = breathRatePerMin;
        this.breathValidS = breathValidS;
        this.spine = spine;
        if (stateSeconds.length != STATES.length) {
            throw new IllegalArgumentException("stateSeconds needs " + STATES.length + " entries");
        }
        this.epochMinute = epochMinute;
        this.localDate = localDate;
        this.minuteOfDay = minuteOfDay;
        this.stateSeconds = stateSeconds.clone();
        this.gapS = gapS;
        this.flexionSamples = flexionSamples;
        this.flexionMeanDeg = flexionMeanDeg;
        this.flexionP50Deg = flexionP50Deg;
        this.flexionP90Deg = flexionP90Deg;
        this.flexionMinDeg = flexionMinDeg;
        this.flexionMaxDeg = flexionMaxDeg;
    }

    /** Minutes since 1970-01-01T00:00Z of the minute's start. */
    public long epochMinute() {
        return epochMinute;
    }

    public Instant start() {
        return Instant.ofEpochSecond(epochMinute * 60);
    }

    public LocalDate localDate() {
        return localDate;
    }

    /** Local hour × 60 + minute of the minute's start (repeats in the hour a DST change turns back). */
    public int minuteOfDay() {
        return minuteOfDay;
    }

    public double seconds(PostureState state) {
        return stateSeconds[state.ordinal()];
    }

    /** Seconds with samples (every state, including not-worn and unknown). */
    public double recordedSeconds() {
        double s = 0;
        for (double v : stateSeconds) {
            s += v;
        }
        return s;
    }

    /** Seconds in any sitting state. */
    public double sittingSeconds() {
        double s = 0;
        for (PostureState st : STATES) {
            if (st.isSitting()) {
                s += stateSeconds[st.ordinal()];
            }
        }
        return s;
    }

    /** Seconds worn: recorded and neither not-worn nor unknown. */
    public double wornSeconds() {
        return recordedSeconds() - seconds(PostureState.NOT_WORN) - seconds(PostureState.UNKNOWN);
    }

    /** The state with the most seconds in this minute, or null when no samples. */
    public PostureState dominantState() {
        PostureState best = null;
        double bestS = 0;
        for (PostureState st : STATES) {
            double v = stateSeconds[st.ordinal()];
            if (v > bestS) {
                bestS = v;
                best = st;
            }
        }
        return best;
    }

    public double gapS() {
        return gapS;
    }

    public int flexionSamples() {
        return flexionSamples;
    }

    public double flexionMeanDeg() {
        return flexionMeanDeg;
    }

    public double flexionP50Deg() {
        return flexionP50Deg;
    }

    public double flexionP90Deg() {
        return flexionP90Deg;
    }

    public double flexionMinDeg() {
        return flexionMinDeg;
    }

    public double flexionMaxDeg() {
        return flexionMaxDeg;
    }

    /** This row with the minute's breathing: its median rate over {@code validS} seconds with a rate. */
    MinuteRow withBreathing(double ratePerMin, double validS) {
        return new MinuteRow(epochMinute, localDate, minuteOfDay, stateSeconds, gapS, flexionSamples,
                flexionMeanDeg, flexionP50Deg, flexionP90Deg, flexionMinDeg, flexionMaxDeg, ratePerMin, validS,
                spine);
    }

    /** This row with the minute's spine between two sensors (null: none). */
    MinuteRow withSpine(SpineMinute s) {
        return new MinuteRow(epochMinute, localDate, minuteOfDay, stateSeconds, gapS, flexionSamples,
                flexionMeanDeg, flexionP50Deg, flexionP90Deg, flexionMinDeg, flexionMaxDeg, breathRatePerMin,
                breathValidS, s);
    }

    /** The spine between two sensors in this minute, or null when it had no lower sensor. */
    public SpineMinute spine() {
        return spine;
    }

    /** The breathing rate while sedentary, breaths per minute; NaN when the minute has none. */
    public double breathRatePerMin() {
        return breathRatePerMin;
    }

    /** The sedentary seconds with a breathing rate behind {@link #breathRatePerMin()}. */
    public double breathValidS() {
        return breathValidS;
    }

    /** Merges two rows of the same minute (overlapping sessions): seconds add, flexion combines. */
    MinuteRow merge(MinuteRow o) {
        double[] s = stateSeconds.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += o.stateSeconds[i];
        }
        int n = flexionSamples + o.flexionSamples;
        double mean = n == 0 ? Double.NaN
                : (nz(flexionMeanDeg) * flexionSamples + nz(o.flexionMeanDeg) * o.flexionSamples) / n;
        MinuteRow major = flexionSamples >= o.flexionSamples ? this : o;
        MinuteRow merged = new MinuteRow(epochMinute, localDate, minuteOfDay, s, gapS + o.gapS, n, mean,
                major.flexionP50Deg, major.flexionP90Deg, nanMin(flexionMinDeg, o.flexionMinDeg),
                nanMax(flexionMaxDeg, o.flexionMaxDeg));
        double breathS = breathValidS + o.breathValidS;
        if (breathS > 0) {
            merged = merged.withBreathing((nz(breathRatePerMin) * breathValidS
                    + nz(o.breathRatePerMin) * o.breathValidS) / breathS, breathS);
        }
        return merged.withSpine(spine == null ? o.spine : spine.merge(o.spine));
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double nanMin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
