package io.midback.mobility;

/**
 * The check's own heading reference, for rotation without a magnetometer. Without one, the orientation filter's
 * heading drifts (a gyroscope bias about the vertical cannot be seen by the accelerometer). The trunk's true
 * heading cannot change while it is still, so every heading change the filter shows while still (at the capture,
 * at each return to upright, at each held peak) is drift: it is added to the correction, and its rate is learnt
 * and carried over the movements in between. Unlike the posture stage, nothing re-zeroes to the current heading,
 * so a held rotation stays measured. Allocation-free.
 */
final class HeadingReference {
    private final double driftTauS;
    private boolean primed;
    private double previousRad;
    private double correctionRad;
    private double driftRadPerS;
    private double stillDriftRad;

    HeadingReference(double driftTauS) {
        this.driftTauS = driftTauS;
    }

    /** Starts afresh from a heading drift rate seen during the capture, rad/s. */
    void restart(double driftRadPerS) {
        primed = false;
        correctionRad = 0;
        stillDriftRad = 0;
        this.driftRadPerS = driftRadPerS;
    }

    /**
     * One sample: the filter's heading of the trunk relative to the upright pose (rad, any branch), the time step and
     * whether the trunk is still.
     */
    void update(double headingRad, double dtS, boolean still) {
        if (!primed) {
            primed = true;
            previousRad = headingRad;
            return;
        }
        double step = wrap(headingRad - previousRad);
        previousRad = headingRad;
        if (!(dtS > 0)) {
            return;
        }
        if (still) {
            correctionRad += step;
            stillDriftRad += step;
            driftRadPerS += (step / dtS - driftRadPerS) * Math.min(1, dtS / driftTauS);
        } else {
            correctionRad += driftRadPerS * dtS;
        }
    }

    /** The heading the filter drifted by so far: subtract it from the filter's heading. */
    double correctionRad() {
        return correctionRad;
    }

    /** Of the correction, what was seen directly while still (the rest was carried over movements at the rate). */
    double stillDriftRad() {
        return stillDriftRad;
    }

    double driftRadPerS() {
        return driftRadPerS;
    }

    static double wrap(double a) {
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }
}
