package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording with no gyroscope columns ({@code t_s,ax,ay,az}) replays: slumps from gravity, breathing, no rotation. */
class AccelerometerOnlyReplayTest {
    @TempDir
    Path dir;

    /** The recording without its gyroscope columns. */
    static Path withoutGyroscope(Path rec, Path out) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(rec)) {
            if (line.startsWith("#")) {
                kept.add(line);
                continue;
            }
            String[] f = line.split(",");
            if (!header) {
                assertEquals("t_s,gx,gy,gz,ax,ay,az", line);
                header = true;
            }
            kept.add(f[0] + "," + f[4] + "," + f[5] + "," + f[6]);
        }
        Files.write(out, kept);
        return out;
    }

    @Test
    void slumpsAndBreathingComeFromTheAccelerometerAndRotationIsUnavailable() throws IOException {
        Path scenario = dir.resolve("a.scenario");
        Files.writeString(scenario, String.join("\n",
                "breathing rate=12 depth=0.7 wander=0 sighs=0 pauses=0",
                "0:00 90s still",
                "+ 70s slump depth=30 ramp=5 recover=4",
                "+ 90s still",
                "+ 40s walk",
                "+ 90s still", ""));
        Path rec = dir.resolve("a.csv");
        ReplayCommandTest.Run sim = ReplayCommandTest.run("simulate", scenario.toString(), "--out", rec.toString(),
                "--rate", "50", "--mount", "tilted20");
        assertEquals(0, sim.exitCode(), sim.err());
        Path accelOnly = withoutGyroscope(rec, dir.resolve("a-accel.csv"));
        JsonObject truth = JsonParser.parseString(Files.readString(dir.resolve("a.episodes.json"))).getAsJsonObject();

        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", accelOnly.toString(), "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject s = r.json();
        System.out.println("accelerometer only: " + s);
        JsonArray unavailable = s.getAsJsonArray("unavailable");
        assertEquals(1, unavailable.size());
        assertEquals("rotation", unavailable.get(0).getAsString());
        assertTrue(s.get("angles").getAsString().contains("from gravity"));
        JsonArray trueEpisodes = truth.getAsJsonArray("slumpEpisodes");
        JsonArray found = s.getAsJsonArray("slumpEpisodes");
        assertEquals(1, trueEpisodes.size());
        assertEquals(1, found.size(), found.toString());
        double trueStart = trueEpisodes.get(0).getAsJsonObject().get("startS").getAsDouble();
        assertEquals(trueStart, found.get(0).getAsJsonObject().get("startS").getAsDouble(), 3.0);
        assertFalse(s.getAsJsonArray("alerts").isEmpty());
        double rate = s.getAsJsonObject("breathing").get("ratePerMin").getAsDouble();
        assertEquals(BreathingReplayTest.trueRate(dir.resolve("a.breaths.csv"), 0, 380), rate, 1.0);

        ReplayCommandTest.Run human = ReplayCommandTest.run("replay", accelOnly.toString(), "--quiet");
        assertTrue(human.out().contains("unavailable: rotation"), human.out());
        ReplayCommandTest.Run full = ReplayCommandTest.run("replay", rec.toString(), "--json", "--quiet");
        assertFalse(full.json().has("unavailable"));
    }

    @Test
    void aHeaderWithPartOfTheGyroscopeIsRefusedNamingTheColumns() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, List.of("t_s,gx,ax,ay,az", "0,0,0,9.8,0"));
        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", f.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("gx,gy,gz (all three or none)"), r.err());
    }
}
