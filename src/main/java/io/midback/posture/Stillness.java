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
    /** Gives the running window's weight per sample (one time constant for all six channels). */
    private final Ema window;
    /**
     * The six running means (gyroscope x, y, z, then accelerometer x, y, z), updated as {@link Ema#addWithAlpha}
     * does, in one array with one "primed" flag: the per-sample step of six means without six objects and six
     * tests. Only the sum of each sensor's three variances is ever asked for, so each sensor keeps that sum, with
     * the step of one {@link Ema} variance ({@code (1 − a)(v + a d²)}) over the three axes at once.
     */
    private final double[] mean = new double[6];
    private boolean primed;
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
        window = new Ema(tau);
    }

    public void update(double tS, double dtS, double gxRadPerS, double gyRadPerS, double gzRadPerS,
                double axMps2, double ayMps2, double azMps2) {
        double[] m = mean;
        if (primed) {
            double a = window.alpha(dtS);
            double gyroD2 = step(m, 0, gxRadPerS, a) + step(m, 1, gyRadPerS, a) + step(m, 2, gzRadPerS, a);
            double accelD2 = step(m, 3, axMps2, a) + step(m, 4, ayMps2, a) + step(m, 5, azMps2, a);
            gyroVar = (1 - a) * (gyroVar + a * gyroD2);
            accelVar = (1 - a) * (accelVar + a * accelD2);
        } else {
            window.alpha(dtS);
            m[0] = gxRadPerS;
            m[1] = gyRadPerS;
            m[2] = gzRadPerS;
            m[3] = axMps2;
            m[4] = ayMps2;
            m[5] = azMps2;
            gyroVar = accelVar = 0;
            primed = true;
        }
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
        primed = false;
        java.util.Arrays.fill(mean, 0);
        gyroVar = accelVar = 0;
    }

    /** One channel's mean moved as {@link Ema#addWithAlpha} moves it; returns the squared step d² of its variance. */
    private static double step(double[] m, int i, double x, double a) {
        double d = x - m[i];
        m[i] += a * d;
        return d * d;
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
