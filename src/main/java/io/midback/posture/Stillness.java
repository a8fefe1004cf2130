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
     * The six running means and variances (gyroscope x, y, z, then accelerometer x, y, z: mean at 2i, variance at
     * 2i + 1), updated as {@link Ema#addWithAlpha} does, in one array with one "primed" flag: the per-sample
     * step of six means without six objects and six tests.
     */
    private final double[] meanVar = new double[12];
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
        double[] mv = meanVar;
        if (primed) {
            double a = window.alpha(dtS);
            add(mv, 0, gxRadPerS, a);
            add(mv, 2, gyRadPerS, a);
            add(mv, 4, gzRadPerS, a);
            add(mv, 6, axMps2, a);
            add(mv, 8, ayMps2, a);
            add(mv, 10, azMps2, a);
        } else {
            window.alpha(dtS);
            mv[0] = gxRadPerS;
            mv[2] = gyRadPerS;
            mv[4] = gzRadPerS;
            mv[6] = axMps2;
            mv[8] = ayMps2;
            mv[10] = azMps2;
            mv[1] = mv[3] = mv[5] = mv[7] = mv[9] = mv[11] = 0;
            primed = true;
        }
        gyroVar = mv[1] + mv[3] + mv[5];
        accelVar = mv[7] + mv[9] + mv[11];
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
        java.util.Arrays.fill(meanVar, 0);
    }

    /** One channel's step, the arithmetic of {@link Ema#addWithAlpha} (the same bits). */
    private static void add(double[] mv, int i, double x, double a) {
        double d = x - mv[i];
        mv[i] += a * d;
        mv[i + 1] = (1 - a) * (mv[i + 1] + a * d * d);
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
