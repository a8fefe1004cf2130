package io.midback.eval;

import io.midback.orientation.OrientationFilter;

/** Runs a filter over a trial from its first sample, as a device would, and scores it with {@link BroadMetric}. */
public final class OrientationEvaluation {
    private OrientationEvaluation() {
    }

    /**
     * The filter's estimate after every sample, {@code [w, x, y, z]} per sample. The filter is reset first; the
     * period of the first sample is given as 0 (the filter uses its nominal rate); no ground truth is used.
     *
     * @param nineD use the magnetometer (9D); false feeds NaN (6D)
     */
    public static double[] estimate(OrientationFilter filter, Trial t, boolean nineD) {
        filter.reset();
        int n = t.size();
        double[] q = new double[4 * n];
        double[] ts = t.tS();
        double nan = Double.NaN;
        for (int i = 0; i < n; i++) {
            double dt = i == 0 ? 0 : ts[i] - ts[i - 1];
            if (nineD) {
                filter.update(dt, t.gx()[i], t.gy()[i], t.gz()[i], t.ax()[i], t.ay()[i], t.az()[i],
                        t.mx()[i], t.my()[i], t.mz()[i]);
            } else {
                filter.update(dt, t.gx()[i], t.gy()[i], t.gz()[i], t.ax()[i], t.ay()[i], t.az()[i], nan, nan, nan);
            }
            q[4 * i] = filter.qw();
            q[4 * i + 1] = filter.qx();
            q[4 * i + 2] = filter.qy();
            q[4 * i + 3] = filter.qz();
        }
        return q;
    }

    /** Scores an estimate: 9D as is, 6D after removing one heading offset. */
    public static BroadMetric.Result score(double[] estimate, Trial t, boolean nineD) {
        return BroadMetric.evaluate(estimate, t.truth(), t.evaluated(), !nineD);
    }
}
