package io.midback.mobility;

/**
 * Whether the sensor is still: before the gyroscope bias is known, the posture stage's window test
 * ({@link io.midback.posture.Stillness}: a small spread of the gyroscope and accelerometer over a short running
 * window); once it is known, a small bias-corrected rate on every sample (so a slow steady turn is not mistaken
 * for stillness, and the start and end of a movement are seen at once). Allocation-free.
 */
final class Stillness {
    private final MobilitySettings settings;
    private final io.midback.posture.Stillness window;
    private final double rateSqRad;
    private boolean raw;
    private double sinceS = Double.NaN;
    private double lastS = Double.NaN;

    Stillness(MobilitySettings s) {
        settings = s;
        window = new io.midback.posture.Stillness(s.stillTauS(), Math.toRadians(s.stillGyroStdDegPerS()),
                s.stillAccelStdMps2(), Double.POSITIVE_INFINITY);
        double r = Math.toRadians(s.stillRateDegPerS());
        rateSqRad = r * r;
    }

    /** One sample; bias (rad/s) is subtracted from the mean for the rate test, NaN when not yet known. */
    void update(double tS, double dtS, double gxv, double gyv, double gzv, double axv, double ayv, double azv,
                double biasX, double biasY, double biasZ) {
        window.update(tS, dtS, gxv, gyv, gzv, axv, ayv, azv);
        boolean s;
        if (Double.isNaN(biasX)) {
            s = window.isStill();
        } else {
            // Once the bias is known, the corrected rate itself, sample by sample: no running window to lag behind
            // the start or the end of a movement.
            double mx = gxv - biasX, my = gyv - biasY, mz = gzv - biasZ;
            s = mx * mx + my * my + mz * mz < rateSqRad;
        }
        if (s && !raw) {
            sinceS = tS;
        }
        raw = s;
        lastS = tS;
    }

    /** Still for at least the hold time. */
    boolean isStill() {
        return raw && lastS - sinceS >= settings.stillHoldS();
    }

    /** The stillness test on this sample, before the hold time. */
    boolean isStillNow() {
        return raw;
    }

    /** Seconds still so far (0 when moving). */
    double stillForS() {
        return raw ? lastS - sinceS : 0;
    }

    /** Samples are missing: stillness starts over. */
    void reset() {
        raw = false;
        sinceS = Double.NaN;
        window.reset();
    }
}
