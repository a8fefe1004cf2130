package io.midback.orientation;

/**
 * An attitude and heading estimator: gyroscope, accelerometer and (optionally) magnetometer in, the sensor's
 * orientation out as a unit quaternion (scalar first) that rotates sensor-frame vectors into an East-North-Up
 * earth frame: {@code v_E = q ⊗ v_S ⊗ q*}.
 *
 * <p>One instance follows one stream. {@link #update} is the per-sample hot path: it must not allocate, log or
 * block. Without a magnetometer the heading is relative (starts at 0 and drifts slowly).
 */
public interface OrientationFilter {

    /**
     * Advances the estimate by one sample.
     *
     * @param dtS time since the previous sample in seconds; the first call, a gap or a non-positive value
     *            is handled by the filter (for example by re-initialising from the accelerometer)
     * @param gxRadPerS gyroscope x, rad/s (and likewise y, z)
     * @param axMps2    accelerometer x, m/s² (specific force: +9.81 up at rest)
     * @param mxMicroT  magnetometer x, µT, or {@code NaN} for none (6D update)
     */
    void update(double dtS,
                double gxRadPerS, double gyRadPerS, double gzRadPerS,
                double axMps2, double ayMps2, double azMps2,
                double mxMicroT, double myMicroT, double mzMicroT);

    double qw();

    double qx();

    double qy();

    double qz();

    /** Forgets all state: the next update initialises the filter afresh. */
    void reset();

    /** The name used on the command line ({@code --filter NAME}). */
    String name();
}
