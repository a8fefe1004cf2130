package io.midback.live;

import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.ChildProcess;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A live session killed with SIGKILL leaves a recording that replays, missing at most the last quarter second. */
class RecordingKillTest {
    private static final double RATE_HZ = 200;

    @Test
    void sigkillLosesAtMostTheLastQuarterSecond(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Path csv = dir.resolve("rec.csv");
            Path raw = dir.resolve("rec.bin");
            try (ChildProcess child = ChildProcess.start("recording child", ChildProcess.java(List.of(),
                    RecordingChild.class, pty.a().toString(), csv.toString(), raw.toString()))) {
                child.awaitLine("recording"::equals, Duration.ofSeconds(30));
                // The device: 200 samples per second (one byte each) for 3 s, then the kill, mid-stream. The sleep
                // paces the device; the kill comes at whatever count it reached.
                int sent = 0;
                long start = System.nanoTime();
                try (OutputStream device = Files.newOutputStream(pty.b())) {
                    while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(3000)) {
                        device.write(new byte[] {(byte) sent, (byte) (sent + 1)});
                        device.flush();
                        sent += 2;
                        Thread.sleep(10);
                    }
                    child.kill(); // SIGKILL on Unix
                }
                assertEquals(137, child.process().exitValue(), "killed by SIGKILL; " + child.transcript());
                long[] samples = {0};
                CsvSampleReader.of(csv).read(new SampleSink() {
                    @Override
                    public void accept(SampleBatch b) {
                        for (int i = 0; i < b.size(); i++) {
                            assertEquals((byte) samples[0], (byte) (int) b.gxRadPerS[i], "sample " + samples[0]);
                            samples[0]++;
                        }
                    }
                });
                double lostS = (sent - samples[0]) / RATE_HZ;
                double rawLostS = (sent - Files.size(raw)) / RATE_HZ;
                System.out.printf(Locale.ROOT, "RecordingKillTest: sent %d, recorded %d (raw %d), lost %.3f s"
                        + " (raw %.3f s)%n", sent, samples[0], Files.size(raw), lostS, rawLostS);
                assertTrue(lostS <= LiveKillTest.MAX_LOSS_S, String.format(Locale.ROOT,
                        "recorded %d of %d samples: %.3f s lost > %.2f s", samples[0], sent, lostS,
                        LiveKillTest.MAX_LOSS_S));
                assertTrue(rawLostS <= LiveKillTest.MAX_LOSS_S, String.format(Locale.ROOT,
                        "raw bytes %d of %d: %.3f s lost", Files.size(raw), sent, rawLostS));
            }
        }
    }
}
