package io.midback.posture;

import io.midback.sensor.Quat;

/**
 * Builds synthetic sensor streams for tests from true trunk angles: a body orientation
 * {@code q_b = Rz(heading) ⊗ Rx(−flexion) ⊗ Ry(lateral) ⊗ Rz(−axial)} (body frame x right, y forward, z up,
 * upright facing north = identity), a mounting (body → sensor), and the sensor quaternion
 * {@code q = q_b ⊗ m*} (sensor → ENU). The gyroscope is the exact rate between samples, the accelerometer is
 * gravity plus an optional vertical acceleration, in the sensor frame.
 */
public final class Synthetic {
    public final double rateHz;
    public final double[] mount; // body → sensor {w, x, y, z}
    public double headingDriftDegPerS;
    public double breathingDeg = 0.6;
    public double gyroBiasRadPerS;
    private double t;
    private double pw = Double.NaN, px, py, pz;
    /** Last sample: tS, q (sensor → ENU), gyro, accel. */
    public double tS, qw, qx, qy, qz, gx, gy, gz, ax, ay, az;

    public Synthetic(double rateHz, double[] mount) {
        this.rateHz = rateHz;
        this.mount = mount;
    }

    /** Default mounting: sensor x right, y up, z backwards (out of the back). */
    public static double[] defaultMount() {
        return matrixToQuat(1, 0, 0, 0, 0, 1, 0, -1, 0);
    }

    /** Default mounting, then rotated about the sensor's own axis (x, y or z) by deg. */
    public static double[] mountRotated(char sensorAxis, double deg) {
        double[] m = defaultMount();
        double[] r = axisAngle(sensorAxis, deg);
        // body→sensor followed by a rotation of the sensor on the back: v_s' = r* ⊗ v_s ⊗ r
        return mul(conj(r), m);
    }

    public static double[] axisAngle(char axis, double deg) {
        double h = Math.toRadians(deg) / 2, c = Math.cos(h), s = Math.sin(h);
        return switch (axis) {
            case 'x' -> new double[] {c, s, 0, 0};
            case 'y' -> new double[] {c, 0, s, 0};
            default -> new double[] {c, 0, 0, s};
        };
    }

    public static double[] mul(double[] a, double[] b) {
        return new double[] {
                a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
                a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
                a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
                a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    public static double[] conj(double[] a) {
        return new double[] {a[0], -a[1], -a[2], -a[3]};
    }

    public static double[] matrixToQuat(double m00, double m01, double m02, double m10, double m11, double m12,
                                        double m20, double m21, double m22) {
        Quat q = new Quat().setFromMatrix(m00, m01, m02, m10, m11, m12, m20, m21, m22);
        return new double[] {q.w, q.x, q.y, q.z};
    }

    /** Body orientation from true angles (degrees) and heading. */
    public static double[] body(double headingDeg, double flexDeg, double latDeg, double axialDeg) {
        return mul(mul(mul(axisAngle('z', headingDeg), axisAngle('x', -flexDeg)), axisAngle('y', latDeg)),
                axisAngle('z', -axialDeg));
    }

    /** Advances one sample with the given true angles; returns this with the sample's fields set. */
    public Synthetic step(double flexDeg, double latDeg, double axialDeg, double verticalAccelMps2) {
        double breath = breathingDeg / 2 * Math.sin(2 * Math.PI * 0.25 * t);
        double[] qb = body(headingDriftDegPerS * t, flexDeg + breath, latDeg, axialDeg);
        double[] q = mul(qb, conj(mount));
        if (q[0] < 0) {
            q = new double[] {-q[0], -q[1], -q[2], -q[3]};
        }
        tS = t;
        qw = q[0];
        qx = q[1];
        qy = q[2];
        qz = q[3];
        double dt = 1 / rateHz;
        if (Double.isNaN(pw)) {
            gx = gy = gz = 0;
        } else {
            double[] d = mul(conj(new double[] {pw, px, py, pz}), q);
            if (d[0] < 0) {
                d = new double[] {-d[0], -d[1], -d[2], -d[3]};
            }
            double vn = Math.sqrt(d[1] * d[1] + d[2] * d[2] + d[3] * d[3]);
            double ang = 2 * Math.atan2(vn, d[0]);
            double k = vn == 0 ? 0 : ang / dt / vn;
            gx = d[1] * k + gyroBiasRadPerS;
            gy = d[2] * k + gyroBiasRadPerS;
            gz = d[3] * k + gyroBiasRadPerS;
        }
        pw = qw;
        px = qx;
        py = qy;
        pz = qz;
        // Specific force in ENU: (0, 0, g + a_vertical); to sensor: R^T f.
        double f = 9.81 + verticalAccelMps2;
        ax = 2 * (qx * qz - qw * qy) * f;
        ay = 2 * (qy * qz + qw * qx) * f;
        az = (1 - 2 * (qx * qx + qy * qy)) * f;
        t += dt;
        return this;
    }

    public Synthetic step(double flexDeg, double latDeg, double axialDeg) {
        return step(flexDeg, latDeg, axialDeg, 0);
    }

    public int samples(double seconds) {
        return (int) Math.round(seconds * rateHz);
    }

    public void feed(PostureTracker tracker, PostureFrame out) {
        tracker.update(tS, qw, qx, qy, qz, gx, gy, gz, ax, ay, az, out);
    }
}
