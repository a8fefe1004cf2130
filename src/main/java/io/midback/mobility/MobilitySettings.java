package io.midback.mobility;

/**
 * How the mobility check captures, follows and judges movements. Named defaults in {@link #defaults()}.
 *
 * @param biasCaptureS            still time used to estimate the gyroscope bias at the start, s
 * @param neutralCaptureS         still time (after the bias) averaged into the upright pose, s
 * @param stillTauS               time constant of the stillness test's running mean and variance, s
 * @param stillGyroStdDegPerS     still (before the bias is known): gyroscope standard deviation (root of the summed axis variances) below this
 * @param stillRateDegPerS        still (once the bias is known): bias-corrected angular rate below this, °/s
 * @param stillAccelStdMps2       still: accelerometer standard deviation below this, m/s²
 * @param stillHoldS              the stillness test must hold this long before it counts, s
 * @param biasTrackTauS           while still, the bias estimate follows the gyroscope with this time constant, s
 * @param repMinDeg               a repetition's peak is at least this far from upright, degrees
 * @param reversalMinDeg          a turn back counts once the angle has come back by at least this, degrees …
 * @param reversalFraction        … or this fraction of the turning point's distance from upright, if larger
 * @param notBackMinDeg           "not back to neutral": the angle stays further than this from upright between
 *                                repetitions, degrees …
 * @param notBackFraction         … and further than this fraction of the repetition's peak
 * @param mixLimitDeg             "mixed": a side bend repetition turns the trunk (or a rotation bends it sideways)
 *                                by more than this, degrees
 * @param tooFastS                "too fast": a repetition out and back (from 20% of its peak to 20% again) in
 *                                less than this, s
 * @param blockGapS               repetitions further apart than this start a new block, s
 * @param anchorSmoothingS        the heading drift left at the anchors (stillness back at upright) is followed by a
 *                                local line through the anchors within about this time (Gaussian σ), s
 * @param overshootFraction       a turn past upright into the other direction straight out of a repetition, settling
 *                                after it, smaller than this fraction of that repetition, is its overshoot, not a
 *                                repetition (without the prompts' events)
 */
public record MobilitySettings(double biasCaptureS, double neutralCaptureS, double stillTauS,
                               double stillGyroStdDegPerS, double stillRateDegPerS, double stillAccelStdMps2,
                               double stillHoldS, double biasTrackTauS,
                               double repMinDeg, double reversalMinDeg, double reversalFraction,
                               double notBackMinDeg, double notBackFraction, double mixLimitDeg, double tooFastS,
                               double blockGapS, double anchorSmoothingS, double overshootFraction) {

    public MobilitySettings {
        double[] all = {biasCaptureS, neutralCaptureS, stillTauS, stillGyroStdDegPerS, stillRateDegPerS,
                stillAccelStdMps2, stillHoldS, biasTrackTauS, repMinDeg, reversalMinDeg, reversalFraction,
                notBackMinDeg, notBackFraction, mixLimitDeg, tooFastS, blockGapS, anchorSmoothingS, overshootFraction};
        for (double v : all) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("mobility settings must be positive and finite: " + v);
            }
        }
    }

    /**
     * The defaults: 3 s of stillness for the bias (most of a breath, which moves the thorax) and 1.5 s for the upright
     * pose; still below 3°/s of gyroscope spread and 0.3 m/s², then below 4°/s of corrected rate, for 0.3 s; the
     * bias followed with a 10-s time constant of stillness; a repetition reaches 8°, turns back by 6° or 35% of its peak;
     * not back to neutral beyond 6° and 25% of the peak; mixed beyond 15°; too fast under 0.8 s; blocks 10 s apart; anchors followed within 6 s (chosen on simulated seeds 1–24); an
     * overshoot under half the repetition it follows.
     */
    public static MobilitySettings defaults() {
        return new MobilitySettings(3, 1.5, 0.3, 3, 4, 0.3, 0.3, 10, 8, 6, 0.35, 6, 0.25, 15, 0.8, 10, 6, 0.5);
    }
}
