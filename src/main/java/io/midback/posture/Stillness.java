package io.midback.posture;

/**
 * Whether the wearer is still: running standard deviations (time constant {@code stillTauS}) of the gyroscope
 * and accelerometer below {@code stillGyroRadPerS} and {@code stillAccelMps2}; and whether the gyroscope shows
 * ordinary movement ({@code movingGyroRadPerS}). Plain values in, allocation-free.
 */
final class Stillness {
    private final PostureTuning tuning;
    private final Ema gx, gy, gz, ax, ay, az;
    private double gyroStdRadPerS, accelStdMps2;
    private boolean still;
    private double stillSinceS = Double.NaN, lastS = Double.NaN;

    Stillness(PostureTuning tuning) {
        this.tuning = tuning;
        double tau = tuning.stillTauS();
        gx = new Ema(tau);
        gy = new Ema(tau);
        gz = new Ema(tau);
        ax = new Ema(tau);
        ay = new Ema(tau);
        az = new Ema(tau);
    }

    void update(double tS, double dtS, double gxRadPerS, double gyRadPerS, double gzRadPerS,
                double axMps2, double ayMps2, double azMps2) {
        double a = gx.alpha(dtS); // one time constant for all six
        gx.addWithAlpha(gxRadPerS, a);
        gy.addWithAlpha(gyRadPerS, a);
        gz.addWithAlpha(gzRadPerS, a);
        ax.addWithAlpha(axMps2, a);
        ay.addWithAlpha(ayMps2, a);
        az.addWithAlpha(azMps2, a);
        gyroStdRadPerS = Math.sqrt(gx.var + gy.var + gz.var);
        accelStdMps2 = Math.sqrt(ax.var + ay.var + az.var);
        boolean s = gyroStdRadPerS < tuning.stillGyroRadPerS() && accelStdMps2 < tuning.stillAccelMps2();
        if (s && !still) {
            stillSinceS = tS;
        }
        still = s;
        lastS = tS;
    }

    /** Samples were missing: stillness starts afresh. */
    void gap() {
        still = false;
        stillSinceS = Double.NaN;
    }

    /** Seconds the wearer has been still (0 when moving). */
    double stillForS() {
        return still && !Double.isNaN(stillSinceS) ? lastS - stillSinceS : 0;
    }

    boolean isStill() {
        return still;
    }

    /** Ordinary movement (more than breathing) shows in the gyroscope. */
    boolean isMoving() {
        return gyroStdRadPerS > tuning.movingGyroRadPerS();
    }

    double gyroStdRadPerS() {
        return gyroStdRadPerS;
    }

    double accelStdMps2() {
        return accelStdMps2;
    }
}
