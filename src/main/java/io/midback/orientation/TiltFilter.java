package io.midback.orientation;

import io.midback.sensor.Gap;

/**
 * Orientation from the accelerometer alone, for sensors without a gyroscope: the low-passed specific force is
 * taken as "up", and the orientation is the shortest rotation taking it onto the earth's up. Only the tilt
 * (inclination and its direction) is known; the heading is not, so a rotation about the vertical, including the
 * trunk's axial rotation, cannot be seen. Accelerations other than gravity (walking, reaching) leak into the tilt
 * as far as the low-pass lets them: angles from this filter are labelled "from gravity, low-passed".
 *
 * <p>It also gives the rate at which that tilt turns ({@link #tiltRateRadPerS}, sensor frame), in place of a
 * gyroscope for the stages that tell stillness from movement. Nothing allocates per sample.
 */
public final class TiltFilter extends QuatOutputFilter {
    /** The command-line name, and the name recordings without gyroscope columns are replayed with. */
    public static final String NAME = "tilt";
    /** Low-pass time constant of the accelerometer, s. */
    public static final double LOW_PASS_TAU_S = 0.4;

    private double fx, fy, fz;
    private boolean started;
    private final double[] rate = new double[3];

    @Override
    public void update(double dtS, double gxRadPerS, double gyRadPerS, double gzRadPerS,
                       double axMps2, double ayMps2, double azMps2,
                       double mxMicroT, double myMicroT, double mzMicroT) {
        if (!Double.isFinite(axMps2) || !Double.isFinite(ayMps2) || !Double.isFinite(azMps2)) {
            return;
        }
        boolean restart = !started || !(dtS > 0) || Gap.isGap(dtS);
        if (restart) {
            fx = axMps2;
            fy = ayMps2;
            fz = azMps2;
        } else {
            double a = dtS / (LOW_PASS_TAU_S + dtS);
            fx += (axMps2 - fx) * a;
            fy += (ayMps2 - fy) * a;
            fz += (azMps2 - fz) * a;
        }
        double n = Math.sqrt(fx * fx + fy * fy + fz * fz);
        if (!(n > 0)) {
            return;
        }
        double sx = fx / n, sy = fy / n, sz = fz / n;
        // Shortest rotation taking s (sensor up, in the sensor frame) onto (0, 0, 1): [1 + s·z, s × z].
        double w = 1 + sz, x = sy, y = -sx, z = 0;
        double len = Math.sqrt(w * w + x * x + y * y);
        if (len < 1e-9) { // upside down: half a turn about x
            w = 0;
            x = 1;
            y = 0;
            len = 1;
        }
        w /= len;
        x /= len;
        y /= len;
        if (restart) {
            rate[0] = rate[1] = rate[2] = 0;
        } else {
            // Rate in the sensor frame from the previous orientation to this one: 2·vec(prev* ⊗ q) / dt.
            double dw = qw * w + qx * x + qy * y + qz * z;
            double dx = qw * x - qx * w - qy * z + qz * y;
            double dy = qw * y + qx * z - qy * w - qz * x;
            double dz = qw * z - qx * y + qy * x - qz * w;
            double sign = dw < 0 ? -1 : 1;
            rate[0] = 2 * sign * dx / dtS;
            rate[1] = 2 * sign * dy / dtS;
            rate[2] = 2 * sign * dz / dtS;
        }
        qw = w;
        qx = x;
        qy = y;
        qz = z;
        started = true;
    }

    /** How fast the tilt turned over the last sample, rad/s about the sensor's x, y, z (index 0..2). */
    public double tiltRateRadPerS(int axis) {
        return rate[axis];
    }

    @Override
    public void reset() {
        started = false;
        resetQuat();
        rate[0] = rate[1] = rate[2] = 0;
    }

    @Override
    public String name() {
        return NAME;
    }
}
