package io.midback.posture;

/**
 * Whether the wearer is still: running standard deviations (time constant {@code stillTauS}) of the gyroscope
 * and accelerometer below {@code stillGyroRadPerS} and {@code stillAccelMps2}; and whether the gyroscope shows
 * ordinary movement ({@code movingGyroRadPerS}). The posture stage's, and the window test of the mobility check.
 * Plain values in, allocation-free.
 */
public final class Stillness {
    /** The thresholds squared: the summed variances are compared with them (no square root per sample). */
    private final double stillGyroVar, stillAccelVar, movingGyroVar;
    private final Ema gx, gy, gz, ax, ay, az;
    private double gyroVar, accelVar;
    private boolean still;
    private double stillSinceS = Double.NaN, lastS = Double.NaN;

    Stillness(PostureTuning tuning) {
        this(tuning.stillTauS(), tuning.stillGyroRadPerS(), tuning.stillAccelMps2(), tuning.movingGyroRadPerS());
    }

    /**
     * @param tau               the running window's time constant, s
     * @param stillGyroRadPerS  still below this gyroscope standard deviation (all three axes together)
     * @param stillAccelMps2    ... and below this accelerometer standard deviation
     * @param movingGyroRadPerS moving above this gyroscope standard deviation ({@link #isMoving})
     */
    public Stillness(double tau, double stillGyroRadPerS, double stillAccelMps2, double movingGyroRadPerS) {
        this.stillGyroVar = stillGyroRadPerS * stillGyroRadPerS;
        this.stillAccelVar = stillAccelMps2 * stillAccelMps2;
        this.movingGyroVar = movingGyroRadPerS * movingGyroRadPerS;
        gx = new Ema(tau);
        gy = new Ema(tau);
        gz = new Ema(tau);
        ax = new Ema(tau);
        ay = new Ema(tau);
        az = new Ema(tau);
    }

    public void update(double tS, double dtS, double gxRadPerS, double gyRadPerS, double gzRadPerS,
                double axMps2, double ayMps2, double azMps2) {
        double a = gx.alpha(dtS); // one time constant for all six
        gx.addWithAlpha(gxRadPerS, a);
        gy.addWithAlpha(gyRadPerS, a);
        gz.addWithAlpha(gzRadPerS, a);
        ax.addWithAlpha(axMps2, a);
        ay.addWithAlpha(ayMps2, a);
        az.addWithAlpha(azMps2, a);
        gyroVar = gx.var + gy.var + gz.var;
        accelVar = ax.var + ay.var + az.var;
        boolean s = gyroVar < stillGyroVar && accelVar < stillAccelVar;
        if (s && !still) {
            stillSinceS = tS;
        }
        still = s;
        lastS = tS;
    }

    /** Samples were missing: stillness starts afresh. */
    public void gap() {
        still = false;
        stillSinceS = Double.NaN;
    }

    /** As {@link #gap}, and the running window starts afresh too. */
    public void reset() {
        gap();
        gx.reset();
        gy.reset();
        gz.reset();
        ax.reset();
        ay.reset();
        az.reset();
    }

    /** Seconds the wearer has been still (0 when moving). */
    public double stillForS() {
        return still && !Double.isNaN(stillSinceS) ? lastS - stillSinceS : 0;
    }

    public boolean isStill() {
        return still;
    }

    /** Ordinary movement (more than breathing) shows in the gyroscope. */
    public boolean isMoving() {
        return gyroVar > movingGyroVar;
    }

    public double gyroStdRadPerS() {
        return Math.sqrt(gyroVar);
    }

    public double accelStdMps2() {
        return Math.sqrt(accelVar);
    }
}
