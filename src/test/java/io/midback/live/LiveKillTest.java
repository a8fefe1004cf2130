package io.midback.live;

import com.google.gson.JsonObject;
import io.midback.cli.Main;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.ChildProcess;
import io.midback.testing.Poll;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * (d) {@code midback live --record} killed with SIGKILL leaves a recording that replays, missing at most the last
 * quarter second (the README's figure) of what the sensor had sent.
 */
class LiveKillTest {
    /** The README's bound on what a SIGKILL may cost a recording. */
    static final double MAX_LOSS_S = 0.25;
    static final int RATE_HZ = 200;

    @Test
    void sigkilledLiveSessionLeavesAReplayableRecording(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             SerialSensor sensor = new SerialSensor(scenario("live-short"), config(RATE_HZ), pty.a().toString()).listening()) {
            Path rec = dir.resolve("live.csv");
            try (ChildProcess child = ChildProcess.start("midback live", ChildProcess.java(List.of(), Main.class,
                    "live", "--port", pty.b().toString(), "--format", "midback", "--record", rec.toString(),
                    "--no-history"))) {
                child.awaitLine(line -> line.endsWith(": connected"), Duration.ofSeconds(30));
                // Kill mid-stream, once the sensor has streamed about 5 s.
                Poll.until(() -> sensor.sensor.samplesSent() >= 5 * RATE_HZ, Duration.ofSeconds(60),
                        () -> "the sensor streamed 5 s; sent " + sensor.sensor.samplesSent());
                long sent = sensor.sensor.samplesSent();
                child.kill(); // SIGKILL on Unix
                assertEquals(137, child.process().exitValue(), "killed by SIGKILL; " + child.transcript());

                long[] samples = {0};
                CsvSampleReader.of(rec).read(new SampleSink() {
                    @Override
                    public void accept(SampleBatch b) {
                        samples[0] += b.size();
                    }
                });
                double lostS = (sent - samples[0]) / (double) RATE_HZ;
                System.out.printf(Locale.ROOT, "LiveKillTest: sent %d, recorded %d, lost %.3f s%n", sent, samples[0],
                        lostS);
                assertTrue(lostS <= MAX_LOSS_S, String.format(Locale.ROOT, "recorded %d of %d samples sent before"
                        + " the kill: %.3f s lost > %.2f s", samples[0], sent, lostS, MAX_LOSS_S));
                assertEquals(RATE_HZ, CsvSampleReader.readMetadata(rec).rateHz().orElse(Double.NaN),
                        "the header states the stream's true rate (live was given none), even when killed");
                Run replay = run("replay", rec.toString(), "--json");
                assertEquals(0, replay.code(), replay.err());
                JsonObject j = replay.json();
                assertEquals(samples[0], j.get("samples").getAsLong());
                assertEquals(0, j.get("badLinesSkipped").getAsLong());
            }
        }
    }
}
