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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings changed in a running session ({@link PostureEngine#updateSettings}) apply from the next sample. */
class EngineRuntimeSettingsTest {
    final Recorder rec = new Recorder();
    final PostureFrame frame = new PostureFrame();
    final Synthetic s = new Synthetic(50, Synthetic.defaultMount());

    void hold(PostureEngine e, double seconds, double flex) {
        for (int i = 0; i < s.samples(seconds); i++) {
            s.step(flex, 0, 0);
            e.update(s.tS, s.qw, s.qx, s.qy, s.qz, s.gx, s.gy, s.gz, s.ax, s.ay, s.az, frame);
        }
    }

    static void fromAnotherThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(r);
        t.start();
        t.join();
    }

    @Test
    void thresholdAndDelayChangedMidSessionTakeEffect() throws Exception {
        PostureEngine e = new PostureEngine(PostureSettings.defaults(), rec,
                Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneId.of("UTC")));
        hold(e, 10, 0);
        assertTrue(frame.calibrated);
        PostureSettings loose = PostureSettings.defaults().withSlumpThreshold(30);
        fromAnotherThread(() -> e.updateSettings(loose));
        hold(e, 60, 25); // 25° under a 30° threshold: no slump
        assertTrue(rec.times(AlertKind.SLUMP).isEmpty(), rec.alerts.toString());
        assertEquals(30, e.settings().slumpThresholdDeg());
        double changedAtS = s.tS;
        PostureSettings strict = PostureSettings.defaults().withSlumpThreshold(20).withSlumpDwell(5);
        fromAnotherThread(() -> e.updateSettings(strict));
        hold(e, 10, 25);
        assertEquals(20, e.settings().slumpThresholdDeg());
        assertEquals(PostureState.SLOUCHED, frame.state);
        assertEquals(1, rec.times(AlertKind.SLUMP).size(), rec.alerts.toString());
        double at = rec.times(AlertKind.SLUMP).get(0);
        assertTrue(at > changedAtS && at <= changedAtS + 5 + 0.1, "slump alert at " + at + " s, changed at "
                + changedAtS + " s with a 5 s delay");
    }
}
