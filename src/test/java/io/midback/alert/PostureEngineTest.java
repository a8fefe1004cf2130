package io.midback.alert;

import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import io.midback.posture.Synthetic;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine end to end on synthetic quaternion streams (no filter in between). */
class PostureEngineTest {
    final Recorder rec = new Recorder();
    final SessionSummary summary = new SessionSummary();
    final PostureFrame frame = new PostureFrame();
    final Synthetic s = new Synthetic(50, Synthetic.defaultMount());

    PostureEngine engine(PostureSettings settings) {
        return engine(settings, "2026-11-20T09:00:00Z");
    }

    PostureEngine engine(PostureSettings settings, String startUtc) {
        return new PostureEngine(settings, rec, Clock.fixed(Instant.parse(startUtc), ZoneId.of("UTC")));
    }

    void hold(PostureEngine e, double seconds, double flex, double lat) {
        for (int i = 0; i < s.samples(seconds); i++) {
            s.step(flex, lat, 0);
            e.update(s.tS, s.qw, s.qx, s.qy, s.qz, s.gx, s.gy, s.gz, s.ax, s.ay, s.az, frame);
            summary.onPosture(frame);
        }
    }

    @Test
    void slumpAlertAtStartPlusDwellThenCorrected() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        assertTrue(frame.calibrated);
        assertEquals(PostureState.UPRIGHT, frame.state);
        hold(e, 60, 25, 0); // from 10.0 s
        assertEquals(PostureState.SLOUCHED, frame.state);
        hold(e, 10, 0, 0);
        assertEquals(1, rec.times(AlertKind.SLUMP).size());
        assertEquals(10 + 20, rec.times(AlertKind.SLUMP).get(0), 0.05);
        assertEquals(1, rec.times(AlertKind.CORRECTED).size());
    }

    /** One slump rule: the state turns slouched at the very sample the slump alert comes, not a state hold later. */
    @Test
    void theStateReadsSlouchedAtTheSampleOfTheSlumpAlert() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        double slouchedAtS = Double.NaN;
        for (int i = 0; i < s.samples(40) && Double.isNaN(slouchedAtS); i++) {
            s.step(25, 0, 0);
            e.update(s.tS, s.qw, s.qx, s.qy, s.qz, s.gx, s.gy, s.gz, s.ax, s.ay, s.az, frame);
            if (frame.state == PostureState.SLOUCHED) {
                slouchedAtS = s.tS;
            }
        }
        assertEquals(1, rec.times(AlertKind.SLUMP).size());
        assertEquals(rec.times(AlertKind.SLUMP).get(0), slouchedAtS, 0.0);
    }

    @Test
    void snoozeFromAnyThreadTakesEffectAtTheNextSample() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        e.snooze(Snooze.MINUTES_30);
        hold(e, 60, 25, 0);
        assertTrue(rec.alerts.isEmpty());
        e.cancelSnooze();
        hold(e, 1, 25, 0);
        assertEquals(1, rec.times(AlertKind.SLUMP).size());
    }

    @Test
    void anActiveBreakToldFromAnyThreadRestartsTheSittingClockAtTheNextSample() {
        PostureEngine e = engine(PostureSettings.defaults());
        double interval = e.settings().breakAfterS();
        hold(e, interval / 2, 0, 0);
        double at = s.tS;
        e.activeBreak(at - 60, at); // a routine just done to its end
        hold(e, interval * 0.75, 0, 0);
        assertTrue(rec.times(AlertKind.BREAK).isEmpty(), "no reminder a whole interval after the first sit");
        hold(e, interval * 0.5, 0, 0);
        assertEquals(1, rec.times(AlertKind.BREAK).size());
        assertEquals(at + interval, rec.times(AlertKind.BREAK).get(0), 1.0);
    }

    @Test
    void aSnoozeOfThirtyMinutesEndsThirtyMinutesAfterTheNextSample() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        e.snooze(Snooze.MINUTES_30); // taken at the next sample, 10.02 s
        hold(e, 1800, 25, 0);        // slumped all along, to 1810.0 s
        assertTrue(rec.alerts.isEmpty(), "snoozed: " + rec.alerts);
        hold(e, 1, 25, 0);
        assertEquals(1, rec.times(AlertKind.SLUMP).size(), "the slump is said when the snooze ends: " + rec.alerts);
        assertEquals(10.02 + 1800, rec.times(AlertKind.SLUMP).get(0), 0.005);
    }

    @Test
    void untilTomorrowUsesTheInjectedClock() {
        PostureEngine e = engine(PostureSettings.defaults(), "2026-11-20T23:58:00Z");
        hold(e, 10, 0, 0);
        e.snooze(Snooze.UNTIL_TOMORROW);
        hold(e, 110, 25, 0); // slumped from 10 s; midnight is at 120 s of the session
        assertTrue(rec.alerts.isEmpty(), "snoozed until midnight: " + rec.alerts);
        hold(e, 1, 25, 0);
        assertEquals(1, rec.times(AlertKind.SLUMP).size(), "the slump is said at midnight: " + rec.alerts);
        assertEquals(120, rec.times(AlertKind.SLUMP).get(0), 0.05);
    }

    @Test
    void recalibrationEndsAnOpenEpisodeAndZeroesTheNewPose() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        hold(e, 40, 25, 0);
        e.recalibrate();
        hold(e, 5, 25, 0);
        assertEquals(0, frame.flexionDeg, 0.5);
        e.end(s.tS);
        // the episode was closed at the recalibration, and nothing more was open at the end
        assertEquals(1, rec.episodes.size());
        assertEquals(10, rec.episodes.get(0).startS(), 0.05);
        assertEquals(50 + 3, rec.episodes.get(0).endS(), 0.05); // when the new neutral took over
    }

    @Test
    void lyingAndNotWornStates() {
        PostureEngine e = engine(PostureSettings.defaults());
        hold(e, 10, 0, 0);
        hold(e, 10, -90, 0);
        assertEquals(PostureState.LYING, frame.state);
        hold(e, 10, 0, 0);
        assertTrue(frame.state.isSitting());
        s.breathingDeg = 0; // put down: no breathing
        hold(e, 59, 0, 0);
        assertFalse(frame.state == PostureState.NOT_WORN);
        hold(e, 3, 0, 0);
        assertEquals(PostureState.NOT_WORN, frame.state);
        s.breathingDeg = 0.6;
        hold(e, 3, 0, 0);
        assertTrue(frame.state.isSitting());
    }

    @Test
    void calibrationReachesTheListenerAndTheSummary() {
        Recorder r = new Recorder();
        PostureEngine e = new PostureEngine(PostureSettings.defaults(), r);
        for (int i = 0; i < s.samples(5); i++) {
            s.step(0, 0, 0);
            e.update(s.tS, s.qw, s.qx, s.qy, s.qz, s.gx, s.gy, s.gz, s.ax, s.ay, s.az, frame);
        }
        assertEquals(1, r.calibrations.size());
        assertNotNull(e.calibration());
        assertEquals(e.calibration(), r.calibrations.get(0));
    }
}
