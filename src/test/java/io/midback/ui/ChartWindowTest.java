package io.midback.ui;

import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts in the real window under X (issue 16, the window's chart findings; {@link ChartScenario} drives it in
 * a child JVM): screenshots land in target/screenshots/chart-*.png. What can be asserted on the chart's model is
 * asserted in {@link LiveChartTest} and {@code io.midback.report.ChartStyleTest}; here what the user sees.
 */
@ExtendWith(XvfbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartWindowTest {
    private final Properties seen = new Properties();
    private String output;

    @BeforeAll
    void runScenario(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-chart-test");
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"), ChartScenario.class,
                MidbackWindowTest.SHOTS.toAbsolutePath().toString(), dir.toString()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        int code;
        try (ChildProcess p = ChildProcess.start("chart scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(120));
            output = p.out();
        }
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
    }

    private String get(String key) {
        String v = seen.getProperty(key);
        assertTrue(v != null, "the scenario did not report " + key + ":\n" + output);
        return v;
    }

    private static BufferedImage shot(String name) throws IOException {
        Path f = MidbackWindowTest.SHOTS.resolve(name);
        assertTrue(Files.isRegularFile(f), "screenshot " + f + " missing");
        return ImageIO.read(f.toFile());
    }

    @Test
    void theChartFillsAndNegativeZeroReadsAsZero() throws IOException {
        assertEquals("true", get("chart.filled"));
        String label = get("flexion.label");
        System.out.println("flexion label at -0.3°: " + label);
        assertEquals("0°", label);
        shot("chart-01-walking-gap.png");
    }

    @Test
    void theBreakReminderIsReadableWholeAndCoversNoChart() throws IOException {
        assertEquals("true", get("banner.textFits"), "the break reminder's text is cut off");
        assertEquals("false", get("banner.overChart"), "the banner covers the chart (and its legend)");
        shot("chart-02-break-banner.png");
    }

    /**
     * Thirty alerts of three kinds (one and two lines) in quick succession while the banner shows: each is shown
     * whole, the strip keeps the room it has, and the chart does not change size (a whole window's layout and
     * repaint per alert held the event thread for tens of milliseconds).
     */
    @Test
    void aBurstOfAlertsNeitherMovesTheChartNorLaysOutTheWindow() throws IOException {
        assertEquals("true", get("burst.textFits"), "an alert of the burst was cut off or not shown");
        assertEquals("0", get("burst.chartResizes"), "the chart changed size as alerts came");
        assertEquals("0", get("burst.roomChanges"), "the window laid out the banner's room again as alerts came");
        shot("chart-02b-after-a-burst-of-alerts.png");
    }

    /** Shrunk as far as it goes, the window shows every tab's content whole (no text cut to "…", no box lost). */
    @Test
    void atItsMinimumSizeEveryTabIsWhole() {
        System.out.println("minimum size " + get("minimum.size") + ", cut: " + get("minimum.cut"));
        System.out.println("the longest routine title is short of room by " + get("minimum.routineTitleShortPx") + " px");
        assertEquals("none", get("minimum.cut"), "at " + get("minimum.size"));
        assertTrue(Integer.parseInt(get("minimum.routineTitleShortPx")) <= 0, "the longest routine title is cut at "
                + get("minimum.size"));
    }

    /** Alert settings: each field's label gives its range; 500° is named in one line and not applied as 60°. */
    @Test
    void alertSettingsShowTheirRangesAndSayWhenAValueIsOutOfIt() {
        String labels = get("alertSettings.labels");
        System.out.println("alert settings labels: " + labels);
        assertTrue(labels.contains("(1–60° of flexion)") && labels.contains("(0–3600 s)")
                && labels.contains("(0–1440 min, 0 = off)"), labels);
        String problem = get("alertSettings.problem");
        System.out.println("alert settings problem: " + problem);
        assertEquals("Slump threshold: 500 is not a number from 1–60.", problem);
        assertEquals("true true", get("alertSettings.keptOpenAndValue"), "Apply applied a value out of range");
    }

    /** A one-line alert after a two-line one: once the alerts pause, the strip is one line tall again. */
    @Test
    void theBannersHeightFollowsItsTextOnceAlertsPause() {
        String[] h = get("banner.heights").split(" "); // after the burst, a moment later, the same alert shown anew
        System.out.println("banner heights after the burst, after the pause, shown anew: " + String.join(", ", h));
        assertTrue(Integer.parseInt(h[0]) > Integer.parseInt(h[2]), "the burst left no two-line room");
        assertEquals(h[2], h[1], "the banner kept a two-line height for a one-line alert");
    }

    @Test
    void theTodayChartsFollowTheDarkTheme() throws IOException {
        assertEquals("true", get("today.loaded"));
        double dark = ScenarioSupport.whiteShareBelowTabs(shot("chart-04-dark-today.png"));
        double light = ScenarioSupport.whiteShareBelowTabs(shot("chart-05-light-today.png"));
        System.out.printf(Locale.ROOT, "near-white share of the Today tab: dark %.3f, light %.3f%n", dark, light);
        assertTrue(light > 0.3, "the light Today tab should be mostly white: " + light);
        assertTrue(dark < 0.02, "the dark Today tab still has white charts: " + dark);
        assertFalse(output.contains("notice.history"), output);
    }
}
