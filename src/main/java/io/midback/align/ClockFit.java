package io.midback.align;

/**
 * How a lower sensor's clock relates to the upper sensor's: {@code lowerS = offsetS + scale × upperS} (times as
 * each stream's own {@code t_s}). A clock 2 % fast has a scale of 1.02.
 *
 * @param offsetS     the lower clock's reading at upper time 0, s
 * @param scale       lower seconds per upper second
 * @param windows     how many windows of movement agreed on the fit (0: assumed, not measured)
 * @param residualS   the root-mean-square distance of those windows from the fitted line, s
 */
public record ClockFit(double offsetS, double scale, int windows, double residualS) {
    public ClockFit {
        if (!Double.isFinite(offsetS) || !(scale > 0.5 && scale < 2)) {
            throw new IllegalArgumentException("implausible clock relation: offset " + offsetS + " s, scale "
                    + scale);
        }
    }

    /** The same clocks: both streams' times are on one timeline already. */
    public static final ClockFit SAME = new ClockFit(0, 1, 0, 0);

    public double upperTimeS(double lowerS) {
        return (lowerS - offsetS) / scale;
    }

    /** The lower clock's rate difference, percent (+ fast). */
    public double driftPct() {
        return (scale - 1) * 100;
    }
}
