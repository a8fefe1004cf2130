package io.midback.posture;

import io.midback.sensor.Quat;

import java.util.Locale;

/**
 * How the sensor sits on the back: the rotation {@code bodyToSensor} from the trunk (body) frame to the sensor
 * frame, {@code v_sensor = m ⊗ v_body ⊗ m*}; the trunk's orientation is then {@code q_b = q ⊗ m} for a filter
 * quaternion {@code q} (sensor → earth). The one mounting convention of the simulator (which places its sensor
 * with it) and the posture stage (which recovers it at calibration); {@code Calibration.mounting()} stores it.
 *
 * <p>Body frame: x to the wearer's right (medio-lateral), y forward (anterior), z up along the spine
 * (superior), fixed to the thorax; at the neutral pose z is exactly "up" (gravity), so the neutral pose is zero by
 * construction.
 *
 * <p><b>{@code upright}</b> (the default, the phone-on-the-back convention): the sensor lies flat between the
 * shoulder blades, its x axis to the wearer's right, y up along the spine, z out of the back (posterior); at
 * upright rest the accelerometer reads about (0, +9.81, 0), and forward is the sensor's −z. The named others
 * are upright rotated in the sensor's own frame, as a recording's {@code # mounting:} line names them:
 * <ul>
 *   <li>{@code tilted20}: 20° about the sensor's x, its top tipped forward, as on a kyphotic upper back
 *       (= {@code -20,0,0});</li>
 *   <li>{@code turned90}: 90° about the sensor's normal z: sensor x up, y to the wearer's left (= {@code 0,0,90});</li>
 *   <li>{@code upsidedown}: 180° about the normal: x to the left, y down (= {@code 0,0,180});</li>
 *   <li>{@code ROLL,PITCH,YAW} degrees: upright rotated by yaw about the sensor's z, then pitch about its new
 *       y, then roll about its newest x (intrinsic Z-Y′-X″).</li>
 * </ul>
 * Any rotation of the sensor in the plane of the back is recovered from gravity at the neutral pose
 * ({@link #fromUpAndForward}); a sensor facing the skin or on the side of the trunk needs a forward lean
 * ({@link #fromUpAndRight}).
 *
 * @param name          how it was given ({@code upright}, {@code tilted20}, {@code r,p,y}, or how it was found)
 * @param bodyToSensor  rotation taking body-frame vectors into the sensor frame
 */
public record Mounting(String name, Quat bodyToSensor) {
    /** Forward in sensor coordinates under the default mounting: −z (the sensor's z points out of the back). */
    public static final double DEFAULT_FORWARD_X = 0, DEFAULT_FORWARD_Y = 0, DEFAULT_FORWARD_Z = -1;

    public static final Mounting UPRIGHT = fromAngles("upright", 0, 0, 0);

    /** Parses {@code upright}, {@code tilted20}, {@code turned90}, {@code upsidedown} or {@code roll,pitch,yaw}. */
    public static Mounting parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "upright":
                return UPRIGHT;
            case "tilted20":
                return fromAngles("tilted20", -20, 0, 0);
            case "turned90":
                return fromAngles("turned90", 0, 0, 90);
            case "upsidedown":
                return fromAngles("upsidedown", 0, 0, 180);
            default:
                break;
        }
        String[] parts = t.split(",");
        if (parts.length == 3) {
            try {
                double r = Double.parseDouble(parts[0].trim());
                double p = Double.parseDouble(parts[1].trim());
                double y = Double.parseDouble(parts[2].trim());
                if (Double.isFinite(r) && Double.isFinite(p) && Double.isFinite(y)) {
                    return fromAngles(text.trim(), r, p, y);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("unknown mounting '" + text
                + "': use upright, tilted20, turned90, upsidedown or ROLL,PITCH,YAW in degrees");
    }

    /** Upright rotated by yaw about the sensor's z, then pitch about y′, then roll about x″ (degrees). */
    public static Mounting fromAngles(String name, double rollDeg, double pitchDeg, double yawDeg) {
        // Sensor → body for upright: sensor x = body x, sensor y = body z, sensor z = −body y (+90° about body x),
        // then the sensor's own rotations; the mounting is its inverse.
        Quat q = new Quat().setAxisAngle(1, 0, 0, Math.PI / 2);
        Quat r = new Quat();
        q.setProduct(q, r.setAxisAngle(0, 0, 1, Math.toRadians(yawDeg)));
        q.setProduct(q, r.setAxisAngle(0, 1, 0, Math.toRadians(pitchDeg)));
        q.setProduct(q, r.setAxisAngle(1, 0, 0, Math.toRadians(rollDeg)));
        q.normalize();
        return new Mounting(name, q.set(q.w, -q.x, -q.y, -q.z));
    }

    @Override
    public String toString() {
        return name;
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
        out.setFromMatrix(xx, yx, ux, xy, yy, uy, xz, yz, uz);
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
