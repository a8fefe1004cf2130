package io.midback.orientation;

import java.util.SplittableRandom;

/**
 * A simulated IMU for the tests: a true orientation driven by an angular rate, and the gyroscope (plus bias and
 * noise), accelerometer (gravity only, plus noise) and magnetometer (a fixed field, plus noise) it would read.
 */
final class SyntheticImu {
    static final double G = 9.81;
    static final double[] FIELD_ENU = {0, 20, -40}; // µT: north and down, like central Europe

    double[] q;
    double biasX, biasY, biasZ;
    double gyroNoise = 0.002, accNoise = 0.02, magNoise = 0.1;
    private final SplittableRandom rnd = new SplittableRandom(1);

    SyntheticImu(double[] initial) {
        q = initial.clone();
    }

    /**
     * Advances the truth by the rate (sensor frame, rad/s) over dt, then feeds the filter what the sensor reads.
     *
     * @param nineD include the magnetometer
     */
    void step(OrientationFilter f, double dt, double wx, double wy, double wz, boolean nineD) {
        double rate = Math.sqrt(wx * wx + wy * wy + wz * wz);
        if (rate > 0) {
            q = Quat.mul(q, Quat.axisAngle(wx, wy, wz, Math.toDegrees(rate * dt)));
        }
        double[] a = Quat.rotateInverse(q, new double[] {0, 0, G});
        double[] m = Quat.rotateInverse(q, FIELD_ENU);
        f.update(dt, wx + biasX + gyroNoise * rnd.nextGaussian(), wy + biasY + gyroNoise * rnd.nextGaussian(),
                wz + biasZ + gyroNoise * rnd.nextGaussian(),
                a[0] + accNoise * rnd.nextGaussian(), a[1] + accNoise * rnd.nextGaussian(),
                a[2] + accNoise * rnd.nextGaussian(),
                nineD ? m[0] + magNoise * rnd.nextGaussian() : Double.NaN,
                nineD ? m[1] + magNoise * rnd.nextGaussian() : Double.NaN,
                nineD ? m[2] + magNoise * rnd.nextGaussian() : Double.NaN);
    }

    void rest(OrientationFilter f, double dt, double seconds, boolean nineD) {
        int n = (int) Math.round(seconds / dt);
        for (int i = 0; i < n; i++) {
            step(f, dt, 0, 0, 0, nineD);
        }
    }
}
