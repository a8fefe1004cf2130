package io.midback.routine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated people doing the daily routine (all eight exercises: hands and knees, prone, standing, seated, lying),
 * played live through the routine player: repetitions counted and each one's range against the truth, at 50 and
 * 100 Hz and two mountings. The counting rule is the mobility check's; the player's settings were chosen on seeds
 * 201–208 (the rule for moving to a new position was fixed on seed 202); the figures are on seeds 301–308, run
 * once after that.
 */
class RoutineAcceptanceTest {
    static final double RANGE_GOAL_DEG = 3;

    @Test
    void theDailyRoutineIsCountedExactlyWithEachRepetitionsRange() throws IOException {
        Routine daily = RoutineFile.load("daily");
        int sets = 0, exact = 0, offByMore = 0, reps = 0;
        double worst = 0, sum = 0;
        int n = 0;
        long seed = 301;
        for (double hz : new double[] {50, 100}) {
            for (String mounting : new String[] {"upright", "turned90"}) {
                for (int k = 0; k < 2; k++, seed++) {
                    SimulatedRoutine s = new SimulatedRoutine(daily, seed, hz, mounting);
                    assertTrue(s.result.finished(), "seed " + seed + ": the routine did not finish: " + s.result);
                    assertEquals(daily.exercises().size(), s.result.exercises().size(), "seed " + seed);
                    for (int i = 0; i < s.counts.size(); i++) {
                        int[] c = s.counts.get(i);
                        sets++;
                        reps += c[0];
                        if (c[0] == c[1]) {
                            exact++;
                            double w = s.worstRangeErrorDeg.get(i);
                            worst = Math.max(worst, w);
                            sum += w;
                            n++;
                        } else {
                            System.out.printf(Locale.ROOT, "seed %d %.0f Hz %s set %d: %d true, %d counted%n", seed,
                                    hz, mounting, i, c[0], c[1]);
                        }
                        if (Math.abs(c[0] - c[1]) > 1) {
                            offByMore++;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "routine acceptance: %d sets (%d repetitions): %d counted exactly, %d off by "
                        + "more than one; per-repetition range error worst %.2f°, mean of the sets' worst %.2f°%n",
                sets, reps, exact, offByMore, worst, sum / Math.max(1, n));
        assertEquals(sets, exact, "sets counted exactly");
        assertTrue(worst <= RANGE_GOAL_DEG, "worst range error " + worst);
    }
}
