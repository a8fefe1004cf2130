package io.midback.live;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a live source turned out to be, learnt from its first samples ({@link SourceProbe}): known only once data
 * flows, so a recording's header and the session's description wait for it.
 *
 * @param rateHz         the sample rate the samples' times follow: measured, and the declared rate when they agree
 * @param gyroscope      the samples carry a gyroscope (false: an accelerometer-only sensor)
 * @param magnetometer   the samples carry a magnetometer
 * @param firstSampleAt  wall time at which the first sample arrived
 */
public record SourceFacts(double rateHz, boolean gyroscope, boolean magnetometer, Instant firstSampleAt) {
    /** A measured rate within this fraction of the declared one is taken to be the declared one. */
    static final double DECLARED_TOLERANCE = 0.05;

    public SourceFacts {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of Hz: " + rateHz);
        }
        Objects.requireNonNull(firstSampleAt, "firstSampleAt");
    }

    /**
     * The rate to state for samples measured at {@code measuredHz}: the declared rate (asked for, or reported by
     * the device) when the measurement agrees with it within {@value #DECLARED_TOLERANCE}, otherwise the
     * measurement to 0.1 Hz; {@code fallbackHz} when nothing could be measured.
     *
     * @param measuredHz  from the samples' times, or NaN (a single sample)
     * @param declaredHz  asked of the device or reported by it, or NaN
     */
    public static double rateHz(double measuredHz, double declaredHz, double fallbackHz) {
        if (!(measuredHz > 0) || Double.isInfinite(measuredHz)) {
            return declaredHz > 0 ? declaredHz : fallbackHz;
        }
        if (declaredHz > 0 && Math.abs(measuredHz / declaredHz - 1) <= DECLARED_TOLERANCE) {
            return declaredHz;
        }
        return Math.rint(measuredHz * 10) / 10;
    }

    /** The rate as a recording's header writes it: 200, not 200.0. */
    public String rateText() {
        return rateHz == Math.rint(rateHz) ? String.valueOf((long) rateHz) : String.format(Locale.ROOT, "%.1f", rateHz);
    }
}
