package io.midback.orientation;

/**
 * Madgwick's gradient-descent filter (S. O. H. Madgwick, A. J. L. Harrison, R. Vaidyanathan, "Estimation of IMU
 * and MARG orientation using a gradient descent algorithm", IEEE ICORR 2011), in the standard form of his public
 * reference code: the gyroscope rate minus β times the normalised gradient of the accelerometer (and
 * magnetometer) error, integrated over the period. A baseline ({@code --filter madgwick}): no bias estimation, no
 * disturbance rejection.
 *
 * <p>The algorithm's earth frame has x towards magnetic north (north-west-up); the output is turned into
 * East-North-Up once a magnetometer has been seen. It starts level with its first accelerometer reading
 * ({@link InitialTilt}; the reference code starts from the identity, which at β = 0.1 takes some 15 s to reach a
 * sensor worn upright on the back, after a posture calibration would have taken its neutral), heading zero, and a
 * period longer than {@link #MAX_DT_S} restarts it.
 */
public final class MadgwickFilter implements OrientationFilter {
    /** Where {@link InitialTilt} puts the starting orientation (no allocation on a restart). */
    private final double[] start = new double[4];
    /** Longer than this between samples counts as a gap: the filter restarts. */
    public static final double MAX_DT_S = 1.0;
    private static final double HALF_SQRT2 = Math.sqrt(0.5);

    private final double beta;
    private final double nominalTsS;
    private double q0 = 1, q1, q2, q3;
    private boolean magSeen;
    private boolean started;

    /** β = 0.1, the setting BROAD's reference scores use. */
    public MadgwickFilter(double rateHz) {
        this(0.1, rateHz);
    }

    /**
     * @param beta   gain of the gradient step, rad/s
     * @param rateHz nominal sampling rate, Hz (the period of the first sample)
     */
    public MadgwickFilter(double beta, double rateHz) {
        if (!(beta >= 0) || !(rateHz > 0)) {
            throw new IllegalArgumentException("beta must be non-negative and rateHz positive: beta=" + beta
                    + " rateHz=" + rateHz);
        }
        this.beta = beta;
        this.nominalTsS = 1 / rateHz;
    }

    @Override
    public void update(double dtS, double gx, double gy, double gz, double ax, double ay, double az,
                       double mx, double my, double mz) {
        if (!(dtS > 0)) {
            if (started) {
                return;
            }
            dtS = nominalTsS;
        } else if (dtS > MAX_DT_S) {
            reset();
            dtS = nominalTsS;
        }
        if (!started && (ax != 0 || ay != 0 || az != 0)) {
            double n = Math.sqrt(ax * ax + ay * ay + az * az);
            double[] q = start;
            InitialTilt.fromUp(ax / n, ay / n, az / n, q);
            q0 = q[0];
            q1 = q[1];
            q2 = q[2];
            q3 = q[3];
        }
        started = true;
        boolean useMag = !Double.isNaN(mx + my + mz) && (mx != 0 || my != 0 || mz != 0);
        if (useMag) {
            magSeen = true;
            updateMarg(dtS, gx, gy, gz, ax, ay, az, mx, my, mz);
        } else {
            updateImu(dtS, gx, gy, gz, ax, ay, az);
        }
    }

    private void updateImu(double dt, double gx, double gy, double gz, double ax, double ay, double az) {
        double qDot1 = 0.5 * (-q1 * gx - q2 * gy - q3 * gz);
        double qDot2 = 0.5 * (q0 * gx + q2 * gz - q3 * gy);
        double qDot3 = 0.5 * (q0 * gy - q1 * gz + q3 * gx);
        double qDot4 = 0.5 * (q0 * gz + q1 * gy - q2 * gx);
        if (ax != 0 || ay != 0 || az != 0) {
            double n = 1 / Math.sqrt(ax * ax + ay * ay + az * az);
            ax *= n;
            ay *= n;
            az *= n;
            double _2q0 = 2 * q0, _2q1 = 2 * q1, _2q2 = 2 * q2, _2q3 = 2 * q3;
            double _4q0 = 4 * q0, _4q1 = 4 * q1, _4q2 = 4 * q2, _8q1 = 8 * q1, _8q2 = 8 * q2;
            double q0q0 = q0 * q0, q1q1 = q1 * q1, q2q2 = q2 * q2, q3q3 = q3 * q3;
            double s0 = _4q0 * q2q2 + _2q2 * ax + _4q0 * q1q1 - _2q1 * ay;
            double s1 = _4q1 * q3q3 - _2q3 * ax + 4 * q0q0 * q1 - _2q0 * ay - _4q1 + _8q1 * q1q1 + _8q1 * q2q2
                    + _4q1 * az;
            double s2 = 4 * q0q0 * q2 + _2q0 * ax + _4q2 * q3q3 - _2q3 * ay - _4q2 + _8q2 * q1q1 + _8q2 * q2q2
                    + _4q2 * az;
            double s3 = 4 * q1q1 * q3 - _2q1 * ax + 4 * q2q2 * q3 - _2q2 * ay;
            double sn = s0 * s0 + s1 * s1 + s2 * s2 + s3 * s3;
            if (sn > 0) {
                double k = beta / Math.sqrt(sn);
                qDot1 -= k * s0;
                qDot2 -= k * s1;
                qDot3 -= k * s2;
                qDot4 -= k * s3;
            }
        }
        integrate(dt, qDot1, qDot2, qDot3, qDot4);
    }

