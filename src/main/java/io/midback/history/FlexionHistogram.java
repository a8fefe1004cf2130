package io.midback.history;

import java.util.Arrays;

/**
 * A fixed histogram of flexion angles for one minute: 1° bins from −90° to +150° (values outside clamp to the end
 * bins), reused from minute to minute so that adding a sample never allocates. Percentiles interpolate within
 * the bin, so they are good to a fraction of a degree.
 */
public final class FlexionHistogram {
    public static final double MIN_DEG = -90;
    public static final double MAX_DEG = 150;
    public static final double BIN_DEG = 1;
    private static final int BINS = (int) ((MAX_DEG - MIN_DEG) / BIN_DEG);

    private final int[] counts = new int[BINS];
    private int n;

    public void add(double flexionDeg) {
        int bin = (int) Math.floor((flexionDeg - MIN_DEG) / BIN_DEG);
        if (bin < 0) {
            bin = 0;
        } else if (bin >= BINS) {
            bin = BINS - 1;
        }
        counts[bin]++;
        n++;
    }

    public int count() {
        return n;
    }

    /** The p-th percentile (0 &lt; p &lt; 1), NaN when empty. */
    public double percentile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double rank = p * n;
        int cumulative = 0;
        for (int i = 0; i < BINS; i++) {
            int c = counts[i];
            if (c > 0 && cumulative + c >= rank) {
                double within = (rank - cumulative) / c;
                return MIN_DEG + (i + within) * BIN_DEG;
            }
            cumulative += c;
        }
        return MAX_DEG;
    }

    public void clear() {
        if (n != 0) {
            Arrays.fill(counts, 0);
            n = 0;
        }
    }
}
