package io.midback.live;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Site;
import io.midback.testing.Poll;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 17's live acceptance over two real pseudo-terminal pairs (socat): two virtual sensors, the upper (thoracic)
 * and the lower (sacral) half of one simulated wearer, each on its own pair; {@code midback live --port A
 * --lower-port B --record FILE} (in-process) runs the session; the lower sensor vanishes mid-session (its socat
 * killed) and comes back (socat started again on the same path), then the upper one does the same. About 27 s.
 */
class TwoSensorLiveTest {
    private static final Pattern GAP = Pattern.compile("# gap: ([0-9.]+)\\.\\.([0-9.]+) s");

    @Test
    void aTwoSensorSessionSurvivesTheLowerSensorVanishingAndComingBackAndRecordsBoth(@TempDir Path dir)
            throws Exception {
        Scenario sc = scenario("two-live");
        Path rec = dir.resolve("day.csv");
        Path lowerRec = dir.resolve("day.lower.csv");
        try (SocatPair up = SocatPair.require(Files.createDirectories(dir.resolve("up")));
             SocatPair low = SocatPair.require(Files.createDirectories(dir.resolve("low")));
             SerialSensor upper = new SerialSensor(sc, config(100), Site.THORAX, up.a().toString());
             SerialSensor lower = new SerialSensor(sc, config(100), Site.SACRUM, low.a().toString())) {
            // A 5 s watchdog: the outage is noticed by the port vanishing, and the far end's own reconnection must
            // not count as a second drop.
            Running live = start("live", "--port", up.b().toString(), "--lower-port", low.b().toString(),
                    "--format", "midback", "--duration", "24", "--watchdog", "5", "--record", rec.toString(),
                    "--no-history", "--json");
            // The lower sensor vanishes after 11 s of its samples (calibration and most of the slump behind it)...
            Poll.until(() -> lower.sensor.samplesSent() >= 1100, Duration.ofSeconds(40),
                    () -> "11 s of the lower sensor streamed; " + live.err());
            low.kill();
            long upperAtKill = upper.sensor.samplesSent();
            Poll.until(() -> live.err().contains("lower sensor: no samples from")
                            && upper.sensor.samplesSent() >= upperAtKill + 100, Duration.ofSeconds(20),
                    () -> "live said the lower sensor is gone, a second passed: " + live.err());
            // ... and comes back on the same path.
            low.start();
            Poll.until(() -> live.err().contains("lower sensor: back at"), Duration.ofSeconds(20),
                    () -> "live said the lower sensor is back: " + live.err());
            // Then the upper sensor vanishes after 15 s of its samples, and comes back.
            Poll.until(() -> upper.sensor.samplesSent() >= 1500, Duration.ofSeconds(20),
                    () -> "15 s of the upper sensor streamed; " + live.err());
            up.kill();
            long lowerAtKill = lower.sensor.samplesSent();
            Poll.until(() -> live.err().contains("upper sensor: gone")
                            && lower.sensor.samplesSent() >= lowerAtKill + 100, Duration.ofSeconds(20),
                    () -> "live said the upper sensor is gone, a second passed: " + live.err());
            up.start();
            Poll.until(() -> live.err().contains("upper sensor: back"), Duration.ofSeconds(20),
                    () -> "live said the upper sensor is back: " + live.err());
            Run r = live.result().get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            String err = r.err();
            System.out.println("TwoSensorLiveTest stderr:\n" + err);

            // One line each time: gone (the session goes on with the upper sensor), back; no stack trace.
            String gone = line(err, "lower sensor: no samples from");
            assertTrue(gone.contains("the session goes on with the upper sensor alone, spine angles paused"), gone);
            assertTrue(err.contains("lower sensor " + low.b() + ": disconnected"), err);
            assertEquals(1, err.lines().filter(l -> l.contains("lower sensor: no samples from")).count(), err);
            assertEquals(1, err.lines().filter(l -> l.contains("lower sensor: back at")).count(), err);
            assertTrue(line(err, "upper sensor: gone").contains("the session waits for it (posture and alerts "
                    + "paused) and goes on recording the lower sensor"), err);
            assertEquals(1, err.lines().filter(l -> l.contains("upper sensor: back")).count(), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);

            JsonObject j = r.json();
            assertEquals(2, j.get("sensors").getAsInt(), r.out());
            JsonArray notices = j.getAsJsonArray("lowerNotices");
            assertTrue(notices.size() >= 2 && notices.get(0).getAsString().contains("no samples from")
                    && notices.toString().contains("back at"), notices.toString());
            JsonObject link = j.getAsJsonObject("lowerLink");
            assertEquals(1, link.get("reconnects").getAsInt(), link.toString());
            assertEquals(0, link.get("samplesLeftOut").getAsLong(), link.toString());
            assertEquals(1, j.get("reconnects").getAsInt(), "the upper link dropped once");
            // Calibrated at upright live: the slump's spine flexion (the upper back 20° forward, the pelvis 12°
            // back).
            double liveFlexionMax = j.getAsJsonObject("spine").getAsJsonObject("flexionDeg").get("max")
                    .getAsDouble();
            double twoSensorsS = j.get("twoSensorsS").getAsDouble();
            System.out.printf(Locale.ROOT, "TwoSensorLiveTest live: spine angles for %.1f s, spine flexion max "
                    + "%.1f°, %d samples%n", twoSensorsS, liveFlexionMax, j.get("samples").getAsLong());
            assertTrue(liveFlexionMax > 24 && liveFlexionMax < 40, "spine flexion in the slump: " + liveFlexionMax);
            assertTrue(twoSensorsS > 8, "spine angles before and after the outage: " + twoSensorsS);
        }

        // Both recorded, each naming the other; both with samples before and after the outage.
        assertTrue(Files.exists(lowerRec), "the lower sensor's recording beside the upper one's");
        RecordingMetadata upperMeta = CsvSampleReader.readMetadata(rec);
        RecordingMetadata lowerMeta = CsvSampleReader.readMetadata(lowerRec);
        assertEquals("day.lower.csv", upperMeta.get(RecordingMetadata.LOWER).orElse(null));
        assertEquals("day.csv", lowerMeta.get(RecordingMetadata.UPPER).orElse(null));
        assertEquals(Site.THORAX.name(), upperMeta.get(RecordingMetadata.SITE).orElse(null));
        assertEquals(Site.SACRUM.name(), lowerMeta.get(RecordingMetadata.SITE).orElse(null));
        double[] lowerOut = gap(lowerRec), upperOut = gap(rec);
        double outFromS = lowerOut[0], outToS = lowerOut[1];
        List<Double> upperT = times(rec), lowerT = times(lowerRec);
        System.out.printf(Locale.ROOT, "TwoSensorLiveTest recordings: lower out %.2f..%.2f s, upper out %.2f..%.2f "
                        + "s; upper %d samples (%.2f..%.2f s), lower %d (%.2f..%.2f s)%n", outFromS, outToS,
                upperOut[0], upperOut[1], upperT.size(), upperT.get(0), upperT.get(upperT.size() - 1), lowerT.size(),
                lowerT.get(0), lowerT.get(lowerT.size() - 1));
        assertTrue(outToS - outFromS > 0.5, "an outage of more than a moment: " + outFromS + ".." + outToS);
        for (List<Double> t : List.of(upperT, lowerT)) {
            assertTrue(t.stream().filter(x -> x < outFromS).count() > 500, "5 s and more before the outage");
            assertTrue(t.stream().filter(x -> x > outToS).count() > 200, "2 s and more after it");
        }
        assertTrue(count(upperT, outFromS, outToS) >= 20, "the upper sensor went on through the lower's outage");
        assertTrue(count(lowerT, upperOut[0], upperOut[1]) >= 20,
                "the lower sensor was recorded through the upper's outage");
        assertTrue(count(upperT, upperOut[1], Double.POSITIVE_INFINITY) > 200, "the upper sensor after its outage");

        // Replayed together, the two recordings give spine angles, the outage said in them too.
        Run replay = run("replay", rec.toString(), "--lower", lowerRec.toString(), "--json", "--quiet");
        assertEquals(0, replay.code(), replay.err());
        JsonObject rj = replay.json();
        assertEquals(2, rj.get("sensors").getAsInt());
        double replayFlexionMax = rj.getAsJsonObject("spine").getAsJsonObject("flexionDeg").get("max")
                .getAsDouble();
        JsonObject clock = rj.getAsJsonObject("lowerClock");
        System.out.printf(Locale.ROOT, "TwoSensorLiveTest replay --lower: spine angles for %.1f s, spine flexion "
                        + "max %.1f°, lower clock %+.3f s from %d windows%n", rj.get("twoSensorsS").getAsDouble(),
                replayFlexionMax, clock.get("offsetS").getAsDouble(), clock.get("windows").getAsInt());
        assertTrue(replayFlexionMax > 24 && replayFlexionMax < 40, "spine flexion replayed: " + replayFlexionMax);
        assertTrue(rj.getAsJsonArray("lowerNotices").toString().contains("no samples from"),
                rj.get("lowerNotices").toString());
    }

