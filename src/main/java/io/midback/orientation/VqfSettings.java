package io.midback.orientation;

import io.midback.sensor.Gap;

import java.util.function.Consumer;

/**
 * Settings of {@link VqfFilter}, with the units in the names' Javadoc. {@link #paper()} are the values of the VQF
 * paper (Laidig &amp; Seel, Information Fusion 2023); {@link #defaults()}, Midback's one parameter set for every
 * recording, differ from them in one value: {@code biasSigmaMotionDegPerS} is 0.05 °/s instead of 0.1 °/s, so
 * the bias estimate converges faster during motion. A wearer at a desk moves slowly and almost never rests long
 * enough for rest-based bias estimation, so the motion updates are what keeps the bias (and so the inclination)
 * right. On BROAD this lowers the 6D inclination error on both halves of the trials (odd- and even-numbered
 * files alike) and the 9D total error overall; see the README. Midback does not tune per recording; a session with
 * two sensors runs both filters with {@link #twoSensors()} (its spine rotation hangs on their vertical bias).
 *
 * @param tauAccS                      time constant of the accelerometer low-pass (inclination correction), s
 * @param tauMagS                      time constant of the magnetometer heading correction, s
 * @param motionBiasEstimation         estimate the gyroscope bias while moving
 * @param restBiasEstimation           detect rest and estimate the gyroscope bias at rest
 * @param magDisturbanceRejection      detect magnetic disturbances and reject the magnetometer meanwhile
 * @param biasSigmaInitDegPerS         initial standard deviation of the bias estimate, °/s
 * @param biasForgettingTimeS          time in which the bias uncertainty grows from 0 to 0.1 °/s, s
 * @param biasClipDegPerS              largest bias (and bias disagreement) accepted, °/s
 * @param biasSigmaMotionDegPerS       standard deviation of the bias measurement in motion, °/s
 * @param biasVerticalForgettingFactor weight of the vertical bias measurement in motion relative to the
 *                                     horizontal ones (the vertical axis is unobservable from inclination), –
 * @param biasSigmaRestDegPerS         standard deviation of the bias measurement at rest, °/s
 * @param restMinTimeS                 time the thresholds must hold before rest is detected, s
 * @param restFilterTauS               time constant of the rest-detection low-pass, s
 * @param restThresholdGyrDegPerS      largest gyroscope deviation (and rate) at rest, °/s
 * @param restThresholdAccMps2         largest accelerometer deviation at rest, m/s²
 * @param magCurrentTauS               time constant of the low-pass on field norm and dip, s
 * @param magRefTauS                   time constant of the reference field norm and dip, s
 * @param magNormThreshold             relative field-norm difference counted as a disturbance, –
 * @param magDipThresholdDeg           dip-angle difference counted as a disturbance, °
 * @param magNewTimeS                  time a new steady field must last (while turning) to be accepted, s
 * @param magNewFirstTimeS             the same for the first field, s
 * @param magNewMinGyrDegPerS          smallest rotation rate that counts towards accepting a new field, °/s
 * @param magMinUndisturbedTimeS       undisturbed time before the magnetometer is used again, s
 * @param magMaxRejectionTimeS         longest rejection; afterwards the gain is reduced instead, s
 * @param magRejectionFactor           gain divisor after the longest rejection, and the rate at which the
 *                                     rejection budget recovers, –
 * @param maxGapS                      a period longer than this is a gap: the filter re-initialises its
 *                                     orientation (keeping the bias estimate), s
 * @param latencyCompensationS         the output is predicted this far ahead with the current rate, to
 *                                     compensate a known latency of the sensor's samples (the filter's own
 *                                     state is unaffected); 0 = none, s
 * @param biasUpdatePeriodS            the bias filter runs once per this period (the nearest whole number of
 *                                     samples) on the inputs averaged over it, instead of every sample; its
 *                                     time constants are seconds, so this saves time at no cost in accuracy;
 *                                     0 = every sample, as in the paper, s
 * @param restVerticalGateDegPerS      at rest, a bias measurement whose vertical part (in the earth frame) differs
 *                                     from the estimate by more than this plus {@value VqfFilter#REST_GATE_SIGMAS}
 *                                     standard deviations of the estimate is used for the horizontal part only
 *                                     (see {@link #twoSensors()}); 0 = no gate, as in the paper, °/s
 */
