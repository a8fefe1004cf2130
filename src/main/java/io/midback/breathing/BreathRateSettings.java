package io.midback.breathing;

/**
 * How the breathing rate is measured (see {@link BreathRateEstimator}).
 *
 * @param bandLowHz        band-pass lower edge (0.08 Hz: 4.8 breaths/min)
 * @param bandHighHz       band-pass upper edge (0.7 Hz: 42 breaths/min)
 * @param windowS          breaths counted over this much recent still time (more when there are fewer than
 *                         {@code minBreaths} in it, up to {@code maxWindowS})
 * @param maxWindowS       the longest look back
 * @param minBreaths       breath onsets needed for a rate (onsets, so one fewer whole breaths)
 * @param hysteresis       a breath is counted when the signal, having been below −this × its RMS, crosses
 *                         +this × its RMS (its onset is the zero crossing before)
 * @param jitterOfGravity moving: the accelerometer's fast jitter (RMS within 0.1 s, averaged over 1 s) above this
 *                         share of gravity (so that the accelerometer's unit does not matter)
 * @param maxTiltDeg       moving: the band-passed tilt beyond this (a posture shift, not a breath)
 * @param settleS          after moving, the stillness needed before breaths count
 * @param minSignalDeg     no breathing seen: the signal's RMS below this (a sensor lying on a table)
 * @param minAxisShare     mixed with slow movement: less than this share of the band-passed tilt on its main
 *                         axis (breathing alone tips the back along one axis; swaying and shifting add others)
 * @param minQuality       no rate when the breath intervals are less regular than this (quality 0..1)
 */
public record BreathRateSettings(double bandLowHz, double bandHighHz, double windowS, double maxWindowS,
                                 int minBreaths, double hysteresis, double jitterOfGravity, double maxTiltDeg,
                                 double settleS, double minSignalDeg, double minAxisShare, double minQuality) {

    /** The internal rate the accelerometer is averaged down to, Hz. */
    public static final double INTERNAL_RATE_HZ = 10;

    public BreathRateSettings {
        if (!(bandLowHz > 0 && bandLowHz < bandHighHz && bandHighHz < INTERNAL_RATE_HZ / 2)
                || !(windowS > 0 && windowS <= maxWindowS) || minBreaths < 3 || !(hysteresis > 0)
                || !(jitterOfGravity > 0) || !(maxTiltDeg > 0) || !(settleS >= 0) || !(minSignalDeg >= 0)
                || !(minAxisShare >= 0 && minAxisShare <= 1) || !(minQuality >= 0 && minQuality <= 1)) {
            throw new IllegalArgumentException("bad breathing settings");
        }
    }

    /** The wide band, 4.8–42 breaths/min: every rate while the wearer keeps still (sitting). */
    public static BreathRateSettings defaults() {
        return new BreathRateSettings(0.08, 0.7, 30, 60, 4, 0.4, 0.015, 2.5, 6, 0.01, 0.9, 0);
    }

    /**
     * The fast band, 15–42 breaths/min: above the slow sway of standing, so that it tolerates more of it (less of
     * the tilt on one axis), asking regular breaths instead.
     */
    public static BreathRateSettings fastBand() {
        return new BreathRateSettings(0.25, 0.7, 30, 60, 4, 0.4, 0.015, 2.5, 6, 0.01, 0.8, 0.75);
    }
}