    @Test
    void theLowerSensorNeedsALinkOfItsOwnAndOneThatOpensSaidInOneLine(@TempDir Path dir) throws Exception {
        Run same = run("live", "--port", "/dev/ttyS9", "--lower-port", "/dev/ttyS9", "--no-history");
        assertEquals(2, same.code(), same.err());
        assertTrue(same.err().contains("the lower sensor needs a link of its own"), same.err());
        Run site = run("simulate", "two-sensor-demo", "--serve-serial", "/dev/ttyS9", "--site", "hip");
        assertEquals(2, site.code(), site.err());
        assertTrue(site.err().contains("--site must be thorax or sacrum, not hip"), site.err());
        try (SocatPair up = SocatPair.require(Files.createDirectories(dir.resolve("up")))) {
            Path missing = dir.resolve("no-such-port");
            Run r = run("live", "--port", up.b().toString(), "--lower-port", missing.toString(), "--format",
                    "midback", "--no-history", "--record", dir.resolve("day.csv").toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(line(r.err(), "lower sensor: serial port " + missing).startsWith("midback live: lower sensor: "
                    + "serial port " + missing + " does not exist"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(dir.resolve("day.csv")) || Files.exists(dir.resolve("day.lower.csv")),
                    "nothing recorded");
        }
    }

    /** The first {@code # gap: FROM..TO s} of a recording. */
    private static double[] gap(Path csv) throws java.io.IOException {
        Matcher m = GAP.matcher(Files.readString(csv));
        assertTrue(m.find(), "an outage is a gap in " + csv.getFileName());
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static long count(List<Double> t, double fromS, double toS) {
        return t.stream().filter(x -> x > fromS && x < toS).count();
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in " + text));
    }

    private static List<Double> times(Path csv) {
        List<Double> t = new ArrayList<>();
        CsvSampleReader.of(csv).read(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    t.add(b.tS[i]);
                }
            }
        });
        return t;
    }
}
