package io.midback.live;

/**
 * The zero of a live session's timeline, shared by the links of one session (an upper and a lower sensor): each
 * link's {@link LiveTimeline} counts from the same {@link System#nanoTime()} moment, so their samples' times
 * (device clocks anchored at arrival, or arrival times) are on one timeline, and session time 0 is the first sample
 * of either link ({@link io.midback.sensor.TimeOrigin}'s rule, for several threads: the first sample fixes it once;
 * per sample only a volatile read).
 */
public final class SessionOrigin {
    private final long startNanos;
    private volatile double firstS = Double.NaN;

    /** @param startNanos {@link System#nanoTime()} at the session's start: timeline time 0 */
    public SessionOrigin(long startNanos) {
        this.startNanos = startNanos;
    }

    /** A timeline starting now. */
    public static SessionOrigin now() {
        return new SessionOrigin(System.nanoTime());
    }

    long startNanos() {
        return startNanos;
    }

    /** The session time of timeline time {@code tS}; the first call (on any link) fixes the origin. */
    double sessionTime(double tS) {
        double f = firstS;
        if (Double.isNaN(f)) {
            f = fix(tS);
        }
        return tS - f;
    }

    private synchronized double fix(double tS) {
        if (Double.isNaN(firstS)) {
            firstS = tS;
        }
        return firstS;
    }

    /** Whether a first sample was seen on any link. */
    boolean started() {
        return !Double.isNaN(firstS);
    }
}
