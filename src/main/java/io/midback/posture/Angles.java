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

    /** atan2(y, x) in (−π, π]; 0 for (0, 0); NaN for NaN input. */
    static double atan2(double y, double x) {
        double ax = Math.abs(x), ay = Math.abs(y);
        double hi = Math.max(ax, ay);
        if (hi == 0) {
            return 0;
        }
        double r = atanUnit(Math.min(ax, ay) / hi);
        if (ay > ax) {
            r = PI_2 - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        return y < 0 ? -r : r;
    }

    /** asin(s) for s in [−1, 1] (clamped). */
    static double asin(double s) {
        double c = Math.max(-1, Math.min(1, s));
        return atan2(c, Math.sqrt(Math.max(0, 1 - c * c)));
    }

    /** atan(a) for a in [0, 1]: reduced to |t| ≤ tan(π/8), then its Taylor series to t¹⁷ (error below 2e-8). */
    private static double atanUnit(double a) {
        double base = 0, t = a;
        if (a > TAN_PI_8) {
            base = PI_4;
            t = (a - 1) / (a + 1);
        }
        double t2 = t * t;
        double p = 1.0 / 17;
        p = 1.0 / 15 - t2 * p;
        p = 1.0 / 13 - t2 * p;
        p = 1.0 / 11 - t2 * p;
        p = 1.0 / 9 - t2 * p;
        p = 1.0 / 7 - t2 * p;
        p = 1.0 / 5 - t2 * p;
        p = 1.0 / 3 - t2 * p;
        p = 1 - t2 * p;
        return base + t * p;
    }
}
