package io.midback.cli;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate --lower-out} and {@code replay --lower}: two sensors through the command line. */
class TwoSensorReplayTest {
    private static final String SCENARIO = "0:00 12s still\n+ 30s type\n+ 70s hinge depth=30 ramp=3 recover=3\n"
            + "+ 20s type\n+ 6s reach depth=40\n+ 20s type\n+ 60s slump depth=20 roll=12 ramp=5 recover=4\n"
            + "+ 30s type\n";

    @TempDir
    static Path dir;
    static Path upper, lower;

    @BeforeAll
    static void simulate() throws IOException {
        Path sc = dir.resolve("hinge-slump.scenario");
        Files.writeString(sc, SCENARIO);
        upper = dir.resolve("up.csv");
        lower = dir.resolve("low.csv");
        ReplayCommandTest.Run r = ReplayCommandTest.run("simulate", sc.toString(), "--out", upper.toString(),
                "--rate", "50", "--seed", "4", "--lower-out", lower.toString(), "--lower-rate", "100",
                "--lower-start", "1.5", "--lower-clock-fast", "2", "--lower-mount", "turned90");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void withTheLowerSensorTheHingeIsNoSlumpAndTheSummarySaysTwoSensors() {
        ReplayCommandTest.Run two = ReplayCommandTest.run("replay", upper.toString(), "--lower", lower.toString(),
                "--json", "--quiet");
        assertEquals(0, two.exitCode(), two.err());
        JsonObject j = two.json();
        assertEquals(2, j.get("sensors").getAsInt());
        assertEquals(1, j.getAsJsonArray("slumpEpisodes").size(), "only the slump: " + j.get("slumpEpisodes"));
        assertTrue(j.getAsJsonObject("spine").getAsJsonObject("flexionDeg").get("max").getAsDouble() > 28,
                j.get("spine").toString());
        assertTrue(j.getAsJsonObject("pelvicTiltDeg").get("max").getAsDouble() > 27, j.get("pelvicTiltDeg").toString());
        assertTrue(j.getAsJsonObject("pelvicTiltDeg").get("min").getAsDouble() < -10, j.get("pelvicTiltDeg").toString());
        // a four-minute recording gives few windows of movement: the drift within 0.25 % (1.80 % found here)
        assertEquals(2.0, j.getAsJsonObject("lowerClock").get("driftPct").getAsDouble(), 0.25);
        assertEquals(0, j.getAsJsonArray("lowerNotices").size());

        ReplayCommandTest.Run one = ReplayCommandTest.run("replay", upper.toString(), "--json", "--quiet");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(2, one.json().getAsJsonArray("slumpEpisodes").size(),
                "to the upper sensor alone the hinge is a slump too");

        ReplayCommandTest.Run human = ReplayCommandTest.run("replay", upper.toString(), "--lower", lower.toString(),
                "--quiet");
        assertTrue(human.out().contains("two sensors: spine angles for"), human.out());
        assertTrue(human.out().contains("pelvic tilt"), human.out());
    }

    @Test
    void aLowerRecordingThatEndsEarlyLeavesTheUpperSensorAloneSayingSoOnce() throws IOException {
        List<String> lines = Files.readAllLines(lower, StandardCharsets.US_ASCII);
        List<String> cut = new ArrayList<>();
        int data = 0;
        for (String line : lines) {
            boolean isData = !line.startsWith("#") && !line.startsWith("t_s");
            if (isData && ++data > 100 * 180) {
                break; // the lower link drops after 3 minutes of its samples
            }
            cut.add(line);
        }
        Path shortLower = dir.resolve("low-short.csv");
        Files.write(shortLower, cut, StandardCharsets.US_ASCII);
        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", upper.toString(), "--lower", shortLower.toString(),
                "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        long said = r.err().lines().filter(l -> l.contains("the session goes on with the upper sensor alone")).count();
        assertEquals(1, said, r.err());
        JsonObject j = r.json();
        assertEquals(1, j.getAsJsonArray("lowerNotices").size());
        assertTrue(j.get("twoSensorsS").getAsDouble() < 180 && j.get("twoSensorsS").getAsDouble() > 150,
                j.get("twoSensorsS").toString());
        assertEquals(248 * 50, j.get("samples").getAsLong(), "the session ran on to the upper sensor's end");
    }

    @Test
    void theHistoryAndTheReportsKeepTheSpineBesideTheTrunk() throws IOException {
        Path db = dir.resolve("two.db");
        ReplayCommandTest.Run saved = ReplayCommandTest.run("replay", upper.toString(), "--lower", lower.toString(),
                "--save-history", "--db", db.toString(), "--start", "2026-11-20T09:00:00", "--quiet");
        assertEquals(0, saved.exitCode(), saved.err());
        JsonObject day = com.google.gson.JsonParser.parseString(ReplayCommandTest.run("history", "--db",
                db.toString(), "--json").out().strip()).getAsJsonArray().get(0).getAsJsonObject();
        // the recording is four minutes and eight seconds: minutes with both sensors, from calibration on
        int spineMinutes = day.get("spineMinutes").getAsInt();
        assertTrue(spineMinutes >= 4 && spineMinutes <= 5, day.toString());
        // mostly typing upright: the spine's median flexion near its upright, the pelvis's tilt near its own
        assertEquals(0, day.get("spineFlexionP50Deg").getAsDouble(), 5, day.toString());
        assertTrue(!day.get("pelvicTiltMeanDeg").isJsonNull(), day.toString());
        String text = ReplayCommandTest.run("history", "--db", db.toString()).out();
        assertTrue(text.contains("spine flexion"), text);

        String date = day.get("date").getAsString();
        Path csv = dir.resolve("day.csv");
        ReplayCommandTest.Run report = ReplayCommandTest.run("report", "--db", db.toString(), "--day", date,
                "--out", csv.toString());
        assertEquals(0, report.exitCode(), report.err());
        List<String> rows = Files.readAllLines(csv);
        List<String> head = List.of(rows.get(0).split(","));
        int samples = head.indexOf("spine_samples"), p90 = head.indexOf("spine_flexion_p90_deg"),
                flexP90 = head.indexOf("flexion_p90_deg");
        assertTrue(samples > 0 && p90 > 0, rows.get(0));
        // the minute of the hip hinge: the trunk leans 30° forward, the spine between the sensors does not
        boolean hingeSeen = false;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (!f[p90].isEmpty() && Double.parseDouble(f[flexP90]) > 20) {
                hingeSeen |= Double.parseDouble(f[p90]) < 10;
            }
        }
        assertTrue(hingeSeen, String.join("\n", rows));
        Path html = dir.resolve("day.html");
        assertEquals(0, ReplayCommandTest.run("report", "--db", db.toString(), "--day", date, "--out",
                html.toString()).exitCode());
        assertTrue(Files.readString(html).contains("Spine between the two sensors"));

        Path oneDb = dir.resolve("one.db");
        assertEquals(0, ReplayCommandTest.run("replay", upper.toString(), "--save-history", "--db",
                oneDb.toString(), "--start", "2026-11-20T09:00:00", "--quiet").exitCode());
        JsonObject oneDay = com.google.gson.JsonParser.parseString(ReplayCommandTest.run("history", "--db",
                oneDb.toString(), "--json").out().strip()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(0, oneDay.get("spineMinutes").getAsInt(), "one sensor: no spine minutes");
        assertTrue(oneDay.get("spineFlexionP50Deg").isJsonNull());
    }

    @Test
    void aMissingLowerFileIsOneClearLine() {
        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", upper.toString(), "--lower",
                dir.resolve("nope.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--lower") && r.err().contains("nope.csv"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
