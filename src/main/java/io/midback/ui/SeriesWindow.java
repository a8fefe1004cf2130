package io.midback.ui;

import io.midback.sensor.Gap;

/**
 * The recent past of the angle series (trunk flexion, side bend, rotation, and the spine's flexion between two
 * sensors, NaN with one), in primitive circular arrays (one thread: the chart's painter), and its
 * decimation to what the plot can show: for each pixel column, the minimum and the maximum of each series in
 * that column, in the order they occurred. Thousands of samples per column become two points, so drawing costs
 * the same whether the window holds one minute or fifteen. A gap between two samples ({@link Gap}, the one gap
 * rule) is a break in every series (a point with a NaN value, which the chart's renderer does not join across).
 */
public final class SeriesWindow {
    public static final int SERIES = 4;

    private final int mask;
    private final double[] tS;
    private final double[][] values;
    private volatile long head; // samples appended so far (volatile: tests and status read size from elsewhere)
    private volatile double lastT = Double.NEGATIVE_INFINITY;

    /** @param capacity a power of two: the most samples kept (15 min at 100 Hz is 90,000) */
    public SeriesWindow(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        tS = new double[capacity];
        values = new double[SERIES][capacity];
    }

    public void clear() {
        head = 0;
        lastT = Double.NEGATIVE_INFINITY;
    }

    public int size() {
        return (int) Math.min(head, mask + 1L);
    }

    /** Newest time held, or NaN when empty. */
    public double lastTime() {
        return head == 0 ? Double.NaN : lastT;
    }

    /** Appends one sample; a time that goes backwards starts a new session (clears). */
    public void append(double t, double a, double b, double c, double d) {
        if (t < lastT) {
            clear();
        }
        int i = (int) (head & mask);
        tS[i] = t;
        values[0][i] = a;
        values[1][i] = b;
        values[2][i] = c;
        values[3][i] = d;
        head++;
        lastT = t;
    }

    public void appendAll(LiveRing.Chunk chunk) {
        for (int k = 0; k < chunk.size(); k++) {
            append(chunk.tS[k], chunk.flexionDeg[k], chunk.bendDeg[k], chunk.rotationDeg[k], chunk.spineFlexionDeg[k]);
        }
    }

    private double timeAt(long logical) {
        return tS[(int) (logical & mask)];
    }

    /**
     * Decimates the samples with {@code fromS <= t <= toS} into {@code out}: at most two points per series per
     * pixel column ({@code columns} columns across the window), and a break (NaN) where samples are missing: at most
     * one per column, placed between the two samples around the gap. Allocates nothing.
     */
    public void decimate(double fromS, double toS, int columns, Decimated out) {
        out.reset(columns);
        if (head == 0 || !(toS > fromS) || columns <= 0) {
            return;
        }
        long oldest = head - size();
        // First sample at or after fromS (binary search over the logical indices).
        long lo = oldest, hi = head;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeAt(mid) < fromS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double pxPerS = columns / (toS - fromS);
        int col = -1, breakCol = -1;
        double prevT = Double.NaN;
        double[] minV = out.scratchMin, maxV = out.scratchMax, minT = out.scratchMinT, maxT = out.scratchMaxT;
        for (long s = lo; s < head; s++) {
            int i = (int) (s & mask);
            double t = tS[i];
            if (t > toS) {
                break;
            }
            int c = Math.min(columns - 1, (int) ((t - fromS) * pxPerS));
            if (col >= 0 && Gap.isGap(t - prevT) && c != breakCol) {
                out.flush(minV, minT, maxV, maxT);
                out.gapBreak(0.5 * (prevT + t));
                breakCol = c;
                col = -1; // the samples after the gap start a new run, even in the same column
            }
            prevT = t;
            if (c != col) {
                if (col >= 0) {
                    out.flush(minV, minT, maxV, maxT);
                }
                col = c;
                for (int k = 0; k < SERIES; k++) {
                    double v = values[k][i];
                    minV[k] = v;
                    maxV[k] = v;
                    minT[k] = t;
                    maxT[k] = t;
                }
            } else {
                for (int k = 0; k < SERIES; k++) {
                    double v = values[k][i];
                    // Min and max over the column's values that are there: a first NaN (no spine angle yet) gives
                    // way to the first value that follows; a NaN after a value compares false both ways.
                    if (v < minV[k] || Double.isNaN(minV[k])) {
                        minV[k] = v;
                        minT[k] = t;
                    }
                    if (v > maxV[k] || Double.isNaN(maxV[k])) {
                        maxV[k] = v;
                        maxT[k] = t;
                    }
                }
            }
        }
        if (col >= 0) {
            out.flush(minV, minT, maxV, maxT);
        }
    }

    /**
     * Decimated points per series: x (seconds) and y (NaN: a break), preallocated for a maximum plot width: per
     * column at most two points before a break, the break, and two after.
     */
    public static final class Decimated {
        private static final int POINTS_PER_COLUMN = 5;
        private final int maxColumns;
        final double[][] x, y;
        final int[] count = new int[SERIES];
        final double[] scratchMin = new double[SERIES], scratchMax = new double[SERIES];
        final double[] scratchMinT = new double[SERIES], scratchMaxT = new double[SERIES];

        public Decimated(int maxColumns) {
            this.maxColumns = maxColumns;
            x = new double[SERIES][POINTS_PER_COLUMN * maxColumns];
            y = new double[SERIES][POINTS_PER_COLUMN * maxColumns];
        }

        public int maxColumns() {
            return maxColumns;
        }

        public int count(int series) {
            return count[series];
        }

        public double x(int series, int i) {
            return x[series][i];
        }

        public double y(int series, int i) {
            return y[series][i];
        }

        void reset(int columns) {
            if (columns > maxColumns()) {
                throw new IllegalArgumentException(columns + " columns, at most " + maxColumns());
            }
            java.util.Arrays.fill(count, 0);
        }

        /** A break in every series at {@code tS}. */
        void gapBreak(double tS) {
            for (int k = 0; k < SERIES; k++) {
                int n = count[k];
                x[k][n] = tS;
                y[k][n] = Double.NaN;
                count[k] = n + 1;
            }
        }

        void flush(double[] minV, double[] minT, double[] maxV, double[] maxT) {
            for (int k = 0; k < SERIES; k++) {
                int n = count[k];
                if (minV[k] == maxV[k]) {
                    x[k][n] = minT[k];
                    y[k][n] = minV[k];
                    count[k] = n + 1;
                } else if (minT[k] <= maxT[k]) {
                    x[k][n] = minT[k];
                    y[k][n] = minV[k];
                    x[k][n + 1] = maxT[k];
                    y[k][n + 1] = maxV[k];
                    count[k] = n + 2;
                } else {
                    x[k][n] = maxT[k];
                    y[k][n] = maxV[k];
                    x[k][n + 1] = minT[k];
                    y[k][n + 1] = minV[k];
                    count[k] = n + 2;
                }
            }
        }
    }
}
