package io.midback.live;

import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A live session killed with SIGKILL leaves a recording that replays, missing at most the last second. */
class RecordingKillTest {

    @Test
    void sigkillLosesAtMostTheLastSecond(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Path csv = dir.resolve("rec.csv");
            Path raw = dir.resolve("rec.bin");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RecordingChild.class.getName(), pty.a().toString(), csv.toString(), raw.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("recording", out.readLine());
                // The device: 200 samples per second (one byte each) for 3 s, then the kill, mid-stream.
                int sent = 0;
                long start = System.nanoTime();
                try (OutputStream device = Files.newOutputStream(pty.b())) {
                    while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(3000)) {
                        device.write(new byte[] {(byte) sent, (byte) (sent + 1)});
                        device.flush();
                        sent += 2;
                        Thread.sleep(10);
                    }
                    child.destroyForcibly(); // SIGKILL on Unix
                    assertTrue(child.waitFor(5, TimeUnit.SECONDS));
                }
                assertEquals(137, child.exitValue(), "killed by SIGKILL");
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
                assertTrue(samples[0] >= sent - 200, "recorded " + samples[0] + " of " + sent
                        + " samples: more than the last second (200) lost");
                assertTrue(Files.size(raw) >= sent - 200, "raw bytes " + Files.size(raw) + " of " + sent);
            } finally {
                child.destroyForcibly();
            }
        }
    }
}
