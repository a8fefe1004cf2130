package io.midback.app;

import io.midback.mobility.GuidedCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guided check's figures depend on the samples only, not on how they come batched: {@code --speed max} hands on
 * the simulator's whole batches, a paced run slices them; samples after the one that ends the check count for
 * neither (they moved the bias at the end, the heading drift and a rotation peak).
 */
class GuidedMobilityTest {
    private static final long SEED = 3;

    /** Hands each batch on one sample at a time. */
    static final class OneByOne extends ForwardingSink {
        private final SampleBatch one = new SampleBatch(1);

        OneByOne(SampleSink next) {
            super(next);
        }

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                one.clear();
                one.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                        b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                next.accept(one);
            }
        }
    }

    private static GuidedMobility run(boolean oneByOne) {
        GuidedMobility check = new GuidedMobility(50, new GuidedCheck.Listener() {
            @Override
            public void prompt(double tS, String text) {
            }

            @Override
            public void event(MobilityEvent e) {
            }

            @Override
            public void finished(double tS, String how) {
            }
        });
        MobilityProtocol p = MobilityProtocol.guided(MobilityProtocol.Person.random(SEED), SEED);
        new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(50).withSeed(SEED))
                .run(oneByOne ? new OneByOne(check) : check);
        return check;
    }

    @Test
    void theFiguresAreTheSameHoweverTheSamplesAreBatched() {
        GuidedMobility whole = run(false);
        GuidedMobility single = run(true);
        assertTrue(whole.guide().isOver() && single.guide().isOver());
        assertEquals("done", whole.guide().how());
        assertEquals(single.result().toJson(), whole.result().toJson());
    }
}
