package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
import io.midback.live.VirtualSensor;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code midback breathe} end to end over a real pseudo-terminal pair (socat): a virtual sensor streams a wearer
 * breathing steadily at 12/min in real time, the exercise paces at 12/min for 36 s; the guide's lines, the
 * measured rate, the coherence, and the exercise in the history (a real SQLite file).
 */
class BreatheCommandTest {

    @Test
    void aSimulatedWearerFollowsTheGuideOverSocatAndTheExerciseLandsInTheHistory(@TempDir Path dir)
            throws Exception {
        Scenario sc = Scenario.parse("paced12", "breathing rate=12 depth=1.0 variability=0.03 wander=0 sighs=0 "
                + "pauses=0\n0:00 2m still\n", "paced12");
        Path db = dir.resolve("history.sqlite");
        try (SocatPair pty = SocatPair.require(dir)) {
            VirtualSensor sensor = new VirtualSensor(sc, SimulatorConfig.defaults().withRate(50).withSeed(3),
                    new VirtualSensor.Events() {
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
                code = cl.execute("breathe", "--port", pty.b().toString(), "--format", "midback",
                        "--rate-per-min", "12", "--minutes", "0.6", "--db", db.toString(), "--json");
            } finally {
                sensor.close();
            }
            served.get(10, TimeUnit.SECONDS);
            assertEquals(0, code, err.toString());
            String[] lines = out.toString().trim().split("\n");
            JsonObject exercise = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject()
                    .getAsJsonObject("exercise");
            System.out.println("BreatheCommandTest: " + exercise);
            assertEquals(12, exercise.get("targetRatePerMin").getAsDouble());
            assertEquals(36, exercise.get("durationS").getAsDouble(), 0.5);
            assertEquals(12, exercise.get("ratePerMin").getAsDouble(), 1, exercise.toString());
            assertTrue(exercise.get("coherence").getAsDouble() >= 0.7, exercise.toString());
            String guide = err.toString();
            assertTrue(guide.contains("] inhale 2 s · ") && guide.contains("] exhale 3 s · "), guide);
            assertTrue(guide.matches("(?s).*rate 1[12]\\.\\d/min · coherence \\d\\.\\d\\d.*"), guide);
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            assertEquals(1, store.sessions().size());
            LocalDate day = store.days().get(0);
            DayData data = store.day(day);
            List<HistoryEvent> exercises = data.events(EventKind.BREATHING_EXERCISE);
            assertEquals(1, exercises.size(), data.events().toString());
            HistoryEvent e = exercises.get(0);
            assertEquals(36, e.durationS(), 1);
            assertTrue(e.detail().startsWith("paced at 12/min for 0:36: measured 1"), e.detail());
        }
    }
}
