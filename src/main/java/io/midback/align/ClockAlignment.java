package io.midback.align;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds how a lower sensor's clock relates to the upper sensor's ({@link ClockFit}) from the movements both feel:
 * the gyroscopes' magnitudes, binned on a {@value #GRID_HZ} Hz grid of each stream's own time, are cross-correlated
 * window by window ({@value #WINDOW_S} s windows of the upper stream every {@value #STEP_S} s); each window with
 * movement in it and a clear peak (normalised correlation at least {@value #MIN_CORRELATION}) gives the lower
 * time of its centre, to a fraction of a bin by a parabola through the peak; a straight line through those points
 * (least squares, far points dropped) is the offset and the drift. A second pass searches again near the first
 * line with the drift taken out, so a window's lag no longer smears across it. Used once, before a session, on
 * whole recordings (it allocates).
 */
public final class ClockAlignment {
    static final double GRID_HZ = 20;
    static final double WINDOW_S = 60, STEP_S = 30;
    /**
     * A recording shorter than this many windows whose fit rests on fewer than {@value #MIN_WINDOWS} windows is
     * tried again with windows of this share of it (at least {@value #MIN_WINDOW_S} s).
     */
    static final double SHORT_WINDOWS = 5, MIN_WINDOW_S = 15;
    static final int MIN_WINDOWS = 3;
    static final double MIN_CORRELATION = 0.5;
    /** A window must move at least this much (standard deviation of its gyroscope magnitude), rad/s. */
    static final double MIN_MOVEMENT_RAD_PER_S = 0.02;
    /** How far the second pass searches around the first line, s. */
    static final double REFINE_S = 2;
    /** Windows farther than this from the first line are dropped, s. */
    static final double OUTLIER_S = 0.5;
    /** How far apart the two clocks may start, by default, s. */
    public static final double DEFAULT_MAX_OFFSET_S = 60;

    private ClockAlignment() {
    }

    /** The lower clock against the upper, from both streams' gyroscopes; {@link ClockFit#SAME} when they never move. */
    public static ClockFit estimate(SampleTrack upper, SampleTrack lower, double maxOffsetS) {
        if (upper.size() < 2 || lower.size() < 2) {
            return ClockFit.SAME;
        }
        Envelope u = new Envelope(upper), l = new Envelope(lower);
        ClockFit fit = estimate(u, l, maxOffsetS, WINDOW_S);
        // A short recording (a mobility check, a minute or two) with too few windows: shorter windows, so that it
        // has several, and a search no wider than one, so that a repeated movement does not match its neighbour.
        double durationS = upper.tS(upper.size() - 1) - upper.tS(0);
        if (fit.windows() < MIN_WINDOWS && durationS < SHORT_WINDOWS * WINDOW_S) {
            double windowS = Math.max(MIN_WINDOW_S, durationS / SHORT_WINDOWS);
            ClockFit shorter = estimate(u, l, Math.min(maxOffsetS, Math.max(windowS, WINDOW_S / 2)), windowS);
            fit = shorter.windows() > fit.windows() ? shorter : fit;
        }
        return fit;
    }

    private static ClockFit estimate(Envelope u, Envelope l, double maxOffsetS, double windowS) {
        List<double[]> first = lags(u, l, 1, -maxOffsetS, maxOffsetS, windowS);
        double[] line = fit(first, theilSen(first));
        if (line == null) {
            return ClockFit.SAME;
        }
        List<double[]> second = new ArrayList<>();
        double b = line[1];
        for (double[] p : lags(u, l, b, line[0] - REFINE_S, line[0] + REFINE_S, windowS)) {
            second.add(p);
        }
        double[] fine = fit(second, line);
        if (fine == null) {
            fine = line;
        }
        return new ClockFit(fine[0], fine[1], (int) fine[2], fine[3]);
    }

    /**
     * For each window of the upper stream with movement and a clear peak: {centre (upper s), lower time of the
     * centre (s)}, searching lower = a + b × upper over a in [aLo, aHi].
     */
    private static List<double[]> lags(Envelope u, Envelope l, double b, double aLo, double aHi, double windowS) {
        List<double[]> points = new ArrayList<>();
        int win = (int) Math.round(windowS * GRID_HZ);
        int step = (int) Math.round(windowS * (windowS < WINDOW_S ? 1 / 3.0 : STEP_S / WINDOW_S) * GRID_HZ);
        double da = 1 / GRID_HZ;
        int nA = (int) Math.floor((aHi - aLo) / da) + 1;
        double[] score = new double[nA];
        double[] x = new double[win];
        double[] y = new double[win];
        for (int start = 0; start < u.values.length; start += step) {
            int n = Math.min(win, u.values.length - start);
            if (n < win / 2) {
                break;
            }
            double mean = 0;
            for (int j = 0; j < n; j++) {
                x[j] = u.values[start + j];
                mean += x[j];
            }
            mean /= n;
            double sxx = 0;
            for (int j = 0; j < n; j++) {
                x[j] -= mean;
                sxx += x[j] * x[j];
            }
            if (Math.sqrt(sxx / n) < MIN_MOVEMENT_RAD_PER_S) {
                continue;
            }
            int best = -1;
            for (int k = 0; k < nA; k++) {
                double a = aLo + k * da;
                score[k] = correlation(x, sxx, n, u, l, start, a, b, y);
                if (!Double.isNaN(score[k]) && (best < 0 || score[k] > score[best])) {
                    best = k;
                }
            }
            if (best < 0 || score[best] < MIN_CORRELATION) {
                continue;
            }
            double frac = 0;
            if (best > 0 && best < nA - 1 && !Double.isNaN(score[best - 1]) && !Double.isNaN(score[best + 1])) {
                double den = score[best - 1] - 2 * score[best] + score[best + 1];
                if (den < 0) {
                    frac = 0.5 * (score[best - 1] - score[best + 1]) / den;
                }
            }
            double a = aLo + (best + frac) * da;
            double centre = u.timeOf(start + n / 2.0);
            points.add(new double[] {centre, a + b * centre});
        }
        return points;
    }

    /** Normalised correlation of the (centred) upper window x with the lower envelope at a + b × t; NaN off its end. */
    private static double correlation(double[] x, double sxx, int n, Envelope u, Envelope l, int start, double a,
                                      double b, double[] y) {
        double mean = 0;
        for (int j = 0; j < n; j++) {
            double v = l.at(a + b * u.timeOf(start + j));
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            y[j] = v;
            mean += v;
        }
        mean /= n;
        double sxy = 0, syy = 0;
        for (int j = 0; j < n; j++) {
            double d = y[j] - mean;
            sxy += x[j] * d;
            syy += d * d;
        }
        return syy <= 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The Theil–Sen line through the points (the median of the pairwise slopes, the median intercept): a window
     * fooled by a periodic movement (walking) does not move it; null for no point.
     */
    private static double[] theilSen(List<double[]> points) {
        if (points.isEmpty()) {
            return null;
        }
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double dx = points.get(j)[0] - points.get(i)[0];
                if (dx > 0) {
                    slopes.add((points.get(j)[1] - points.get(i)[1]) / dx);
                }
            }
        }
        double b = slopes.isEmpty() ? 1 : median(slopes);
        List<Double> intercepts = new ArrayList<>();
        for (double[] p : points) {
            intercepts.add(p[1] - b * p[0]);
        }
        return new double[] {median(intercepts), b};
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /**
     * Least-squares line lower = a + b × upper through the points: {a, b, points used, rms residual}; with a line
     * given, the points farther than {@value #OUTLIER_S} s from it are left out. One point: an offset with b = 1.
     */
    private static double[] fit(List<double[]> points, double[] near) {
        List<double[]> use = new ArrayList<>();
        for (double[] p : points) {
            if (near == null || Math.abs(p[1] - (near[0] + near[1] * p[0])) <= OUTLIER_S) {
                use.add(p);
            }
        }
        if (use.isEmpty()) {
            return null;
        }
        if (use.size() == 1) {
            return new double[] {use.get(0)[1] - use.get(0)[0], 1, 1, 0};
        }
        double sx = 0, sy = 0;
        for (double[] p : use) {
            sx += p[0];
            sy += p[1];
        }
        double mx = sx / use.size(), my = sy / use.size();
        double sxx = 0, sxy = 0;
        for (double[] p : use) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double b = sxx > 0 ? sxy / sxx : 1;
        if (!(b > 0.5 && b < 2)) {
            b = 1;
        }
        double a = my - b * mx;
        double ss = 0;
        for (double[] p : use) {
            double r = p[1] - (a + b * p[0]);
            ss += r * r;
        }
        return new double[] {a, b, use.size(), Math.sqrt(ss / use.size())};
    }

    /** A stream's gyroscope magnitude, bin means on a {@value #GRID_HZ} Hz grid of its own time. */
    private static final class Envelope {
        final double t0;
        final double[] values;

        Envelope(SampleTrack s) {
            t0 = s.tS(0);
            int n = (int) Math.floor((s.tS(s.size() - 1) - t0) * GRID_HZ) + 1;
            values = new double[n];
            int[] count = new int[n];
            for (int i = 0; i < s.size(); i++) {
                int k = (int) Math.floor((s.tS(i) - t0) * GRID_HZ);
                if (k >= 0 && k < n) {
                    values[k] += s.gyroNormRadPerS(i);
                    count[k]++;
                }
            }
            double last = 0;
            for (int k = 0; k < n; k++) {
                values[k] = count[k] > 0 ? values[k] / count[k] : last;
                last = values[k];
            }
        }

        /** Time of (fractional) bin k, at the bin's centre. */
        double timeOf(double k) {
            return t0 + (k + 0.5) / GRID_HZ;
        }

        /** Linear interpolation at time t; NaN outside the stream. */
        double at(double t) {
            double k = (t - t0) * GRID_HZ - 0.5;
            if (k < 0 || k > values.length - 1) {
                return Double.NaN;
            }
            int i = (int) k;
            if (i >= values.length - 1) {
                return values[values.length - 1];
            }
            double f = k - i;
            return values[i] + f * (values[i + 1] - values[i]);
        }
    }
}
