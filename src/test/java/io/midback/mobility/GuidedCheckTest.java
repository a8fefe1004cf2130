package io.midback.mobility;

import io.midback.posture.Mounting;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.WarmingGyroBias;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guided check's prompts, live counting, adapting and stopping. */
class GuidedCheckTest {
    /** Collects what the check says. */
    static final class Said implements GuidedCheck.Listener {
        final List<String> prompts = new ArrayList<>();
        final List<MobilityEvent> events = new ArrayList<>();
        String finished;

        /** Repetitions counted so far: the check's {@code rep} events. */
        long reps() {
            return events.stream().filter(e -> e.kind().equals(MobilityEvent.REP)).count();
        }

        @Override
        public void prompt(double tS, String text) {
            prompts.add(text);
        }

        @Override
        public void event(MobilityEvent e) {
            events.add(e);
        }

        @Override
        public void finished(double tS, String how) {
            finished = how;
        }

        long count(String kind) {
            return events.stream().filter(e -> e.kind().equals(kind)).count();
        }
    }

    @Test
    void aSimulatedPersonFollowingThePromptsIsCountedLiveAndTheEventsGiveEveryDirectionsRange() {
        long seed = 7;
        MobilityProtocol p = MobilityProtocol.guided(MobilityProtocol.Person.random(seed), seed);
        Said said = new Said();
        MobilitySettings settings = MobilitySettings.defaults();
        GuidedCheck guide = new GuidedCheck(settings, said);
        AngleSeries series = new AngleSeries();
        MobilityCheck check = new MobilityCheck(settings, MobilityCheck.defaultFilter(50), f -> {
            series.onFrame(f);
            guide.onFrame(f);
        });
        new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(50).withSeed(seed)
                .withMounting(Mounting.parse("tilted20")).withErrors(SimulatedCheck.ERRORS))
                .run(WarmingGyroBias.random(seed, 2, check));
        assertEquals("done", said.finished, said.prompts.toString());
        assertEquals(6, said.count(MobilityEvent.BLOCK_START));
        assertEquals(18, said.count(MobilityEvent.REP), said.prompts.toString());
        assertTrue(said.prompts.get(0).contains("tingling"), "the warning comes first");
        MobilityResult r = MobilityAnalysis.analyse(series, said.events, settings, check.diagnostics());
        assertEquals("events", r.segmentation());
        for (MobilityProtocol.TruthRep t : p.truth(seed)) {
            Direction d = Direction.byJsonName(t.direction());
            assertEquals(3, r.reps().get(d).size(), d.jsonName());
        }
        for (Direction d : Direction.values()) {
            double[] truth = p.truth(seed).stream().filter(t -> t.direction().equals(d.jsonName()))
                    .mapToDouble(MobilityProtocol.TruthRep::peakDeg).sorted().toArray();
            assertEquals(truth[1], r.romDeg(d), d.plane() == Direction.Plane.ROTATION ? 3 : 2, d.jsonName());
        }
    }

    /** Frames from plain values: flexion only, at 50 Hz. */
    private static void flexion(GuidedCheck g, double fromS, double toS, java.util.function.DoubleUnaryOperator deg) {
        MobilityFrame f = new MobilityFrame();
        f.captured = true;
        for (double t = fromS; t < toS; t += 0.02) {
            f.tS = t;
            f.flexionDeg = deg.applyAsDouble(t);
            g.onFrame(f);
        }
    }

    @Test
    void tooFastIsNotCountedNothingCountedIsRemindedThenSkippedAndItHurtsEndsWithAdvice() {
        Said said = new Said();
        GuidedCheck g = new GuidedCheck(MobilitySettings.defaults(), said);
        flexion(g, 0, 1, t -> 0);
        assertEquals(Direction.FLEXION, g.current());
        // out to 40° and back in 0.5 s: too fast
        flexion(g, 1, 3, t -> t < 1.5 ? 40 * Math.sin(Math.PI * (t - 1) / 0.5) : 0);
        assertEquals(0, said.reps());
        assertTrue(said.prompts.get(said.prompts.size() - 1).startsWith("Too fast"), said.prompts.toString());
        // then a proper one over 3 s
        flexion(g, 3, 7, t -> t < 6 ? 40 * Math.sin(Math.PI * (t - 3) / 3) : 0);
        assertEquals(1, said.reps());
        // nothing more: reminded twice, then skipped to extension
        flexion(g, 7, 7 + 3 * GuidedCheck.MISSED_AFTER_S + 1, t -> 0);
        assertEquals(Direction.EXTENSION, g.current());
        assertEquals(2, said.prompts.stream().filter(s -> s.startsWith("No flexion counted yet. Curl forward, chin "
                + "to chest")).count(), said.prompts.toString());
        assertTrue(said.prompts.stream().anyMatch(s -> s.startsWith("Skipping flexion (1 counted)")));
        g.requestStop(GuidedCheck.STOP_HURTS);
        flexion(g, 50, 50.1, t -> 0);
        assertTrue(g.isOver());
        assertEquals("stop hurts", said.finished);
        MobilityEvent last = said.events.get(said.events.size() - 1);
        assertEquals(MobilityEvent.STOP, last.kind());
        assertEquals(GuidedCheck.STOP_HURTS, last.detail());
        assertEquals(GuidedCheck.HURTS_ADVICE, said.prompts.get(said.prompts.size() - 1));
        int events = said.events.size();
        flexion(g, 51, 60, t -> 40);
        assertEquals(events, said.events.size(), "nothing after the stop");
    }

    @Test
    void aCheckWithSkippedDirectionsSaysSoWhenItEndsLiveAndFromItsRecording() {
        Said said = new Said();
        GuidedCheck g = new GuidedCheck(MobilitySettings.defaults(), said);
        flexion(g, 0, 1, t -> 0);
        // three proper flexions over 3 s each, then nothing: the other five directions are skipped
        flexion(g, 1, 13, t -> (t - 1) % 4 < 3 ? 40 * Math.sin(Math.PI * ((t - 1) % 4) / 3) : 0);
        flexion(g, 13, 13 + 5 * 3 * GuidedCheck.MISSED_AFTER_S + 1, t -> 0);
        assertEquals(3, said.reps(), said.prompts.toString());
        assertTrue(g.isOver(), said.prompts.toString());
        assertEquals("done, 5 of 6 directions skipped", said.finished);
        assertEquals(said.finished, g.how());
        assertEquals(said.finished, GuidedCheck.ended(said.events), "the recording's events say the same");
        assertEquals("Check done: 5 of 6 directions skipped. Relax.", said.prompts.get(said.prompts.size() - 1));
    }

    @Test
    void howARecordedCheckEndedIsReadFromItsEvents() {
        List<MobilityEvent> done = new ArrayList<>();
        List<MobilityEvent> skipped = new ArrayList<>();
        for (Direction d : GuidedCheck.ORDER) {
            done.add(new MobilityEvent(done.size(), MobilityEvent.BLOCK_START, d.jsonName()));
            skipped.add(new MobilityEvent(skipped.size(), MobilityEvent.BLOCK_START, d.jsonName()));
            for (int i = 0; i < GuidedCheck.REPS_PER_DIRECTION; i++) {
                done.add(new MobilityEvent(done.size(), MobilityEvent.REP, d.jsonName()));
                if (d == Direction.FLEXION || i == 0) { // one rep short everywhere but flexion: skipped
                    skipped.add(new MobilityEvent(skipped.size(), MobilityEvent.REP, d.jsonName()));
                }
            }
            done.add(new MobilityEvent(done.size(), MobilityEvent.BLOCK_END, ""));
            skipped.add(new MobilityEvent(skipped.size(), MobilityEvent.BLOCK_END, ""));
        }
        assertEquals("done", GuidedCheck.ended(done));
        assertEquals("done, 5 of 6 directions skipped", GuidedCheck.ended(skipped));
        assertEquals(GuidedCheck.SAMPLES_ENDED, GuidedCheck.ended(done.subList(0, 9)), "cut off mid-check");
        List<MobilityEvent> hurt = new ArrayList<>(done.subList(0, 10));
        hurt.add(new MobilityEvent(10, MobilityEvent.STOP, GuidedCheck.STOP_HURTS));
        assertEquals("stop hurts", GuidedCheck.ended(hurt));
        assertTrue(GuidedCheck.hurt(GuidedCheck.ended(hurt)));
        assertEquals("done", GuidedCheck.ended(List.of()), "a recording without prompts");
    }
}
