package io.midback.sim;

import io.midback.sensor.Quat;
import io.midback.posture.PostureState;

/**
 * The trunk at one instant, as {@link BodyModel#evaluate} fills it (mutable, reused: no allocation per sample).
 * Angles are the true thoracic angles relative to the wearer's upright sitting neutral facing the scenario's
 * heading, in the ISB sequence (flexion about the medio-lateral axis, then lateral bend, then axial rotation).
 */
public final class BodyPose {
    public double tS;
    /** Flexion (+ forward, − extension), degrees. */
    public double flexionDeg;
    /** Lateral bend (+ right), degrees. */
    public double lateralBendDeg;
    /** Axial rotation (+ right), degrees. */
    public double axialRotationDeg;
    /** The trunk (body frame: x right, y forward, z up) → ENU. */
    public final Quat bodyToEarth = new Quat();
    /**
     * Pelvic tilt (+ forward, − rolled back), degrees from the upright sitting neutral: the pelvis (and the lower
     * sensor on the sacrum) turns about the hips by it, about the medio-lateral axis only.
     */
    public double pelvicTiltDeg;
    /** The pelvis (body frame as the trunk's, at neutral the same) → ENU: heading ⊗ Rx(−pelvic tilt). */
    public final Quat pelvisToEarth = new Quat();
    /**
     * The spine between the pelvis and the upper back, ISB angles of the trunk relative to the pelvis: since the
     * pelvis turns about x only, flexion − pelvic tilt, the lateral bend and the axial rotation.
     */
    public double spineFlexionDeg;
    /** Acceleration of the trunk's rotation centre (hip/lumbar pivot) in ENU, m/s². */
    public final double[] pivotAccelMps2 = new double[3];
    /** How far breathing has lifted the sensor (along the trunk) and pushed it back (out of the back), m. */
    public double breathLiftM, breathOutM;
    public Activity.Mode mode = Activity.Mode.SITTING;
    /**
     * Sedentary: sitting, or standing still (not walking, lying, off, nor standing up or sitting down). Slump
     * episodes and break reminders count on it.
     */
    public boolean sedentary = true;
    /**
     * How far the sensor is off the body (0 worn .. 1 lying on the desk); the simulator blends its orientation
     * between the worn one and flat-on-the-desk.
     */
    public double offWeight;
    /** The scenario line in force (index into {@link Scenario#segments()}). */
    public int segmentIndex;
    /**
     * The posture label from activity and angles alone; the simulator turns sitting time inside a true slump
     * episode into {@link PostureState#SLOUCHED}.
     */
    public PostureState baseState = PostureState.UPRIGHT;
}
