package io.midback.routine;

import io.midback.mobility.MobilitySettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepCounterTest {
    private static final double HZ = 100;

    /** Feeds one excursion per entry: out to the peak (degrees, signed) and back to 0 over periodS. */
    private static int feed(RepCounter c, double[] peaksDeg, double periodS, double wobbleDeg) {
        int reps = 0;
        double t = 0;
        for (double peak : peaksDeg) {
            int n = (int) Math.round(periodS * HZ);
            for (int i = 0; i < n; i++, t += 1 / HZ) {
                double env = Math.sin(Math.PI * i / n);
                double a = peak * env * env + wobbleDeg * Math.sin(2 * Math.PI * 1.3 * t);
                if (c.update(t, a)) {
                    reps++;
                }
            }
        }
        for (int i = 0; i < HZ; i++, t += 1 / HZ) {
            if (c.update(t, 0)) {
                reps++;
            }
        }
        return reps;
    }

    @Test
    void aTwoSidedRepetitionIsOneCycleOneSideAndTheOtherWithItsArc() {
        RepCounter c = new RepCounter(MobilitySettings.defaults());
        c.start(0, 8);
        int reps = feed(c, new double[] {20, -15, 22, -18, 25, -10}, 3, 0.3);
        assertEquals(3, reps);
        assertEquals(3, c.count());
        assertEquals(35, c.rangeDeg(0), 0.5);
        assertEquals(20, c.positiveDeg(0), 0.4);
        assertEquals(15, c.negativeDeg(0), 0.4);
        assertEquals(40, c.rangeDeg(1), 0.5);
        assertEquals(35, c.rangeDeg(2), 0.5);
        assertTrue(c.endS(1) > c.endS(0));
    }

    @Test
    void aOneSidedMovementCountsItsSideOnlyAndNothingBelowTheMinimum() {
        RepCounter c = new RepCounter(MobilitySettings.defaults());
        c.start(-1, 8);
        // extension (negative) counts; a flexion excursion and a 5° extension do not
        int reps = feed(c, new double[] {-12, 20, -5, -14, -16}, 2.5, 0);
        assertEquals(3, reps);
        assertEquals(12, c.rangeDeg(0), 0.3);
        assertEquals(14, c.rangeDeg(1), 0.3);
        assertEquals(16, c.rangeDeg(2), 0.3);
        assertTrue(Double.isNaN(c.positiveDeg(0)));
    }

    @Test
    void stillnessAndSmallWobbleCountNothing() {
        RepCounter c = new RepCounter(MobilitySettings.defaults());
        c.start(0, 8);
        assertEquals(0, feed(c, new double[] {2, -2, 3, -1, 0, 0}, 3, 1.5));
        assertFalse(c.count() > 0);
    }

    @Test
    void startingAgainForgetsTheLastExercise() {
        RepCounter c = new RepCounter(MobilitySettings.defaults());
        c.start(1, 5);
        assertEquals(2, feed(c, new double[] {10, 12}, 2, 0));
        c.start(1, 5);
        assertEquals(0, c.count());
        assertEquals(1, feed(c, new double[] {9}, 2, 0));
        assertEquals(9, c.rangeDeg(0), 0.3);
    }
}
