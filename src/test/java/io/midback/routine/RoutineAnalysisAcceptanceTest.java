package io.midback.routine;

import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilitySettings;
import io.midback.posture.Mounting;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorded routines analysed ({@code routine --analyse}), from the player's event lines and, with them stripped, by
 * recognition from the motion alone: simulated people doing the daily routine at 25, 50, 100 and 200 Hz in the four
 * mountings, with variety (ranges, tempi, pauses, sloppy repetitions, gyroscope bias, sloppy start positions).
 * The analysis's thresholds ({@link RoutineAnalysis#QUIET_S}, {@link RoutineAnalysis#MOVE_DEG},
 * {@link RoutineAnalysis#POSITION_TOLERANCE_DEG}, {@link RoutineAnalysis#MIN_REPS}, {@link RoutineAnalysis#TIMED_MIN_S})
 * were set from the simulator's timings and checked on seeds 501–516 ({@code -Droutine.seeds=501}); the figures
 * are on held-out seeds 601–616 and 701–704, run once after that.
 */
class RoutineAnalysisAcceptanceTest {
    static final double RANGE_GOAL_DEG = 3;

    @Test
    void fromTheEventsAndByRecognitionTheCountsAndRangesHoldAcrossRatesAndMountings() throws IOException {
        Routine daily = RoutineFile.load("daily");
        Tally events = new Tally("events"), recognised = new Tally("recognised");
        long seed = SEEDS_FIRST;
        for (double hz : new double[] {25, 50, 100, 200}) {
            for (String mounting : new String[] {"upright", "tilted20", "turned90", "upsidedown"}) {
                SimulatedRoutine s = new SimulatedRoutine(daily, seed, hz, mounting, true);
                events.add(s, s.analysed(true), seed, hz, mounting);
                recognised.add(s, s.analysed(false), seed, hz, mounting);
                seed++;
            }
        }
        for (Tally t : List.of(events, recognised)) {
            t.print(String.format(Locale.ROOT, "seeds %d–%d, 25/50/100/200 Hz × 4 mountings", SEEDS_FIRST,
                    SEEDS_FIRST + 15));
            assertTrue(t.exact >= 0.95 * t.sets, t.name + ": " + t.exact + " of " + t.sets + " sets exact");
            assertEquals(0, t.offByMore, t.name + ": sets off by more than one");
            assertTrue(t.worst <= RANGE_GOAL_DEG, t.name + ": worst range error " + t.worst);
        }
    }

    /**
     * People doing the daily routine's counted exercises in another order (reversed, or the upright ones first),
     * recognised against the daily routine's order: the order guides, it does not decide (seeds 701–704, held out).
     */
    @Test
    void recognitionFindsTheExercisesDoneInAnotherOrder() throws IOException {
        Routine daily = RoutineFile.load("daily");
        List<Exercise> counted = daily.exercises().stream().filter(e -> !e.timed()).toList();
        List<Exercise> reversed = new ArrayList<>(counted);
        java.util.Collections.reverse(reversed);
        List<Exercise> uprightFirst = new ArrayList<>(counted.subList(3, 6));
        uprightFirst.addAll(counted.subList(0, 3));
        Tally t = new Tally("recognised, reordered");
        long seed = 701;
        for (List<Exercise> order : List.of(reversed, uprightFirst)) {
            for (double hz : new double[] {50, 100}) {
                SimulatedRoutine s = new SimulatedRoutine(daily.withExercises(order), seed, hz, "tilted20", true);
                t.add(s, s.analysed(false, daily), seed, hz, "tilted20");
                seed++;
            }
        }
        t.print("seeds 701–704, reversed and upright-first orders, 50/100 Hz, tilted20");
        assertEquals(t.sets, t.exact, "sets counted exactly");
        assertTrue(t.worst <= RANGE_GOAL_DEG, "worst range error " + t.worst);
    }

    /**
     * Seated range-of-motion blocks (the mobility check's simulated protocol: three repetitions to one side per
     * block, or 5–6 alternating excursions, in a random order), recognised against the daily routine: each block
     * found with its count within one (a one-way block counts its excursions, an alternating one its full cycles),
     * in at least 90% of blocks. The first still stretch's rule was fixed on seeds 801–808; these are seeds 901–908,
     * 50 Hz, turned90, run once after.
     */
    @Test
    void seatedRangeOfMotionBlocksAreCountedWithinOne() throws IOException {
        Routine daily = RoutineFile.load("daily");
        int blocks = 0, withinOne = 0, exact = 0;
        for (long seed = 901; seed <= 908; seed++) {
            MobilityProtocol p = MobilityProtocol.of(MobilityProtocol.Person.random(seed), seed);
            var filter = MobilityCheck.defaultFilter(50);
            RoutineTrack track = new RoutineTrack(filter);
            new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(50).withSeed(seed)
                    .withMounting(Mounting.parse("turned90")))
                    .run(new MobilityCheck(MobilitySettings.defaults(), filter, track));
            RoutineAnalysis.Result r = RoutineAnalysis.analyse(track, List.of(), daily, RangeTargets.none(),
                    MobilitySettings.defaults());
            List<MobilityProtocol.TruthRep> truth = p.truth(seed);
            for (MobilityProtocol.PlannedBlock b : p.blocks()) {
                long excursions = truth.stream().filter(t -> t.startS() >= b.startS() && t.endS() <= b.endS()).count();
                boolean alternating = truth.stream().filter(t -> t.startS() >= b.startS() && t.endS() <= b.endS())
                        .map(MobilityProtocol.TruthRep::direction).distinct().count() > 1;
                long expected = alternating ? excursions / 2 : excursions;
                int found = r.exercises().stream().filter(x -> x.startS() < b.endS() && x.endS() > b.startS())
                        .mapToInt(ExerciseResult::reps).sum();
                blocks++;
                if (Math.abs(found - expected) <= 1) {
                    withinOne++;
                }
                if (found == expected) {
                    exact++;
                } else {
                    System.out.printf(Locale.ROOT, "ROM blocks: seed %d %s at %.0f s: %d expected, %d found%n", seed,
                            b.movement(), b.startS(), expected, found);
                }
            }
        }
        System.out.printf(Locale.ROOT, "routine analysis (recognised), seated range-of-motion blocks, seeds 901–908, "
                + "50 Hz, turned90: %d blocks: %d counted exactly, %d within one%n", blocks, exact, withinOne);
        assertTrue(withinOne >= 0.9 * blocks, withinOne + " of " + blocks + " within one");
    }

    /** Held-out seeds: the analysis's thresholds were chosen on seeds 501–516; these were run once after that. */
    static final long SEEDS_FIRST = Long.getLong("routine.seeds", 601);

    private static final class Tally {
        final String name;
        int sets, exact, offByMore, reps, n, timedFound, timedSets;
        double worst, sum;

        Tally(String name) {
            this.name = name;
        }

        void add(SimulatedRoutine s, RoutineAnalysis.Result r, long seed, double hz, String mounting) {
            List<int[]> counts = new ArrayList<>();
            List<Double> worstDeg = new ArrayList<>();
            s.compare(r.exercises(), counts, worstDeg);
            for (int i = 0; i < counts.size(); i++) {
                int[] c = counts.get(i);
                sets++;
                reps += c[0];
                if (c[0] == c[1]) {
                    exact++;
                    worst = Math.max(worst, worstDeg.get(i));
                    sum += worstDeg.get(i);
                    n++;
                } else {
                    System.out.printf(Locale.ROOT, "%s: seed %d %.0f Hz %s set %d: %d true, %d found%n", name, seed,
                            hz, mounting, i, c[0], c[1]);
                }
                if (Math.abs(c[0] - c[1]) > 1) {
                    offByMore++;
                }
            }
            for (RoutineSession_Timed t : RoutineSession_Timed.of(s)) {
                timedSets++;
                if (r.exercises().stream().anyMatch(x -> x.name().equals(t.name))) {
                    timedFound++;
                }
            }
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "routine analysis (%s), %s: %d sets (%d repetitions): %d counted exactly, "
                            + "%d off by more than one; per-repetition range error worst %.2f°, mean of the sets' "
                            + "worst %.2f°; timed steps found %d of %d%n", name, what, sets,
                    reps, exact, offByMore, worst, sum / Math.max(1, n), timedFound, timedSets);
        }
    }

    private record RoutineSession_Timed(String name) {
        static List<RoutineSession_Timed> of(SimulatedRoutine s) {
            return s.sets.stream().filter(x -> x.timedS() > 0).map(x -> new RoutineSession_Timed(x.name())).toList();
        }
    }
}
