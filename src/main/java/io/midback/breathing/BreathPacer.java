package io.midback.breathing;

/**
 * The paced-breathing guide: a steady cycle at the asked rate, inhaling over the first {@value #INHALE_SHARE} of
 * each cycle and exhaling over the rest (a longer exhalation, as slow diaphragmatic breathing is taught). Times
 * are seconds from the exercise's start; pure and allocation-free.
 */
public final class BreathPacer {
    /** The share of each cycle spent inhaling. */
    public static final double INHALE_SHARE = 0.4;
    /** The rate asked when none is given, breaths per minute. */
    public static final double DEFAULT_RATE_PER_MIN = 6;
    /** The slowest and the fastest pace offered, breaths per minute. */
    public static final double MIN_RATE_PER_MIN = 3, MAX_RATE_PER_MIN = 30;

    private final double ratePerMin;
    private final double periodS;

    public BreathPacer(double ratePerMin) {
        if (!(ratePerMin >= MIN_RATE_PER_MIN && ratePerMin <= MAX_RATE_PER_MIN)) {
            throw new IllegalArgumentException("the pace must be " + (int) MIN_RATE_PER_MIN + " to "
                    + (int) MAX_RATE_PER_MIN + " breaths/min, not " + ratePerMin);
        }
        this.ratePerMin = ratePerMin;
        this.periodS = 60 / ratePerMin;
    }

    public double ratePerMin() {
        return ratePerMin;
    }

    /** One cycle (inhale and exhale), s. */
    public double periodS() {
        return periodS;
    }

    /** How far through its cycle the guide is at {@code tS}, 0 (starts inhaling) to 1. */
    public double cycle(double tS) {
        double c = tS / periodS;
        return c - Math.floor(c);
    }

    public boolean inhaling(double tS) {
        return cycle(tS) < INHALE_SHARE;
    }

    /** How far through the current inhalation or exhalation the guide is, 0 to 1. */
    public double stroke(double tS) {
        double c = cycle(tS);
        return c < INHALE_SHARE ? c / INHALE_SHARE : (c - INHALE_SHARE) / (1 - INHALE_SHARE);
    }

    /** The guide's lungs, 0 (empty) to 1 (full): half a cosine up while inhaling, half a cosine down after. */
    public double volume(double tS) {
        double s = stroke(tS);
        double up = 0.5 - 0.5 * Math.cos(Math.PI * s);
        return inhaling(tS) ? up : 1 - up;
    }

    /** Seconds left in the current inhalation or exhalation. */
    public double secondsLeftInStroke(double tS) {
        double c = cycle(tS);
        return (c < INHALE_SHARE ? INHALE_SHARE - c : 1 - c) * periodS;
    }
}
