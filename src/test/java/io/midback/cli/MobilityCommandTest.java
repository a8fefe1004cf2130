package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.mobility.PromptEvents;
import io.midback.sim.MobilityProtocol;
import io.midback.posture.Mounting;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.WarmingGyroBias;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: {@code midback mobility --analyse} on simulated recordings, with and without the prompts' events. */
class MobilityCommandTest {
    @TempDir
    Path dir;

    /** A simulated check written as a recording; with events, the guided check's prompts go in as '# event:' lines. */
    private Path record(long seed, boolean events, List<MobilityProtocol.TruthRep> truthOut) {
        MobilityProtocol p = MobilityProtocol.of(MobilityProtocol.Person.random(seed), seed);
        truthOut.addAll(p.truth(seed));
        Path f = dir.resolve("check-" + seed + (events ? "-events" : "") + ".csv.gz");
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(seed)
                .withMounting(Mounting.parse("turned90"));
        try (CsvSampleWriter w = CsvSampleWriter.create(f, RecordingMetadata.empty()
                .with(RecordingMetadata.RATE_HZ, "50"), false)) {
            if (events) {
                for (String v : PromptEvents.of(p)) {
                    w.comment("event", v);
                }
            }
            new Simulator(p.scenario(), cfg).run(WarmingGyroBias.random(seed, 1.5, new io.midback.sensor.SampleSink() {
                @Override
                public void accept(io.midback.sensor.SampleBatch b) {
                    w.accept(b);
                }
            }));
        }
        return f;
    }

    private static JsonObject analyse(Path f) {
        ReplayCommandTest.Run r = ReplayCommandTest.run("mobility", "--analyse", f.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        return JsonParser.parseString(r.out().trim()).getAsJsonObject();
    }

    @Test
    void countsEveryDirectionsRepetitionsFromThePromptsEventsAndFindsThemWithout() {
        List<MobilityProtocol.TruthRep> truth = new java.util.ArrayList<>();
        Path withEvents = record(31, true, truth);
        Path without = record(31, false, new java.util.ArrayList<>());
        for (Path f : List.of(withEvents, without)) {
            JsonObject o = analyse(f);
            assertEquals(f == withEvents ? "events" : "automatic", o.get("segmentation").getAsString());
            JsonObject dirs = o.getAsJsonObject("directions");
            for (String d : List.of("flexion", "extension", "sideBendLeft", "sideBendRight", "rotationLeft",
                    "rotationRight")) {
                JsonObject x = dirs.getAsJsonObject(d);
                long expected = truth.stream().filter(t -> t.direction().equals(d)).count();
                assertEquals(x.get("reps").getAsInt(), x.getAsJsonArray("repPeaksDeg").size());
                // This check's right-rotation block has returns overshooting upright to the left: overshoots, not
                // left repetitions, with or without the prompts.
                assertEquals(expected, x.get("reps").getAsInt(), d + " in " + f.getFileName());
                assertTrue(x.has("romDeg") && x.has("spreadDeg"));
            }
            assertFalse(o.getAsJsonArray("blocks").isEmpty());
            JsonObject b = o.getAsJsonArray("blocks").get(0).getAsJsonObject();
            assertTrue(b.has("movement") && b.has("startS") && b.has("endS") && b.has("reps"));
            assertTrue(o.getAsJsonObject("asymmetry").has("rotation"));
            assertTrue(o.has("notes"));
        }
    }

    @Test
    void aMissingFileIsOneClearLine() {
        ReplayCommandTest.Run r = ReplayCommandTest.run("mobility", "--analyse", dir.resolve("nope.csv").toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.csv"));
    }
}
