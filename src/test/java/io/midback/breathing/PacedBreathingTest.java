package io.midback.breathing;

import io.midback.posture.Mounting;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class PacedBreathingTest {

    @Test
    void theGuideInhalesForFortyPercentOfEachCycleAndItsLungsFillAndEmpty() {
        BreathPacer p = new BreathPacer(6);
        assertEquals(10, p.periodS(), 1e-12);
        assertTrue(p.inhaling(0));
        assertTrue(p.inhaling(3.99));
        assertFalse(p.inhaling(4.01));
        assertTrue(p.inhaling(10.01), "the next cycle");
        assertEquals(0, p.volume(0), 1e-12);
        assertEquals(1, p.volume(4), 1e-9);
        assertEquals(0.5, p.volume(2), 1e-9);
        assertEquals(0.5, p.volume(7), 1e-9);
        assertEquals(0.5, p.stroke(7), 1e-9);
        assertEquals(3, p.secondsLeftInStroke(7), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new BreathPacer(2));
        assertThrows(IllegalArgumentException.class, () -> new BreathPacer(Double.NaN));
    }

    @Test
    void coherenceIsOneForBreathsAtOnePointOfTheCycleWhateverTheOffset() {
        BreathPacer p = new BreathPacer(6);
        assertEquals(1, PacedBreathing.coherence(p, new double[] {0, 10, 20, 30}, 4), 1e-12);
        assertEquals(1, PacedBreathing.coherence(p, new double[] {2.5, 12.5, 22.5, 32.5, 42.5}, 5), 1e-12);
        // half a cycle apart, alternately: they cancel
        assertEquals(0, PacedBreathing.coherence(p, new double[] {0, 15, 20, 35}, 4), 1e-12);
        // breathing at 8/min against a guide at 6/min: a quarter cycle later each breath, round the cycle
        assertEquals(0, PacedBreathing.coherence(p, new double[] {0, 7.5, 15, 22.5}, 4), 1e-12);
        // a spread of ±1 s around the same point: cos(2π/10) on average, about 0.9
        assertEquals((1 + 2 * Math.cos(2 * Math.PI * 0.1)) / 3,
                PacedBreathing.coherence(p, new double[] {10, 21, 29}, 3), 1e-12);
        assertTrue(Double.isNaN(PacedBreathing.coherence(p, new double[0], 0)));
    }

    @Test
    void theRollingCoherenceNeedsThreeRecentBreathsAndForgetsOldOnes() {
        BreathPacer p = new BreathPacer(6);
        PacedBreathing paced = new PacedBreathing(p, 100);
        paced.update(50, 49, 6); // before the start: passed over
        paced.update(101, Double.NaN, Double.NaN);
        assertTrue(Double.isNaN(paced.coherence()));
        double breath = Double.NaN;
        for (int i = 0; i < 390; i++) {
            double t = 101 + i / 10.0;
            if (i % 100 == 0) {
                breath = t; // a breath at 101, 111, 121, 131 s: 1 s into each cycle
            }
            paced.update(t, breath, 6);
        }
        assertEquals(1, paced.coherence(), 1e-9);
        assertTrue(PacedBreathing.follows(paced.coherence()));
        assertFalse(PacedBreathing.follows(0.69), "below 0.7 the guide is not followed");
        assertEquals(4, paced.result().breaths());
        // no breath for more than 8 cycles: the old ones are not recent any more
        paced.update(215, breath, Double.NaN);
        assertTrue(Double.isNaN(paced.coherence()));
        PacedBreathing.Result r = paced.result();
        assertEquals(115, r.durationS(), 1e-9);
        assertEquals(6.0, r.ratePerMin());
        assertEquals(1.0, r.coherence(), 0.001);
        assertTrue(r.describe().startsWith("paced at 6/min for 1:55: measured 6/min, coherence 1.00, 4 breaths"),
                r.describe());
    }

    /** The simulated wearer breathing steadily at {@code rate}, played through the estimator and a guide at 6/min. */
    private static PacedBreathing.Result simulated(double rate, double variability, long seed) {
        Scenario sc = Scenario.parse("paced", "breathing rate=" + rate + " variability=" + variability
                + " wander=0 sighs=0 pauses=0 depth=0.8\n0:00 4m still\n", "paced");
        Simulator sim = new Simulator(sc, SimulatorConfig.defaults().withRate(50).withSeed(seed)
                .withMounting(Mounting.parse("upright")));
        BreathRateEstimator est = new BreathRateEstimator();
        PacedBreathing paced = new PacedBreathing(new BreathPacer(6), 0);
        sim.run(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    est.update(b.tS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
                    paced.update(b.tS[i], est.lastBreathS(), est.ratePerMin());
                }
            }
        });
        PacedBreathing.Result r = paced.result();
        System.out.printf(Locale.ROOT, "PacedBreathingTest: wearer at %s/min (spread %.0f %%), seed %d, guide at "
                + "6/min: %s%n", rate, 100 * variability, seed, r.describe());
        return r;
    }

    @Test
    void aSimulatedWearerFollowingTheGuideIsCoherentOneBreathingAtTheirOwnPaceIsNot() {
        for (long seed : new long[] {11, 12}) {
            PacedBreathing.Result following = simulated(6, 0.03, seed);
            assertEquals(6, following.ratePerMin(), 0.5);
            assertTrue(following.coherence() >= 0.8, "following: " + following.describe());

            PacedBreathing.Result faster = simulated(9, 0.03, seed);
            assertEquals(9, faster.ratePerMin(), 0.5);
            assertTrue(faster.coherence() < 0.5, "at 9/min: " + faster.describe());

            PacedBreathing.Result ownPace = simulated(12, 0.12, seed);
            assertTrue(ownPace.coherence() < 0.5, "at 12/min: " + ownPace.describe());
        }
    }
}
