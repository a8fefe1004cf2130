package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code midback routine} end to end over a real pseudo-terminal pair (socat): a virtual sensor streams, in real
 * time, a simulated person doing a short routine file (four seated rotations of 26° and 22° each side), briskly;
 * the repetitions and their ranges, the feedback, the summary's routine, and the routine in the history (a real
 * SQLite file).
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
            int code;
            try {
                code = cl.execute("routine", "--port", pty.b().toString(), "--format", "midback", "--routine",
                        file.toString(), "--target", "rotationLeft=25", "--db", db.toString(), "--json");
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
            // left 22° of the 25° measured is within the goal; right 26° of the routine's 40° is not
            assertTrue(said.contains("routine: rotate a little further right: 2"), said);
            assertTrue(!said.contains("further left"), said);
            assertTrue(said.contains("routine: slower: that one took "), said);
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            DayData data = store.day(store.days().get(0));
            List<HistoryEvent> routines = data.events(EventKind.ROUTINE);
            assertEquals(1, routines.size(), data.events().toString());
            String detail = routines.get(0).detail();
            assertTrue(detail.matches("twist, finished, \\d\\.\\d min; seated-rotation: 4 reps, ranges( 4\\d){4}°, "
                    + "\\d\\.\\d min \\(done\\)"), detail);
        }
    }
}
