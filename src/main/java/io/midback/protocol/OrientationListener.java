package io.midback.protocol;

/**
 * Receives orientation computed on the device, for formats that carry it (i2cdevlib teapot packets carry only
 * this; x-IMU3 quaternion messages; WitMotion 0x59 quaternion and 0x53 angle frames). It travels apart from the
 * samples: Midback computes its own orientation from the samples, and the device's own estimate is for display,
 * comparison and the orientation-only sensors. Called on the decoding thread; must not keep references.
 */
public interface OrientationListener {
    OrientationListener NONE = new OrientationListener() { };

    /** A unit quaternion (w, x, y, z) as the device reports it, at {@code tS} seconds. */
    default void onQuaternion(double tS, double w, double x, double y, double z) {
    }

    /** Euler angles in degrees as the device reports them (WitMotion 0x53 frames). */
    default void onEulerDeg(double tS, double rollDeg, double pitchDeg, double yawDeg) {
    }
}
