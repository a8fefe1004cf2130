package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staleness with the default 20 min (windows of 10 min), 1 sample per second. */
class StalenessPolicyTest {
    final Recorder rec = new Recorder();
    final StalenessPolicy policy = new StalenessPolicy(PostureSettings.defaults(), rec);

    void feed(int from, int to, PostureState s, boolean moving) {
        for (int t = from; t < to; t++) {
            policy.update(t, 1, s, moving, true);
        }
    }

    @Test
    void slouchedWhileMovingNormallyForTwentyMinutesSuggestsRecalibration() {
        feed(0, 1199, PostureState.SLOUCHED, true);
        assertTrue(rec.alerts.isEmpty());
        feed(1199, 1200, PostureState.SLOUCHED, true);
        assertEquals(List.of(1199.0), rec.times(AlertKind.RECALIBRATE));
        assertTrue(policy.isStale());
        feed(1200, 1800, PostureState.UPRIGHT, true); // a fine window clears it
        assertFalse(policy.isStale());
    }

    @Test
    void aStillSlumpIsARealSlumpNotStaleness() {
        feed(0, 3600, PostureState.SLOUCHED, false);
        assertTrue(rec.alerts.isEmpty());
        assertFalse(policy.isStale());
    }

    @Test
    void lessThanNinetyPercentPoorIsNotStale() {
        for (int t = 0; t < 3600; t++) {
            policy.update(t, 1, t % 10 == 0 ? PostureState.UPRIGHT : PostureState.RECLINED, true, true);
        }
        assertEquals(1, rec.alerts.size(), "90 % reclined is stale");
        Recorder rec2 = new Recorder();
        StalenessPolicy p2 = new StalenessPolicy(PostureSettings.defaults(), rec2);
        for (int t = 0; t < 3600; t++) {
            p2.update(t, 1, t % 10 < 2 ? PostureState.UPRIGHT : PostureState.RECLINED, true, true);
        }
        assertTrue(rec2.alerts.isEmpty(), "80 % is not");
    }

    @Test
    void suggestsAtMostOnceAnHour() {
        feed(0, 7200, PostureState.SLOUCHED, true);
        assertEquals(List.of(1199.0, 4799.0), rec.times(AlertKind.RECALIBRATE));
    }
}
