package io.midback.cli;

import io.midback.app.SampleFanout;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilitySettings;
import io.midback.posture.Mounting;
import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.routine.RangeTargets;
import io.midback.routine.RoutineFile;
import io.midback.routine.RoutineListener;
import io.midback.routine.RoutinePlayer;
import io.midback.routine.RoutineResult;
import io.midback.sim.RoutineSession;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code midback routine --analyse FILE --json}: a simulated person doing the desk routine, recorded by the player
 * with its '# event:' lines, and the same recording without them; bad input is one line naming the place.
 */
class RoutineAnalyseCommandTest {
    @TempDir
    Path dir;

    /** Seated rotations 30° right and 24° left ×5, chair extensions 16° ×6, squats tipping 12° ×4. */
    static final List<RoutineSession.Set> SETS = List.of(
            new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 5, 30, 24, 0),
            new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 16, 0),
            new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 4, 12, 0, 0));

    private Path record(boolean events) throws IOException {
        RoutineSession session = RoutineSession.of("seated", SETS,
                new RoutineSession.Person(1.0, 0.4, 0.6, 0.03, 0, 0.2), 11);
        Path f = dir.resolve(events ? "desk-events.csv.gz" : "desk.csv");
        try (CsvSampleWriter w = CsvSampleWriter.create(f, RecordingMetadata.empty()
                .with(RecordingMetadata.RATE_HZ, "50"), false)) {
            RoutinePlayer player = new RoutinePlayer(RoutineFile.load("desk"), RangeTargets.none(),
                    MobilitySettings.defaults(), 50, new RoutineListener() {
                        @Override
                        public void onPrompt(String text) {
                        }

                        @Override
                        public void onEvent(MobilityEvent e) {
                            if (events) {
                                w.comment(MobilityEvent.KEY, e.toValue());
                            }
                        }

                        @Override
                        public void onEnd(RoutineResult result) {
                        }
                    });
            new Simulator(session.scenario(), SimulatorConfig.defaults().withRate(50).withSeed(11)
                    .withMounting(Mounting.parse("tilted20"))).run(new SampleFanout(List.of(player, w)));
            player.end();
        }
        return f;
    }

    @Test
    void findsTheDeskRoutinesExercisesFromItsEventsAndWithoutThem() throws IOException {
        List<RoutineSession.TruthRep> truth = RoutineSession.of("seated", SETS,
                new RoutineSession.Person(1.0, 0.4, 0.6, 0.03, 0, 0.2), 11).truth(11);
        for (boolean events : new boolean[] {true, false}) {
            Path f = record(events);
            ReplayCommandTest.Run r = events ? ReplayCommandTest.run("routine", "--analyse", f.toString(), "--json")
                    : ReplayCommandTest.run("routine", "--analyse", f.toString(), "--routine", "desk", "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
            System.out.println("RoutineAnalyseCommandTest (" + (events ? "events" : "recognised") + "): " + o);
            assertEquals("desk", o.get("routine").getAsString(), "from the recording's routine-start event");
            assertEquals(events ? "events" : "recognised", o.get("found").getAsString());
            JsonArray ex = o.getAsJsonArray("exercises");
            assertEquals(3, ex.size(), ex.toString());
            for (int k = 0; k < 3; k++) {
                JsonObject x = ex.get(k).getAsJsonObject();
                int set = k;
                List<RoutineSession.TruthRep> tr = truth.stream().filter(t -> t.set() == set).toList();
                assertEquals(SETS.get(k).name(), x.get("name").getAsString());
                assertEquals(tr.size(), x.get("reps").getAsInt(), x.toString());
                JsonArray ranges = x.getAsJsonArray("repRangesDeg"), durations = x.getAsJsonArray("repDurationsS");
                for (int i = 0; i < tr.size(); i++) {
                    assertEquals(tr.get(i).rangeDeg(), ranges.get(i).getAsDouble(), 3, x.toString());
                    assertTrue(durations.get(i).getAsDouble() > 1 && durations.get(i).getAsDouble() < 8,
                            x.toString());
                }
                assertTrue(x.get("startS").getAsDouble() < x.get("endS").getAsDouble());
                assertTrue(x.has("notes"));
            }
            // the rotations (30° + 24° of the 40° asked each side) fall short on the left; the squats stay tall
            String rotationNotes = ex.get(0).getAsJsonObject().getAsJsonArray("notes").toString();
            assertTrue(rotationNotes.contains("rotate a little further left: 2"), rotationNotes);
            assertTrue(!ex.get(2).getAsJsonObject().getAsJsonArray("notes").toString().contains("chest tall"));
        }
    }

    @Test
    void badInputIsOneLineNamingThePlace() throws IOException {
        ReplayCommandTest.Run r = ReplayCommandTest.run("routine", "--analyse", dir.resolve("nope.csv").toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.csv: no such file"), r.err());

        Path good = record(true);
        r = ReplayCommandTest.run("routine", "--analyse", good.toString(), "--routine", "weekly");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no routine 'weekly'"), r.err());

        Path broken = dir.resolve("broken.csv");
        List<String> lines = Files.readAllLines(record(false), StandardCharsets.UTF_8);
        int bad = lines.size() / 2;
        lines.set(bad, "12.5,oops,1,2");
        Files.write(broken, lines.subList(0, lines.size() - 3), StandardCharsets.UTF_8);
        r = ReplayCommandTest.run("routine", "--analyse", broken.toString());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.csv:" + (bad + 1) + ":"), r.err());

        // cut off in the middle of a line: the samples before it are analysed, the cut named
        byte[] all = Files.readAllBytes(good);
        Path plain = dir.resolve("cut.csv");
        Files.write(plain, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(all)).readAllBytes());
        byte[] text = Files.readAllBytes(plain);
        Files.write(plain, java.util.Arrays.copyOf(text, text.length - 17));
        r = ReplayCommandTest.run("routine", "--analyse", plain.toString(), "--json");
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        System.out.println("RoutineAnalyseCommandTest (cut): exit " + r.exitCode() + ", " + r.err().strip());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("cut.csv"), r.err());
        assertEquals(3, JsonParser.parseString(r.out().trim()).getAsJsonObject().getAsJsonArray("exercises").size());
    }
}
