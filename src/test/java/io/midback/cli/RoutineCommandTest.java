package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.live.VirtualSensor;
import io.midback.sim.RoutineSession;
import io.midback.sim.SimulatorConfig;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code midback routine} end to end over a real pseudo-terminal pair (socat): a virtual sensor streams, in real
 * time, a simulated person doing a short routine file (four seated rotations of 26° and 22° each side), briskly;
 * the goals from the latest mobility check in the history (a real SQLite file), the repetitions and their ranges,
 * the feedback, the summary's routine, the routine in the history, and the recording's event lines analysed.
 */
class RoutineCommandTest {

    @Test
    void aSimulatedPersonDoesARoutineOverSocatAndItLandsInTheHistory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("twist.routine");
        Files.writeString(file, "routine twist\nexercise seated-rotation\nposition seated\nmovement rotation\n"
                + "reps 4\npace-s 6\ntarget-deg 40\ncues left, right\n");
        RoutineSession session = RoutineSession.of("seated", List.of(
                        new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 4, 26, 22, 0)),
                new RoutineSession.Person(0.6, 0.2, 0.3, 0, 0, 0.1), 5);
        Path db = dir.resolve("history.sqlite");
        Path recording = dir.resolve("twist.csv");
        // the history holds two mobility checks: the latest measured rotation 32° left and 50° right
        try (HistoryStore store = HistoryStore.open(db)) {
            store.saveMobilityCheck(check(Instant.parse("2026-11-20T09:00:00Z"), 60, 60));
            store.saveMobilityCheck(check(Instant.parse("2026-11-27T09:00:00Z"), 32, 50));
        }
        try (SocatPair pty = SocatPair.require(dir)) {
            VirtualSensor sensor = new VirtualSensor(session.scenario(),
                    SimulatorConfig.defaults().withRate(50).withSeed(5), new VirtualSensor.Events() {
                    });
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try {
                    sensor.serve(pty.a().toString(), () -> new SerialTransport(pty.a().toString(), 115_200),
                            new ReconnectingLink.Settings(Duration.ofDays(1), Duration.ofMillis(100),
                                    Duration.ofMillis(500), Duration.ofSeconds(60)));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cl = MidbackCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            // no typed commands: the test JVM's stdin belongs to its runner
            ((RoutineCommand) cl.getSubcommands().get("routine").getCommand()).stdin =
                    new java.io.ByteArrayInputStream(new byte[0]);
            int code;
            try {
                code = cl.execute("routine", "--port", pty.b().toString(), "--format", "midback", "--routine",
                        file.toString(), "--db", db.toString(), "--record", recording.toString(), "--json");
            } finally {
                sensor.close();
            }
            served.get(10, TimeUnit.SECONDS);
            assertEquals(0, code, err.toString());
            String[] lines = out.toString().trim().split("\n");
            JsonObject routine = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject()
                    .getAsJsonObject("routine");
            System.out.println("RoutineCommandTest: " + routine);
            assertEquals("finished", routine.get("ended").getAsString(), err.toString());
            JsonObject ex = routine.getAsJsonArray("exercises").get(0).getAsJsonObject();
            assertEquals("seated-rotation", ex.get("name").getAsString());
            assertEquals(4, ex.get("reps").getAsInt(), err.toString());
            JsonArray ranges = ex.getAsJsonArray("repRangesDeg");
            for (int i = 0; i < 4; i++) {
                assertEquals(48, ranges.get(i).getAsDouble(), 3, ranges.toString());
            }
            String said = err.toString();
            assertTrue(said.contains("routine: seated-rotation 4/4: 4"), said);
            // left 22° of the 32° the last check measured falls short; right, the routine's 40° (the check's 50°
            // is more) too
            assertTrue(said.contains("routine: the goals go no further than your last mobility check (#2"), said);
            assertTrue(said.matches("(?s).*routine: rotate a little further left: 2[0-4]° of the 32° from your last "
                    + "mobility check.*"), said);
            assertTrue(said.matches("(?s).*routine: rotate a little further right: 2[4-8]° of the 40° this exercise "
                    + "aims for.*"), said);
            assertTrue(said.contains("routine: slower: that one took "), said);
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            DayData data = store.day(store.days().get(0));
            List<HistoryEvent> routines = data.events(EventKind.ROUTINE);
            assertEquals(1, routines.size(), data.events().toString());
            String detail = routines.get(0).detail();
            assertTrue(detail.matches("twist, finished, \\d\\.\\d min; seated-rotation: 4 reps, ranges( 4\\d){4}°, "
                    + "\\d\\.\\d min \\(done\\)"), detail);
            // done to its end, the routine is a break by the one rule, as in the window: from where the posture
            // stage first knew the wearer (its calibration, 3 s in) to the routine's end; no sitting bout inside it
            List<HistoryEvent> breaks = data.events(EventKind.BREAK);
            assertEquals(1, breaks.size(), data.events().toString());
            HistoryEvent routine = routines.get(0), pause = breaks.get(0);
            assertEquals(3.0, Duration.between(routine.start(), pause.start()).toMillis() / 1000.0, 0.5,
                    data.events().toString());
            assertEquals(0, Duration.between(routine.end(), pause.end()).toMillis() / 1000.0, 0.5,
                    data.events().toString());
            assertTrue(data.events(EventKind.SITTING_BOUT).stream().allMatch(b -> b.start().isAfter(routine.end())
                    || !b.start().isAfter(pause.start()) && b.end().isAfter(b.start())), data.events().toString());
        }
        // the recording keeps the player's events; its analysis finds what the player counted
        String csv = Files.readString(recording);
        assertTrue(csv.contains("# event: ") && csv.contains(" exercise-start seated-rotation")
                && csv.contains(" exercise-end seated-rotation done"), csv.lines().filter(l -> l.startsWith("#"))
                .toList().toString());
        assertEquals(4, csv.lines().filter(l -> l.matches("# event: [0-9.]+ rep seated-rotation 4\\d\\.\\d")).count());
        ReplayCommandTest.Run r = ReplayCommandTest.run("routine", "--analyse", recording.toString(), "--routine",
                file.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject analysed = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        System.out.println("RoutineCommandTest, the recording analysed: " + analysed);
        assertEquals("events", analysed.get("found").getAsString());
        JsonObject a = analysed.getAsJsonArray("exercises").get(0).getAsJsonObject();
        assertEquals(4, a.get("reps").getAsInt(), a.toString());
        for (int i = 0; i < 4; i++) {
            assertEquals(48, a.getAsJsonArray("repRangesDeg").get(i).getAsDouble(), 3, a.toString());
        }
    }

    /** A mobility check as the history keeps it, with these rotation ranges and nothing else measured. */
    static MobilityRecord check(Instant at, double rotationLeftDeg, double rotationRightDeg) {
        Map<String, MobilityRecord.Direction> dirs = new LinkedHashMap<>();
        dirs.put("rotationLeft", new MobilityRecord.Direction(rotationLeftDeg, 3, 2, List.of(rotationLeftDeg - 1,
                rotationLeftDeg, rotationLeftDeg + 1), List.of(), Double.NaN));
        dirs.put("rotationRight", new MobilityRecord.Direction(rotationRightDeg, 3, 2, List.of(rotationRightDeg - 1,
                rotationRightDeg, rotationRightDeg + 1), List.of(), Double.NaN));
        return new MobilityRecord(0, at, ZoneId.of("UTC"), "sim", "simulator", "done", List.of(), dirs);
    }
}
