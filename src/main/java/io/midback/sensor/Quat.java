package io.midback.sensor;

/**
 * A mutable quaternion (scalar first, Hamilton product) for per-sample arithmetic: every method writes into
 * {@code this}, so nothing is allocated per sample. A rotation {@code q} maps vectors {@code v' = q ⊗ v ⊗ q*};
 * {@code a ⊗ b} applies {@code b} first (for intrinsic sequences, {@code b} is the later rotation). The one
 * quaternion type of the simulator and the posture stage; the orientation filters keep plain doubles.
 */
public final class Quat {
    public double w = 1, x, y, z;

    public Quat() {
    }

    public Quat(double w, double x, double y, double z) {
        set(w, x, y, z);
    }

    public Quat set(double w, double x, double y, double z) {
        this.w = w;
        this.x = x;
        this.y = y;
        this.z = z;
        return this;
    }

    public Quat set(Quat q) {
        return set(q.w, q.x, q.y, q.z);
    }

    /** Rotation by {@code angleRad} about the unit axis (ax, ay, az). */
    public Quat setAxisAngle(double ax, double ay, double az, double angleRad) {
        double s = Math.sin(angleRad / 2);
        return set(Math.cos(angleRad / 2), ax * s, ay * s, az * s);
    }

    /** this = a ⊗ b. May alias. */
    public Quat setProduct(Quat a, Quat b) {
        return setProduct(a.w, a.x, a.y, a.z, b.w, b.x, b.y, b.z);
    }

    /** this = (aw, ax, ay, az) ⊗ (bw, bx, by, bz). */
    public Quat setProduct(double aw, double ax, double ay, double az, double bw, double bx, double by, double bz) {
        double nw = aw * bw - ax * bx - ay * by - az * bz;
        double nx = aw * bx + ax * bw + ay * bz - az * by;
        double ny = aw * by - ax * bz + ay * bw + az * bx;
        double nz = aw * bz + ax * by - ay * bx + az * bw;
        return set(nw, nx, ny, nz);
    }

    /** this = a* ⊗ b: the rotation from a to b expressed in a's frame. May alias. */
    public Quat setConjugateProduct(Quat a, Quat b) {
        return setProduct(a.w, -a.x, -a.y, -a.z, b.w, b.x, b.y, b.z);
    }

    /** this = a ⊗ b*. May alias. */
    public Quat setProductConjugate(Quat a, Quat b) {
        return setProduct(a.w, a.x, a.y, a.z, b.w, -b.x, -b.y, -b.z);
    }

    /** Spherical interpolation from a (f = 0) to b (f = 1), the short way round. May alias a. */
    public Quat setSlerp(Quat a, Quat b, double f) {
        double bw = b.w, bx = b.x, by = b.y, bz = b.z;
        double dot = a.w * bw + a.x * bx + a.y * by + a.z * bz;
        if (dot < 0) {
            dot = -dot;
            bw = -bw;
            bx = -bx;
            by = -by;
            bz = -bz;
        }
        double ka, kb;
        if (dot > 0.9995) {
            ka = 1 - f;
            kb = f;
        } else {
            double theta = Math.acos(dot);
            double sin = Math.sin(theta);
            ka = Math.sin((1 - f) * theta) / sin;
            kb = Math.sin(f * theta) / sin;
        }
        set(ka * a.w + kb * bw, ka * a.x + kb * bx, ka * a.y + kb * by, ka * a.z + kb * bz);
        return normalize();
    }

    /** Unit length; a zero or NaN quaternion becomes the identity. */
    public Quat normalize() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (n == 0 || Double.isNaN(n)) {
            return set(1, 0, 0, 0);
        }
        return set(w / n, x / n, y / n, z / n);
    }

    /** Rotation angle in radians, 0..π. */
    public double angleRad() {
        double v = Math.sqrt(x * x + y * y + z * z);
        return 2 * Math.atan2(v, Math.abs(w));
    }

    /** The quaternion (w ≥ 0) of the proper orthonormal rotation matrix with the given rows. */
    public Quat setFromMatrix(double m00, double m01, double m02, double m10, double m11, double m12,
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

    /** Writes the rotated vector R·v into out[off..off+2]. */
    public void rotate(double vx, double vy, double vz, double[] out, int off) {
        // t = 2 q_v × v; v' = v + w t + q_v × t
        double tx = 2 * (y * vz - z * vy);
        double ty = 2 * (z * vx - x * vz);
        double tz = 2 * (x * vy - y * vx);
        out[off] = vx + w * tx + (y * tz - z * ty);
        out[off + 1] = vy + w * ty + (z * tx - x * tz);
        out[off + 2] = vz + w * tz + (x * ty - y * tx);
    }

    /** Writes the inversely rotated vector Rᵀ·v (earth → sensor for a sensor→earth q) into out[off..]. */
    public void rotateInverse(double vx, double vy, double vz, double[] out, int off) {
        double tx = 2 * (-y * vz + z * vy);
        double ty = 2 * (-z * vx + x * vz);
        double tz = 2 * (-x * vy + y * vx);
        out[off] = vx + w * tx + (-y * tz + z * ty);
        out[off + 1] = vy + w * ty + (-z * tx + x * tz);
        out[off + 2] = vz + w * tz + (-x * ty + y * tx);
    }

    /** The rotation vector (axis × angle, rad) of this quaternion into out[off..], taking the short way round. */
    public void toRotationVector(double[] out, int off) {
        double sw = w, sx = x, sy = y, sz = z;
        if (sw < 0) {
            sw = -sw;
            sx = -sx;
            sy = -sy;
            sz = -sz;
        }
        double s = Math.sqrt(sx * sx + sy * sy + sz * sz);
        double k = s < 1e-12 ? 2.0 : 2 * Math.atan2(s, sw) / s;
        out[off] = sx * k;
        out[off + 1] = sy * k;
        out[off + 2] = sz * k;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Quat[%.6f, %.6f, %.6f, %.6f]", w, x, y, z);
    }
}
