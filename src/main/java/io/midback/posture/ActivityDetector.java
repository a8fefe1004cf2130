package io.midback.posture;

/**
 * Activity from the accelerometer and the sensor's up axis: walking (dynamic acceleration with a step rhythm),
 * standing up and sitting down (a vertical velocity excursion close to a forward lean), and the micro-motion of a
 * worn sensor (breathing tilts the thorax; none for long means the sensor lies somewhere).
 *
 * <p>Vertical acceleration is the specific force along "up" minus its slow mean (≈ g); its leaky integral is the
 * vertical velocity. A step is an upward crossing of the dynamic acceleration (|a| minus its running mean)
 * through a Schmitt trigger. Plain values in; allocation-free.
 */
final class ActivityDetector {
    /** What {@link #update} saw at this sample. */
    static final int NONE = 0, RISE = 1, DESCENT = -1;

    private final Ema gravity, accNorm, dynEnergy, velocityLeak;
    private final double cosWalkMax, cosRiseLean, cosNotWornMotion;
    /** 1 / {@code walkTauS}: multiplied, not divided, per sample. */
    private final double perWalkTauS;
    /** The tuning's figures the per-sample path reads, in fields of their own (one load each, not two). */
    private final double walkSchmittMps2, riseVelocityMps, riseLeanWindowS, riseRefractoryS, walkAccelVar,
            walkMinStepsPerS, walkMaxStepsPerS, notWornStillS;
    private double verticalVelocityMps;
    private boolean schmittHigh;
    private double stepRatePerS;
    private double anchorX, anchorY, anchorZ = Double.NaN, anchorSinceS;
    private double leanSeenS = Double.NEGATIVE_INFINITY, lastTransitionS = Double.NEGATIVE_INFINITY;

    ActivityDetector(PostureTuning tuning) {
        gravity = new Ema(tuning.gravityTauS());
        accNorm = new Ema(tuning.walkTauS());
        dynEnergy = new Ema(tuning.walkTauS());
        velocityLeak = new Ema(tuning.velocityLeakTauS());
        perWalkTauS = 1 / tuning.walkTauS();
        cosWalkMax = Math.cos(Math.toRadians(tuning.walkMaxInclinationDeg()));
        cosRiseLean = Math.cos(Math.toRadians(tuning.riseLeanDeg()));
        cosNotWornMotion = Math.cos(Math.toRadians(tuning.notWornMotionDeg()));
        walkSchmittMps2 = tuning.walkSchmittMps2();
        riseVelocityMps = tuning.riseVelocityMps();
        riseLeanWindowS = tuning.riseLeanWindowS();
        riseRefractoryS = tuning.riseRefractoryS();
        walkAccelVar = tuning.walkAccelStdMps2() * tuning.walkAccelStdMps2();
        walkMinStepsPerS = tuning.walkMinStepsPerS();
        walkMaxStepsPerS = tuning.walkMaxStepsPerS();
        notWornStillS = tuning.notWornStillS();
    }

    /**
     * One sample.
     *
     * @param upX             up (gravity opposite) in sensor coordinates (and upY, upZ), a unit vector
     * @param cosInclination  cosine of the trunk's inclination from vertical
     * @return {@link #RISE}, {@link #DESCENT} or {@link #NONE}: a stand-up or sit-down recognised at this sample
     */
    int update(double tS, double dtS, double upX, double upY, double upZ, double axMps2, double ayMps2,
               double azMps2, double cosInclination) {
        double aUp = upX * axMps2 + upY * ayMps2 + upZ * azMps2;
        gravity.addMeanWithAlpha(aUp, gravity.alpha(dtS));
        if (dtS > 0) {
            verticalVelocityMps = verticalVelocityMps * (1 - velocityLeak.alpha(dtS)) + (aUp - gravity.mean) * dtS;
        }
        updateSteps(dtS, Math.sqrt(axMps2 * axMps2 + ayMps2 * ayMps2 + azMps2 * azMps2));
        if (Double.isNaN(anchorZ) || upX * anchorX + upY * anchorY + upZ * anchorZ < cosNotWornMotion) {
            anchorX = upX;
            anchorY = upY;
            anchorZ = upZ;
            anchorSinceS = tS;
        }
        if (cosInclination <= cosRiseLean) {
            leanSeenS = tS;
        }
        if (Math.abs(verticalVelocityMps) > riseVelocityMps && tS - leanSeenS <= riseLeanWindowS
                && tS - lastTransitionS >= riseRefractoryS) {
            lastTransitionS = tS;
            return verticalVelocityMps > 0 ? RISE : DESCENT;
        }
        return NONE;
    }

    /** The step detector: dynamic acceleration (|a| about its running mean), its energy and the step rate. */
    private void updateSteps(double dtS, double normMps2) {
        double walkAlpha = accNorm.alpha(dtS); // one time constant for both
        accNorm.addMeanWithAlpha(normMps2, walkAlpha);
        double dyn = normMps2 - accNorm.mean;
        dynEnergy.addWithAlpha(dyn, walkAlpha);
        boolean crossed = false;
        if (!schmittHigh && dyn > walkSchmittMps2) {
            schmittHigh = true;
            crossed = true;
        } else if (schmittHigh && dyn < -walkSchmittMps2) {
            schmittHigh = false;
        }
        if (dtS > 0) {
            stepRatePerS += ((crossed ? 1 : 0) - stepRatePerS * dtS) * perWalkTauS;
        }
    }

    /** Samples were missing: forget velocity, step rhythm and the micro-motion anchor. */
    void gap() {
        verticalVelocityMps = 0;
        stepRatePerS = 0;
        anchorZ = Double.NaN;
    }

    boolean isWalking(double cosInclination) {
        return dynEnergy.var > walkAccelVar
                && stepRatePerS >= walkMinStepsPerS && stepRatePerS <= walkMaxStepsPerS
                && cosInclination > cosWalkMax;
    }

    /** No tilt change beyond {@code notWornMotionDeg} for {@code notWornStillS}: nobody breathes under it. */
    boolean noMicroMotion(double tS) {
        return !Double.isNaN(anchorZ) && tS - anchorSinceS >= notWornStillS;
    }

    double verticalVelocityMps() {
        return verticalVelocityMps;
    }

    /** Dynamic acceleration: std of |a| about its running mean, m/s². */
    double dynamicAccelStdMps2() {
        return Math.sqrt(dynEnergy.var);
    }

    /** Upward crossings of the dynamic acceleration per second (about one per step while walking). */
    double stepRatePerS() {
        return stepRatePerS;
    }
}
