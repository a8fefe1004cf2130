package io.midback.live;

/**
 * Latencies in microseconds, counted in fixed buckets (1 µs wide up to 10 ms, then one overflow bucket that keeps
 * its maximum): recording one allocates nothing and takes no lock (one writer thread), so it can sit on the
 * per-chunk path of a live session.
 */
public final class LatencyHistogram {
    private static final int BUCKETS = 10_000;
    private final long[] counts = new long[BUCKETS + 1];
    private long total;
    private long maxMicros;

    /** Records one latency. */
    public void record(long nanos) {
        long us = Math.max(0, nanos / 1000);
        counts[(int) Math.min(us, BUCKETS)]++;
        total++;
        if (us > maxMicros) {
            maxMicros = us;
        }
    }

    public long count() {
        return total;
    }

    /** The {@code q}-quantile (0–1) in milliseconds; NaN when empty. */
    public double quantileMs(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return (i == BUCKETS ? maxMicros : i) / 1000.0;
            }
        }
        return maxMicros / 1000.0;
    }

    public double maxMs() {
        return maxMicros / 1000.0;
    }
}
