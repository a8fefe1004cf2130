package io.midback.posture;

/**
 * The posture stage's output for one sample: a mutable holder that the pipeline reuses (no allocation per
 * sample). Listeners read it during the callback and copy what they keep.
 *
 * <p>Angles are thoracic angles relative to the wearer's calibrated neutral pose, from quaternions, in the ISB
 * sequence: flexion (+) / extension (−), then lateral bend (right +), then axial rotation (right +).
 */
public final class PostureFrame {
    /** Sample time, seconds from the first sample of the session. */
    public double tS;
    /** Sensor orientation, sensor → ENU (as the orientation filter estimated it). */
    public double qw = 1, qx, qy, qz;
    public double flexionDeg;
    public double lateralBendDeg;
    public double axialRotationDeg;
    /** False while rotation has no absolute reference (no magnetometer): lower confidence. */
    public boolean rotationAbsolute;
    /** The smoothed posture/activity state. */
    public PostureState state = PostureState.UNKNOWN;
    /** True once a neutral pose is calibrated; angles are meaningless before. */
    public boolean calibrated;
    /**
     * Probability that the wearer sits rather than stands (0..1), from {@link #sittingEvidence}; the state says
     * standing below 0.5. Only a label: alerts count sedentary time whichever it is.
     */
    public double sittingProbability = 0.5;
    /** What the sitting-versus-standing label rests on. */
    public SittingEvidence sittingEvidence = SittingEvidence.PRIOR;
    /**
     * With a lower sensor ({@link SpineAngles}): the spine between the sensors, the upper back relative to the
     * pelvis, both relative to their calibrated upright, in the same ISB sequence as the trunk's angles; NaN when
     * there is none at this sample ({@link #spineValid} false).
     */
    public double spineFlexionDeg = Double.NaN, spineLateralBendDeg = Double.NaN,
            spineAxialRotationDeg = Double.NaN;
    /** The lower sensor's own tilt (the pelvis, + forward, − rolled back) from its calibrated upright, or NaN. */
    public double pelvicTiltDeg = Double.NaN;
    /** Both sensors are calibrated and the lower one has a sample here: the spine angles hold. */
    public boolean spineValid;

    /**
     * The flexion the slump rule reads: the spine's between the sensors while there are spine angles (a hip hinge
     * with a straight spine is then no slump, a slump with the pelvis rolled back is), else the upper back's.
     */
    public double slumpFlexionDeg() {
        return spineValid ? spineFlexionDeg : flexionDeg;
    }
}
