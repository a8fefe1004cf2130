package io.midback.live;

import com.google.gson.JsonObject;
import io.midback.recording.CaptureReplay;
import io.midback.protocol.WireFormat;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.SimulationFiles;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.testing.Poll;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 4's acceptance over real pseudo-terminal pairs (socat): a virtual sensor streams a scenario in real
 * time, {@code midback live} (in-process) runs the whole pipeline on it. The two real-time sessions run side by
 * side (about 80 s in all).
 */
class LiveAcceptanceTest {
    /** Posture options shared by live and replay. */
    static final String[] POSTURE = {"--forward-at", "8", "--slump-dwell", "10"};
    /** The README's goal for frame arrival → alert decision, 99th percentile. */
    static final double P99_GOAL_MS = 5;

    @Test
    void liveMatchesReplayAndSurvivesARestartOfTheFarEnd(@TempDir Path dir) throws Exception {
        try (SocatPair one = SocatPair.require(Files.createDirectories(dir.resolve("one")));
             SocatPair two = SocatPair.require(Files.createDirectories(dir.resolve("two")))) {
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                try {
                    farEndRestart(two, dir.resolve("two"));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            JsonObject latency = sameEpisodesAsReplay(one, dir.resolve("one"));
            restart.get(120, TimeUnit.SECONDS);
            latencyMeetsTheGoal(latency, one);
        }
    }

    /**
     * (a) live reports the slump episodes a replay of its recording, and of the simulator's output, reports; returns
     * the session's latency figures (judged by {@link #latencyMeetsTheGoal} once the restart has ended too).
     */
    private JsonObject sameEpisodesAsReplay(SocatPair pty, Path dir) throws Exception {
        Scenario sc = scenario("live-short");
        SimulatorConfig cfg = config(200); // the README's latency goal is at 200 Hz
        Path rec = dir.resolve("live.csv");
        Run live;
        try (SerialSensor sensor = new SerialSensor(sc, cfg, pty.a().toString()).listening()) {
            // The stream is 75 s; the session ends 3 s after it starts streaming at the latest, leaving time to
            // open the port and start the stream on a loaded machine.
            live = run(concat(new String[] {"live", "--port", pty.b().toString(), "--format", "midback",
                    "--rate", "200", "--duration", "78", "--record", rec.toString(), "--no-history", "--json"},
                    POSTURE));
            assertEquals(0, live.code(), live.err());
            assertTrue(sensor.sensor.vibrations() >= 1, "the sensor vibrated on the slump: " + live.err());
        }
        JsonObject j = live.json();
        assertEquals(15000, j.get("samples").getAsLong(), 20, live.err());
        assertEquals(0, j.get("framesCorrupt").getAsLong());
        assertEquals(0, j.get("samplesLost").getAsLong());
        assertTrue(j.get("vibrations").getAsLong() >= 1, live.out());
        JsonObject latency = j.getAsJsonObject("latencyMs");
        printLatency("", latency);
        assertTrue(live.err().contains("posture: slouched"), live.err());
        assertTrue(live.err().contains("slump:"), "the alert line: " + live.err());

        String recorded = Files.readString(rec);
        assertTrue(recorded.contains("\n# calibration: {"), "the calibration is stored in the recording");
        Run replayRec = run(concat(new String[] {"replay", rec.toString(), "--json"}, POSTURE));
        assertEquals(0, replayRec.code(), replayRec.err());
        Path simOut = dir.resolve("sim.csv");
        SimulationFiles.write(new Simulator(sc, cfg), simOut, 10, null);
        Run replaySim = run(concat(new String[] {"replay", simOut.toString(), "--json"}, POSTURE));
        assertEquals(0, replaySim.code(), replaySim.err());

        List<double[]> liveEpisodes = live.episodes();
        assertEquals(2, liveEpisodes.size(), "the scenario's two slumps: " + str(liveEpisodes));
        assertSameEpisodes(replayRec.episodes(), liveEpisodes, 1.0, "live vs replay of its recording");
        assertSameEpisodes(replaySim.episodes(), liveEpisodes, 1.0, "live vs replay of the simulator's output");
        return latency;
    }

    /**
     * The latency goal: p99 of chunk arrival → alert decision below {@link #P99_GOAL_MS} at 200 Hz, over at least
     * 500 chunks (reads coalesce frames on a loaded machine: fewer chunks than the 1500 frames is no fault).
     *
     * <p>The session measures wall time on its reading thread. On a machine loaded far beyond its cores, other
     * processes can take the CPU from that thread in the middle of a chunk: that is starvation, not the pipeline's
     * latency. So a window that misses the goal is measured once more, in a 30 s session of its own (600 frames)
     * with nothing else running in this test, and the goal must hold there. A pipeline that is really slower
     * misses both.
     */
    private void latencyMeetsTheGoal(JsonObject first, SocatPair pty) throws Exception {
        if (meetsGoal(first)) {
            return;
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        JsonObject again;
        try (SerialSensor sensor = new SerialSensor(scenario("live-short"), config(200), pty.a().toString()).listening()) {
            Run r = run("live", "--port", pty.b().toString(), "--format", "midback", "--rate", "200",
                    "--duration", "30", "--no-history", "--json");
            assertEquals(0, r.code(), r.err());
            again = r.json().getAsJsonObject("latencyMs");
        }
        printLatency(" (measured again: the first window missed the goal at load " + load + ")", again);
        assertTrue(meetsGoal(again), "frame arrival → alert decision p99 ≥ the goal " + P99_GOAL_MS
                + " ms twice (load " + load + "): " + first + ", then " + again);
    }

    private static boolean meetsGoal(JsonObject latency) {
        return latency.get("chunks").getAsLong() >= 500 && latency.get("p99").getAsDouble() < P99_GOAL_MS;
    }

    private static void printLatency(String note, JsonObject latency) {
        System.out.printf(java.util.Locale.ROOT, "LiveAcceptanceTest latency at 200 Hz: p50 %.3f ms, p99 %.3f ms,"
                + " max %.3f ms over %d chunks%s%n", latency.get("p50").getAsDouble(), latency.get("p99").getAsDouble(),
                latency.get("max").getAsDouble(), latency.get("chunks").getAsLong(), note);
    }

    /**
     * (b) socat killed mid-stream and started again: live reconnects, the session goes on, and what arrived
     * before the drop is all in the recording.
     */
    private void farEndRestart(SocatPair pty, Path dir) throws Exception {
        Scenario sc = scenario("live-short");
        Path rec = dir.resolve("live.csv");
        Path raw = dir.resolve("live.bin");
        try (SerialSensor sensor = new SerialSensor(sc, config(100), pty.a().toString()).listening()) {
            // A 5 s watchdog: the restart is noticed by the port vanishing, and the far end's own reconnection
            // (up to 0.5 s between its attempts, longer on a loaded machine) must not count as a second drop.
            Running live = start(concat(new String[] {"live", "--port", pty.b().toString(), "--format", "midback",
                    "--duration", "24", "--watchdog", "5", "--record", rec.toString(), "--raw", raw.toString(),
                    "--no-history", "--json"}, POSTURE));
            // Kill socat mid-stream, after 9 s of samples; start it again once live has noticed the drop.
            Poll.until(() -> sensor.sensor.samplesSent() >= 900 && live.err().contains(": connected"),
                    Duration.ofSeconds(60), () -> "9 s streamed; " + live.err());
            long sentAtKill = sensor.sensor.samplesSent();
            pty.kill();
            Poll.until(() -> live.err().contains("reconnecting"), Duration.ofSeconds(30),
                    () -> "live noticed the drop: " + live.err());
            pty.start();
            Run r = live.result().get(90, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            JsonObject j = r.json();
            assertEquals(1, j.get("reconnects").getAsInt(), r.err());
            assertTrue(j.get("gaps").getAsInt() >= 1, r.out());
            assertTrue(r.err().contains("reconnecting"), r.err());
            long samples = j.get("samples").getAsLong();
            // What arrived before the kill is at most what had been sent by then: the rest came after the restart.
            assertTrue(samples >= sentAtKill + 100, "the session went on after the restart (a second or more): "
                    + samples + " samples, " + sentAtKill + " sent before the kill");
            // Nothing received is lost: the recording holds every sample decoded, and the raw bytes decode to them.
            long[] recorded = {0};
            CsvSampleReader.of(rec).read(new SampleSink() {
                @Override
                public void accept(SampleBatch b) {
                    recorded[0] += b.size();
                }
            });
            assertEquals(samples, recorded[0]);
            assertTrue(Files.readString(rec).contains("# gap: "), "the drop is a gap in the recording");
            var decoded = new CaptureReplay(WireFormat.MIDBACK, Double.NaN).replay(raw, new SampleSink() {
                @Override
                public void accept(SampleBatch b) {
                }
            });
            assertEquals(samples, decoded.stats().samples(), "raw bytes and samples agree");
            // What the sensor wrote but never arrived is only what socat held when it was killed.
            long sent = sensor.sensor.samplesSent();
            assertTrue(sent - samples >= 0 && sent - samples <= 100, "sent " + sent + ", received " + samples);
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
