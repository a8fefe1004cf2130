package io.midback.live;

import com.google.gson.JsonObject;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@code midback live}: usage errors, and a short session in which the virtual sensor obeys the rate. */
class LiveCommandTest {

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        Run both = run("live", "--port", "/dev/null", "--bt", "x");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Run none = run("live");
        assertEquals(2, none.code());
        Run format = run("live", "--port", "/dev/x", "--format", "nmea");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format 'nmea'"), format.err());
        Run rate = run("live", "--port", "/dev/x", "--rate", "0");
        assertEquals(2, rate.code());
    }

    @Test
    void aMissingPortIsAOneLineErrorNamingIt(@TempDir Path dir) {
        Run r = run("live", "--port", dir.resolve("nope").toString(), "--no-history");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(dir.resolve("nope").toString()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void theVirtualSensorStreamsAtTheRateLiveAsksFor(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             SerialSensor sensor = new SerialSensor(scenario("early-slump"), config(100), pty.a().toString()).listening()) {
            Run r = run("live", "--port", pty.b().toString(), "--rate", "50", "--duration", "4", "--no-history",
                    "--json", "--quiet");
            assertEquals(0, r.code(), r.err());
            JsonObject j = r.json();
            assertEquals("midback", j.get("format").getAsString(), "recognised by auto");
            long samples = j.get("samples").getAsLong();
            assertTrue(samples >= 150 && samples <= 210, "about 4 s at 50 Hz: " + samples);
            assertEquals(0.02, j.get("durationS").getAsDouble() / (samples - 1), 0.002, "50 Hz sample times");
            assertTrue(r.err().contains("device: virtual early-slump"), r.err());
            assertTrue(r.err().contains("device battery: 100 %, 4150 mV"), "reported with the first samples: " + r.err());
        }
    }
}
