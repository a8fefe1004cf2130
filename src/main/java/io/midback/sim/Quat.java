package io.midback.sim;

/**
 * A mutable unit quaternion (scalar first) for the simulator's inner loop: methods write into {@code this} so
 * nothing is allocated per sample. Rotation convention as in {@code OrientationFilter}: {@code v' = q ⊗ v ⊗ q*}.
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

    /** this = a ⊗ b (a applied after b; for intrinsic sequences, b is the later rotation). May alias. */
    public Quat setProduct(Quat a, Quat b) {
        double nw = a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z;
        double nx = a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y;
        double ny = a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x;
        double nz = a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w;
        return set(nw, nx, ny, nz);
    }

    /** this = a* ⊗ b: the rotation from a to b expressed in a's frame. May alias. */
    public Quat setConjugateProduct(Quat a, Quat b) {
        double nw = a.w * b.w + a.x * b.x + a.y * b.y + a.z * b.z;
        double nx = a.w * b.x - a.x * b.w - a.y * b.z + a.z * b.y;
        double ny = a.w * b.y + a.x * b.z - a.y * b.w - a.z * b.x;
        double nz = a.w * b.z - a.x * b.y + a.y * b.x - a.z * b.w;
        return set(nw, nx, ny, nz);
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

    public Quat normalize() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        return set(w / n, x / n, y / n, z / n);
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

    /**
     * The rotation vector (axis × angle, rad) of this quaternion into out[off..], taking the short way round.
     */
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
        return String.format("Quat[%.6f, %.6f, %.6f, %.6f]", w, x, y, z);
    }
}
