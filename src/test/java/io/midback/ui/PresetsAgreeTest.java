package io.midback.ui;

import io.midback.cli.MidbackCommand;
import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's presets are the engine's, and {@code --help} quotes the engine's figures. */
class PresetsAgreeTest {

    @Test
    void theWindowsPresetsAreTheEnginesPresets() {
        assertArrayEquals(Arrays.stream(SlumpPreset.values()).map(SlumpPreset::label).toArray(),
                AlertSettings.PRESETS);
        for (SlumpPreset p : SlumpPreset.values()) {
            AlertSettings window = AlertSettings.preset(p.label());
            assertEquals(p.thresholdDeg, window.thresholdDeg(), p.label());
            assertEquals(p.dwellS, window.delayS(), p.label());
            PostureSettings engine = EngineBackend.toEngine(window);
            assertEquals(PostureSettings.preset(p), engine, p.label() + ": the window runs the engine's preset");
        }
    }

    @Test
    void theHelpQuotesTheEnginesFigures() {
        StringWriter out = new StringWriter();
        var cl = MidbackCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("replay", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        String thresholds = Arrays.stream(SlumpPreset.values()).map(p -> fmt(p.thresholdDeg))
                .collect(Collectors.joining("/"));
        String dwells = Arrays.stream(SlumpPreset.values()).map(p -> fmt(p.dwellS)).collect(Collectors.joining("/"));
        String order = Arrays.stream(SlumpPreset.values()).map(SlumpPreset::label).collect(Collectors.joining("/"));
        assertTrue(help.contains("presets " + order + ": " + thresholds + ")"), help);
        assertTrue(help.contains("presets " + order + ": " + dwells + ")"), help);
    }

    private static String fmt(double v) {
        return String.valueOf((long) v);
    }
}
