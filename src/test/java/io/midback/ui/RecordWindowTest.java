package io.midback.ui;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.cli.MidbackCommand;
import io.midback.live.VirtualSensor;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.Site;
import io.midback.testing.ChildProcess;
import io.midback.testing.Poll;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window records a live session as {@code live --record} does (real window under Xvfb, opened as
 * {@code midback gui} opens it; two real socat pty pairs, each with a virtual Midback sensor of one wearer, the
 * thorax and the sacrum, as {@code simulate --serve-serial} serves them). Remembered: the upper sensor (attached), a
 * lower sensor that is not attached and a "Record to" file that cannot be written: the window says so for each.
 * Then the Connect tab gets the real lower port and a writable file; the window records both sensors, says where,
 * disconnects and says it stopped; {@code replay FILE --lower FILE.lower} of the recording holds the samples the
 * sensors sent. About 20 s.
 */
@ExtendWith(XvfbExtension.class)
class RecordWindowTest {

    @Test
    void theWindowRecordsBothSensorsAsLiveDoesAndTheRecordingReplays(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-record");
        Scenario sc;
        try (InputStream in = getClass().getResourceAsStream("/io/midback/live/two-live.scenario")) {
            sc = Scenario.parse("two-live.scenario", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "two-live");
        }
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(100).withSeed(7);
        Path missingLower = dir.resolve("no-such-port");
        Path inTheWay = Files.writeString(dir.resolve("afile"), "a file, not a folder");
        Path unwritable = inTheWay.resolve("day.csv");
        Path record = dir.resolve("rec").resolve("day.csv");
        Path config = Files.createDirectories(dir.resolve("config"));
        try (SocatPair up = SocatPair.require(Files.createDirectories(dir.resolve("up")));
             SocatPair low = SocatPair.require(Files.createDirectories(dir.resolve("low")))) {
            Files.writeString(config.resolve("settings.properties"), "last.source=serial\\:" + esc(up.b())
                    + "\nlower.port=" + esc(missingLower) + "\nrecord.file=" + esc(unwritable) + "\n");
            VirtualSensor upper = serve(sc, cfg, Site.THORAX, up.a().toString());
            VirtualSensor lower = serve(sc, cfg, Site.SACRUM, low.a().toString());
            String output;
            int code;
            try {
                ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                        RecordGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(),
                        config.toString(), low.b().toString(), record.toString()).redirectErrorStream(true);
                pb.environment().put("DISPLAY", display.name());
                pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
                try (ChildProcess p = ChildProcess.start("record window scenario", pb)) {
                    code = p.awaitExit(Duration.ofSeconds(120));
                    output = p.out();
                }
            } finally {
                upper.close();
                lower.close();
            }
            Properties seen = new Properties();
            seen.load(new StringReader(output.replace("\\", "\\\\")));
            assertEquals(0, code, "the scenario failed:\n" + output);
            assertFalse(output.contains("Exception") || output.contains("\tat "), "no stack trace:\n" + output);

            // The remembered lower sensor is not attached: the session goes on with the upper one, saying so.
            assertEquals("true", seen.getProperty("lower.shown"), output);
            String lowerNotice = seen.getProperty("lower.notice");
            assertTrue(lowerNotice.contains(missingLower.toString()) && lowerNotice.contains(
                    "the session goes on with the upper sensor alone"), lowerNotice);
            // The remembered file cannot be written: one line naming it and why; the session refused.
            assertEquals("true", seen.getProperty("source.shown"), output);
            String refused = seen.getProperty("source.notice");
            System.out.println("RecordWindowTest: " + refused);
            assertTrue(refused.startsWith("cannot record to " + unwritable + ": " + inTheWay
                    + " is a file, where a folder is needed."), refused);
            assertFalse(refused.contains("switched on"), "the sensor is not the matter: " + refused);
            // The Connect tab showed what was remembered.
            assertEquals(missingLower.toString(), seen.getProperty("restored.lowerPort"), output);
            assertEquals(unwritable.toString(), seen.getProperty("restored.recordFile"), output);

            // Recording: where, then when it stopped; the new port and file remembered.
            assertEquals("true", seen.getProperty("connect.lastReachable"),
                    "the Connect tab's simulator cannot be reached under two notices:\n" + output);
            assertEquals("true", seen.getProperty("recording.said"), output);
            assertEquals("Recording to " + record + " and day.lower.csv", seen.getProperty("status.recording"));
            assertEquals("true", seen.getProperty("recorded"), output);
            assertEquals("true", seen.getProperty("stopped.said"), output);
            assertTrue(seen.getProperty("status.stopped").matches("Recording stopped at \\d\\d:\\d\\d:\\d\\d: "
                    + java.util.regex.Pattern.quote(record + " and day.lower.csv")), seen.getProperty("status.stopped"));
            assertEquals(low.b().toString(), seen.getProperty("remembered.lowerPort"), output);
            assertEquals(record.toString(), seen.getProperty("remembered.recordFile"), output);
            assertEquals("0", seen.getProperty("launcher.exit"), output);

            // Both files, each naming the other, hold the samples the sensors sent (the last frames in flight when
            // the link closed aside: at most half a second).
            Path lowerRecord = record.resolveSibling("day.lower.csv");
            RecordingMetadata upperMeta = CsvSampleReader.readMetadata(record);
            RecordingMetadata lowerMeta = CsvSampleReader.readMetadata(lowerRecord);
            assertEquals("day.lower.csv", upperMeta.get(RecordingMetadata.LOWER).orElse(null));
            assertEquals("day.csv", lowerMeta.get(RecordingMetadata.UPPER).orElse(null));
            assertEquals(Site.SACRUM.name(), lowerMeta.get(RecordingMetadata.SITE).orElse(null));
            assertEquals("100", upperMeta.get(RecordingMetadata.RATE_HZ).orElse(null));
            long upperRecorded = count(record), lowerRecorded = count(lowerRecord);
            System.out.printf(Locale.ROOT, "RecordWindowTest: upper sent %d, recorded %d; lower sent %d, recorded "
                    + "%d%n", upper.samplesSent(), upperRecorded, lower.samplesSent(), lowerRecorded);
            assertTrue(upperRecorded > 600 && upperRecorded <= upper.samplesSent()
                    && upperRecorded >= upper.samplesSent() - 50, "upper: " + upperRecorded + " of "
                    + upper.samplesSent());
            assertTrue(lowerRecorded > 600 && lowerRecorded <= lower.samplesSent()
                    && lowerRecorded >= lower.samplesSent() - 50, "lower: " + lowerRecorded + " of "
                    + lower.samplesSent());

            // They replay, together: every recorded sample, and spine angles between the two sensors.
            StringWriter out = new StringWriter(), err = new StringWriter();
            var cl = MidbackCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int replayed = cl.execute("replay", record.toString(), "--lower", lowerRecord.toString(), "--json",
                    "--quiet");
            assertEquals(0, replayed, err.toString());
            String[] lines = out.toString().trim().split("\n");
            JsonObject j = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
            System.out.printf(Locale.ROOT, "RecordWindowTest replay --lower: %d samples, %d sensors%n",
                    j.get("samples").getAsLong(), j.get("sensors").getAsInt());
            assertEquals(upperRecorded, j.get("samples").getAsLong(), out.toString());
            assertEquals(2, j.get("sensors").getAsInt(), out.toString());
        }
    }

    /** A path as a properties file writes it. */
    private static String esc(Path p) {
        return p.toString().replace("\\", "\\\\").replace(":", "\\:");
    }

    private static long count(Path csv) {
        AtomicLong n = new AtomicLong();
        CsvSampleReader.of(csv).read(new SampleSink() {
            @Override
            public void accept(SampleBatch batch) {
                n.addAndGet(batch.size());
            }
        });
        return n.get();
    }

    /** A virtual sensor at {@code site} serving {@code port} on a thread of its own, once it has its port open. */
    private static VirtualSensor serve(Scenario sc, SimulatorConfig cfg, Site site, String port)
            throws InterruptedException {
        AtomicBoolean open = new AtomicBoolean();
        VirtualSensor sensor = new VirtualSensor(sc, cfg, site, new VirtualSensor.Events() {
            @Override
            public void onLink(LinkState state, String reason) {
                if (state == LinkState.CONNECTED) {
                    open.set(true);
                }
            }
        });
        Thread t = new Thread(() -> {
            try {
                sensor.serve(port, () -> new SerialTransport(port, 115_200), new ReconnectingLink.Settings(
                        Duration.ofDays(1), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60)));
            } catch (Exception e) {
                // the test's assertions say what did not come
            }
        }, "virtual-sensor " + port);
        t.setDaemon(true);
        t.start();
        Poll.until(open::get, Duration.ofSeconds(30), () -> "the virtual sensor opened " + port);
        return sensor;
    }
}
