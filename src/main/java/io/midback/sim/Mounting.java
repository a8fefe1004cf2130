package io.midback.sim;

import java.util.Locale;

/**
 * How the sensor sits on the back: the rotation from the sensor frame to the trunk's body frame (x right,
 * y forward, z up).
 *
 * <p><b>{@code upright}</b> (the default, the phone-on-the-back convention): the sensor lies flat between the
 * shoulder blades like a phone held against the back with its screen facing away from the body and its top
 * toward the head: sensor x = the wearer's right, sensor y = up along the spine, sensor z = out of the back
 * (posterior). At upright rest the accelerometer reads about (0, +9.81, 0).
 *
 * <p>The others are upright rotated in the sensor's own frame:
 * <ul>
 *   <li>{@code tilted20}: 20° about the sensor's x (the medio-lateral axis), its top tipped forward and its
 *       face turned upward, as on a kyphotic upper back (= {@code -20,0,0});</li>
 *   <li>{@code turned90}: 90° about the sensor's normal z: sensor x points up, y to the wearer's left
 *       (= {@code 0,0,90});</li>
 *   <li>{@code upsidedown}: 180° about the normal: x to the left, y down (= {@code 0,0,180});</li>
 *   <li>{@code ROLL,PITCH,YAW} degrees: upright rotated by yaw about the sensor's z, then pitch about its new
 *       y, then roll about its newest x (intrinsic Z-Y′-X″).</li>
 * </ul>
 *
 * @param name          how it was given ({@code upright}, {@code tilted20}, or {@code r,p,y})
 * @param sensorToBody  rotation taking sensor-frame vectors into the body frame
 */
public record Mounting(String name, Quat sensorToBody) {

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
        // upright: sensor x = body x, sensor y = body z, sensor z = -body y: +90° about body x.
        Quat q = new Quat().setAxisAngle(1, 0, 0, Math.PI / 2);
        Quat r = new Quat();
        q.setProduct(q, r.setAxisAngle(0, 0, 1, Math.toRadians(yawDeg)));
        q.setProduct(q, r.setAxisAngle(0, 1, 0, Math.toRadians(pitchDeg)));
        q.setProduct(q, r.setAxisAngle(1, 0, 0, Math.toRadians(rollDeg)));
        return new Mounting(name, q.normalize());
    }

    @Override
    public String toString() {
        return name;
    }
}
