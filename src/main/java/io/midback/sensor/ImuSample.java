package io.midback.sensor;

/**
 * One inertial measurement as a value: the type tests, tools and APIs exchange. The per-sample hot path
 * carries samples in {@link SampleBatch} instead, which allocates nothing per sample.
 *
 * @param tS          measurement time in seconds (from the recording's or session's start)
 * @param gxRadPerS   angular rate about the sensor's x axis, rad/s
 * @param gyRadPerS   angular rate about y, rad/s
 * @param gzRadPerS   angular rate about z, rad/s
 * @param axMps2      specific force along x (about +9.81 on the up axis at rest), m/s²
 * @param ayMps2      specific force along y, m/s²
 * @param azMps2      specific force along z, m/s²
 * @param mxMicroT    magnetic field along x, µT; {@code NaN} when the sample has no magnetometer reading
 * @param myMicroT    magnetic field along y, µT, or {@code NaN}
 * @param mzMicroT    magnetic field along z, µT, or {@code NaN}
 */
public record ImuSample(double tS,
                        double gxRadPerS, double gyRadPerS, double gzRadPerS,
                        double axMps2, double ayMps2, double azMps2,
                        double mxMicroT, double myMicroT, double mzMicroT) {

    /** True when all three magnetometer components are present. */
    public boolean hasMagnetometer() {
        return !Double.isNaN(mxMicroT) && !Double.isNaN(myMicroT) && !Double.isNaN(mzMicroT);
    }
}
