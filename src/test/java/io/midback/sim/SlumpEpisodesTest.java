package io.midback.sim;

import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlumpEpisodesTest {

    private static List<SlumpEpisode> episodes(String text, SlumpEpisodes def) {
        return def.find(new BodyModel(Scenario.parse("t", text, "t"), 1));
    }

    @Test
    void aHeldSlumpIsAnEpisodeFromItsThresholdCrossing() {
        // breathing (±0.55°) and the slump's small movements (±2°) shift the crossing by a few tenths of a second.
        List<SlumpEpisode> e = episodes("0 30s still\n+ 60s slump depth=30 ramp=10 recover=5\n+ 30s still\n",
                SlumpEpisodes.DEFAULT);
        assertEquals(1, e.size());
        // minJerk(τ) = 0.5 at τ = 0.5: 30 + 5 s.
        assertEquals(35, e.get(0).startS(), 0.5);
        // Ends when flexion falls below 12° during the 5 s recovery starting at 85 s: minJerk(τ)=0.4 at τ≈0.54.
        assertEquals(85 + 5 * 0.54, e.get(0).endS(), 0.5);
        assertEquals(30, e.get(0).peakFlexionDeg(), 2.5);
    }

    @Test
    void reachesShorterThanTheDwellAndShallowSlumpsAreNot() {
        assertTrue(episodes("0 10s still\n+ 15s reach depth=45\n+ 10s still\n+ 60s slump depth=12\n",
                SlumpEpisodes.DEFAULT).isEmpty());
        assertEquals(1, episodes("0 10s still\n+ 15s reach depth=45\n+ 10s still\n",
                new SlumpEpisodes(15, 10, 3)).size(), "with a 10 s dwell the 15 s reach counts");
    }

    @Test
    void standingEndsAnEpisodeAndStandingLeanIsNone() {
        List<SlumpEpisode> e = episodes("0 10s still\n+ 40s slump depth=30 recover=0\n+ 30s stand\n",
                SlumpEpisodes.DEFAULT);
        assertEquals(1, e.size());
        assertEquals(50, e.get(0).endS(), 0.01);
    }

    @Test
    void theSlumpDemoHasFourEpisodesAndTheTruthLabelsThem() {
        Simulator sim = Simulator.of("slump-demo", SimulatorConfig.defaults());
        List<SlumpEpisode> e = sim.trueSlumpEpisodes();
        assertEquals(4, e.size());
        double[] slumpStarts = {55, 190, 396, 545}; // the scenario's slump lines
        for (int i = 0; i < 4; i++) {
            assertTrue(e.get(i).startS() > slumpStarts[i] && e.get(i).startS() < slumpStarts[i] + 12,
                    "episode " + i + " starts at " + e.get(i).startS());
            assertTrue(e.get(i).durationS() >= 30);
        }
        long[] slouched = new long[1];
        long[] inside = new long[1];
        sim.setTruthListener(f -> {
            boolean in = e.stream().anyMatch(x -> f.tS >= x.startS() && f.tS < x.endS());
            if (f.state == PostureState.SLOUCHED) {
                slouched[0]++;
            }
            if (in) {
                inside[0]++;
                assertEquals(PostureState.SLOUCHED, f.state);
            }
        });
        sim.run(b -> { });
        assertEquals(inside[0], slouched[0]);
    }

    @Test
    void badDefinitionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SlumpEpisodes(0, 20, 0));
        assertThrows(IllegalArgumentException.class, () -> new SlumpEpisodes(15, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SlumpEpisodes(15, 20, 15));
    }
}
