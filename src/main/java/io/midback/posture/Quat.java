package io.midback.posture;

/**
 * Allocation-free quaternion arithmetic on a small mutable holder (scalar first, Hamilton product). A rotation
 * {@code q} maps vectors {@code v' = q ⊗ v ⊗ q*}; {@code a ⊗ b} applies {@code b} first.
 */
final class Quat {
    double w = 1, x, y, z;

    Quat set(double w, double x, double y, double z) {
        this.w = w;
        this.x = x;
        this.y = y;
        this.z = z;
        return this;
    }

    Quat set(Quat o) {
        return set(o.w, o.x, o.y, o.z);
    }

    /** this = a ⊗ b (a and b may be this). */
    Quat mul(Quat a, Quat b) {
        return mul(a.w, a.x, a.y, a.z, b.w, b.x, b.y, b.z);
    }

    Quat mul(double aw, double ax, double ay, double az, double bw, double bx, double by, double bz) {
        double nw = aw * bw - ax * bx - ay * by - az * bz;
        double nx = aw * bx + ax * bw + ay * bz - az * by;
        double ny = aw * by - ax * bz + ay * bw + az * bx;
        double nz = aw * bz + ax * by - ay * bx + az * bw;
        return set(nw, nx, ny, nz);
    }

    /** this = conj(a) ⊗ b. */
    Quat conjMul(Quat a, Quat b) {
        return mul(a.w, -a.x, -a.y, -a.z, b.w, b.x, b.y, b.z);
    }

    /** this = a ⊗ conj(b). */
    Quat mulConj(Quat a, Quat b) {
        return mul(a.w, a.x, a.y, a.z, b.w, -b.x, -b.y, -b.z);
    }

    Quat normalize() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (n == 0 || Double.isNaN(n)) {
            return set(1, 0, 0, 0);
        }
        return set(w / n, x / n, y / n, z / n);
    }

    /** Rotation angle in radians, 0..π. */
    double angleRad() {
        double v = Math.sqrt(x * x + y * y + z * z);
        return 2 * Math.atan2(v, Math.abs(w));
    }

    /** Quaternion of the rotation matrix with the given rows (proper orthonormal). */
    Quat fromMatrix(double m00, double m01, double m02, double m10, double m11, double m12,
                    double m20, double m21, double m22) {
        double tr = m00 + m11 + m22;
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            set(0.25 * s, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            set((m21 - m12) / s, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            set((m02 - m20) / s, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s);
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            set((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s);
        }
        if (w < 0) {
            set(-w, -x, -y, -z);
        }
        return normalize();
    }

    @Override
    public String toString() {
        return "(" + w + ", " + x + ", " + y + ", " + z + ")";
    }
}
