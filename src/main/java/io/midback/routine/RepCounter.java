package io.midback.routine;

import io.midback.mobility.MobilitySettings;

/**
 * Counts the repetitions of one exercise live, one angle sample at a time, with the range of each: the angle's
 * turning points by the mobility check's rule (a turn counts once the angle has come back by
 * {@link MobilitySettings#reversalMinDeg()} or {@link MobilitySettings#reversalFraction()} of the turning point's
 * distance from the neutral, whichever is larger), of which those at least the exercise's minimum from the neutral,
 * on the way out, are excursions. A one-sided movement counts each excursion to its side; a two-sided one counts a
 * repetition when it has seen one excursion to each side (a second excursion to the same side before the other
 * keeps the larger).
 *
 * <p>Angles are degrees from the exercise's own neutral. Nothing is allocated per sample: the repetitions go to
 * arrays sized once ({@link #MAX_REPS}).
 */
public final class RepCounter {
    /** Repetitions kept per exercise; more are counted but not kept. */
    public static final int MAX_REPS = 200;

    private final double reversalMinDeg, reversalFraction;
    private final double[] rangeDeg = new double[MAX_REPS];
    private final double[] positiveDeg = new double[MAX_REPS];
    private final double[] negativeDeg = new double[MAX_REPS];
    private final double[] endS = new double[MAX_REPS];
    private int side;
    private double minDeg;
    private int count;
    // turning points
    private int trend;
    private double extDeg, extS, hiDeg, loDeg;
    private boolean primed;
    private double firstMoveS;
    // a two-sided repetition's excursions so far (NaN: none yet)
    private double pendingPosDeg, pendingNegDeg;

    public RepCounter(MobilitySettings settings) {
        this.reversalMinDeg = settings.reversalMinDeg();
        this.reversalFraction = settings.reversalFraction();
        start(+1, settings.repMinDeg());
    }

    /**
     * Starts afresh for an exercise.
     *
     * @param side   +1 or −1 for a one-sided movement (the side that counts), 0 for a two-sided one
     * @param minDeg an excursion counts from this far from the neutral, degrees
     */
    public void start(int side, double minDeg) {
        this.side = side;
        this.minDeg = minDeg;
        count = 0;
        trend = 0;
        primed = false;
        pendingPosDeg = pendingNegDeg = Double.NaN;
    }

    /**
     * One sample of the followed angle.
     *
     * @return true when this sample completed a repetition ({@link #count()} went up)
     */
    public boolean update(double tS, double angleDeg) {
        if (!primed) {
            primed = true;
            hiDeg = loDeg = extDeg = angleDeg;
            extS = tS;
            return false;
        }
        if (trend == 0) {
            // before the first turn: wait until the angle has moved far enough one way
            if (angleDeg > hiDeg) {
                hiDeg = angleDeg;
            }
            if (angleDeg < loDeg) {
                loDeg = angleDeg;
            }
            if (hiDeg - loDeg >= reversalMinDeg) {
                trend = angleDeg >= hiDeg ? 1 : -1;
                firstMoveS = tS;
                extDeg = angleDeg;
                extS = tS;
            }
            return false;
        }
        double turnDeg = Math.max(reversalMinDeg, reversalFraction * Math.abs(extDeg));
        if (trend > 0) {
            if (angleDeg >= extDeg) {
                extDeg = angleDeg;
                extS = tS;
                return false;
            }
            if (extDeg - angleDeg < turnDeg) {
                return false;
            }
        } else {
            if (angleDeg <= extDeg) {
                extDeg = angleDeg;
                extS = tS;
                return false;
            }
            if (angleDeg - extDeg < turnDeg) {
                return false;
            }
        }
        boolean rep = turningPoint(extDeg, extS, trend, tS);
        trend = -trend;
        extDeg = angleDeg;
        extS = tS;
        return rep;
    }

    /** A confirmed turning point: a maximum (trend +1) or minimum (−1) at {@code deg}. */
    private boolean turningPoint(double deg, double atS, int kind, double confirmedS) {
        int sign = deg > 0 ? 1 : -1;
        if (Math.abs(deg) < minDeg || sign != kind) {
            return false; // too small, or a turn on the way back towards the neutral
        }
        if (side != 0) {
            if (sign != side) {
                return false;
            }
            return record(Math.abs(deg), sign > 0 ? deg : Double.NaN, sign < 0 ? -deg : Double.NaN, confirmedS);
        }
        if (sign > 0) {
            pendingPosDeg = Double.isNaN(pendingPosDeg) ? deg : Math.max(pendingPosDeg, deg);
        } else {
            pendingNegDeg = Double.isNaN(pendingNegDeg) ? -deg : Math.max(pendingNegDeg, -deg);
        }
        if (Double.isNaN(pendingPosDeg) || Double.isNaN(pendingNegDeg)) {
            return false;
        }
        boolean r = record(pendingPosDeg + pendingNegDeg, pendingPosDeg, pendingNegDeg, confirmedS);
        pendingPosDeg = pendingNegDeg = Double.NaN;
        return r;
    }

    private boolean record(double range, double pos, double neg, double atS) {
        if (count < MAX_REPS) {
            rangeDeg[count] = range;
            positiveDeg[count] = pos;
            negativeDeg[count] = neg;
            endS[count] = atS;
        }
        count++;
        return true;
    }

    public int count() {
        return count;
    }

    /**
     * Repetition {@code i}'s range, degrees: a one-sided excursion's peak from the neutral; a two-sided cycle's
     * arc, one side's peak plus the other's.
     */
    public double rangeDeg(int i) {
        return rangeDeg[i];
    }

    /** Repetition {@code i}'s peak on the positive side (forward, right), degrees; NaN when it has none. */
    public double positiveDeg(int i) {
        return positiveDeg[i];
    }

    /** Repetition {@code i}'s peak on the negative side (back, left), degrees (positive); NaN when it has none. */
    public double negativeDeg(int i) {
        return negativeDeg[i];
    }

    /** When repetition {@code i} was counted (its last turn confirmed), s. */
    public double endS(int i) {
        return endS[i];
    }

    /**
     * Repetition {@code i}'s duration, s: from the previous one's end, or for the first from when the angle first
     * moved (by {@link MobilitySettings#reversalMinDeg()}) to its end.
     */
    public double durationS(int i) {
        return endS[i] - (i == 0 ? firstMoveS : endS[i - 1]);
    }

    /** How many repetitions are kept ({@code min(count, MAX_REPS)}). */
    public int kept() {
        return Math.min(count, MAX_REPS);
    }
}
