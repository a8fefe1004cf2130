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
 * Breaks that move, end to end in the window (real window under Xvfb, a simulated wearer at 16× real time): a break
 * reminder's banner offers the desk routine; taken up, it plays on the Routine tab (how-to, repetitions counted live
 * with their ranges, feedback), finishes, counts as the break, and lands in the history with the streak.
 */
@ExtendWith(XvfbExtension.class)
class RoutineWindowTest {

    @Test
    void aBreakRemindersDeskRoutinePlaysInTheRoutineTabAndIsTheBreak(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-routine");
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                RoutineGuiScenario.class, MidbackWindowTest.SHOTS.toAbsolutePath().toString(),
                dir.resolve("config").toString()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        int code;
        String output;
        try (ChildProcess p = ChildProcess.start("routine window scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(120));
            output = p.out();
        }
        System.out.println("RoutineWindowTest:\n" + output);
        Properties seen = new Properties();
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
        assertEquals("true", seen.getProperty("offered"), output);
        assertEquals("Routine", seen.getProperty("tab"), output);
        assertEquals("true", seen.getProperty("counted.live"), output);
        assertEquals("Seated rotations", seen.getProperty("title.live"), output);
        assertEquals("true", seen.getProperty("done"), output);
        assertTrue(seen.getProperty("result", "").contains("movement break"), output);
        assertEquals("true", seen.getProperty("streak.shown"), output);
        assertEquals("1", seen.getProperty("history.routines"), output);
        assertTrue(seen.getProperty("history.detail", "").startsWith("desk, finished, "), output);
        assertTrue(seen.getProperty("history.detail").contains("seated-rotation: 6 reps"), output);
        assertEquals("1", seen.getProperty("history.breaks"), output);
        assertEquals("true", seen.getProperty("history.breakStartsWithRoutine"), output);
        assertEquals("1", seen.getProperty("history.streak"), output);
        assertTrue(Path.of(seen.getProperty("history.db")).startsWith(dir), output);
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("12-routine.png")));
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("13-routine-done.png")));
    }
}
