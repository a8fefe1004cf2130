package io.midback.posture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one definition of a bout and a break, at 10 samples per second. */
class SedentaryBoutsTest {
    final SedentaryBouts bouts = new SedentaryBouts(120);
    double t;

    int feed(double seconds, PostureState s) {
        int events = 0;
        for (int k = 0; k < Math.round(seconds * 10); k++) {
            events |= bouts.update(t, 0.1, s);
            t += 0.1;
        }
        return events;
    }

    @Test
    void standingStillIsSedentaryWalkingForTheBreakLengthIsABreak() {
        assertEquals(SedentaryBouts.BOUT_STARTED, feed(600, PostureState.UPRIGHT));
        assertEquals(0, feed(600, PostureState.STANDING), "a standing desk: the bout goes on");
        assertEquals(0, feed(119, PostureState.WALKING));
        assertTrue(bouts.boutActive());
        assertEquals(SedentaryBouts.BREAK_STARTED, feed(2, PostureState.WALKING));
        assertFalse(bouts.boutActive());
        assertEquals(1200, bouts.breakStartS(), 1e-9, "the bout ended where the movement began");
        assertEquals(SedentaryBouts.BREAK_ENDED | SedentaryBouts.BOUT_STARTED, feed(1, PostureState.STANDING));
        assertEquals(1321, bouts.boutStartS(), 1e-6);
    }

    @Test
    void pausesShorterThanThirtySecondsNeitherCountNorInterrupt() {
        feed(60, PostureState.UPRIGHT);
        feed(100, PostureState.WALKING);
        feed(29, PostureState.STANDING);
        assertEquals(0, feed(19, PostureState.WALKING), "99.9 + 19 s of movement: not yet");
        assertEquals(SedentaryBouts.BREAK_STARTED, feed(2, PostureState.WALKING));

        SedentaryBouts other = new SedentaryBouts(120);
        double[] plan = {60, 100, 31, 100};
        PostureState[] states = {PostureState.UPRIGHT, PostureState.WALKING, PostureState.STANDING,
            PostureState.WALKING};
        double time = 0;
        int events = 0;
        for (int i = 0; i < plan.length; i++) {
            for (int k = 0; k < plan[i] * 10; k++) {
                events |= other.update(time, 0.1, states[i]);
                time += 0.1;
            }
        }
        assertEquals(SedentaryBouts.BOUT_STARTED, events, "a 31 s stop starts the count again: no break");
    }

    @Test
    void unknownNeitherSitsNorBreaksALongGapEndsTheBout() {
        assertEquals(0, feed(300, PostureState.UNKNOWN));
        assertFalse(bouts.boutActive());
        feed(10, PostureState.UPRIGHT);
        assertTrue(bouts.boutActive());
        bouts.gap(t, t + 119);
        assertTrue(bouts.boutActive());
        bouts.gap(t, t + 120);
        assertFalse(bouts.boutActive());
    }
}
