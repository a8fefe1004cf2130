package io.midback.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code replay --json}'s breathing on a simulated recording, against the simulator's true breaths. */
class BreathingReplayTest {
    @TempDir
    Path dir;

    /** The true mean rate over [from, to) from NAME.breaths.csv: breaths started in it over its length. */
    static double trueRate(Path breaths, double fromS, double toS) throws IOException {
        List<String> lines = Files.readAllLines(breaths);
        double count = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            double on = Double.parseDouble(f[0]), period = Double.parseDouble(f[1]);
            double overlap = Math.min(on + period, toS) - Math.max(on, fromS);
            if (overlap > 0) {
                count += overlap / period;
            }
        }
        return 60 * count / (toS - fromS);
    }

    @Test
    void theMedianRateAndEachStillMinuteFollowTheTruthAndWalkingHasNone() throws IOException {
        Path scenario = dir.resolve("breathe.scenario");
        Files.writeString(scenario, String.join("\n",
                "breathing rate=9 depth=0.6 sighs=0 pauses=0 wander=0",
                "0:00 4m still",
                "+ 1m walk",
                "+ 2m still", ""));
        Path rec = dir.resolve("b.csv");
        ReplayCommandTest.Run sim = ReplayCommandTest.run("simulate", scenario.toString(), "--out", rec.toString(),
                "--rate", "50", "--mount", "turned90");
        assertEquals(0, sim.exitCode(), sim.err());
        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", rec.toString(), "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject b = r.json().getAsJsonObject("breathing");
        Path breaths = dir.resolve("b.breaths.csv");
        double truth = (4 * trueRate(breaths, 0, 240) + 2 * trueRate(breaths, 300, 420)) / 6;
        System.out.println("breathing " + b + " truth over the still minutes " + truth);
        assertEquals(truth, b.get("ratePerMin").getAsDouble(), 0.5);
        assertTrue(b.get("validS").getAsDouble() > 240, "validS " + b.get("validS"));
        boolean[] seen = new boolean[7];
        for (JsonElement e : b.getAsJsonArray("perMinute")) {
            int minute = e.getAsJsonObject().get("minute").getAsInt();
            double rate = e.getAsJsonObject().get("ratePerMin").getAsDouble();
            seen[minute] = true;
            assertTrue(minute != 4, "a rate in the walking minute: " + e);
            assertEquals(trueRate(breaths, minute * 60, minute * 60 + 60), rate, 1.0, "minute " + minute);
        }
        assertTrue(seen[1] && seen[2] && seen[3] && seen[6], b.toString());
    }

    @Test
    void aSessionWithoutStillnessReportsNull() {
        ReplayCommandTest.Run r = ReplayCommandTest.run("replay", "samples/slump-demo.csv.gz", "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject b = r.json().getAsJsonObject("breathing");
        assertTrue(b.has("ratePerMin"));
        assertTrue(b.get("perMinute").isJsonArray());
    }
}
