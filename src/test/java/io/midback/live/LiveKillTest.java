package io.midback.live;

import com.google.gson.JsonObject;
import io.midback.cli.Main;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/** (d) {@code midback live --record} killed with SIGKILL leaves a recording that replays, missing ≤ 1 s. */
class LiveKillTest {

    @Test
    void sigkilledLiveSessionLeavesAReplayableRecording(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             SerialSensor sensor = new SerialSensor(scenario("live-short"), config(200), pty.a().toString())) {
            Path rec = dir.resolve("live.csv");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "live", "--port", pty.b().toString(), "--format", "midback",
                    "--record", rec.toString(), "--no-history").start();
            try {
                CompletableFuture<Void> connected = new CompletableFuture<>();
                StringBuilder err = new StringBuilder();
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                            StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            synchronized (err) {
                                err.append(line).append('\n');
                            }
                            if (line.endsWith(": connected")) {
                                connected.complete(null);
                            }
                        }
                    } catch (java.io.IOException ignored) {
                        // the child is gone
                    }
                    connected.complete(null);
                });
                reader.setDaemon(true);
                reader.start();
                connected.get(30, TimeUnit.SECONDS);
                Thread.sleep(5_000);
                long sent = sensor.sensor.samplesSent();
                child.destroyForcibly(); // SIGKILL on Unix
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                assertEquals(137, child.exitValue(), "killed by SIGKILL; stderr: " + err);
                assertTrue(sent > 800, "the sensor streamed at 200 Hz for about 5 s: " + sent);

                long[] samples = {0};
                CsvSampleReader.of(rec).read(new SampleSink() {
                    @Override
                    public void accept(SampleBatch b) {
                        samples[0] += b.size();
                    }
                });
                assertTrue(samples[0] >= sent - 200, "recorded " + samples[0] + " of " + sent
                        + " samples sent before the kill: more than the last second (200) is missing");
                Run replay = run("replay", rec.toString(), "--json");
                assertEquals(0, replay.code(), replay.err());
                JsonObject j = replay.json();
                assertEquals(samples[0], j.get("samples").getAsLong());
                assertEquals(0, j.get("badLinesSkipped").getAsLong());
            } finally {
                child.destroyForcibly();
            }
        }
    }
}
