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
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window under X (Xvfb when there is no display): opens on a replay, the chart fills, a slump alert shows
 * in the banner, calibration completes (and refuses a fidgeting wearer). The window runs in a child JVM driven by
 * {@link GuiScenario}; screenshots land in target/screenshots/.
 */
@ExtendWith(XvfbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MidbackWindowTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    private final Properties seen = new Properties();
    private String output;

    @BeforeAll
    void runScenario(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-gui-test");
        Path recording = dir.resolve("slump.csv");
        // Upright for 20 s, slide into a 35° slump over 6 s, hold it to 70 s, sit up again.
        SyntheticWearer.write(recording, 90, 100,
                t -> t < 70 ? SyntheticWearer.ramp(t, 20, 6, 2, 35) : SyntheticWearer.ramp(t, 70, 5, 35, 2));
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"), GuiScenario.class,
                SHOTS.toAbsolutePath().toString(), recording.toString(), dir.resolve("config").toString())
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        int code;
        try (ChildProcess p = ChildProcess.start("window scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(180));
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
        Path f = SHOTS.resolve(name);
        assertTrue(Files.isRegularFile(f), "screenshot " + f + " missing");
        return ImageIO.read(f.toFile());
    }

    /** Pixels within a small distance of {@code rgb}. */
    private static int pixelsNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int dr = ((p >> 16) & 255) - ((rgb >> 16) & 255);
                int dg = ((p >> 8) & 255) - ((rgb >> 8) & 255);
                int db = (p & 255) - (rgb & 255);
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void windowOpensOnAReplay() throws IOException {
        assertEquals("true", get("window.shown"));
        BufferedImage img = shot("01-replay-chart.png");
        assertTrue(img.getWidth() >= 800 && img.getHeight() >= 500, "window size " + img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void chartFillsFromTheReplay() throws IOException {
        assertEquals("true", get("chart.filled"));
        assertTrue(Double.parseDouble(get("chart.sessionS")) >= 15, output);
        // The flexion line (blue) is drawn.
        assertTrue(pixelsNear(shot("01-replay-chart.png"), 0x2E86DE) > 200, "no flexion line in the screenshot");
    }

    @Test
    void slumpShowsAnAlertBanner() throws IOException {
        assertEquals("true", get("alert.shown"));
        assertTrue(get("alert.text").toLowerCase(java.util.Locale.ROOT).contains("slump"), get("alert.text"));
        assertEquals("true", get("alert.bannerVisible"));
        assertEquals("slouched", get("alert.postureState"));
        // The orange banner and the red "slouched" indicator are on screen.
        BufferedImage img = shot("02-slump-alert.png");
        assertTrue(pixelsNear(img, 0xE67E22) > 2000, "no alert banner in the screenshot");
        assertTrue(pixelsNear(img, 0xE74C3C) > 2000, "no slouched indicator in the screenshot");
    }

    @Test
    void calibrationCompletesWhenStillAndRefusesFidgeting() throws IOException {
        assertEquals("DONE", get("calibration.phase"));
        assertTrue(get("calibration.message").startsWith("Calibrated"), get("calibration.message"));
        shot("03-calibration-done.png");
        assertEquals("true", get("fidget.liveFeedback"));
        assertEquals("FAILED", get("fidget.phase"));
        assertTrue(get("fidget.message").contains("moved"), get("fidget.message"));
        shot("06-calibration-not-still.png");
    }

    @Test
    void darkThemeSwitches() throws IOException {
        assertEquals("true", get("theme.dark"));
        BufferedImage img = shot("07-dark.png");
        int p = img.getRGB(img.getWidth() / 2, 5);
        int brightness = ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255);
        assertTrue(brightness < 3 * 110, "the dark window's top is not dark: " + Integer.toHexString(p));
    }
}
