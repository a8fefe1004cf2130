package io.midback.posture;

/**
 * Every tuning constant of the posture stage's detectors, in one place, with its unit in its name. The user's
 * choices (slump threshold, dwell, break interval…) are in {@link PostureSettings}; these are the detector's own
 * and rarely change. {@link #DEFAULTS} documents each value and where it comes from.
 *
 * <p>How the defaults were chosen: the values marked "simulator" were set on the simulator's seeds 1–20 of the
 * acceptance days and checked, unchanged, on seeds 101–120 and on different scenario mixes (the acceptance tests
 * run those); the others come from the literature or from the sensor class (MPU-6050/BMI160 noise).
 *
 * @param stillTauS                 time constant of the running mean and variance of the stillness test, s
 * @param stillGyroRadPerS          still: gyroscope std (root of summed axis variances) below this
 * @param stillAccelMps2            still: accelerometer std below this
 * @param movingGyroRadPerS         moving (ordinary movement, for staleness): gyroscope std above this
 * @param captureGyroWarnRadPerS    the neutral capture warns "moving" above this gyroscope std
 * @param captureAccelWarnMps2      … or above this accelerometer std
 * @param backElevationWarnDeg      default mounting: the sensor's face more than this from vertical warns
 * @param minLeanDeg                a forward lean smaller than this is no lean
 * @param leanAxisWarnDeg           the lean's axis more than this from horizontal warns
 * @param headingLearnAfterS        still this long: the heading drift rate is learnt
 * @param headingRezeroAfterS       still this long: the heading reference re-zeroes
 * @param headingRezeroTauS         time constant of that re-zeroing, s
 * @param headingDriftTauS          time constant of the drift-rate estimate, s
 * @param headingFollowTauS         slow follow of the heading while moving (chair turns), s
 * @param reclineDeg                reclined: flexion at or below −this
 * @param sideLeanDeg               leaning sideways: |lateral bend| at or above this
 * @param stateHysteresisDeg        hysteresis of reclined and leaning sideways
 * @param lyingInclinationDeg       lying: trunk inclination from vertical above this
 * @param upsideDownDeg             not worn: trunk inclination above this (upside down)
 * @param notWornStillS             not worn: no tilt change for this long (no breathing)
 * @param notWornMotionDeg          … a tilt change smaller than this counts as none
 * @param walkAccelStdMps2          walking: std of |a| about its running mean above this
 * @param walkMinStepsPerS          walking: upward crossings of the dynamic acceleration at least this rate
 * @param walkMaxStepsPerS          … and at most this rate
 * @param walkSchmittMps2           half-width of the step detector's Schmitt trigger
 * @param walkTauS                  time constant of the walking figures, s
 * @param walkMaxInclinationDeg     walking: trunk inclination below this
 * @param riseVelocityMps           standing up / sitting down: vertical velocity beyond ± this
 * @param riseLeanDeg               … within {@code riseLeanWindowS} of a forward lean of at least this
 * @param riseLeanWindowS           see above, s
 * @param riseRefractoryS           after a transition, its rebound is ignored this long, s
 * @param velocityLeakTauS          leak of the vertical-velocity integral, s
 * @param gravityTauS               time constant of the vertical specific force's mean (≈ g), s
 * @param stateHoldS                a new state must hold this long before it is reported, s
 * @param walkHoldS                 … walking this long
 * @param lyingHoldS                … lying (and upside down) this long
 * @param sittingPrior              probability of sitting with no evidence (office work is mostly seated)
 * @param transitionEvidence        probability of the label a detected stand-up or sit-down sets
 * @param walkingStandingEvidence   probability of standing right after walking
 * @param labelRelaxTauS            with no new evidence, the sitting probability relaxes to the prior with this
 *                                  time constant, s
 */
