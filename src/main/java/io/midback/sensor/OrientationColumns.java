package io.midback.sensor;

/**
 * Each sample's orientation beside a {@link SampleBatch}, column by column: the filter's estimate after that sample
 * (unit quaternion, scalar first, sensor → East-North-Up) and the rotation rate the posture stage reads with it
 * (the gyroscope's, or for a filter without one the rate its tilt turns at). Filled by the orientation stage,
 * possibly on the producer's thread ahead of the rest of the pipeline ({@link SampleSink#ahead()}); travels and is
 * reused with its batch, so nothing is allocated per sample.
 */
public final class OrientationColumns {
    public final double[] qw, qx, qy, qz;
    public final double[] rateXRadPerS, rateYRadPerS, rateZRadPerS;

    OrientationColumns(int capacity) {
        qw = new double[capacity];
        qx = new double[capacity];
        qy = new double[capacity];
        qz = new double[capacity];
        rateXRadPerS = new double[capacity];
        rateYRadPerS = new double[capacity];
        rateZRadPerS = new double[capacity];
    }
}
