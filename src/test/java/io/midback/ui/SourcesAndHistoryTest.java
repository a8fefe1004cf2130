package io.midback.ui;

import io.midback.alert.AlertListener;
import io.midback.history.HistoryStore;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.protocol.DeviceMessage;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.Poll;
import io.midback.transport.LinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's sources (simulator, live) and its history writing, without a window. */
class SourcesAndHistoryTest {

    /** Counts samples and checks their times rise. */
    static final class Counter implements SampleSink {
        volatile long n;
        double lastT = Double.NEGATIVE_INFINITY;
        boolean ordered = true, ended;

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                ordered &= b.tS[i] > lastT;
                lastT = b.tS[i];
            }
            n += b.size();
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    @Test
    void simulatorAtMaxSpeedStreamsTheWholeScenario() {
        Counter c = new Counter();
        new SimulatorSource("slump-demo", Double.POSITIVE_INFINITY).run(c);
        assertEquals(60_000, c.n); // 10 minutes at 100 Hz
        assertTrue(c.ordered);
        assertTrue(c.ended);
    }

    @Test
    void simulatorInRealTimeIsPacedAndStops() throws Exception {
        Counter c = new Counter();
        SimulatorSource s = new SimulatorSource("slump-demo", 1);
        Thread t = new Thread(() -> s.run(c));
        long startNanos = System.nanoTime();
        t.start();
        Poll.until(() -> c.n >= 50, Duration.ofSeconds(30), () -> "half a second streamed; " + c.n + " samples");
        s.stop();
        t.join(10_000);
        double elapsedS = (System.nanoTime() - startNanos) / 1e9;
        assertTrue(!t.isAlive() && c.ended, "stopped");
        // Paced at 1x: never ahead of the clock by more than one 50 ms block (5 samples at 100 Hz), however slowly
        // this machine ran, and so nowhere near the whole 10 minutes.
        assertTrue(c.n <= elapsedS * 100 + 5, c.n + " samples in " + elapsedS + " s at 1x and 100 Hz");
        assertFalse(s.savesHistory(), "the simulator is never saved in the history");
    }

    @Test
    void liveSourceReportsBatteryAndIsAlwaysSaved() {
        LiveSource s = new LiveSource("/dev/ttyTEST", () -> null, LiveSource.defaultLinkSettings());
        assertTrue(Double.isNaN(s.batteryFraction()));
        s.message(new DeviceMessage.Battery(3900, 76, false));
        assertEquals(0.76, s.batteryFraction(), 1e-9);
        s.message(new DeviceMessage.Battery(3800, -1, false)); // percent unknown: keep the last known
        assertEquals(0.76, s.batteryFraction(), 1e-9);
        assertTrue(s.savesHistory());
        assertEquals("/dev/ttyTEST", s.spec(io.midback.posture.PostureSettings.defaults(),
                Clock.systemDefaultZone()).device());
        assertEquals(LinkState.CONNECTING.label(), s.linkNote());
        assertTrue(!s.vibrate(), "no vibration without a link");
    }

    @Test
    void aMissingSerialPortFailsTheSessionWithItsName() throws Exception {
        SampleSource s = new TransportCatalog(java.time.Duration.ofSeconds(1))
                .open(new DeviceCatalog.Device("serial", "/dev/midback-no-such-port", "/dev/midback-no-such-port"));
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Session session = new Session(s, new EngineBackend(Clock.systemDefaultZone()), f -> { }, a -> { },
                finished::countDown).start();
        assertTrue(finished.await(10, java.util.concurrent.TimeUnit.SECONDS), "the session did not finish");
        assertEquals(Session.State.FAILED, session.state());
        assertTrue(session.failure().contains("/dev/midback-no-such-port"), session.failure());
    }

    @Test
    void replaysAreSavedInTheHistoryOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.db");
        List<String> notices = new ArrayList<>();
        HistoryAccess history = new HistoryAccess(db, notices::add);
        EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
        AtomicLong writes = new AtomicLong();
        engine.onHistoryWritten(writes::incrementAndGet);
        Path sample = Path.of("samples", "slump-demo.csv.gz");
        PostureListener frames = (PostureFrame f) -> { };
        AlertListener alerts = a -> { };
        for (boolean save : new boolean[] {false, true}) {
            PacedReplay replay = new PacedReplay(sample, Double.POSITIVE_INFINITY).savingToHistory(save);
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
            Session s = new Session(replay, engine, frames, alerts, finished::countDown).start();
            assertTrue(finished.await(120, java.util.concurrent.TimeUnit.SECONDS), "the replay did not end; "
                    + s.state());
            assertEquals(Session.State.ENDED, s.state(), s.failure());
        }
        history.close();
        assertTrue(notices.isEmpty(), notices.toString());
        assertTrue(writes.get() >= 10, "a minute written at least every minute of the 10: " + writes.get());
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            assertEquals(1, store.sessions().size(), store.sessions().toString());
            assertEquals("replay slump-demo.csv.gz", store.sessions().get(0).source());
            // Saved at the recording's own start ("# start:" in the file), not at the time of the replay.
            assertEquals(io.midback.recording.CsvSampleReader.readMetadata(sample).start().orElseThrow()
                    .atZone(java.time.ZoneId.systemDefault()).toInstant(), store.sessions().get(0).start());
        }
    }

    @Test
    void anUnusableHistoryIsANoticeNotAFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        List<String> notices = new ArrayList<>();
        HistoryAccess history = new HistoryAccess(file.resolve("history.db"), notices::add);
        assertNull(history.store());
        assertNull(history.store());
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("not-a-folder"), notices.get(0));
    }
}
