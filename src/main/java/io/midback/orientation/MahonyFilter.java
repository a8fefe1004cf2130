package io.midback.orientation;

/**
 * Mahony's nonlinear complementary filter (Mahony, Hamel, Pflimlin 2008), in the common explicit form with a
 * proportional gain on the accelerometer (and magnetometer) error and an optional integral gain for gyroscope
 * bias. A baseline: simple and correct, not the most accurate. Initialises from the first accelerometer
 * (and magnetometer) reading; a gap longer than {@link #MAX_DT_S} re-initialises.
 */
public final class MahonyFilter extends QuatOutputFilter {
    /** Where {@link InitialTilt} puts the starting orientation (no allocation on a restart). */
    private final double[] start = new double[4];
    /** Longer than this between samples counts as a gap: the filter re-initialises. */
    public static final double MAX_DT_S = 1.0;

    private final double kp;
    private final double ki;
    private double biasIntX, biasIntY, biasIntZ;
    private boolean initialised;

    /** Kp = 0.5, Ki = 0: the setting BROAD's reference scores use. */
    public MahonyFilter() {
        this(0.5, 0.0);
    }

    /**
     * @param kp proportional gain, 1/s
     * @param ki integral gain (gyroscope bias), 1/s²
     */
    public MahonyFilter(double kp, double ki) {
        if (!(kp >= 0) || !(ki >= 0)) {
            throw new IllegalArgumentException("gains must be non-negative: kp=" + kp + " ki=" + ki);
        }
        this.kp = kp;
        this.ki = ki;
    }

    @Override
    public void update(double dtS, double gx, double gy, double gz, double ax, double ay, double az,
                       double mx, double my, double mz) {
        double aNorm = Math.sqrt(ax * ax + ay * ay + az * az);
        boolean useMag = !Double.isNaN(mx) && !Double.isNaN(my) && !Double.isNaN(mz)
                && (mx * mx + my * my + mz * mz) > 0;
        if (!initialised || !(dtS > 0) || dtS > MAX_DT_S) {
            if (aNorm > 0) {
                initialiseFrom(ax / aNorm, ay / aNorm, az / aNorm, useMag, mx, my, mz);
            }
            return;
        }
        double ex = 0, ey = 0, ez = 0;
        if (aNorm > 0) {
            ax /= aNorm;
            ay /= aNorm;
            az /= aNorm;
            // Estimated direction of "up" in the sensor frame: third row of R(q) (sensor→earth).
            double vx = 2 * (qx * qz - qw * qy);
            double vy = 2 * (qw * qx + qy * qz);
            double vz = qw * qw - qx * qx - qy * qy + qz * qz;
            ex = ay * vz - az * vy;
            ey = az * vx - ax * vz;
            ez = ax * vy - ay * vx;
            if (useMag) {
                double mNorm = Math.sqrt(mx * mx + my * my + mz * mz);
                mx /= mNorm;
                my /= mNorm;
                mz /= mNorm;
                // Field in the earth frame, then the reference with its horizontal part along north (y).
                double hx = 2 * (mx * (0.5 - qy * qy - qz * qz) + my * (qx * qy - qw * qz) + mz * (qx * qz + qw * qy));
                double hy = 2 * (mx * (qx * qy + qw * qz) + my * (0.5 - qx * qx - qz * qz) + mz * (qy * qz - qw * qx));
                double hz = 2 * (mx * (qx * qz - qw * qy) + my * (qy * qz + qw * qx) + mz * (0.5 - qx * qx - qy * qy));
                double by = Math.sqrt(hx * hx + hy * hy);
                double bz = hz;
                // Expected field in the sensor frame: R^T * (0, by, bz).
                double wx = 2 * by * (qx * qy + qw * qz) + 2 * bz * (qx * qz - qw * qy);
                double wy = 2 * by * (0.5 - qx * qx - qz * qz) + 2 * bz * (qw * qx + qy * qz);
                double wz = 2 * by * (qy * qz - qw * qx) + 2 * bz * (0.5 - qx * qx - qy * qy);
                ex += my * wz - mz * wy;
                ey += mz * wx - mx * wz;
                ez += mx * wy - my * wx;
            }
        }
        if (ki > 0) {
            biasIntX += ki * ex * dtS;
            biasIntY += ki * ey * dtS;
            biasIntZ += ki * ez * dtS;
        }
        gx += kp * ex + biasIntX;
        gy += kp * ey + biasIntY;
        gz += kp * ez + biasIntZ;
        integrate(gx, gy, gz, dtS);
    }

    private void integrate(double gx, double gy, double gz, double dtS) {
        // Exact rotation by the angle |g|·dt about g (no small-angle error at low rates).
        double rate = Math.sqrt(gx * gx + gy * gy + gz * gz);
        double angle = rate * dtS;
        if (angle < 1e-12) {
            return;
        }
        double s = Math.sin(angle / 2) / rate;
        double dw = Math.cos(angle / 2), dx = gx * s, dy = gy * s, dz = gz * s;
        double nw = qw * dw - qx * dx - qy * dy - qz * dz;
        double nx = qw * dx + qx * dw + qy * dz - qz * dy;
        double ny = qw * dy - qx * dz + qy * dw + qz * dx;
        double nz = qw * dz + qx * dy - qy * dx + qz * dw;
        double n = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
        qw = nw / n;
        qx = nx / n;
        qy = ny / n;
        qz = nz / n;
    }

    private void initialiseFrom(double ax, double ay, double az, boolean useMag, double mx, double my, double mz) {
        double[] q = start;
        InitialTilt.fromUp(ax, ay, az, q);
        qw = q[0];
        qx = q[1];
        qy = q[2];
        qz = q[3];
        if (useMag) {
            // Rotate about earth z so the horizontal field points north (+y).
            double ex = 2 * (mx * (0.5 - qy * qy - qz * qz) + my * (qx * qy - qw * qz) + mz * (qx * qz + qw * qy));
            double ey = 2 * (mx * (qx * qy + qw * qz) + my * (0.5 - qx * qx - qz * qz) + mz * (qy * qz - qw * qx));
            double heading = Math.atan2(ex, ey); // angle from north to the field, clockwise seen from above
            double hw = Math.cos(heading / 2), hz = Math.sin(heading / 2);
            double nw = hw * qw - hz * qz;
            double nx = hw * qx - hz * qy;
            double ny = hw * qy + hz * qx;
            double nz = hw * qz + hz * qw;
            qw = nw;
            qx = nx;
            qy = ny;
            qz = nz;
        }
        biasIntX = biasIntY = biasIntZ = 0;
        initialised = true;
    }

    @Override
    public void reset() {
        resetQuat();
        biasIntX = biasIntY = biasIntZ = 0;
        initialised = false;
    }

    @Override
    public String name() {
        return "mahony";
    }
}
