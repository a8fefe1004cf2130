package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Break reminders at 10 samples per second. */
class BreakPolicyTest {
    final PostureSettings settings = PostureSettings.defaults(); // 45 min, bout ends after 2 min, repeat 15 min
    final Recorder rec = new Recorder();
    final BreakPolicy policy = new BreakPolicy(settings, rec);

    void feed(int fromK, int toK, PostureState s) {
        feed(fromK, toK, s, true);
    }

    void feed(int fromK, int toK, PostureState s, boolean may) {
        for (int k = fromK; k < toK; k++) {
            policy.update(k / 10.0, s, may);
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
    void standingJustUnderTwoMinutesDoesNotEndTheBoutTwoMinutesDoes() {
        feed(0, 10_000, PostureState.UPRIGHT);
        feed(10_000, 11_199, PostureState.STANDING); // 1000.0 .. 1119.8: 119.9 s
        feed(11_199, 27_001, PostureState.UPRIGHT);
        assertEquals(List.of(2700.0), rec.times(AlertKind.BREAK));

        Recorder rec2 = new Recorder();
        BreakPolicy p2 = new BreakPolicy(settings, rec2);
        for (int k = 0; k < 60_000; k++) {
            double t = k / 10.0;
            PostureState s = t >= 1000 && t <= 1120.0 ? PostureState.WALKING : PostureState.UPRIGHT;
            p2.update(t, s, true);
        }
        // 120 s of walking ends the bout; the new one starts at 1120.1
        assertEquals(1120.1 + 2700, rec2.times(AlertKind.BREAK).get(0), 1e-6);
    }

    @Test
    void repeatsWhileSittingOnAndTheMovementsTakeTurns() {
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
        feed(27_001, 28_201, PostureState.LYING); // 2700.1 .. 2820.0: 119.9 s
        assertTrue(policy.boutActive());
        feed(28_201, 28_202, PostureState.NOT_WORN); // 120 s
        assertTrue(!policy.boutActive());
        feed(28_202, 28_203, PostureState.UPRIGHT);
        assertEquals(2820.2, policy.boutStartS(), 1e-9);
    }

    @Test
    void snoozeHoldsTheReminder() {
        for (int k = 0; k < 40_000; k++) {
            double t = k / 10.0;
            policy.update(t, PostureState.UPRIGHT, t >= 3000);
        }
        assertEquals(List.of(3000.0, 3900.0), rec.times(AlertKind.BREAK));
    }
}