public record PostureTuning(
        double stillTauS, double stillGyroRadPerS, double stillAccelMps2, double movingGyroRadPerS,
        double captureGyroWarnRadPerS, double captureAccelWarnMps2, double backElevationWarnDeg,
        double minLeanDeg, double leanAxisWarnDeg,
        double headingLearnAfterS, double headingRezeroAfterS, double headingRezeroTauS, double headingDriftTauS,
        double headingFollowTauS,
        double reclineDeg, double sideLeanDeg, double stateHysteresisDeg, double lyingInclinationDeg,
        double upsideDownDeg, double notWornStillS, double notWornMotionDeg,
        double walkAccelStdMps2, double walkMinStepsPerS, double walkMaxStepsPerS, double walkSchmittMps2,
        double walkTauS, double walkMaxInclinationDeg,
        double riseVelocityMps, double riseLeanDeg, double riseLeanWindowS, double riseRefractoryS,
        double velocityLeakTauS, double gravityTauS,
        double stateHoldS, double walkHoldS, double lyingHoldS,
        double sittingPrior, double transitionEvidence, double walkingStandingEvidence, double labelRelaxTauS) {

    /**
     * The defaults and their sources.
     * <ul>
     *   <li>Stillness 0.05 rad/s and 0.3 m/s² over 1 s: a few times the gyroscope and accelerometer noise of an
     *       MPU-6050 class sensor at 50–200 Hz, below the movements of seated work (sensor class).</li>
     *   <li>Capture warnings 0.1 rad/s, 0.5 m/s²; back elevation 45°; lean ≥ 8°, axis ≤ 30° from horizontal:
     *       twice the stillness limits; half a right angle; a lean that any wearer makes deliberately.</li>
     *   <li>Heading: learn the drift after 1 s still, re-zero after 5 s still (τ 2 s), drift τ 20 s, follow 300 s:
     *       VQF-class bias drift of about 0.1°/s over minutes (simulator).</li>
     *   <li>Reclined −10°, leaning sideways 10°, 2° hysteresis: the bands trainers use to name a posture.</li>
     *   <li>Lying 60°, upside down 135°: ISO 11226 treats trunk inclination beyond 60° as extreme; a worn sensor
     *       is never upside down. Not worn: 60 s without a 0.2° tilt change (breathing moves the thorax 0.5–1°).</li>
     *   <li>Walking: std of |a| 0.6 m/s², 0.8–3.5 crossings per second, Schmitt ±0.4 m/s², τ 2 s, inclination
     *       &lt; 45°: thoracic vertical acceleration in walking is 1–3 m/s² at 1.4–2.2 steps/s (gait literature);
     *       the lower bounds leave room for a slow shuffle (simulator).</li>
     *   <li>Transitions: ± 0.15 m/s within 2.5 s of a ≥ 15° lean, refractory 2.5 s, leak τ 1 s, gravity τ 5 s:
     *       sit-to-stand raises the hips about 0.45 m in 1–3 s with 20–40° of trunk lean (biomechanics
     *       literature), peak vertical velocity 0.3–0.6 m/s (simulator).</li>
     *   <li>Holds 1 s, walking and lying 2 s: long enough to ignore a step or a stumble.</li>
     *   <li>Sitting vs standing: prior 0.8 sitting (office workers sit about 75–80 % of working time: published
     *       accelerometer studies), a detected transition 0.9 sure, walking 0.85 standing, relaxing to the prior
     *       over 10 min (people rarely stand still for long).</li>
     * </ul>
     */
    public static final PostureTuning DEFAULTS = new PostureTuning(
            1.0, 0.05, 0.3, 0.05,
            0.1, 0.5, 45,
            8, 30,
            1, 5, 2, 20,
            300,
            10, 10, 2, 60,
            135, 60, 0.2,
            0.6, 0.8, 3.5, 0.4,
            2.0, 45,
            0.15, 15, 2.5, 2.5,
            1.0, 5.0,
            1.0, 2.0, 2.0,
            0.8, 0.9, 0.85, 600);

    public PostureTuning {
        double[] positive = {stillTauS, stillGyroRadPerS, stillAccelMps2, movingGyroRadPerS, captureGyroWarnRadPerS,
            captureAccelWarnMps2, headingRezeroTauS, headingDriftTauS, headingFollowTauS, walkTauS,
            velocityLeakTauS, gravityTauS, labelRelaxTauS, walkAccelStdMps2, walkMaxStepsPerS, riseVelocityMps};
        for (double v : positive) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("posture tuning: time constants and thresholds must be positive");
            }
        }
        for (double p : new double[] {sittingPrior, transitionEvidence, walkingStandingEvidence}) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("posture tuning: probabilities must be in (0, 1): " + p);
            }
        }
    }
}
