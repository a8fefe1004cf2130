package io.midback.ui;

import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.history.HistoryStore;
import io.midback.history.SessionRow;
import io.midback.live.VirtualSensor;
import io.midback.testing.ChildProcess;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window on a live serial link (issue 8, Connect; real pty pair from socat, real window under Xvfb): a
 * virtual Midback sensor streams a scenario with a slump; the window connects to the other end of the pair,
 * streams at 100 Hz, shows the slump alert and makes the sensor vibrate.
 */
@ExtendWith(XvfbExtension.class)
class LiveWindowTest {

    @Test
    void aPortThatSendsNothingSaysItReconnectsAndWhatToCheck(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-silent");
        try (SocatPair pair = SocatPair.require(dir)) { // nothing serves the other end
            ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                    LiveGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(),
                    pair.b().toString(), dir.resolve("config").toString(), "silent").redirectErrorStream(true);
            pb.environment().put("DISPLAY", display.name());
            pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
            int code;
            String output;
            try (ChildProcess p = ChildProcess.start("silent port scenario", pb)) {
                code = p.awaitExit(Duration.ofSeconds(60));
                output = p.out();
            }
            Properties seen = new Properties();
            seen.load(new StringReader(output.replace("\\", "\\\\")));
            assertEquals(0, code, "the scenario failed:\n" + output);
            assertEquals("true", seen.getProperty("silent.said"), output);
            assertTrue(seen.getProperty("silent.connection").startsWith("No data for "), output);
            assertEquals(LivePanel.RECONNECTING_HINT, seen.getProperty("silent.why"), output);
            assertEquals("none", seen.getProperty("silent.cut"), output);
        }
    }

    @Test
    void streamsFromASerialPortAlertsAndVibrates(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-live");
        try (SocatPair pair = SocatPair.require(dir)) {
            Scenario sc;
            try (var in = LiveWindowTest.class.getResourceAsStream("quick-slump.scenario")) {
                sc = Scenario.parse("quick-slump.scenario", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "quick-slump");
            }
            VirtualSensor sensor = new VirtualSensor(sc, SimulatorConfig.defaults().withRate(100).withSeed(3), null);
            Thread serving = new Thread(() -> {
                try {
                    sensor.serve(pair.a().toString(), () -> new SerialTransport(pair.a().toString(), 115_200),
                            new ReconnectingLink.Settings(Duration.ofDays(1), Duration.ofMillis(100),
                                    Duration.ofMillis(500), Duration.ofSeconds(60)));
                } catch (Exception e) {
                    // closed at the end of the test
                }
            }, "virtual-sensor");
            serving.setDaemon(true);
            serving.start();
            try {
                ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                        LiveGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(),
                        pair.b().toString(), dir.resolve("config").toString()).redirectErrorStream(true);
                pb.environment().put("DISPLAY", display.name());
                pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
                int code;
                String output;
                try (ChildProcess p = ChildProcess.start("live window scenario", pb)) {
                    code = p.awaitExit(Duration.ofSeconds(120));
                    output = p.out();
                }
                Properties seen = new Properties();
                seen.load(new StringReader(output.replace("\\", "\\\\")));
                assertEquals(0, code, "the scenario failed:\n" + output);
                assertEquals("true", seen.getProperty("streaming"), output);
                assertEquals("Streaming", seen.getProperty("connection"), output);
                assertEquals(100, Double.parseDouble(seen.getProperty("rateHz")), 3, output);
                assertEquals("true", seen.getProperty("alert.shown"), output);
                assertEquals("serial:" + pair.b(), seen.getProperty("remembered"), output);
                assertTrue(sensor.vibrations() >= 1, "the sensor did not vibrate on the slump:\n" + output);
                assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("08-live-serial.png")));
                // The live session was saved in the history database, and the Today tab shows it.
                Path db = Path.of(seen.getProperty("history.db"));
                assertTrue(db.startsWith(dir), db.toString());
                try (HistoryStore store = HistoryStore.openExisting(db)) {
                    List<SessionRow> sessions = store.sessions();
                    assertEquals(1, sessions.size(), sessions.toString());
                    assertEquals(pair.b().toString(), sessions.get(0).device(), sessions.toString());
                    assertTrue(store.day(LocalDate.now()).summary().alertCount() >= 1);
                }
                assertEquals("true", seen.getProperty("today.loaded"), output);
                assertTrue(seen.getProperty("today.summary").startsWith("Today: 1 session"), output);
                assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("09-today.png")));
            } finally {
                sensor.close();
            }
        }
    }
}
