package io.midback.mobility;

import io.midback.posture.Ema;

/**
 * Whether the sensor is still: before the gyroscope bias is known, a small spread of the gyroscope and accelerometer
 * over a short running window; once it is known, a small bias-corrected rate on every sample (so a slow steady turn
 * is not mistaken for stillness, and the start and end of a movement are seen at once).
 * Allocation-free.
 */
final class Stillness {
    private final MobilitySettings settings;
    private final Ema gx, gy, gz, ax, ay, az;
    private final double stdGyroSqRad, rateSqRad;
    private boolean raw;
    private double sinceS = Double.NaN;
    private double lastS = Double.NaN;

    Stillness(MobilitySettings s) {
        settings = s;
        double tau = s.stillTauS();
        gx = new Ema(tau);
        gy = new Ema(tau);
        gz = new Ema(tau);
        ax = new Ema(tau);
        ay = new Ema(tau);
        az = new Ema(tau);
        double g = Math.toRadians(s.stillGyroStdDegPerS());
        stdGyroSqRad = g * g;
        double r = Math.toRadians(s.stillRateDegPerS());
        rateSqRad = r * r;
    }

    /** One sample; bias (rad/s) is subtracted from the mean for the rate test, NaN when not yet known. */
    void update(double tS, double dtS, double gxv, double gyv, double gzv, double axv, double ayv, double azv,
                double biasX, double biasY, double biasZ) {
        gx.add(gxv, dtS);
        gy.add(gyv, dtS);
        gz.add(gzv, dtS);
        ax.add(axv, dtS);
        ay.add(ayv, dtS);
        az.add(azv, dtS);
        boolean s;
        if (Double.isNaN(biasX)) {
            s = gx.var + gy.var + gz.var < stdGyroSqRad
                    && Math.sqrt(ax.var + ay.var + az.var) < settings.stillAccelStdMps2();
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
        gx.reset();
        gy.reset();
        gz.reset();
        ax.reset();
        ay.reset();
        az.reset();
    }
}
