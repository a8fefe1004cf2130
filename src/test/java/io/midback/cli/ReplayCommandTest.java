package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** End to end: the replay command on the bundled samples and on bad input, as a user runs it. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        JsonObject json() {
            String[] lines = out.strip().split("\n");
            return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MidbackCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Each bundled sample replayed against its own truth file (episodes.json beside it). */
    @ParameterizedTest
    @ValueSource(strings = {"slump-demo", "workday-1h"})
    void bundledSampleFindsEveryTrueEpisodeAndNoOtherWithAlertsAtStartPlusDwell(String sample) throws IOException {
        Run r = run("replay", "samples/" + sample + ".csv.gz", "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject summary = r.json();
        JsonObject truth = JsonParser.parseString(Files.readString(Path.of("samples/" + sample + ".episodes.json")))
                .getAsJsonObject();
        assertEquals(truth.get("samples").getAsLong(), summary.get("samples").getAsLong());
        // the truth's duration is the scenario's, the summary's the last sample's time: one sample period apart
        double periodS = truth.get("durationS").getAsDouble() / truth.get("samples").getAsLong();
        assertEquals(truth.get("durationS").getAsDouble(), summary.get("durationS").getAsDouble(), periodS * 1.01);

        JsonArray trueEpisodes = truth.getAsJsonArray("slumpEpisodes");
        JsonArray found = summary.getAsJsonArray("slumpEpisodes");
        assertFalse(trueEpisodes.isEmpty());
        assertEquals(trueEpisodes.size(), found.size(), "one detected episode per true episode: " + found);
        List<Double> slumpAlerts = new ArrayList<>();
        for (JsonElement a : summary.getAsJsonArray("alerts")) {
            if (a.getAsJsonObject().get("kind").getAsString().equals("slump")) {
                slumpAlerts.add(a.getAsJsonObject().get("atS").getAsDouble());
            }
        }
        assertEquals(trueEpisodes.size(), slumpAlerts.size(), "one slump alert per episode: " + slumpAlerts);
        for (int i = 0; i < trueEpisodes.size(); i++) {
            JsonObject t = trueEpisodes.get(i).getAsJsonObject();
            JsonObject f = found.get(i).getAsJsonObject();
            assertEquals(t.get("startS").getAsDouble(), f.get("startS").getAsDouble(), 1.0, "episode " + i + " start");
            assertEquals(t.get("endS").getAsDouble(), f.get("endS").getAsDouble(), 2.0, "episode " + i + " end");
            assertEquals(t.get("alertAtS").getAsDouble(), slumpAlerts.get(i), 1.0, "alert " + i);
        }
        // The time in each posture is the truth's, within 1 % of the recording (states switch a little late or
        // early at each change). The truth counts a slump as slouched from its start; the product only once it has
        // lasted the dwell, upright until then.
        JsonObject seconds = summary.getAsJsonObject("postureSeconds");
        JsonObject trueSeconds = truth.getAsJsonObject("postureSeconds");
        double durationS = truth.get("durationS").getAsDouble();
        double dwellS = truth.getAsJsonObject("slumpDefinition").get("dwellS").getAsDouble();
        for (String state : trueSeconds.keySet()) {
            double expected = trueSeconds.get(state).getAsDouble()
                    + (state.equals("upright") ? 1 : state.equals("slouched") ? -1 : 0) * trueEpisodes.size() * dwellS;
            double got = seconds.has(state) ? seconds.get(state).getAsDouble() : 0;
            System.out.printf(java.util.Locale.ROOT, "%s %s: %.1f s, truth %.1f s%n", sample, state, got, expected);
            assertEquals(expected, got, 0.01 * durationS, sample + " " + state + ": " + seconds + " vs " + trueSeconds);
        }
        assertNotNull(summary.get("calibration"));
    }

    @Test
    void humanSummaryWithoutJson() {
        Run r = run("replay", "samples/slump-demo.csv.gz", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("60000 samples"), r.out());
        assertTrue(r.out().contains("slump episodes: 4"), r.out());
    }

    @Test
    void malformedLineIsOneClearLineNamingFileAndLineWithoutStackTrace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,0,0,0,0,9.8\n0.02,0,oops,0,0,0,9.8\n");
        Run r = run("replay", bad.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv:4"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Run skipped = run("replay", bad.toString(), "--json", "--skip-bad-lines");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertEquals(1, skipped.json().get("badLinesSkipped").getAsInt());
        assertEquals(2, skipped.json().get("samples").getAsInt());
        assertTrue(skipped.err().contains("line 4"), skipped.err());
    }

    @Test
    void wrongOptionsAndMissingFilesAreUsageErrors() {
        Run r = run("replay", "samples/slump-demo.csv.gz", "--slump-threshold", "abc");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--slump-threshold"), r.err());
        Run f = run("replay", "samples/slump-demo.csv.gz", "--filter", "kalman");
        assertEquals(2, f.exitCode());
        assertTrue(f.err().contains("madgwick"), f.err());
        Run m = run("replay", dir.resolve("none.csv").toString());
        assertEquals(1, m.exitCode());
        assertTrue(m.err().contains("none.csv: no such file"), m.err());
    }

    @Test
    void byteCapturesReplayWithDecoderCounters() {
        Path capture = io.midback.testing.SharedData.require("data/devices/vectors/ximu3_binary_from_pelvis.bin");
        Run r = run("replay", capture.toString(), "--json", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject s = r.json();
        assertEquals("ximu3", s.get("format").getAsString());
        assertEquals(1800, s.get("framesOk").getAsLong());
        assertEquals(900, s.get("samples").getAsLong());
        assertEquals(0, s.get("framesCorrupt").getAsLong());
        Run w = run("replay", io.midback.testing.SharedData.require(
                "data/devices/vectors/witmotion_std_from_bwt901cl.bin").toString(), "--json");
        assertEquals(2, w.exitCode(), "a format without timestamps needs --rate: " + w.err());
        assertTrue(w.err().contains("--rate"), w.err());
    }
}
