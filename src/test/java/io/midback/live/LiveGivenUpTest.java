package io.midback.live;

import io.midback.testing.Poll;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.midback.live.LiveTesting.Run;
import static io.midback.live.LiveTesting.Running;
import static io.midback.live.LiveTesting.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live session that ends because its link was given up did not do what was asked: its summary is printed, and
 * it exits 1 with one line saying so (issue 16: it used to exit 0). Real pseudo-terminals from socat.
 */
class LiveGivenUpTest {
    @Test
    void aSessionWhoseLinkIsGivenUpExitsOneAfterItsSummary(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             LiveTesting.SerialSensor sensor = new LiveTesting.SerialSensor(LiveTesting.scenario("early-slump"),
                     LiveTesting.config(50), pty.a().toString()).listening()) {
            Running live = start("live", "--port", pty.b().toString(), "--format", "midback", "--duration", "60",
                    "--watchdog", "1", "--give-up-after", "1", "--no-history", "--json");
            Poll.until(() -> live.err().contains(": receiving data") && sensor.sensor.samplesSent() >= 50,
                    Duration.ofSeconds(30), () -> "streaming: " + live.err());
            pty.kill();
            Run r = live.result().get(60, TimeUnit.SECONDS);
            List<String> err = r.err().lines().filter(l -> !l.isBlank()).toList();
            System.out.println("given up: exit " + r.code() + ", last line: " + err.get(err.size() - 1));
            assertEquals(1, r.code(), r.err());
            assertTrue(err.get(err.size() - 1).startsWith("midback live: the session ended early, link given up: "),
                    r.err());
            assertEquals("link given up", r.json().get("ended").getAsString().substring(0, 13), r.out());
            assertTrue(!r.err().contains("\tat "), r.err());
        }
    }
}
