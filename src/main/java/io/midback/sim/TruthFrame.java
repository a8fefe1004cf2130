package io.midback.sim;

import io.midback.sensor.Quat;
import io.midback.posture.PostureState;

/**
 * The ground truth at one sample, handed to a {@link TruthListener} (mutable and reused: copy what you keep).
 * Angles relative to the upright sitting neutral, ISB sequence (see {@link BodyModel}).
 */
public final class TruthFrame {
    /** Sample index from 0. */
    public long index;
    /** True time (the upper sensor's clock), s. */
    public double tS;
    /** The sample's own timestamp, its sensor's clock (the same as {@link #tS} on the reference clock), s. */
    public double deviceTS;
    /** Pelvic tilt (+ forward) from the upright neutral, degrees (see {@link BodyPose#pelvicTiltDeg}). */
    public double pelvicTiltDeg;
    /**
     * The spine's flexion between the pelvis and the upper back; its lateral bend and axial rotation are the
     * trunk's ({@link #lateralBendDeg}, {@link #axialRotationDeg}: the pelvis only tilts).
     */
    public double spineFlexionDeg;
    /** NaN while the sensor is not worn ({@code off}). */
    public double flexionDeg, lateralBendDeg, axialRotationDeg;
    /** The true posture label: the activity's, with sitting time inside a true slump episode as slouched. */
    public PostureState state = PostureState.UPRIGHT;
    public Activity activity;
    /** Sitting, or standing still (not walking, lying, off, nor standing up or sitting down). */
    public boolean sedentary;
    /** The scenario line in force (1-based line number in the scenario file). */
    public int scenarioLine;
    /** Sensor → ENU, the orientation a perfect filter would report. */
    public final Quat sensorToEarth = new Quat();
    /** Trunk body frame (x right, y forward, z up) → ENU. */
    public final Quat bodyToEarth = new Quat();
    /** The gyroscope bias in this sample (sensor frame), rad/s: measured gyro = true rate + bias + noise. */
    public final double[] gyroBiasRadPerS = new double[3];
    /** The true angular rate (sensor frame), rad/s: the mean over the interval that ends at this sample. */
    public final double[] gyroRadPerS = new double[3];
    /** The sensor's true linear acceleration in ENU, m/s² (without gravity). */
    public final double[] linearAccelMps2 = new double[3];
    /** The noise-free accelerometer reading (sensor frame): rotated (linear acceleration + g·up), m/s². */
    public final double[] specificForceMps2 = new double[3];
}