    private void updateMarg(double dt, double gx, double gy, double gz, double ax, double ay, double az,
                            double mx, double my, double mz) {
        if (ax == 0 && ay == 0 && az == 0) {
            updateImu(dt, gx, gy, gz, ax, ay, az);
            return;
        }
        double qDot1 = 0.5 * (-q1 * gx - q2 * gy - q3 * gz);
        double qDot2 = 0.5 * (q0 * gx + q2 * gz - q3 * gy);
        double qDot3 = 0.5 * (q0 * gy - q1 * gz + q3 * gx);
        double qDot4 = 0.5 * (q0 * gz + q1 * gy - q2 * gx);
        double n = 1 / Math.sqrt(ax * ax + ay * ay + az * az);
        ax *= n;
        ay *= n;
        az *= n;
        n = 1 / Math.sqrt(mx * mx + my * my + mz * mz);
        mx *= n;
        my *= n;
        mz *= n;
        double _2q0mx = 2 * q0 * mx, _2q0my = 2 * q0 * my, _2q0mz = 2 * q0 * mz, _2q1mx = 2 * q1 * mx;
        double _2q0 = 2 * q0, _2q1 = 2 * q1, _2q2 = 2 * q2, _2q3 = 2 * q3;
        double _2q0q2 = 2 * q0 * q2, _2q2q3 = 2 * q2 * q3;
        double q0q0 = q0 * q0, q0q1 = q0 * q1, q0q2 = q0 * q2, q0q3 = q0 * q3;
        double q1q1 = q1 * q1, q1q2 = q1 * q2, q1q3 = q1 * q3;
        double q2q2 = q2 * q2, q2q3 = q2 * q3, q3q3 = q3 * q3;
        // reference direction of the earth's field
        double hx = mx * q0q0 - _2q0my * q3 + _2q0mz * q2 + mx * q1q1 + _2q1 * my * q2 + _2q1 * mz * q3
                - mx * q2q2 - mx * q3q3;
        double hy = _2q0mx * q3 + my * q0q0 - _2q0mz * q1 + _2q1mx * q2 - my * q1q1 + my * q2q2
                + _2q2 * mz * q3 - my * q3q3;
        double _2bx = Math.sqrt(hx * hx + hy * hy);
        double _2bz = -_2q0mx * q2 + _2q0my * q1 + mz * q0q0 + _2q1mx * q3 - mz * q1q1 + _2q2 * my * q3
                - mz * q2q2 + mz * q3q3;
        double _4bx = 2 * _2bx, _4bz = 2 * _2bz;
        // gradient step
        double fax = 2 * q1q3 - _2q0q2 - ax;
        double fay = 2 * q0q1 + _2q2q3 - ay;
        double faz = 1 - 2 * q1q1 - 2 * q2q2 - az;
        double fmx = _2bx * (0.5 - q2q2 - q3q3) + _2bz * (q1q3 - q0q2) - mx;
        double fmy = _2bx * (q1q2 - q0q3) + _2bz * (q0q1 + q2q3) - my;
        double fmz = _2bx * (q0q2 + q1q3) + _2bz * (0.5 - q1q1 - q2q2) - mz;
        double s0 = -_2q2 * fax + _2q1 * fay - _2bz * q2 * fmx + (-_2bx * q3 + _2bz * q1) * fmy + _2bx * q2 * fmz;
        double s1 = _2q3 * fax + _2q0 * fay - 4 * q1 * faz + _2bz * q3 * fmx + (_2bx * q2 + _2bz * q0) * fmy
                + (_2bx * q3 - _4bz * q1) * fmz;
        double s2 = -_2q0 * fax + _2q3 * fay - 4 * q2 * faz + (-_4bx * q2 - _2bz * q0) * fmx
                + (_2bx * q1 + _2bz * q3) * fmy + (_2bx * q0 - _4bz * q2) * fmz;
        double s3 = _2q1 * fax + _2q2 * fay + (-_4bx * q3 + _2bz * q1) * fmx + (-_2bx * q0 + _2bz * q2) * fmy
                + _2bx * q1 * fmz;
        double sn = s0 * s0 + s1 * s1 + s2 * s2 + s3 * s3;
        if (sn > 0) {
            double k = beta / Math.sqrt(sn);
            qDot1 -= k * s0;
            qDot2 -= k * s1;
            qDot3 -= k * s2;
            qDot4 -= k * s3;
        }
        integrate(dt, qDot1, qDot2, qDot3, qDot4);
    }

    private void integrate(double dt, double d0, double d1, double d2, double d3) {
        double w = q0 + d0 * dt, x = q1 + d1 * dt, y = q2 + d2 * dt, z = q3 + d3 * dt;
        double n = 1 / Math.sqrt(w * w + x * x + y * y + z * z);
        q0 = w * n;
        q1 = x * n;
        q2 = y * n;
        q3 = z * n;
    }

    // Output: [cos 45°, 0, 0, sin 45°] ⊗ q (north-west-up → east-north-up) once the heading is magnetic.

    @Override
    public double qw() {
        return magSeen ? HALF_SQRT2 * (q0 - q3) : q0;
    }

    @Override
    public double qx() {
        return magSeen ? HALF_SQRT2 * (q1 - q2) : q1;
    }

    @Override
    public double qy() {
        return magSeen ? HALF_SQRT2 * (q2 + q1) : q2;
    }

    @Override
    public double qz() {
        return magSeen ? HALF_SQRT2 * (q3 + q0) : q3;
    }

    @Override
    public void reset() {
        q0 = 1;
        q1 = q2 = q3 = 0;
        magSeen = false;
        started = false;
    }

    @Override
    public String name() {
        return "madgwick";
    }
}
