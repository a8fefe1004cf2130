package io.midback.report;

import io.midback.cli.MidbackCommand;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.history.SyntheticDay;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full simulated day recorded into a real SQLite file, then reported through the command line. */
class ReportTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    static Path dir;
    static Path db;
    static SyntheticDay day;

    @BeforeAll
    static void recordADay() {
        db = dir.resolve("history.db");
        day = SyntheticDay.office(11, 8, 100);
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = store.beginSession(new SessionInfo(
                    LocalDateTime.parse("2024-04-03T08:45:00").atZone(ZONE).toInstant(), ZONE, "sim", "test",
                    null, 18));
            day.feed(rec);
            rec.close();
        }
    }

    @Test
    void theDayCsvTotalsEqualWhatWasFed() throws Exception {
        Path csv = dir.resolve("day.csv");
        assertEquals(0, MidbackCommand.run("report", "--day", "2024-04-03", "--db", db.toString(), "--out",
                csv.toString()));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> head = Arrays.asList(lines.get(0).split(",", -1));
        double[] sums = new double[head.size()];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(head.size(), f.length, line);
            for (int i = 3; i < f.length; i++) {
                sums[i] += f[i].isEmpty() ? 0 : Double.parseDouble(f[i]);
            }
        }
        double[] expected = day.expectedStateSeconds();
        for (PostureState s : PostureState.values()) {
            assertEquals(expected[s.ordinal()], sums[head.indexOf("s_" + s.label())], 1e-3, s.label());
        }
        assertEquals(day.expectedGapS(), sums[head.indexOf("gap_s")], 1e-3);
        assertEquals(day.expectedSlumpEpisodes(), sums[head.indexOf("slump_episodes")]);
        assertEquals(day.alerts.size(), sums[head.indexOf("alerts")]);
        assertEquals(day.expectedBreaks(PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S), sums[head.indexOf("breaks")]);
        assertTrue(day.alerts.size() > 5 && day.expectedBreaks(PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S) > 3);
    }

    @Test
    void theDayPngHasTheExpectedSizeAndIsNotBlank() throws Exception {
        Path png = dir.resolve("day.png");
        assertEquals(0, MidbackCommand.run("report", "--day", "2024-04-03", "--db", db.toString(), "--out",
                png.toString(), "--width", "1000"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(400 + 250, img.getHeight());
        int nonWhite = 0;
        Set<Integer> colours = new HashSet<>();
        boolean upright = false;
        boolean slouched = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
                colours.add(rgb);
                upright |= rgb == (StateColors.of(PostureState.UPRIGHT).getRGB() & 0xffffff);
                slouched |= rgb == (StateColors.of(PostureState.SLOUCHED).getRGB() & 0xffffff);
            }
        }
        double share = nonWhite / (double) (img.getWidth() * img.getHeight());
        assertTrue(share > 0.08 && share < 0.9, "drawn share " + share);
        assertTrue(colours.size() > 50, "colours " + colours.size());
        assertTrue(upright && slouched, "the state ribbon and bars are drawn in the state colours");
    }

    @Test
    void theDaySvgParsesAndHoldsTheCharts() throws Exception {
        Path svg = dir.resolve("day.svg");
        assertEquals(0, MidbackCommand.run("report", "--db", db.toString(), "--out", svg.toString()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(1200, Double.parseDouble(root.getAttribute("width").replace("px", "")));
        assertEquals(780, Double.parseDouble(root.getAttribute("height").replace("px", "")));
        int shapes = doc.getElementsByTagNameNS("*", "path").getLength()
                + doc.getElementsByTagNameNS("*", "rect").getLength();
        assertTrue(shapes > 200, "shapes " + shapes);
        String text = Files.readString(svg);
        assertTrue(text.contains("Thoracic flexion, 2024-04-03"));
        assertTrue(text.contains("Upright share per hour"));
        assertTrue(text.contains("slump above 18°"), "the session's threshold band");
    }

    @Test
    void theDayHtmlEmbedsItsChartsAndTotals() throws Exception {
        Path html = dir.resolve("day.html");
        assertEquals(0, MidbackCommand.run("report", "--day", "2024-04-03", "--db", db.toString(), "--out",
                html.toString()));
        String h = Files.readString(html);
        assertEquals(3, h.split("<svg", -1).length - 1, "three inline charts");
        assertTrue(h.contains("<th>Slump episodes</th><td>" + day.expectedSlumpEpisodes() + "</td>"));
        assertTrue(h.contains("<th>Breaks</th><td>" + day.expectedBreaks(PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S) + "</td>"));
        assertTrue(h.contains("<th>Alerts</th><td>" + day.alerts.size() + " ("));
        assertTrue(h.contains("Longest sedentary stretch"));
        assertTrue(h.contains("link lost"), "the gap's reason");
    }

    @Test
    void aWeekReportsItsDailyTrend() throws Exception {
        Path csv = dir.resolve("week.csv");
        assertEquals(0, MidbackCommand.run("report", "--week", "2024-W14", "--db", db.toString(), "--out",
                csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(8, lines.size());
        assertTrue(lines.get(1).startsWith("2024-04-01,0,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("2024-04-03,1,"), lines.get(3));
        Path png = dir.resolve("week.png");
        assertEquals(0, MidbackCommand.run("report", "--week", "2024-W14", "--db", db.toString(), "--out",
                png.toString(), "--width", "800"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(480, img.getHeight());
        Path html = dir.resolve("week.html");
        assertEquals(0, MidbackCommand.run("report", "--week", "2024-W14", "--db", db.toString(), "--out",
                html.toString()));
        assertTrue(Files.readString(html).contains("<svg"));
    }

    @Test
    void mistakesGetOneClearLine() {
        assertEquals(2, MidbackCommand.run("report", "--db", db.toString(), "--out", dir.resolve("x.pdf").toString()));
        assertEquals(2, MidbackCommand.run("report", "--week", "2024-W60", "--db", db.toString(), "--out",
                dir.resolve("x.png").toString()));
        assertEquals(1, MidbackCommand.run("report", "--day", "2024-04-09", "--db", db.toString(), "--out",
                dir.resolve("x.png").toString()));
        assertEquals(1, MidbackCommand.run("report", "--db", dir.resolve("nothing.db").toString(), "--out",
                dir.resolve("x.png").toString()));
        assertTrue(Files.notExists(dir.resolve("nothing.db")), "reading never creates a database");
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }
}
