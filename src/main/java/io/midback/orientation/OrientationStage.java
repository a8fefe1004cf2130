package io.midback.orientation;

import io.midback.sensor.OrientationColumns;
import io.midback.sensor.SampleBatch;

/**
 * Runs one stream's filter over whole batches, in order, writing each sample's orientation and the rotation rate
 * the posture stage reads into the batch's {@link OrientationColumns}: the gyroscope's, or the tilt's rate when
 * the filter is the accelerometer-only {@link TiltFilter}. The step to each sample is its time less the previous
 * sample's (0 for the first). A batch at a time, so that it can run on a thread of its own, ahead of posture.
 * Nothing is allocated per sample.
 */
public final class OrientationStage {
    private final OrientationFilter filter;
    private final TiltFilter tilt;
    private double prevT;
    private boolean started;

    public OrientationStage(OrientationFilter filter) {
        this.filter = filter;
        this.tilt = filter instanceof TiltFilter t ? t : null;
    }

    /** Fills {@code b.orientation()} for every sample in {@code b}, advancing the filter through them. */
    public void orient(SampleBatch b) {
        final int n = b.size();
        final OrientationFilter f = filter;
        final OrientationColumns o = b.orientation();
        double prev = prevT;
        boolean first = !started && n > 0;
        for (int i = 0; i < n; i++) {
            double t = b.tS[i];
            double dtS = first && i == 0 ? 0 : t - prev;
            prev = t;
            f.update(dtS, b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i],
                    b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
            o.qw[i] = f.qw();
            o.qx[i] = f.qx();
            o.qy[i] = f.qy();
            o.qz[i] = f.qz();
            if (tilt != null) {
                o.rateXRadPerS[i] = tilt.tiltRateRadPerS(0);
                o.rateYRadPerS[i] = tilt.tiltRateRadPerS(1);
                o.rateZRadPerS[i] = tilt.tiltRateRadPerS(2);
            }
        }
        prevT = prev;
        started |= n > 0;
        if (tilt == null) {
            System.arraycopy(b.gxRadPerS, 0, o.rateXRadPerS, 0, n);
            System.arraycopy(b.gyRadPerS, 0, o.rateYRadPerS, 0, n);
            System.arraycopy(b.gzRadPerS, 0, o.rateZRadPerS, 0, n);
        }
    }

    public OrientationFilter filter() {
        return filter;
    }
}
