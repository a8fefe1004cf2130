package io.midback.posture;

/**
 * Fast inverse trigonometry for the per-sample path: {@link Math#atan2} and {@link Math#asin} are not compiler
 * intrinsics and cost tens of nanoseconds each; these agree with them to within 1e-7 rad (6e-6°, far below any
 * sensor's resolution), which {@code AnglesTest} checks over the whole circle.
 */
final class Angles {
    private static final double TAN_PI_8 = 0.41421356237309503, PI_4 = Math.PI / 4, PI_2 = Math.PI / 2;

    private Angles() {
    }

    /** An angle brought into (−π, π], radians. */
    static double wrapRad(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }

    /** atan2(y, x) in (−π, π]; 0 for (0, 0); NaN for NaN input. */
    static double atan2(double y, double x) {
        double ax = Math.abs(x), ay = Math.abs(y);
        boolean steep = ay > ax; // NaN: false, and a NaN operand gives NaN below
        double hi = steep ? ay : ax, lo = steep ? ax : ay;
        if (hi == 0) {
            return 0;
        }
        // atan(lo / hi), reduced to |t| ≤ tan(π/8) with one division: atan(a) = π/4 + atan((a − 1) / (a + 1)).
        double r;
        if (lo > TAN_PI_8 * hi) {
            r = PI_4 + atanReduced((lo - hi) / (lo + hi));
        } else {
            r = atanReduced(lo / hi);
        }
        if (steep) {
            r = PI_2 - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        // y < 0 ? −r : r (r ≥ 0) without a branch: the sign of an angle near zero (an upright trunk's flexion,
        // its lateral bend and axial rotation) flips from sample to sample, which a branch predicts badly; y + 0.0
        // is y, save that −0.0 becomes +0.0 (which the comparison takes as not negative too).
        return Math.copySign(r, y + 0.0);
    }

    /** Largest |t| for {@link #atanSmall}. */
    static final double SMALL_TAN = 1.0 / 64;

    /**
     * atan(t) for |t| ≤ {@link #SMALL_TAN} (a small angle, such as the heading step between two samples): its Taylor
     * series to t⁹; the first term left out is below 1e-19 of the result.
     */
    static double atanSmall(double t) {
        double u = t * t;
        return t - t * u * ((1.0 / 3) - u * ((1.0 / 5) - u * ((1.0 / 7) - u * (1.0 / 9))));
    }

    /** asin(s) for s in [−1, 1] (clamped). */
    static double asin(double s) {
        double c = Math.max(-1, Math.min(1, s));
        return atan2(c, Math.sqrt(Math.max(0, 1 - c * c)));
    }

    /**
     * atan(t) for |t| ≤ tan(π/8): its Taylor series to t¹⁷ (error below 2e-8), evaluated in Estrin's scheme (short
     * dependency chains: the per-sample path waits on its latency).
     */
    private static double atanReduced(double t) {
        double u = t * t, u2 = u * u, u4 = u2 * u2;
        double p01 = 1 - u * (1.0 / 3), p23 = 1.0 / 5 - u * (1.0 / 7);
        double p45 = 1.0 / 9 - u * (1.0 / 11), p67 = 1.0 / 13 - u * (1.0 / 15);
        double p0to3 = p01 + u2 * p23, p4to7 = p45 + u2 * p67;
        double p = p0to3 + u4 * (p4to7 + u4 * (1.0 / 17));
        return t * p;
    }
}
