package io.midback.ui;

import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window's breathing under X (Xvfb when there is no display), driven by {@link BreatheGuiScenario} in a child
 * JVM: the Live view's rate, the Breathe tab's exercise with its rate and coherence, and the exercise in the
 * history.
 */
@ExtendWith(XvfbExtension.class)
class BreatheWindowTest {

    @Test
    void theBreatheTabPacesAWearerWhoFollowsAndTheExerciseLandsInTheHistory(XvfbExtension.Display display,
                                                                            @TempDir Path dir) throws Exception {
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                BreatheGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(), dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        int code;
        String output;
        try (ChildProcess p = ChildProcess.start("breathe window scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(150));
            output = p.out();
        }
        Properties seen = new Properties();
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
        System.out.println("BreatheWindowTest: live " + seen.getProperty("live.breathing") + "; during the exercise "
                + seen.getProperty("breathe.measured") + ", " + seen.getProperty("breathe.coherence") + "; "
                + seen.getProperty("breathe.result"));
        assertEquals("true", seen.getProperty("live.rated"), output);
        assertEquals(6, Double.parseDouble(seen.getProperty("live.breathing").split(" ")[0]), 1, output);
        assertEquals("true", seen.getProperty("breathe.started"), output);
        assertEquals("true", seen.getProperty("breathe.coherent"), output);
        assertEquals("true", seen.getProperty("breathe.done"), output);
        assertTrue(seen.getProperty("breathe.result").matches(
                "Last exercise: paced at 6/min for 1:30: measured [56](\\.\\d)?/min, coherence 0\\.[789]\\d.*"
                        .replace("0\\.[789]\\d", "(0\\.[789]\\d|1\\.00)")), output);
        assertEquals("1", seen.getProperty("history.exercises"), output);
        assertTrue(seen.getProperty("history.exercise").startsWith("paced at 6/min for 1:30"), output);
        assertTrue(Integer.parseInt(seen.getProperty("history.ratedMinutes")) >= 1, output);
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("11-breathe.png")));
    }
}
