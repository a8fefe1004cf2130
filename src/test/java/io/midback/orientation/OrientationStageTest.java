package io.midback.orientation;

import io.midback.sensor.OrientationColumns;
import io.midback.sensor.SampleBatch;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrientationStageTest {

    /** A wobbling sensor at 100 Hz with one late sample, in batches of {@code size}. */
    private static SampleBatch[] wobble(int samples, int size) {
        Random r = new Random(5);
        SampleBatch[] batches = new SampleBatch[(samples + size - 1) / size];
        for (int i = 0; i < samples; i++) {
            if (i % size == 0) {
                batches[i / size] = new SampleBatch(size);
            }
            double t = 12.5 + i * 0.01 + (i == 333 ? 0.004 : 0);
            batches[i / size].add(t, 0.3 * Math.sin(i * 0.02) + 0.01 * r.nextGaussian(), 0.02 * r.nextGaussian(),
                    0.1 * Math.cos(i * 0.03), 1.5 * Math.sin(i * 0.02) + 0.1 * r.nextGaussian(),
                    9.7 + 0.1 * r.nextGaussian(), 0.8 * Math.cos(i * 0.02), Double.NaN, Double.NaN, Double.NaN);
        }
        return batches;
    }

    @Test
    void batchByBatchGivesTheSameOrientationAsTheFilterSampleBySample() {
        for (String name : new String[] {OrientationFilters.DEFAULT, TiltFilter.NAME}) {
            OrientationFilter alone = OrientationFilters.create(name, 100);
            OrientationStage stage = new OrientationStage(OrientationFilters.create(name, 100));
            double prevT = Double.NaN;
            int n = 0;
            for (SampleBatch b : wobble(1000, 64)) {
                stage.orient(b);
                OrientationColumns o = b.orientation();
                for (int i = 0; i < b.size(); i++, n++) {
                    double dtS = n == 0 ? 0 : b.tS[i] - prevT;
                    prevT = b.tS[i];
                    alone.update(dtS, b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                            b.azMps2[i], Double.NaN, Double.NaN, Double.NaN);
                    String at = name + ", sample " + n;
                    assertEquals(alone.qw(), o.qw[i], 0, at);
                    assertEquals(alone.qx(), o.qx[i], 0, at);
                    assertEquals(alone.qy(), o.qy[i], 0, at);
                    assertEquals(alone.qz(), o.qz[i], 0, at);
                    if (alone instanceof TiltFilter tilt) {
                        assertEquals(tilt.tiltRateRadPerS(0), o.rateXRadPerS[i], 0, at);
                        assertEquals(tilt.tiltRateRadPerS(1), o.rateYRadPerS[i], 0, at);
                        assertEquals(tilt.tiltRateRadPerS(2), o.rateZRadPerS[i], 0, at);
                    } else {
                        assertEquals(b.gxRadPerS[i], o.rateXRadPerS[i], 0, at);
                        assertEquals(b.gyRadPerS[i], o.rateYRadPerS[i], 0, at);
                        assertEquals(b.gzRadPerS[i], o.rateZRadPerS[i], 0, at);
                    }
                }
            }
            assertEquals(1000, n);
        }
    }
}
