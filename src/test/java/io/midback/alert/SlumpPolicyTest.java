package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slump rules at their boundaries, at 10 samples per second (t = k / 10). */
class SlumpPolicyTest {
    static final double EPS = 1e-9;
    /**
     * The standard preset: 15° threshold, 3° hysteresis, 20 s dwell, 2 s recovery, 120 s cooldown and escalation,
     * 3 escalations.
     */
    final PostureSettings settings = PostureSettings.preset(SlumpPreset.STANDARD);
    final Recorder rec = new Recorder();
    final SlumpPolicy policy = new SlumpPolicy(settings, rec);

    /** Feeds samples k = fromK .. toK-1 (t = k/10) with flexion f(t), sitting. */
    void feed(int fromK, int toK, DoubleUnaryOperator flex) {
        feed(fromK, toK, flex, true, t -> true);
    }

    void feed(int fromK, int toK, DoubleUnaryOperator flex, boolean sitting, java.util.function.DoublePredicate mayNag) {
        for (int k = fromK; k < toK; k++) {
            double t = k / 10.0;
            policy.update(t, flex.applyAsDouble(t), sitting, mayNag.test(t), mayNag.test(t));
        }
    }

    @Test
    void theBoundariesBelowAreTheStandardPresets() {
        assertEquals(15, settings.slumpThresholdDeg());
        assertEquals(3, settings.slumpHysteresisDeg());
        assertEquals(20, settings.slumpDwellS());
        assertEquals(2, settings.slumpRecoverS());
        assertEquals(120, settings.cooldownS());
        assertEquals(120, settings.escalateEveryS());
        assertEquals(3, settings.maxEscalations());
    }

    @Test
    void thresholdIsInclusiveAndJustBelowNeverCounts() {
        feed(0, 1000, t -> 15 - EPS);
        assertTrue(rec.alerts.isEmpty());
        feed(1000, 2000, t -> 15);
        assertEquals(List.of(100.0 + 20), rec.times(AlertKind.SLUMP));
    }

    @Test
    void dwellMinusOneSampleIsAReachAndExactlyTheDwellIsASlump() {
        feed(0, 100, t -> 0);
        feed(100, 300, t -> 20); // 10.0 .. 29.9: one sample short of the dwell
        feed(300, 400, t -> 0);
        assertTrue(rec.alerts.isEmpty());
        assertTrue(rec.episodes.isEmpty());

        feed(400, 601, t -> 20); // 40.0 .. 60.0: the dwell exactly
        feed(601, 700, t -> 0);
        assertEquals(List.of(60.0), rec.times(AlertKind.SLUMP));
        assertEquals(1, rec.episodes.size());
        assertEquals(40.0, rec.episodes.get(0).startS(), EPS);
        assertEquals(60.1, rec.episodes.get(0).endS(), EPS);
        assertEquals(20, rec.episodes.get(0).peakFlexionDeg(), EPS);
    }

    @Test
    void hysteresisKeepsTheDwellRunningAboveThresholdMinusHysteresis() {
        feed(0, 100, t -> 16);
        feed(100, 150, t -> 12); // 12 = 15 − 3: still in
        feed(150, 400, t -> 16);
        assertEquals(List.of(20.0), rec.times(AlertKind.SLUMP));

        Recorder rec2 = new Recorder();
        SlumpPolicy p2 = new SlumpPolicy(settings, rec2);
        for (int k = 0; k < 600; k++) {
            double t = k / 10.0;
            double f = k == 100 ? 12 - EPS : 16; // one sample below: the dwell restarts at the next crossing
            p2.update(t, f, true, true, true);
        }
        assertEquals(List.of(10.1 + 20), rec2.times(AlertKind.SLUMP));
    }

    @Test
    void recoveryMustLastTheRecoverTimeAndTheEndIsWhenItBegan() {
        feed(0, 300, t -> 25);
        feed(300, 319, t -> 5); // 1.9 s below: not yet corrected
        feed(319, 400, t -> 25);
        assertTrue(rec.episodes.isEmpty());
        feed(400, 420, t -> 5); // 40.0 .. 41.9: 1.9 s
        assertTrue(rec.times(AlertKind.CORRECTED).isEmpty());
        feed(420, 421, t -> 5); // 42.0: 2 s below
        assertEquals(List.of(42.0), rec.times(AlertKind.CORRECTED));
        assertEquals(1, rec.episodes.size());
        assertEquals(0.0, rec.episodes.get(0).startS(), EPS);
        assertEquals(40.0, rec.episodes.get(0).endS(), EPS);
    }

    @Test
    void cooldownDelaysTheNextEpisodesAlert() {
        feed(0, 300, t -> 25); // alert at 20, episode ends at 30
        feed(300, 400, t -> 0);
        feed(400, 2000, t -> 25); // next episode from 40: due at 60, cooldown until 140
        assertEquals(List.of(20.0, 140.0), rec.times(AlertKind.SLUMP));
    }

    @Test
    void escalatesWhileTheSlumpPersistsThenFallsSilent() {
        feed(0, 10000, t -> 30);
        assertEquals(List.of(20.0), rec.times(AlertKind.SLUMP));
        assertEquals(List.of(140.0, 260.0, 380.0), rec.times(AlertKind.SLUMP_ESCALATION));
    }

    @Test
    void snoozeHoldsAlertsBackUntilItEnds() {
        feed(0, 2500, t -> 30, true, t -> t >= 100);
        assertEquals(List.of(100.0), rec.times(AlertKind.SLUMP));
        assertEquals(1, rec.times(AlertKind.SLUMP_ESCALATION).size());
        assertEquals(220.0, rec.times(AlertKind.SLUMP_ESCALATION).get(0), EPS);
    }

    @Test
    void snoozedSlumpIsStillAnEpisodeButNeverConfirmed() {
        feed(0, 500, t -> 30, true, t -> false);
        feed(500, 600, t -> 0, true, t -> false);
        assertTrue(rec.alerts.isEmpty());
        assertEquals(1, rec.episodes.size());
        assertFalse(rec.episodes.get(0).alerted());
    }

    @Test
    void nothingCountsUnlessSittingAndStandingUpEndsWithoutConfirmation() {
        feed(0, 1000, t -> 40, false, t -> true);
        assertTrue(rec.alerts.isEmpty() && rec.episodes.isEmpty());
        feed(1000, 1300, t -> 30); // alert at 120
        feed(1300, 1400, t -> 30, false, t -> true); // stands up at 130
        assertEquals(List.of(120.0), rec.times(AlertKind.SLUMP));
        assertTrue(rec.times(AlertKind.CORRECTED).isEmpty());
        assertEquals(130.0, rec.episodes.get(0).endS(), EPS);
    }

    @Test
    void closeReportsAnOpenEpisode() {
        feed(0, 400, t -> 30);
        policy.close(39.9);
        assertEquals(1, rec.episodes.size());
        assertEquals(39.9, rec.episodes.get(0).endS(), EPS);
        assertTrue(rec.times(AlertKind.CORRECTED).isEmpty());
    }
}
