package io.midback.ui;

import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guided mobility check end to end in the window (real window under Xvfb, simulated wearer): Start check on the
 * Mobility tab, repetitions counted live, every direction's result shown beside its norm, the check in the history.
 */
@ExtendWith(XvfbExtension.class)
class MobilityWindowTest {

    @Test
    void aGuidedCheckRunsInTheMobilityTabAndLandsInTheHistory(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-mobility");
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                MobilityGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(),
                dir.resolve("config").toString()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        int code;
        String output;
        try (ChildProcess p = ChildProcess.start("mobility window scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(120));
            output = p.out();
        }
        Properties seen = new Properties();
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
        assertEquals("true", seen.getProperty("counted.live"), output);
        assertEquals("true", seen.getProperty("done"), output);
        assertEquals("6", seen.getProperty("rows"), output);
        for (String d : List.of("flexion", "extension", "sideBendLeft", "sideBendRight", "rotationLeft",
                "rotationRight")) {
            // the table names each direction as people read it ("side bend left"), not by its JSON name
            String row = "row." + io.midback.mobility.Direction.byJsonName(d).label().replace(' ', '_');
            assertTrue(seen.getProperty(row, "").matches("\\d+° 3 \\d+°"), row + ": " + output);
            assertEquals("3", seen.getProperty("history." + d), output);
        }
        assertEquals("true", seen.getProperty("trend.shown"), output);
        assertTrue(Double.parseDouble(seen.getProperty("trend.darkPlotLuminance")) < 0.2,
                "a plot of the trend stays light in the dark theme: " + output);
        assertEquals("1", seen.getProperty("history.checks"), output);
        assertEquals("done", seen.getProperty("history.ended"), output);
        assertTrue(Path.of(seen.getProperty("history.db")).startsWith(dir), output);
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("10-mobility.png")));
    }
}