public record VqfSettings(
        double tauAccS,
        double tauMagS,
        boolean motionBiasEstimation,
        boolean restBiasEstimation,
        boolean magDisturbanceRejection,
        double biasSigmaInitDegPerS,
        double biasForgettingTimeS,
        double biasClipDegPerS,
        double biasSigmaMotionDegPerS,
        double biasVerticalForgettingFactor,
        double biasSigmaRestDegPerS,
        double restMinTimeS,
        double restFilterTauS,
        double restThresholdGyrDegPerS,
        double restThresholdAccMps2,
        double magCurrentTauS,
        double magRefTauS,
        double magNormThreshold,
        double magDipThresholdDeg,
        double magNewTimeS,
        double magNewFirstTimeS,
        double magNewMinGyrDegPerS,
        double magMinUndisturbedTimeS,
        double magMaxRejectionTimeS,
        double magRejectionFactor,
        double maxGapS,
        double latencyCompensationS,
        double biasUpdatePeriodS,
        double restVerticalGateDegPerS) {

    public VqfSettings {
        requirePositive("tauAccS", tauAccS);
        requirePositive("restFilterTauS", restFilterTauS);
        requirePositive("magCurrentTauS", magCurrentTauS);
        requirePositive("biasSigmaInitDegPerS", biasSigmaInitDegPerS);
        requirePositive("biasForgettingTimeS", biasForgettingTimeS);
        requirePositive("biasClipDegPerS", biasClipDegPerS);
        requirePositive("biasSigmaMotionDegPerS", biasSigmaMotionDegPerS);
        requirePositive("biasSigmaRestDegPerS", biasSigmaRestDegPerS);
        requirePositive("maxGapS", maxGapS);
        requirePositive("magRejectionFactor", magRejectionFactor);
        if (!(latencyCompensationS >= 0) || latencyCompensationS > maxGapS) {
            throw new IllegalArgumentException("latencyCompensationS must be in [0, maxGapS]: " + latencyCompensationS);
        }
        if (!(biasUpdatePeriodS >= 0) || biasUpdatePeriodS > 1) {
            throw new IllegalArgumentException("biasUpdatePeriodS must be in [0, 1] s: " + biasUpdatePeriodS);
        }
        if (!(restVerticalGateDegPerS >= 0) || Double.isInfinite(restVerticalGateDegPerS)) {
            throw new IllegalArgumentException("restVerticalGateDegPerS must be 0 (none) or positive: "
                    + restVerticalGateDegPerS);
        }
        if (Double.isNaN(tauMagS) || Double.isNaN(magRefTauS)) {
            throw new IllegalArgumentException("tauMagS and magRefTauS must be numbers (negative disables)");
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
    }

    /**
     * Midback's defaults: {@link #paper()} with faster bias convergence in motion (see the class comment) and
     * the bias filter run every {@value #DEFAULT_BIAS_UPDATE_PERIOD_S} s instead of every sample.
     */
    public static VqfSettings defaults() {
        return paper().withBiasSigmaMotionDegPerS(0.05).withBiasUpdatePeriodS(DEFAULT_BIAS_UPDATE_PERIOD_S);
    }

    /** The bias filter's update period of {@link #defaults()}, s. */
    public static final double DEFAULT_BIAS_UPDATE_PERIOD_S = 0.05;

    /** The VQF paper's defaults; a gap is {@link Gap}'s (a period longer than 0.5 s); no latency compensation. */
    public static VqfSettings paper() {
        return new VqfSettings(3.0, 9.0, true, true, true,
                0.5, 100.0, 2.0, 0.1, 1e-4, 0.03,
                1.5, 0.5, 2.0, 0.5,
                0.05, 20.0, 0.1, 10.0, 20.0, 5.0, 20.0, 0.5, 60.0, 2.0,
                Gap.MAX_STEP_S, 0.0, 0.0, 0.0);
    }

    /** The bias forgetting time of {@link #twoSensors()}, s. */
    public static final double TWO_SENSORS_BIAS_FORGETTING_S = 3000;
    /** The rest gate on the vertical bias of {@link #twoSensors()}, °/s. */
    public static final double TWO_SENSORS_REST_VERTICAL_GATE_DEG_PER_S = 0.1;

    /**
     * The settings of both sensors' filters when a session has two ({@link #defaults()} otherwise), whose spine
     * rotation comes from the difference of the two filters' headings, so from their vertical bias estimates. Two
     * changes keep that estimate from learning the wearer's slow turning as bias:
     * <ul>
     *   <li>{@code biasForgettingTimeS} {@value #TWO_SENSORS_BIAS_FORGETTING_S} s instead of 100 s: the estimate's
     *       uncertainty grows by 0.1 °/s in 50 minutes, about a consumer MEMS gyroscope's bias random walk (0.002
     *       °/s/√s), where the paper's grows as if it wandered five times as fast; so each measurement moves it
     *       less, and a minute of slow turning (which a gyroscope alone cannot tell from a bias) much less;</li>
     *   <li>{@code restVerticalGateDegPerS} {@value #TWO_SENSORS_REST_VERTICAL_GATE_DEG_PER_S}: "at rest" (rates
     *       within 2 °/s of their 0.5 s mean) is also a wearer turning slowly about the vertical at a fraction of a
     *       degree per second, which the rest measurement would take whole as bias; when its vertical part
     *       disagrees with the estimate by more than the gate plus three standard deviations, only its horizontal
     *       part (which gravity keeps honest) is used.</li>
     * </ul>
     * Chosen on simulated two-sensor sessions (seeds 1–3 and 101–104 of {@code two-sensor-demo}); the spine's
     * rotation error is then within 3° (the README's two-sensor section).
     */
    public static VqfSettings twoSensors() {
        return defaults().with(b -> {
            b.biasForgettingTimeS = TWO_SENSORS_BIAS_FORGETTING_S;
            b.restVerticalGateDegPerS = TWO_SENSORS_REST_VERTICAL_GATE_DEG_PER_S;
        });
    }

    /** These settings with another standard deviation of the bias measurement in motion, °/s. */
    public VqfSettings withBiasSigmaMotionDegPerS(double degPerS) {
        return with(b -> b.biasSigmaMotionDegPerS = degPerS);
    }

    /** These settings with another latency compensation, s. */
    public VqfSettings withLatencyCompensationS(double seconds) {
        return with(b -> b.latencyCompensationS = seconds);
    }

    /** These settings with another bias filter update period, s (0 = every sample). */
    public VqfSettings withBiasUpdatePeriodS(double seconds) {
        return with(b -> b.biasUpdatePeriodS = seconds);
    }

    /**
     * A copy of these settings with what {@code change} sets on a {@link Builder} (which starts as these
     * settings), validated as any: {@code VqfSettings.paper().with(b -> { b.tauAccS = 2; b.maxGapS = 1; })}.
     */
    public VqfSettings with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /**
     * The components of a {@link VqfSettings} as plain fields (same names and units), for {@link #with}: set
     * the ones to change; the record made from them is validated as any.
     */
    public static final class Builder {
        public double tauAccS;
        public double tauMagS;
        public boolean motionBiasEstimation;
        public boolean restBiasEstimation;
        public boolean magDisturbanceRejection;
        public double biasSigmaInitDegPerS;
        public double biasForgettingTimeS;
        public double biasClipDegPerS;
        public double biasSigmaMotionDegPerS;
        public double biasVerticalForgettingFactor;
        public double biasSigmaRestDegPerS;
        public double restMinTimeS;
        public double restFilterTauS;
        public double restThresholdGyrDegPerS;
        public double restThresholdAccMps2;
        public double magCurrentTauS;
        public double magRefTauS;
        public double magNormThreshold;
        public double magDipThresholdDeg;
        public double magNewTimeS;
        public double magNewFirstTimeS;
        public double magNewMinGyrDegPerS;
        public double magMinUndisturbedTimeS;
        public double magMaxRejectionTimeS;
        public double magRejectionFactor;
        public double maxGapS;
        public double latencyCompensationS;
        public double biasUpdatePeriodS;
        public double restVerticalGateDegPerS;

        private Builder(VqfSettings s) {
            tauAccS = s.tauAccS;
            tauMagS = s.tauMagS;
            motionBiasEstimation = s.motionBiasEstimation;
            restBiasEstimation = s.restBiasEstimation;
            magDisturbanceRejection = s.magDisturbanceRejection;
            biasSigmaInitDegPerS = s.biasSigmaInitDegPerS;
            biasForgettingTimeS = s.biasForgettingTimeS;
            biasClipDegPerS = s.biasClipDegPerS;
            biasSigmaMotionDegPerS = s.biasSigmaMotionDegPerS;
            biasVerticalForgettingFactor = s.biasVerticalForgettingFactor;
            biasSigmaRestDegPerS = s.biasSigmaRestDegPerS;
            restMinTimeS = s.restMinTimeS;
            restFilterTauS = s.restFilterTauS;
            restThresholdGyrDegPerS = s.restThresholdGyrDegPerS;
            restThresholdAccMps2 = s.restThresholdAccMps2;
            magCurrentTauS = s.magCurrentTauS;
            magRefTauS = s.magRefTauS;
            magNormThreshold = s.magNormThreshold;
            magDipThresholdDeg = s.magDipThresholdDeg;
            magNewTimeS = s.magNewTimeS;
            magNewFirstTimeS = s.magNewFirstTimeS;
            magNewMinGyrDegPerS = s.magNewMinGyrDegPerS;
            magMinUndisturbedTimeS = s.magMinUndisturbedTimeS;
            magMaxRejectionTimeS = s.magMaxRejectionTimeS;
            magRejectionFactor = s.magRejectionFactor;
            maxGapS = s.maxGapS;
            latencyCompensationS = s.latencyCompensationS;
            biasUpdatePeriodS = s.biasUpdatePeriodS;
            restVerticalGateDegPerS = s.restVerticalGateDegPerS;
        }

        private VqfSettings build() {
            return new VqfSettings(tauAccS, tauMagS, motionBiasEstimation, restBiasEstimation, magDisturbanceRejection,
                    biasSigmaInitDegPerS, biasForgettingTimeS, biasClipDegPerS, biasSigmaMotionDegPerS,
                    biasVerticalForgettingFactor, biasSigmaRestDegPerS, restMinTimeS, restFilterTauS,
                    restThresholdGyrDegPerS, restThresholdAccMps2, magCurrentTauS, magRefTauS, magNormThreshold,
                    magDipThresholdDeg, magNewTimeS, magNewFirstTimeS, magNewMinGyrDegPerS, magMinUndisturbedTimeS,
                    magMaxRejectionTimeS, magRejectionFactor, maxGapS, latencyCompensationS, biasUpdatePeriodS,
                    restVerticalGateDegPerS);
        }
    }

    /**
     * These settings with the gyroscope bias estimation in motion and at rest switched on or off (off: a stage
     * upstream removes the bias, and a bias learnt from vigorous movement would turn into heading drift).
     */
    public VqfSettings withBiasEstimation(boolean inMotion, boolean atRest) {
        return with(b -> {
            b.motionBiasEstimation = inMotion;
            b.restBiasEstimation = atRest;
        });
    }
}
