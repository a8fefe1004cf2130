package io.midback.posture;

/**
 * How the sensor sits on the back: the rotation from the trunk (body) frame to the sensor frame,
 * {@code v_sensor = m ⊗ v_body ⊗ m*}.
 *
 * <p>Body frame: x to the wearer's right (medio-lateral), y forward (anterior), z up along the spine
 * (superior), fixed to the thorax; at the neutral pose z is exactly "up" (gravity), so the neutral pose is
 * zero by construction.
 *
 * <p>Default mounting (no forward lean recorded): the sensor lies flat on the back with its z axis pointing
 * backwards, out of the back, so forward is the sensor's −z. Any rotation of the sensor in the plane of the
 * back (tilted, turned 90°, upside down) is then recovered from gravity at the neutral pose; only a sensor
 * facing the skin, or stuck on the side of the trunk, needs the forward lean. This agrees with the simulator's
 * default mount (sensor x right, y up, z backwards when upright).
 */
public final class Mounting {
    /** Forward in sensor coordinates under the default mounting: −z (the sensor's z points out of the back). */
    public static final double DEFAULT_FORWARD_X = 0, DEFAULT_FORWARD_Y = 0, DEFAULT_FORWARD_Z = -1;

    private Mounting() {
    }

    /**
     * The body→sensor rotation from "up" and "forward" seen in the sensor frame at the neutral pose.
     *
     * @return the length of forward's component perpendicular to up (sine of the angle between them): near 0
     *         means forward is almost vertical and the result is unreliable
     */
    static double fromUpAndForward(double ux, double uy, double uz, double fx, double fy, double fz, Quat out) {
        double un = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= un;
        uy /= un;
        uz /= un;
        double d = fx * ux + fy * uy + fz * uz;
        double yx = fx - d * ux, yy = fy - d * uy, yz = fz - d * uz;
        double n = Math.sqrt(yx * yx + yy * yy + yz * yz);
        double fn = Math.sqrt(fx * fx + fy * fy + fz * fz);
        if (n < 1e-9) {
            // Forward is vertical: pick any horizontal direction so the result stays a rotation.
            yx = Math.abs(ux) < 0.9 ? 1 : 0;
            yy = Math.abs(ux) < 0.9 ? 0 : 1;
            yz = 0;
            d = yx * ux + yy * uy;
            yx -= d * ux;
            yy -= d * uy;
            yz -= d * uz;
            double m = Math.sqrt(yx * yx + yy * yy + yz * yz);
            yx /= m;
            yy /= m;
            yz /= m;
        } else {
            yx /= n;
            yy /= n;
            yz /= n;
        }
        // x = y × z (right-handed: x right, y forward, z up).
        double xx = yy * uz - yz * uy, xy = yz * ux - yx * uz, xz = yx * uy - yy * ux;
        // Columns are the body axes in sensor coordinates: the matrix maps body → sensor.
        out.fromMatrix(xx, yx, ux, xy, yy, uy, xz, yz, uz);
        return fn == 0 ? 0 : n / fn;
    }

    /**
     * The body→sensor rotation from "up" and the medio-lateral axis (pointing right) in the sensor frame.
     *
     * @return the sine of the angle between the given right axis and up (1 = perfectly horizontal)
     */
    static double fromUpAndRight(double ux, double uy, double uz, double rx, double ry, double rz, Quat out) {
        double un = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= un;
        uy /= un;
        uz /= un;
        // forward = up × right
        double fx = uy * rz - uz * ry, fy = uz * rx - ux * rz, fz = ux * ry - uy * rx;
        fromUpAndForward(ux, uy, uz, fx, fy, fz, out);
        double rn = Math.sqrt(rx * rx + ry * ry + rz * rz);
        double d = (rx * ux + ry * uy + rz * uz) / rn;
        return Math.sqrt(Math.max(0, 1 - d * d));
    }

    /**
     * The default mounting (sensor flat on the back, its z out of the back) from "up" seen in the sensor frame at
     * the neutral pose, as a body → sensor quaternion {w, x, y, z}. Allocates: for calibrations, not per sample.
     */
    public static double[] defaultBodyToSensor(double upX, double upY, double upZ) {
        Quat q = new Quat();
        fromUpAndForward(upX, upY, upZ, DEFAULT_FORWARD_X, DEFAULT_FORWARD_Y, DEFAULT_FORWARD_Z, q);
        return new double[] {q.w, q.x, q.y, q.z};
    }
}
