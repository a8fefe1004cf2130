package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    private static final String SCENARIO = String.join("\n",
            "start 2026-11-20T10:30:00",
            "0:00 10s still",
            "+ 40s slump depth=30 ramp=4 recover=3",
            "+ 6s reach depth=40",
            "+ 10s stand",
            "+ 4s walk", "");

    record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = MidbackCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, err.toString());
    }

    private static List<String> lines(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (p.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                bytes = in.readAllBytes();
            }
        }
        return Arrays.asList(new String(bytes, StandardCharsets.US_ASCII).split("\n"));
    }

    @Test
    void writesTheRecordingItsTruthAndEpisodes(@TempDir Path dir) throws IOException {
        Path sc = dir.resolve("short.scenario");
        Files.writeString(sc, SCENARIO);
        Path out = dir.resolve("rec.csv.gz");
        Run r = run("simulate", sc.toString(), "--out", out.toString(), "--rate", "50", "--seed", "4",
                "--mount", "turned90", "--magnetometer");
        assertEquals(0, r.exit(), r.err());

        List<String> rec = lines(out);
        assertEquals(List.of("# device: midback-sim", "# rate_hz: 50", "# mounting: turned90",
                "# start: 2026-11-20T10:30:00", "# scenario: short", "# seed: 4", "# magnetometer: true",
                "# truth: rec.truth.csv.gz", "# episodes: rec.episodes.json",
                "t_s,gx,gy,gz,ax,ay,az,mx,my,mz"), rec.subList(0, 10));
        assertEquals(10 + 70 * 50, rec.size());
        String[] first = rec.get(10).split(",");
        assertEquals(10, first.length);
        assertEquals("0", first[0]);
        assertEquals(9.81, Double.parseDouble(first[4]), 0.1, "turned90: sensor x points up");
        assertEquals("69.98", rec.get(rec.size() - 1).split(",")[0]);

        List<String> truth = lines(dir.resolve("rec.truth.csv.gz"));
        int header = truth.indexOf("t_s,flexion_deg,lateral_bend_deg,axial_rotation_deg,state,qw,qx,qy,qz,"
                + "bias_gx,bias_gy,bias_gz,activity,sedentary");
        assertTrue(header > 0);
        assertEquals(700, truth.size() - header - 1, "10 Hz truth over 70 s");
        assertTrue(truth.get(header + 1).endsWith(",upright," + truth.get(header + 1).split(",")[5] + ","
                + String.join(",", Arrays.copyOfRange(truth.get(header + 1).split(","), 6, 12)) + ",still,1"));
        assertTrue(truth.stream().anyMatch(l -> l.contains(",slouched,")));
        assertTrue(truth.stream().anyMatch(l -> l.contains(",walking,")));

        JsonObject ep = JsonParser.parseString(Files.readString(dir.resolve("rec.episodes.json"))).getAsJsonObject();
        assertEquals(1, ep.getAsJsonArray("slumpEpisodes").size());
        JsonObject e = ep.getAsJsonArray("slumpEpisodes").get(0).getAsJsonObject();
        assertEquals(12.0, e.get("startS").getAsDouble(), 1.0);
        assertEquals(e.get("startS").getAsDouble() + 20, e.get("alertAtS").getAsDouble(), 1e-6);
        assertEquals(15.0, ep.getAsJsonObject("slumpDefinition").get("thresholdDeg").getAsDouble());
        assertEquals(3, ep.getAsJsonObject("gyroBias").getAsJsonArray("initialRadPerS").size());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
        Path sc = dir.resolve("short.scenario");
        Files.writeString(sc, SCENARIO);
        for (String name : List.of("a", "b", "c")) {
            String seed = name.equals("c") ? "2" : "1";
            Files.createDirectories(dir.resolve(name));
            assertEquals(0, run("simulate", sc.toString(), "--out", dir.resolve(name + "/rec.csv.gz").toString(),
                    "--seed", seed).exit());
        }
        for (String file : List.of("rec.csv.gz", "rec.truth.csv.gz", "rec.episodes.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/" + file)), Files.readAllBytes(dir.resolve("b/" + file)),
                    file);
            assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/" + file)),
                    Files.readAllBytes(dir.resolve("c/" + file))), file);
        }
    }

    @Test
    void badInputGetsOneClearLine(@TempDir Path dir) throws IOException {
        Path sc = dir.resolve("bad.scenario");
        Files.writeString(sc, "0 10s still\n+ 5s yoga\n");
        Run bad = run("simulate", sc.toString(), "--out", dir.resolve("x.csv").toString());
        assertEquals(1, bad.exit());
        assertEquals("midback simulate: " + sc + ":2: unknown activity 'yoga'", bad.err().lines().findFirst()
                .orElseThrow().replaceAll(" \\(known.*", ""));
        assertEquals(1, bad.err().lines().count());

        Run mount = run("simulate", "slump-demo", "--out", dir.resolve("x.csv").toString(), "--mount", "sideways");
        assertEquals(2, mount.exit());
        assertTrue(mount.err().startsWith("midback simulate: unknown mounting 'sideways'"), mount.err());

        Run rate = run("simulate", "slump-demo", "--out", dir.resolve("x.csv").toString(), "--rate", "0");
        assertEquals(2, rate.exit());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    /**
     * The built-in mobility check: its repetitions' truth beside the recording, one row per repetition, and what
     * {@code mobility --analyse} counts in the recording agrees with it, direction by direction; with a lower
     * sensor, the spine's flexion peaks are the trunk's less the pelvis's share.
     */
    @Test
    void aSimulatedMobilityCheckWritesEveryRepetitionsTruePeak(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("check.csv.gz"), lower = dir.resolve("check-lower.csv.gz");
        assertEquals(0, ReplayCommandTest.run("simulate", "mobility-check", "--seed", "31", "--rate", "50",
                "--mount", "turned90", "--out", out.toString(), "--lower-out", lower.toString()).exitCode());
        List<String> rows = Files.readAllLines(dir.resolve("check.reps.csv"));
        assertEquals("block,direction,start_s,peak_s,end_s,peak_deg,spine_peak_deg", rows.get(0));
        ReplayCommandTest.Run r = ReplayCommandTest.run("mobility", "--analyse", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject dirs = JsonParser.parseString(r.out().trim()).getAsJsonObject().getAsJsonObject("directions");
        int flexionRows = 0;
        for (String d : List.of("flexion", "extension", "sideBendLeft", "sideBendRight", "rotationLeft",
                "rotationRight")) {
            List<String[]> reps = rows.subList(1, rows.size()).stream().map(l -> l.split(","))
                    .filter(f -> f[1].equals(d)).toList();
            assertTrue(reps.size() >= 2, d + ": " + rows);
            assertEquals(reps.size(), dirs.getAsJsonObject(d).get("reps").getAsInt(), d + " counted: " + r.out());
            for (String[] f : reps) {
                double peakDeg = Double.parseDouble(f[5]), spineDeg = Double.parseDouble(f[6]);
                assertTrue(peakDeg > 5 && Double.parseDouble(f[2]) < Double.parseDouble(f[3])
                        && Double.parseDouble(f[3]) < Double.parseDouble(f[4]), String.join(",", f));
                if (d.equals("flexion")) {
                    flexionRows++;
                    assertEquals(0.75 * peakDeg, spineDeg, 0.1 * peakDeg, "the pelvis takes a quarter: "
                            + String.join(",", f));
                }
            }
        }
        assertTrue(flexionRows >= 2);
    }
}
