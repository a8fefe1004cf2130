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
 * Breaks that move, end to end in the window (real window under Xvfb, a simulated wearer at 24× real time): a break
 * reminder's banner offers the desk routine; taken up, it plays on the Routine tab (how-to, repetitions counted live
 * with their ranges, feedback), finishes, counts as the break, and lands in the history with the streak; started again
 * and stopped because it hurts, it shows the red-flag text and is recorded so (no break, the streak unchanged).
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
        assertEquals("true", seen.getProperty("again.begun"), output);
        assertEquals("true", seen.getProperty("hurts.shown"), output);
        assertTrue(Double.parseDouble(seen.getProperty("hurts.darkContrast")) >= 4.5,
                "the red-flag text is hard to read on the dark theme: " + seen.getProperty("hurts.darkContrast"));
        assertTrue(seen.getProperty("hurts.result").contains("Sharp pain, burning, tingling or nerve-like symptoms "
                + "are red flags: reduce the intensity next time, or consult a professional"), output);
        assertEquals("2", seen.getProperty("history.routines"), output);
        assertTrue(seen.getProperty("history.detail.last", "").startsWith("desk, stopped: it hurts, "), output);
        assertTrue(seen.getProperty("history.detail", "").startsWith("desk, finished, "), output);
        assertTrue(seen.getProperty("history.detail").contains("seated-rotation: 6 reps"), output);
        // each repetition's range in the history, against the simulated person's true one (within 3°)
        java.util.Map<String, List<Double>> truth = new java.util.LinkedHashMap<>();
        for (String t : seen.getProperty("truth").split(" ")) {
            String[] nv = t.split(":");
            truth.computeIfAbsent(nv[0], k -> new java.util.ArrayList<>()).add(Double.parseDouble(nv[1]));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+): (\\d+) reps, ranges ([0-9 ]+)°")
                .matcher(seen.getProperty("history.detail"));
        int exercises = 0;
        while (m.find()) {
            exercises++;
            List<Double> expected = truth.get(m.group(1));
            String[] got = m.group(3).strip().split(" ");
            assertEquals(expected.size(), got.length, m.group(0) + " vs " + expected);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected.get(i), Double.parseDouble(got[i]), 3.0, m.group(0) + " vs " + expected);
            }
        }
        assertEquals(3, exercises, seen.getProperty("history.detail"));
        assertEquals("1", seen.getProperty("history.breaks"), output);
        assertEquals("true", seen.getProperty("history.breakStartsWithRoutine"), output);
        assertEquals("1", seen.getProperty("history.streak"), output);
        assertTrue(Path.of(seen.getProperty("history.db")).startsWith(dir), output);
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("12-routine.png")));
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("13-routine-done.png")));
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve("14-routine-hurts.png")));
    }
}
