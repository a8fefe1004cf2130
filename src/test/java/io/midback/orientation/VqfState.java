package io.midback.orientation;

import java.lang.reflect.Field;

/**
 * The filter's internal estimates, read for white-box checks against the reference implementation: the gyroscope
 * bias and its uncertainty, the rest and magnetic disturbance flags, and the period the coefficients are computed
 * for. The product has no use for them (it reads only the orientation), so they are read here, not exposed.
 */
final class VqfState {
    private VqfState() {
    }

    /** Estimated gyroscope bias about the sensor's x, y and z axes, rad/s. */
    static double[] biasRadPerS(VqfFilter f) {
        return new double[] {get(f, "biasX"), get(f, "biasY"), get(f, "biasZ")};
    }

    /** Standard deviation of the bias estimate (upper bound over the axes), rad/s, as the reference computes it. */
    static double biasSigmaRadPerS(VqfFilter f) {
        double p00 = get(f, "p00"), p01 = get(f, "p01"), p02 = get(f, "p02");
        double p11 = get(f, "p11"), p12 = get(f, "p12"), p22 = get(f, "p22");
        double r0 = Math.abs(p00) + Math.abs(p01) + Math.abs(p02);
        double r1 = Math.abs(p01) + Math.abs(p11) + Math.abs(p12);
        double r2 = Math.abs(p02) + Math.abs(p12) + Math.abs(p22);
        double p = Math.min(Math.max(Math.max(r0, r1), r2), get(f, "biasP0"));
        return Math.sqrt(p) * (Math.PI / 180 / 100); // the covariance is kept in (0.01 °/s)²
    }

    static boolean restDetected(VqfFilter f) {
        return (boolean) field(f, "restDetected");
    }

    static boolean magneticDisturbanceDetected(VqfFilter f) {
        return (boolean) field(f, "magDistDetected");
    }

    /** The sampling period the filter's coefficients are computed for, s. */
    static double coefficientPeriodS(VqfFilter f) {
        return get(f, "ts");
    }

    private static double get(VqfFilter f, String name) {
        return (double) field(f, name);
    }

    private static Object field(VqfFilter f, String name) {
        try {
            Field x = VqfFilter.class.getDeclaredField(name);
            x.setAccessible(true);
            return x.get(f);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("VqfFilter has no field " + name + " (renamed?)", e);
        }
    }
}
