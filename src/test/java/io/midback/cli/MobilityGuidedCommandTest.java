package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.live.VirtualSensor;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.SimulatorConfig;
import io.midback.testing.Poll;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code midback mobility} guided: on the simulated wearer, on a replay, and on a serial link with "stop: it hurts". */
class MobilityGuidedCommandTest {
    static final List<String> DIRECTIONS = List.of("flexion", "extension", "sideBendLeft", "sideBendRight",
            "rotationLeft", "rotationRight");

    record Run(int code, String out, String err) {
    }

    /** Runs the command in-process on its own thread, typed commands from {@code stdin}; err is readable as it goes. */
    static CompletableFuture<Run> start(InputStream stdin, StringWriter err, String... args) {
        CommandLine cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((MobilityCommand) cl.getSubcommands().get("mobility").getCommand()).stdin = stdin;
        CompletableFuture<Run> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(new Run(cl.execute(args), out.toString(), err.toString()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "midback mobility");
        t.setDaemon(true);
        t.start();
        return result;
    }

    @Test
    void aGuidedCheckOnTheSimulatedWearerCountsEveryRepetitionRecordsItsPromptsAndLandsInTheHistory(
            @TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.db"), rec = dir.resolve("guided.csv");
        Run r = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--simulate", "--seed",
                "5", "--speed", "max", "--db", db.toString(), "--record", rec.toString(), "--json").join();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Flexion, 3 times"), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals("events", o.get("segmentation").getAsString());
        assertEquals("done", o.get("ended").getAsString());
        List<MobilityProtocol.TruthRep> truth = MobilityProtocol.guided(MobilityProtocol.Person.random(5), 5)
                .truth(5);
        for (String d : DIRECTIONS) {
            JsonObject x = o.getAsJsonObject("directions").getAsJsonObject(d);
            assertEquals(3, x.get("reps").getAsInt(), d);
            double[] tp = truth.stream().filter(t -> t.direction().equals(d))
                    .mapToDouble(MobilityProtocol.TruthRep::peakDeg).sorted().toArray();
            assertEquals(tp[1], x.get("romDeg").getAsDouble(), d.startsWith("rotation") ? 3 : 2, d);
        }
        String recorded = Files.readString(rec, StandardCharsets.UTF_8);
        assertEquals(6, recorded.lines().filter(l -> l.matches("# event: [0-9.]+ block-start \\w+")).count());
        assertEquals(18, recorded.lines().filter(l -> l.matches("# event: [0-9.]+ rep \\w+")).count());
        try (HistoryStore h = HistoryStore.openForReading(db)) {
            List<MobilityRecord> checks = h.mobilityChecks();
            assertEquals(1, checks.size());
            MobilityRecord c = checks.get(0);
            assertEquals("done", c.ended());
            assertEquals(DIRECTIONS, List.copyOf(c.directions().keySet()));
            for (String d : DIRECTIONS) {
                assertEquals(o.getAsJsonObject("directions").getAsJsonObject(d).get("romDeg").getAsDouble(),
                        c.directions().get(d).romDeg(), 0.051, d);
                assertEquals(3, c.directions().get(d).reps());
            }
        }
        // the recording, replayed into a guided check at 50× and analysed: the same ranges (within 0.5°: the
        // recording rounds the samples, and the replayed check ends at its last prompt)
        Run again = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--replay",
                rec.toString(), "--speed", "50", "--no-history", "--json").join();
        assertEquals(0, again.code(), again.err());
        Run analysed = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--analyse",
                rec.toString(), "--json").join();
        assertEquals("done", JsonParser.parseString(analysed.out().trim()).getAsJsonObject().get("ended")
                .getAsString(), "every direction's block ended in the recording");
        for (Run x : List.of(again, analysed)) {
            JsonObject a = JsonParser.parseString(x.out().trim()).getAsJsonObject();
            for (String d : DIRECTIONS) {
                assertEquals(o.getAsJsonObject("directions").getAsJsonObject(d).get("romDeg").getAsDouble(),
                        a.getAsJsonObject("directions").getAsJsonObject(d).get("romDeg").getAsDouble(), 0.5, d);
            }
        }
    }

    @Test
    void aRecordedCheckStoppedBecauseItHurtIsAnalysedAndSavedAsSoAndItsReplayEndsWithTheSamples(@TempDir Path dir)
            throws Exception {
        Path rec = dir.resolve("hurt.csv"), db = dir.resolve("history.db");
        Run live = start(new ByteArrayInputStream("h\n".getBytes(StandardCharsets.UTF_8)), new StringWriter(),
                "mobility", "--simulate", "--seed", "3", "--speed", "max", "--record", rec.toString(), "--no-history",
                "--json").join();
        assertEquals(0, live.code(), live.err());
        assertTrue(Files.readString(rec).lines().anyMatch(l -> l.matches("# event: [0-9.]+ stop hurts")),
                "the stop is in the recording");

        Run json = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--analyse",
                rec.toString(), "--json").join();
        assertEquals(0, json.code(), json.err());
        assertEquals("stop hurts", JsonParser.parseString(json.out().trim()).getAsJsonObject().get("ended")
                .getAsString());
        assertTrue(json.err().contains("see a doctor or physiotherapist"), json.err());

        Run text = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--analyse",
                rec.toString(), "--save-history", "--db", db.toString()).join();
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("mobility check: stop hurts"), text.out());
        assertTrue(text.err().contains("see a doctor or physiotherapist"), text.err());
        try (HistoryStore h = HistoryStore.openForReading(db)) {
            MobilityRecord c = h.mobilityChecks().get(0);
            assertEquals("stop hurts", c.ended());
            assertTrue(c.hurt());
        }

        // replayed, nobody stops the check: it ends with the recording's samples, in those words
        Run replay = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--replay",
                rec.toString(), "--speed", "max", "--no-history", "--json").join();
        assertEquals(0, replay.code(), replay.err());
        assertEquals("the samples ended", JsonParser.parseString(replay.out().trim()).getAsJsonObject()
                .get("ended").getAsString());
    }

    @Test
    void simulatedChecksOnChosenDatesWithAChosenRotationLandInTheHistoryOnThoseDates(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("history.db");
        String[] days = {"2026-10-19T08:30:00", "2026-11-23T08:30:00"};
        double[] rotationDeg = {30, 45};
        for (int i = 0; i < 2; i++) {
            Run r = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--simulate",
                    "--seed", "7", "--speed", "max", "--start", days[i], "--rotation-deg",
                    String.valueOf(rotationDeg[i]), "--db", db.toString()).join();
            assertEquals(0, r.code(), r.err());
        }
        try (HistoryStore h = HistoryStore.openForReading(db)) {
            List<MobilityRecord> checks = h.mobilityChecks();
            assertEquals(2, checks.size());
            for (int i = 0; i < 2; i++) {
                MobilityRecord c = checks.get(i);
                assertEquals(LocalDateTime.parse(days[i]), LocalDateTime.ofInstant(c.start(), c.zone()));
                List<MobilityProtocol.TruthRep> truth = MobilityProtocol.guided(
                        MobilityProtocol.Person.random(7).withRotationDeg(rotationDeg[i]), 7).truth(7);
                for (String d : List.of("rotationLeft", "rotationRight")) {
                    double[] tp = truth.stream().filter(t -> t.direction().equals(d))
                            .mapToDouble(MobilityProtocol.TruthRep::peakDeg).sorted().toArray();
                    assertEquals(rotationDeg[i], tp[1], 0.1 * rotationDeg[i], d + " truth near the chosen range");
                    System.out.printf(java.util.Locale.ROOT, "check %s %s: %.1f° (truth %.1f°)%n", days[i], d,
                            c.directions().get(d).romDeg(), tp[1]);
                    assertEquals(tp[1], c.directions().get(d).romDeg(), 3, d);
                }
            }
        }
        Run bad = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--replay",
                dir.resolve("x.csv").toString(), "--start", days[0]).join();
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("use them with --simulate"), bad.err());
        Run badDate = start(new ByteArrayInputStream(new byte[0]), new StringWriter(), "mobility", "--simulate",
                "--start", "19/10/2026", "--no-history").join();
        assertEquals(2, badDate.code(), badDate.err());
        assertTrue(badDate.err().contains("--start must look like"), badDate.err());
    }

    @Test
    void onASerialLinkItHurtsEndsTheCheckRecordsWhyAndAdvises(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.db"), rec = dir.resolve("guided.csv");
        MobilityProtocol p = MobilityProtocol.guided(MobilityProtocol.Person.random(9), 9);
        try (SocatPair pty = SocatPair.require(dir);
             VirtualSensor sensor = new VirtualSensor(p.scenario(), SimulatorConfig.defaults().withRate(50)
                     .withSeed(9), new VirtualSensor.Events() { })) {
            Thread serving = new Thread(() -> {
                try {
                    sensor.serve(pty.a().toString(), () -> new SerialTransport(pty.a().toString(), 115_200),
                            new ReconnectingLink.Settings(Duration.ofDays(1), Duration.ofMillis(100),
                                    Duration.ofMillis(500), Duration.ofSeconds(60)));
                } catch (Exception e) {
                    // closed at the end of the test
                }
            }, "virtual-sensor");
            serving.setDaemon(true);
            serving.start();
            PipedOutputStream typed = new PipedOutputStream();
            StringWriter err = new StringWriter();
            CompletableFuture<Run> running = start(new PipedInputStream(typed), err, "mobility", "--port",
                    pty.b().toString(), "--db", db.toString(), "--record", rec.toString());
            Poll.until(() -> err.toString().contains("Flexion 1 of 3 counted"), Duration.ofSeconds(30),
                    () -> "the first flexion counted live: " + err);
            typed.write("h\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            Run r = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("mobility check: stop hurts"), r.out());
            assertTrue(r.err().contains("see a doctor or physiotherapist"), r.err());
            assertTrue(Files.readString(rec).lines().anyMatch(l -> l.matches("# event: [0-9.]+ stop hurts")),
                    "the stop is in the recording");
            try (HistoryStore h = HistoryStore.openForReading(db)) {
                MobilityRecord c = h.mobilityChecks().get(0);
                assertEquals("stop hurts", c.ended());
                assertTrue(c.hurt());
                assertTrue(c.directions().get("flexion").reps() >= 1, c.toString());
                assertEquals(0, c.directions().get("rotationRight").reps());
            }
        }
    }
}
