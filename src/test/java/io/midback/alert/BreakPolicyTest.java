package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Break reminders at 10 samples per second. */
class BreakPolicyTest {
    final PostureSettings settings = PostureSettings.defaults(); // 45 min, a break is 2 min of movement, repeat 15 min
    final Recorder rec = new Recorder();
    final BreakPolicy policy = new BreakPolicy(settings, rec);

    void feed(int fromK, int toK, PostureState s) {
        feed(fromK, toK, s, true);
    }

    void feed(int fromK, int toK, PostureState s, boolean may) {
        for (int k = fromK; k < toK; k++) {
            policy.update(k / 10.0, 0.1, s, may);
        }
    }

    @Test
    void remindsAfterTheSetTimeNamingAMidBackMovement() {
        feed(0, 26_999, PostureState.UPRIGHT); // up to 2699.8 s
        assertTrue(rec.alerts.isEmpty());
        feed(26_999, 27_001, PostureState.SLOUCHED);
        assertEquals(List.of(2700.0), rec.times(AlertKind.BREAK));
        assertTrue(rec.alerts.get(0).message().contains("Thoracic extension"), rec.alerts.get(0).message());
    }

    @Test
    void standingStillIsSedentaryAndCountsTowardTheReminder() {
        feed(0, 10_000, PostureState.UPRIGHT);
        feed(10_000, 20_000, PostureState.STANDING); // 1000 s at a standing desk: no break
        feed(20_000, 27_001, PostureState.UPRIGHT);
        assertEquals(List.of(2700.0), rec.times(AlertKind.BREAK));
    }

    @Test
    void walkingJustUnderTwoMinutesDoesNotEndTheBoutTwoMinutesDoes() {
        feed(0, 10_000, PostureState.UPRIGHT);
        feed(10_000, 11_200, PostureState.WALKING); // 1000.0 .. 1119.9: 119.9 s of movement
        feed(11_200, 27_001, PostureState.UPRIGHT);
        assertEquals(List.of(2700.0), rec.times(AlertKind.BREAK));

        Recorder rec2 = new Recorder();
        BreakPolicy p2 = new BreakPolicy(settings, rec2);
        for (int k = 0; k < 60_000; k++) {
            double t = k / 10.0;
            PostureState s = t >= 1000 && t <= 1120.05 ? PostureState.WALKING : PostureState.UPRIGHT;
            p2.update(t, 0.1, s, true);
        }
        // 120 s of walking ends the bout; the new one starts at 1120.1
        assertEquals(1120.1 + 2700, rec2.times(AlertKind.BREAK).get(0), 1e-6);
    }

    @Test
    void aShortStopDoesNotInterruptABreakALongOneDoes() {
        feed(0, 10_000, PostureState.UPRIGHT);
        feed(10_000, 10_700, PostureState.WALKING); // 70 s to the printer
        feed(10_700, 10_900, PostureState.STANDING); // 20 s there: a pause
        feed(10_900, 11_500, PostureState.WALKING); // 60 s back: 130 s of movement, a break
        feed(11_500, 40_001, PostureState.UPRIGHT);
        assertEquals(1150.0 + 2700, rec.times(AlertKind.BREAK).get(0), 1e-6);

        Recorder rec2 = new Recorder();
        BreakPolicy p2 = new BreakPolicy(settings, rec2);
        PostureState[] plan = new PostureState[40_001];
        java.util.Arrays.fill(plan, PostureState.UPRIGHT);
        java.util.Arrays.fill(plan, 10_000, 10_700, PostureState.WALKING);
        java.util.Arrays.fill(plan, 10_700, 11_100, PostureState.STANDING); // 40 s: the count starts again
        java.util.Arrays.fill(plan, 11_100, 11_700, PostureState.WALKING);
        for (int k = 0; k < plan.length; k++) {
            p2.update(k / 10.0, 0.1, plan[k], true);
        }
        assertEquals(List.of(2700.0), rec2.times(AlertKind.BREAK).subList(0, 1));
    }

    @Test
    void repeatsWhileSedentaryAndTheMovementsTakeTurns() {
        feed(0, 2700 * 10 + 3 * 900 * 10 + 1, PostureState.UPRIGHT);
        assertEquals(List.of(2700.0, 3600.0, 4500.0, 5400.0), rec.times(AlertKind.BREAK));
        assertTrue(rec.alerts.get(1).message().contains("Seated rotation"));
        assertTrue(rec.alerts.get(2).message().contains("Cat-cow"));
        assertTrue(rec.alerts.get(3).message().contains("Side bends"));
    }

    @Test
    void lyingAndNotWornAreBreaksUnknownIsNeither() {
        feed(0, 10_000, PostureState.UPRIGHT);
        feed(10_000, 12_000, PostureState.UNKNOWN);
        feed(12_000, 27_001, PostureState.UPRIGHT);
        assertEquals(List.of(2700.0), rec.times(AlertKind.BREAK));
        feed(27_001, 28_201, PostureState.LYING); // 2700.1 .. 2820.0: 119.9 s, no break yet
        feed(28_201, 28_202, PostureState.NOT_WORN); // 120 s: a break
        feed(28_202, 60_000, PostureState.UPRIGHT); // a new bout from 2820.2
        assertEquals(List.of(2700.0, 2820.2 + 2700), rec.times(AlertKind.BREAK));
    }

    @Test
    void snoozeHoldsTheReminder() {
        for (int k = 0; k < 40_000; k++) {
            double t = k / 10.0;
            policy.update(t, 0.1, PostureState.UPRIGHT, t >= 3000);
        }
        assertEquals(List.of(3000.0, 3900.0), rec.times(AlertKind.BREAK));
    }
}
