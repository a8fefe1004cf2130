package io.midback.posture;

import io.midback.sensor.Quat;

/**
 * The neutral pose's capture window: the mean orientation (sign-aligned quaternion average, right for the
 * small spread of a still window) and the gyroscope and accelerometer spread over {@code windowS} of samples.
 * Plain values in; allocation-free.
 */
final class NeutralCapture {
    private double startS = Double.NaN;
    private int n;
    private double w, x, y, z;
    private final double[] gyroSum = new double[3], gyroSumSq = new double[3];
    private final double[] accelSum = new double[3], accelSumSq = new double[3];

    void reset() {
        startS = Double.NaN;
        n = 0;
        w = x = y = z = 0;
        java.util.Arrays.fill(gyroSum, 0);
        java.util.Arrays.fill(gyroSumSq, 0);
        java.util.Arrays.fill(accelSum, 0);
        java.util.Arrays.fill(accelSumSq, 0);
    }

    boolean started() {
        return !Double.isNaN(startS);
    }

    double startS() {
        return startS;
    }

    /** Whether the window of {@code windowS} is full at {@code tS} (then call {@link #meanInto}). */
    boolean full(double tS, double windowS) {
        return started() && n > 0 && tS - startS >= windowS;
    }

    void add(double tS, double qw, double qx, double qy, double qz, double gxRadPerS, double gyRadPerS,
             double gzRadPerS, double axMps2, double ayMps2, double azMps2) {
        if (!started()) {
            startS = tS;
        }
        double sign = n == 0 || (qw * w + qx * x + qy * y + qz * z) >= 0 ? 1 : -1;
        w += sign * qw;
        x += sign * qx;
        y += sign * qy;
        z += sign * qz;
        accumulate(gyroSum, gyroSumSq, gxRadPerS, gyRadPerS, gzRadPerS);
        accumulate(accelSum, accelSumSq, axMps2, ayMps2, azMps2);
        n++;
    }

    private static void accumulate(double[] sum, double[] sumSq, double vx, double vy, double vz) {
        sum[0] += vx;
        sum[1] += vy;
        sum[2] += vz;
        sumSq[0] += vx * vx;
        sumSq[1] += vy * vy;
        sumSq[2] += vz * vz;
    }

    /** The mean orientation of the window. */
    void meanInto(Quat out) {
        out.set(w, x, y, z).normalize();
    }

    double gyroStdRadPerS() {
        return std(gyroSum, gyroSumSq);
    }

    double accelStdMps2() {
        return std(accelSum, accelSumSq);
    }

    /** Root of the summed per-axis variances. */
    private double std(double[] sum, double[] sumSq) {
        double v = 0;
        for (int i = 0; i < 3; i++) {
            double m = sum[i] / n;
            v += Math.max(0, sumSq[i] / n - m * m);
        }
        return Math.sqrt(v);
    }
}
