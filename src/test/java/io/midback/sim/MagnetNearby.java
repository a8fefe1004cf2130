package io.midback.sim;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleSink;

/**
 * A test disturbance: a magnet near the sensor for a while (a phone, a desk lamp's base, a bag clasp): a field
 * offset fixed in the sensor frame that rises and falls smoothly ({@code sin²}) over {@code [fromS, toS]}, added in
 * place to the magnetometer of every sample passing through to the next sink. Samples without a magnetometer pass
 * unchanged.
 */
public final class MagnetNearby extends ForwardingSink {
    private final double fromS, toS;
    private final double ox, oy, oz;

    /** @param offsetMicroT the largest offset per sensor axis, µT */
    public MagnetNearby(double fromS, double toS, double[] offsetMicroT, SampleSink next) {
        super(next);
        if (!(toS > fromS)) {
            throw new IllegalArgumentException("the magnet must leave after it comes: " + fromS + " .. " + toS);
        }
        this.fromS = fromS;
        this.toS = toS;
        this.ox = offsetMicroT[0];
        this.oy = offsetMicroT[1];
        this.oz = offsetMicroT[2];
    }

    @Override
    public void accept(SampleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            double t = b.tS[i];
            if (t <= fromS || t >= toS || Double.isNaN(b.mxMicroT[i])) {
                continue;
            }
            double s = Math.sin(Math.PI * (t - fromS) / (toS - fromS));
            double w = s * s;
            b.mxMicroT[i] += w * ox;
            b.myMicroT[i] += w * oy;
            b.mzMicroT[i] += w * oz;
        }
        next.accept(b);
    }
}
