package io.midback.sensor;

/**
 * The one definition of a gap in a sample stream: a step between consecutive samples longer than
 * {@value #NOMINAL_PERIODS} nominal sample periods where the nominal rate is known (a reader estimates it), and
 * longer than {@value #MAX_STEP_S} s where it is not (the per-sample stages, which see only time stamps). Every
 * stage that integrates over time integrates no step longer than {@value #MAX_STEP_S} s and restarts its
 * short-term state after a gap; a gap is reported, never counted as time in any posture.
 */
public final class Gap {
    /** A step longer than this many nominal sample periods is a gap. */
    public static final double NOMINAL_PERIODS = 5;
    /** Without a nominal rate: a step longer than this is a gap, seconds. */
    public static final double MAX_STEP_S = 0.5;

    private Gap() {
    }

    /**
     * Whether {@code dtS} between two consecutive samples is a gap.
     *
     * @param nominalPeriodS the stream's nominal sample period, s; NaN when unknown
     */
    public static boolean isGap(double dtS, double nominalPeriodS) {
        return dtS > (nominalPeriodS > 0 ? NOMINAL_PERIODS * nominalPeriodS : MAX_STEP_S);
    }

    /** Whether {@code dtS} is a gap for a stage that does not know the nominal rate. */
    public static boolean isGap(double dtS) {
        return dtS > MAX_STEP_S;
    }
}
