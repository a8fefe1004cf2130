package io.midback.ui;

import io.midback.cli.MidbackCommand;
import org.junit.jupiter.api.Test;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without a display, {@code midback} runs the main job in the terminal (the bundled sample through the whole
 * pipeline, the posture summary on stdout, a one-line note on stderr) and {@code midback gui} says why it cannot
 * open.
 */
class GuiCommandTest {

    @Test
    void withoutADisplayNoArgumentsReplaysTheBundledSampleAndGuiExplains() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available here");
        var cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute());
        String o = out.toString(), e = err.toString();
        // The slump-demo sample: 10 minutes at 100 Hz, with slumps (samples/slump-demo.episodes.json has 4).
        assertTrue(o.startsWith("60000 samples, 10.0 min"), o);
        assertTrue(o.contains("slump episodes: 4"), o);
        assertTrue(o.contains("slouched"), o);
        assertEquals(1, e.lines().filter(l -> l.contains("no display found")).count(), e);
        assertTrue(e.contains("slump-demo.csv.gz"), e);
        assertEquals(1, cl.execute("gui"));
        assertTrue(err.toString().contains("no display"), err.toString());
    }

    @Test
    void withoutTheBundledSampleNoArgumentsPrintsTheUsage() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available here");
        String before = System.getProperty("midback.samples.dir");
        System.setProperty("midback.samples.dir", "/nonexistent-midback-samples");
        try {
            var cl = MidbackCommand.commandLine();
            StringWriter out = new StringWriter(), err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            assertEquals(0, cl.execute());
            assertTrue(out.toString().contains("Usage: midback"), out.toString());
            assertTrue(err.toString().contains("not beside the program"), err.toString());
        } finally {
            if (before == null) {
                System.clearProperty("midback.samples.dir");
            } else {
                System.setProperty("midback.samples.dir", before);
            }
        }
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
}
