package io.midback.mobility;

/**
 * The check's heading reference, for rotation without a magnetometer: the filter's heading of the trunk relative to
 * the upright pose, never re-zeroed (the posture stage re-zeroes after 5 s of stillness, which would erase a held
 * rotation). What keeps it from drifting is upstream: the gyroscope bias taken at the still capture and followed at
 * every later stillness ({@link GyroBias}), the returns to upright and the holds being the anchors. This class
 * watches what is left: the heading change the filter shows while the trunk is still, which is residual drift (or
 * slow movement too small to call movement). Allocation-free.
 */
final class HeadingReference {
    private boolean primed;
    private double previousRad;
    private double stillChangeRad;

    /** Starts afresh (a new capture). */
    void restart() {
        primed = false;
        stillChangeRad = 0;
    }

    /** One sample: the filter's heading of the trunk relative to the upright pose (rad) and whether it is still. */
    void update(double headingRad, boolean still) {
        if (primed && still) {
            stillChangeRad += wrap(headingRad - previousRad);
        }
        primed = true;
        previousRad = headingRad;
    }

    /** The heading change seen while still since the capture, rad. */
    double stillChangeRad() {
        return stillChangeRad;
    }

    static double wrap(double a) {
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }
}
