package io.midback.ui;

import io.midback.cli.Main;
import io.midback.cli.MidbackCommand;
import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a display, {@code midback} runs the main job in the terminal (the bundled sample through the whole
 * pipeline, the posture summary on stdout, a one-line note on stderr) and {@code midback gui} says why it cannot
 * open. The commands run in a child JVM without a display (no {@code DISPLAY}, {@code java.awt.headless=true}),
 * so these tests run, and can fail, on a desktop too.
 */
class GuiCommandTest {

    /** Runs {@code midback ARGS} headless in its own JVM; returns its exit code, stdout and stderr. */
    private static ChildResult headless(List<String> jvmArgs, String... args) throws Exception {
        List<String> jvm = new ArrayList<>(jvmArgs);
        jvm.add("-Djava.awt.headless=true");
        ProcessBuilder pb = ChildProcess.java(jvm, Main.class, args);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        try (ChildProcess p = ChildProcess.start("midback " + String.join(" ", args), pb)) {
            int code = p.awaitExit(Duration.ofSeconds(90));
            return new ChildResult(code, p.out(), p.err());
        }
    }

    private record ChildResult(int code, String out, String err) {
    }

    @Test
    void withoutADisplayNoArgumentsReplaysTheBundledSampleAndGuiExplains() throws Exception {
        ChildResult r = headless(List.of());
        assertEquals(0, r.code(), r.err());
        // The slump-demo sample: 10 minutes at 100 Hz, with slumps (samples/slump-demo.episodes.json has 4).
        assertTrue(r.out().startsWith("60000 samples, 10.0 min"), r.out());
        assertTrue(r.out().contains("slump episodes: 4"), r.out());
        assertTrue(r.out().contains("slouched"), r.out());
        assertEquals(1, r.err().lines().filter(l -> l.contains("no display found")).count(), r.err());
        assertTrue(r.err().contains("slump-demo.csv.gz"), r.err());
        ChildResult gui = headless(List.of(), "gui");
        assertEquals(1, gui.code(), gui.err());
        assertTrue(gui.err().contains("no display"), gui.err());
        assertTrue(gui.err().lines().noneMatch(l -> l.startsWith("\tat ")), "a stack trace: " + gui.err());
    }

    @Test
    void withoutTheBundledSampleNoArgumentsPrintsTheUsage() throws Exception {
        ChildResult r = headless(List.of("-Dmidback.samples.dir=/nonexistent-midback-samples"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: midback"), r.out());
        assertTrue(r.err().contains("not beside the program"), r.err());
    }

    @Test
    void badSpeedIsAClearError() {
        var cl = MidbackCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("gui", "--replay", "/nonexistent.csv", "--speed", "fast");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("midback gui:"), err.toString());
    }

    @Test
    void saveHistoryAndNoHistoryTogetherIsAUsageError() {
        var cl = MidbackCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("gui", "--replay", "/nonexistent.csv", "--save-history", "--no-history");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--save-history and --no-history"), err.toString());
    }
}
