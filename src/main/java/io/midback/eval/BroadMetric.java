package io.midback.eval;

/**
 * The orientation error metric of the BROAD benchmark (D. Laidig, M. Caruso, A. Cereatti, T. Seel, "BROAD—A
 * Benchmark for Robust Inertial Orientation Estimation", Data 6(7):72, 2021, doi:10.3390/data6070072), as its own
 * evaluation code computes it. Pure: plain arrays in, figures out.
 *
 * <p>Per sample, with both quaternions normalised (sensor → earth, scalar first):
 * {@code q_err = q_est ⊗ conj(q_true)}; total error {@code 2·acos(min(|w|, 1))}, heading error
 * {@code 2·atan(|z/w|)}, inclination error {@code 2·acos(min(sqrt(w² + z²), 1))}. Each becomes an RMSE in degrees
 * over the samples that are evaluated (movement) and whose truth is not NaN. In 6D one constant heading offset is
 * removed first: {@code δ = atan2(mean sin ψ, mean cos ψ)} of {@code ψ = 2·atan2(z, w)} of {@code q_err} over the
 * same samples, and {@code q_est ← [cos(−δ/2), 0, 0, sin(−δ/2)] ⊗ q_est}.
 */
public final class BroadMetric {
    private BroadMetric() {
    }

    /**
     * The three RMSEs of one trial.
     *
     * @param totalDeg          total orientation error RMSE, °
     * @param headingDeg        heading (about the vertical) error RMSE, °
     * @param inclinationDeg    inclination (about a horizontal axis) error RMSE, °
     * @param evaluatedSamples  samples that entered the RMSE (movement and valid truth)
     * @param headingOffsetDeg  the heading offset removed (6D), or 0
     */
    public record Result(double totalDeg, double headingDeg, double inclinationDeg, int evaluatedSamples,
                         double headingOffsetDeg) {
    }

    /**
     * @param est                 estimate, {@code [w, x, y, z]} per sample, 4·n values
     * @param truth               ground truth, 4·n values, NaN where unknown
     * @param evaluated           which samples count (BROAD's {@code movement == 1})
     * @param removeHeadingOffset true for 6D: remove one constant heading offset first
     */
    public static Result evaluate(double[] est, double[] truth, boolean[] evaluated, boolean removeHeadingOffset) {
        int n = evaluated.length;
        if (est.length < 4 * n || truth.length < 4 * n) {
            throw new IllegalArgumentException("need 4 quaternion values per sample: est " + est.length
                    + ", truth " + truth.length + ", samples " + n);
        }
        double offset = 0;
        if (removeHeadingOffset) {
            double sumSin = 0, sumCos = 0;
            for (int i = 0; i < n; i++) {
                if (!usable(evaluated, truth, i)) {
                    continue;
                }
                double[] e = errorQuat(est, truth, i, 1, 0);
                double psi = 2 * Math.atan2(e[3], e[0]);
                sumSin += Math.sin(psi);
                sumCos += Math.cos(psi);
            }
            offset = Math.atan2(sumSin, sumCos);
        }
        double c = Math.cos(-offset / 2), s = Math.sin(-offset / 2);
        double sumTotal = 0, sumHeading = 0, sumIncl = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!usable(evaluated, truth, i)) {
                continue;
            }
            double[] e = errorQuat(est, truth, i, c, s);
            double w = e[0], z = e[3];
            double total = 2 * Math.acos(Math.min(Math.abs(w), 1));
            double heading = (w == 0 && z == 0) ? 0 : 2 * Math.atan(Math.abs(z / w));
            double incl = 2 * Math.acos(Math.min(Math.sqrt(w * w + z * z), 1));
            sumTotal += total * total;
            sumHeading += heading * heading;
            sumIncl += incl * incl;
            count++;
        }
        if (count == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, Math.toDegrees(offset));
        }
        return new Result(Math.toDegrees(Math.sqrt(sumTotal / count)), Math.toDegrees(Math.sqrt(sumHeading / count)),
                Math.toDegrees(Math.sqrt(sumIncl / count)), count, Math.toDegrees(offset));
    }

    private static boolean usable(boolean[] evaluated, double[] truth, int i) {
        int j = 4 * i;
        return evaluated[i] && !Double.isNaN(truth[j]) && !Double.isNaN(truth[j + 1]) && !Double.isNaN(truth[j + 2])
                && !Double.isNaN(truth[j + 3]);
    }

    /** [cos(δ'/2), 0, 0, sin(δ'/2)] ⊗ normalise(q_est) ⊗ conj(normalise(q_true)), normalised. */
    private static double[] errorQuat(double[] est, double[] truth, int i, double hc, double hs) {
        int j = 4 * i;
        double aw = est[j], ax = est[j + 1], ay = est[j + 2], az = est[j + 3];
        double bw = truth[j], bx = -truth[j + 1], by = -truth[j + 2], bz = -truth[j + 3];
        // heading rotation first (pre-multiplied): h ⊗ a
        double hw = hc * aw - hs * az;
        double hx = hc * ax - hs * ay;
        double hy = hc * ay + hs * ax;
        double hz = hc * az + hs * aw;
        double w = hw * bw - hx * bx - hy * by - hz * bz;
        double x = hw * bx + hx * bw + hy * bz - hz * by;
        double y = hw * by - hx * bz + hy * bw + hz * bx;
        double z = hw * bz + hx * by - hy * bx + hz * bw;
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        return new double[] {w / norm, x / norm, y / norm, z / norm};
    }
}
