package io.midback.routine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated people doing the daily routine (all eight exercises: hands and knees, prone, standing, seated, lying),
 * played live through the routine player: repetitions counted and each one's range against the truth, at 50 and
 * 100 Hz and two mountings, then across 25–200 Hz and the four mountings. The counting rule is the mobility check's; the player's settings were chosen on seeds
 * 201–208 (the rule for moving to a new position was fixed on seed 202); the figures are on seeds 301–308, run
 * once after that.
 */
class RoutineAcceptanceTest {
    static final double RANGE_GOAL_DEG = 3;

    @Test
    void theDailyRoutineIsCountedExactlyWithEachRepetitionsRange() throws IOException {
        Tally t = run(new double[] {50, 100}, new String[] {"upright", "turned90"}, 2, 301);
        assertEquals(t.sets, t.exact, "sets counted exactly");
        assertTrue(t.worst <= RANGE_GOAL_DEG, "worst range error " + t.worst);
    }

    /** The grid: 25 to 200 Hz and the four mountings, one person each (seeds 401–416, run once). */
    @Test
    void acrossTheRatesAndTheFourMountingsTheCountsAndRangesHold() throws IOException {
        Tally t = run(new double[] {25, 50, 100, 200}, new String[] {"upright", "tilted20", "turned90", "upsidedown"},
                1, 401);
        assertTrue(t.exact >= 0.95 * t.sets, t.exact + " of " + t.sets + " sets exact");
        assertEquals(0, t.offByMore, "sets off by more than one");
        assertTrue(t.worst <= RANGE_GOAL_DEG, "worst range error " + t.worst);
    }

    private static final class Tally {
        int sets, exact, offByMore, reps, n;
        double worst, sum;
    }

    private static Tally run(double[] rates, String[] mountings, int perCell, long firstSeed) throws IOException {
        Routine daily = RoutineFile.load("daily");
        Tally t = new Tally();
        long seed = firstSeed;
        for (double hz : rates) {
            for (String mounting : mountings) {
                for (int k = 0; k < perCell; k++, seed++) {
                    SimulatedRoutine s = new SimulatedRoutine(daily, seed, hz, mounting);
                    assertTrue(s.result.finished(), "seed " + seed + ": the routine did not finish: " + s.result);
                    assertEquals(daily.exercises().size(), s.result.exercises().size(), "seed " + seed);
                    for (int i = 0; i < s.counts.size(); i++) {
                        int[] c = s.counts.get(i);
                        t.sets++;
                        t.reps += c[0];
                        if (c[0] == c[1]) {
                            t.exact++;
                            double w = s.worstRangeErrorDeg.get(i);
                            t.worst = Math.max(t.worst, w);
                            t.sum += w;
                            t.n++;
                        } else {
                            System.out.printf(Locale.ROOT, "seed %d %.0f Hz %s set %d: %d true, %d counted%n", seed,
                                    hz, mounting, i, c[0], c[1]);
                        }
                        if (Math.abs(c[0] - c[1]) > 1) {
                            t.offByMore++;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "routine acceptance, %s Hz × %s: %d sets (%d repetitions): %d counted exactly, "
                        + "%d off by more than one; per-repetition range error worst %.2f°, mean of the sets' worst "
                        + "%.2f°%n", java.util.Arrays.toString(rates), String.join(", ", mountings), t.sets, t.reps,
                t.exact, t.offByMore, t.worst, t.sum / Math.max(1, t.n));
        return t;
    }
}
