package io.midback.ui;

import io.midback.cli.MidbackCommand;
import org.junit.jupiter.api.Test;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Without a display, {@code midback} prints its usage and {@code midback gui} says why it cannot open. */
class GuiCommandTest {

    @Test
    void withoutADisplayNoArgumentsPrintsUsageAndGuiExplains() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available here");
        var cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute());
        assertTrue(out.toString().contains("Usage: midback"), out.toString());
        assertTrue(out.toString().contains("gui"), out.toString());
        assertEquals(1, cl.execute("gui"));
        assertTrue(err.toString().contains("no display"), err.toString());
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
