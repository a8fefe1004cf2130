package io.midback.orientation;

/** Small quaternion helpers for the tests ([w, x, y, z], sensor → earth). */
final class Quat {
    private Quat() {
    }

    static double[] axisAngle(double ax, double ay, double az, double angleDeg) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double h = Math.toRadians(angleDeg) / 2;
        double s = Math.sin(h) / n;
        return new double[] {Math.cos(h), ax * s, ay * s, az * s};
    }

    static double[] mul(double[] a, double[] b) {
        return new double[] {
                a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
                a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
                a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
                a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    static double[] conj(double[] q) {
        return new double[] {q[0], -q[1], -q[2], -q[3]};
    }

    /** v_E = q ⊗ v_S ⊗ q*. */
    static double[] rotate(double[] q, double[] v) {
        double[] r = mul(mul(q, new double[] {0, v[0], v[1], v[2]}), conj(q));
        return new double[] {r[1], r[2], r[3]};
    }

    /** v_S = q* ⊗ v_E ⊗ q. */
    static double[] rotateInverse(double[] q, double[] v) {
        return rotate(conj(q), v);
    }

    static double[] of(OrientationFilter f) {
        return new double[] {f.qw(), f.qx(), f.qy(), f.qz()};
    }

    /** Angle of the rotation between two orientations, degrees. */
    static double angleDeg(double[] a, double[] b) {
        double[] e = mul(a, conj(b));
        double n = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2] + e[3] * e[3]);
        return Math.toDegrees(2 * Math.acos(Math.min(1, Math.abs(e[0]) / n)));
    }

    /** Inclination (tilt) error between two orientations, degrees: the angle between their "up" directions. */
    static double inclinationErrorDeg(double[] a, double[] b) {
        double[] upA = rotateInverse(a, new double[] {0, 0, 1});
        double[] upB = rotateInverse(b, new double[] {0, 0, 1});
        double dot = upA[0] * upB[0] + upA[1] * upB[1] + upA[2] * upB[2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }

    /** Heading of the sensor's x axis in the earth frame, degrees counter-clockwise from east. */
    static double headingDeg(double[] q) {
        double[] x = rotate(q, new double[] {1, 0, 0});
        return Math.toDegrees(Math.atan2(x[1], x[0]));
    }
}
