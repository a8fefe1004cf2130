package io.midback.posture;

/**
 * Fast inverse trigonometry for the per-sample path: {@link Math#atan2} and {@link Math#asin} are not compiler
 * intrinsics and cost tens of nanoseconds each; these agree with them to within 2e-10 rad (1e-8°, far below any
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
        // clamped with comparisons (Math.min and max take several instructions each for NaN and −0.0, which
        // these pass through unchanged as well); with |c| ≤ 1, c² ≤ 1 also when rounded, so 1 − c² is never negative
        double c = s > 1 ? 1 : s < -1 ? -1 : s;
        return atan2(c, Math.sqrt(1 - c * c));
    }

    /**
     * atan(t) for |t| ≤ tan(π/8): t times a polynomial in t² of degree 5 fitted to it over the whole interval (a
     * near-minimax fit, error below 2e-10 rad; the Taylor series to t¹⁷ it replaced erred by up to 2e-8 with three
     * more terms), evaluated in Estrin's scheme (short dependency chains: the per-sample path waits on its latency).
     * The constant term is 1, so a small angle comes back as itself.
     */
    private static double atanReduced(double t) {
        double u = t * t, u2 = u * u, u4 = u2 * u2;
        double p01 = 1 + u * A1, p23 = A2 + u * A3, p45 = A4 + u * A5;
        return t * (p01 + u2 * p23 + u4 * p45);
    }

    private static final double A1 = -0.33333302978121304, A2 = 0.1999789524861149, A3 = -0.14234506546605055,
            A4 = 0.10536103783808853, A5 = -0.059483268950569865;
}
