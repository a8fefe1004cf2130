package io.midback.mobility;

/**
 * The mobility stage's output for one sample: a mutable holder reused for every sample (no allocation). Angles are
 * relative to the upright pose captured at the start of the check, from quaternions, in the ISB order: flexion
 * forward + (extension −), side bend right +, rotation right +.
 */
public final class MobilityFrame {
    /** Sample time, seconds from the first sample. */
    public double tS;
    /** True once the gyroscope bias is known: the orientation filter runs from then on. */
    public boolean biasKnown;
    /** True once the gyroscope bias and the upright pose are captured; the angles are 0 before. */
    public boolean captured;
    public double flexionDeg;
    public double sideBendDeg;
    public double rotationDeg;
    /** The orientation filter's quaternion, sensor → ENU (identity before the bias is known). */
    public double qw = 1, qx, qy, qz;
    /** The trunk is still (held for the settings' hold time). */
    public boolean still;
    /** Bias-corrected angular speed of the sensor, °/s. */
    public double speedDegPerS;
    /**
     * The heading drift the check has taken out so far by following the gyroscope bias through stillness (beyond the
     * bias captured at the start), degrees.
     */
    public double headingCorrectionDeg;

    /** The angle along a movement's axis: 0 flexion, 1 side bend, 2 rotation. */
    public double angleDeg(int axis) {
        return axis == 0 ? flexionDeg : axis == 1 ? sideBendDeg : rotationDeg;
    }
}
