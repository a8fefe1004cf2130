package io.midback.app;

import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

/**
 * Hands a producer's batches (a recording's reader, the simulator) on in slices of about {@code sliceWallS} of wall
 * time, waiting ({@link Pacing}) until each slice is due; unpaced, batches go on as they come. When the pacing is
 * stopped, {@link Stopped} unwinds the producer. Nothing is allocated per sample.
 */
public final class PacedSink extends ForwardingSink {
    private final Pacing pacing;
    private final double sliceDataS;
    private final SampleBatch slice = new SampleBatch(4096);

    /** Unwinds the producer when the pacing is stopped. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    public PacedSink(SampleSink out, Pacing pacing, double sliceWallS) {
        super(out);
        this.pacing = pacing;
        this.sliceDataS = sliceWallS * pacing.speed();
    }

    @Override
    public void accept(SampleBatch b) {
        if (!pacing.paced()) {
            if (!pacing.waitUntil(0)) {
                throw new Stopped();
            }
            next.accept(b);
            return;
        }
        int i = 0;
        while (i < b.size()) {
            slice.clear();
            double sliceEnd = b.tS[i] + sliceDataS;
            while (i < b.size() && b.tS[i] < sliceEnd && !slice.isFull()) {
                slice.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                        b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                i++;
            }
            if (!pacing.waitUntil(slice.tS[0])) {
                throw new Stopped();
            }
            next.accept(slice);
        }
    }
}
