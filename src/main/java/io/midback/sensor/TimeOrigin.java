package io.midback.sensor;

/**
 * A session's time origin, the one definition: session time is seconds since the first sample's timestamp
 * ({@code tS = 0} at the first sample). Used by the pipeline, live sessions and the window's counters.
 */
public final class TimeOrigin {
    private double firstS = Double.NaN;

    /** The session time of stream time {@code tS}; the first call fixes the origin. */
    public double sessionTime(double tS) {
        if (Double.isNaN(firstS)) {
            firstS = tS;
        }
        return tS - firstS;
    }

    /** Whether the first sample was seen. */
    public boolean started() {
        return !Double.isNaN(firstS);
    }
}
