package io.midback.live;

import com.google.gson.JsonObject;
import io.midback.history.HistoryStore;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.SimulationFiles;
import io.midback.sim.Simulator;
import io.midback.sim.Scenario;
import io.midback.testing.Poll;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code midback live} as its user reads it (issue 16), over real pseudo-terminals from socat with a virtual
 * Midback sensor: link states said once per change, the sensor's INFO once, lines in time order, readable decoder
 * counters, calibrations that say what they set, a recording whose header names the sensor and its true rate, and
 * a run that never receives a sample leaves nothing and exits 1 with one line.
 */
class LiveConsoleTest {
    /** Still, then a slow forward lean (for --forward-at 3), then still again. */
    static final String LEAN_THEN_STILL = """
            name lean-then-still
            0:00   3s   still
            0:03   4s   pose    flex=25 ramp=1.5 recover=1.5 state=upright
            0:07   40s  still
            """;

    static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void aPortThatSendsNothingIsToldOnceAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Path rec = dir.resolve("never.csv");
            Path raw = dir.resolve("never.bin");
            Path db = dir.resolve("history.db");
            Run r = run("live", "--port", pty.b().toString(), "--format", "midback", "--duration", "6",
                    "--watchdog", "1", "--record", rec.toString(), "--raw", raw.toString(), "--db", db.toString());
            System.out.print("silent port:\n" + r.err());
            List<String> err = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, r.code(), "a run that never received a sample is not exit 0: " + r.err());
            assertEquals(1, count(r.err(), ": connected"), "said once, not at each reopening: " + r.err());
            assertEquals(1, count(r.err(), ": disconnected"), r.err());
            assertEquals(1, count(r.err(), ": reconnecting"), r.err());
            assertTrue(err.get(err.size() - 1).startsWith("midback live: no samples from " + pty.b()
                    + " (duration of 6 s reached; no data received)"), r.err());
            assertEquals(1, err.stream().filter(l -> l.startsWith("midback live: ")).count(), "one line: " + r.err());
            assertTrue(r.out().isBlank(), "no summary of nothing: " + r.out());
            assertFalse(Files.exists(rec), "no header-only recording");
            assertFalse(Files.exists(raw), "no empty raw file");
            try (HistoryStore store = HistoryStore.openForReading(db)) {
                assertEquals(List.of(), store.sessions(), "no zero-length session in the history");
            }
        }
    }

    @Test
    void aMissingPortIsNamedAsGiven(@TempDir Path dir) {
        String port = dir.resolve("x").resolve("b").toString();
        Run r = run("live", "--port", port, "--no-history");
        System.out.print("missing port:\n" + r.err());
        assertEquals(1, r.code());
        List<String> said = r.err().lines().filter(l -> l.startsWith("midback live: ")).toList();
        assertEquals(List.of("midback live: serial port " + port + " does not exist (no such file); `midback scan`"
                + " lists the ports"), said, r.err());
        assertFalse(r.err().contains("/dev/"), r.err());
    }

    /**
     * A 200 Hz sensor (live asks for no rate) restarts: it is away 3 s while live keeps reopening the port and
     * asking for its INFO; when it is back it answers every request it finds waiting.
     */
    @Test
    void aRestartedSensorIsToldOnceAndTheRecordingSaysWhatItIs(@TempDir Path dir) throws Exception {
        Scenario sc = Scenario.parse("lean-then-still.scenario", LEAN_THEN_STILL, "lean-then-still");
        Path rec = dir.resolve("live.csv");
        try (SocatPair pty = SocatPair.require(dir)) {
            Running live;
            try (SerialSensor first = new SerialSensor(sc, config(200), pty.a().toString()).listening()) {
                live = start("live", "--port", pty.b().toString(), "--duration", "20", "--watchdog", "1",
                        "--record", rec.toString(), "--forward-at", "3", "--no-history");
                Poll.until(() -> first.sensor.samplesSent() >= 200 * 10, Duration.ofSeconds(40),
                        () -> "10 s streamed: " + live.err());
            }
            Poll.until(() -> live.err().contains(": reconnecting"), Duration.ofSeconds(20), live::err);
            Thread.sleep(3000); // the sensor stays away while live reopens the port and asks for its INFO again
            try (SerialSensor second = new SerialSensor(sc, config(200), pty.a().toString())) {
                Run r = live.result().get(60, TimeUnit.SECONDS);
                System.out.print("restart:\n" + r.err() + r.out());
                assertEquals(0, r.code(), r.err());
                String err = r.err();
                assertEquals(1, count(err, "midback live: device: virtual lean-then-still"), "INFO once: " + err);
                assertEquals(1, count(err, ": connected"), err);
                assertEquals(1, count(err, ": disconnected"), err);
                assertEquals(1, count(err, ": reconnecting"), err);
                assertEquals(1, count(err, ": receiving data again"), err);
                assertInTimeOrder(err);
                assertEquals(1, count(err, "calibrated: upright posture from the first still stretch"), err);
                assertEquals(1, count(err, "calibrated: sensor mounting from the forward lean"), err);
                assertFalse(err.contains("(first-still)"), err);
                assertTrue(Pattern.compile("\\d+ frames decoded, 0 corrupt; \\d+ samples, 0 lost; 0 bytes skipped; "
                        + "0 unknown messages").matcher(err).find(), "counters in words: " + err);
                assertFalse(err.contains("framesOk"), err);
            }
        }
        List<String> header = Files.readAllLines(rec).stream().takeWhile(l -> l.startsWith("#")).toList();
        System.out.println("recording header: " + header);
        assertTrue(header.contains("# device: virtual lean-then-still"), header.toString());
        assertTrue(header.contains("# port: " + dir.resolve("b")), header.toString());
        assertTrue(header.contains("# rate_hz: 200"), "the stream's true rate: " + header);
        List<String> gaps = Files.readAllLines(rec).stream().filter(l -> l.startsWith("# gap:")).toList();
        assertEquals(1, gaps.size(), "one hole, one gap line: " + gaps);
        Run replay = run("replay", rec.toString(), "--json", "--forward-at", "3");
        assertEquals(0, replay.code(), replay.err());
    }

    /** Still and breathing, a slump, still again: for an accelerometer-only sensor. */
    static final String ACCEL_ONLY = """
            name accel-only
            breathing rate=30 depth=1.0 wander=0 sighs=0 pauses=0
            0:00   20s  still
            0:20   8s   slump   depth=30 ramp=2 recover=2
            0:28   10s  still
            """;

    /**
     * A sensor that sends no gyroscope (issue 15): text lines of three raw accelerometer numbers at 100 Hz. The
     * session runs with flexion and side bend from gravity, says rotation is unavailable, finds the slump (and
     * alerts), gives a breathing rate, and records {@code t_s,ax,ay,az}.
     */
    @Test
    void anAccelerometerOnlySensorRunsWithAnglesFromGravity(@TempDir Path dir) throws Exception {
        Scenario sc = Scenario.parse("accel-only.scenario", ACCEL_ONLY, "accel-only");
        Path sim = dir.resolve("sim.csv");
        SimulationFiles.write(new Simulator(sc, config(100)), sim, 10, null);
        List<double[]> samples = new ArrayList<>();
        CsvSampleReader.of(sim).read(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    samples.add(new double[] {b.tS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i]});
                }
            }
        });
        Path rec = dir.resolve("accel.csv");
        try (SocatPair pty = SocatPair.require(dir)) {
            Running live = start("live", "--port", pty.b().toString(), "--format", "text", "--rate", "100",
                    "--duration", "31", "--slump-dwell", "3", "--record", rec.toString(), "--no-history", "--json");
            Poll.until(() -> live.err().contains(": connected"), Duration.ofSeconds(30), live::err);
            Thread writer = new Thread(() -> sendAccelerometerLines(pty.a(), samples), "accelerometer-only sensor");
            writer.setDaemon(true);
            writer.start();
            Run r = live.result().get(90, TimeUnit.SECONDS);
            writer.interrupt();
            System.out.print("accelerometer only:\n" + r.err() + r.out());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("midback live: the sensor sends no gyroscope: flexion and side bend from "
                    + "gravity"), r.err());
            JsonObject j = r.json();
            assertEquals("rotation", j.getAsJsonArray("unavailable").get(0).getAsString(), r.out());
            assertEquals(1, j.getAsJsonArray("slumpEpisodes").size(), r.out());
            double startS = j.getAsJsonArray("slumpEpisodes").get(0).getAsJsonObject().get("startS").getAsDouble();
            assertEquals(21, startS, 3, "the slump, from gravity: " + r.out());
            assertFalse(j.getAsJsonArray("alerts").isEmpty(), r.out());
            // Breathing measured from the accelerometer alone, for a few seconds: fewer than the 15 s a session's
            // rate needs (its value from an accelerometer is checked on a longer recording:
            // AccelerometerOnlyReplayTest).
            JsonObject breathing = j.getAsJsonObject("breathing");
            assertTrue(breathing.get("validS").getAsDouble() >= 5, "breathing from the accelerometer: " + r.out());
            assertTrue(breathing.get("ratePerMin").isJsonNull(), "a rate from under 15 s: " + r.out());
        }
        List<String> lines = Files.readAllLines(rec);
        assertTrue(lines.contains("t_s,ax,ay,az"), "no gyroscope columns: " + lines.subList(0, 6));
        assertTrue(lines.contains("# rate_hz: 100"), lines.subList(0, 6).toString());
        assertTrue(lines.contains("# device: text sensor"), lines.subList(0, 6).toString());
        Run replay = run("replay", rec.toString(), "--json", "--quiet", "--slump-dwell", "3");
        assertEquals(0, replay.code(), replay.err());
        assertEquals(1, replay.json().getAsJsonArray("slumpEpisodes").size(), replay.out());
    }

    /** Writes the samples as raw MPU-6050 accelerometer counts (±2 g), paced in real time, 5 lines per write. */
    static void sendAccelerometerLines(Path port, List<double[]> samples) {
        double countsPerMps2 = 32768 / (2 * 9.80665);
        try (OutputStream out = Files.newOutputStream(port)) {
            long t0 = System.nanoTime();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < samples.size(); i++) {
                double[] s = samples.get(i);
                chunk.append(String.format(Locale.ROOT, "%d %d %d%n", Math.round(s[1] * countsPerMps2),
                        Math.round(s[2] * countsPerMps2), Math.round(s[3] * countsPerMps2)));
                if (i % 5 == 4) {
                    long due = t0 + Math.round(s[0] * 1e9);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    chunk.setLength(0);
                }
            }
        } catch (IOException e) {
            // the pty went away at the end of the test
        }
    }

    /** Lines stamped with session time ({@code [0:00:12] ...}) come in time order. */
    static void assertInTimeOrder(String err) {
        Matcher m = Pattern.compile("^\\[(\\d+):(\\d\\d):(\\d\\d)]", Pattern.MULTILINE).matcher(err);
        List<Long> times = new ArrayList<>();
        while (m.find()) {
            times.add(Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                    + Long.parseLong(m.group(3)));
        }
        assertTrue(times.size() >= 3, err);
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) >= times.get(i - 1), "line " + i + " at " + times.get(i) + " s after one at "
                    + times.get(i - 1) + " s:\n" + err);
        }
    }
}
