package io.midback.cli;

import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.report.MobilityNorms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mobility checks in a real SQLite history: listed by {@code history --mobility}, reported by {@code report --mobility}. */
class MobilityHistoryReportTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** A check whose rotation improves by {@code gainDeg} a week. */
    static MobilityRecord check(int week, double gainDeg, String ended) {
        Map<String, MobilityRecord.Direction> dirs = new LinkedHashMap<>();
        double[] rom = {70, 20, 30, 32, 35 + week * gainDeg, 38 + week * gainDeg};
        String[] names = {"flexion", "extension", "sideBendLeft", "sideBendRight", "rotationLeft", "rotationRight"};
        for (int i = 0; i < 6; i++) {
            dirs.put(names[i], new MobilityRecord.Direction(rom[i], 3, 2, List.of(rom[i] - 1, rom[i], rom[i] + 1),
                    i == 4 ? List.of("rotationLeft repetition 2: side bend of 16° mixed in (limit 15°)") : List.of(), Double.NaN));
        }
        return new MobilityRecord(0, Instant.parse("2026-11-02T08:00:00Z").plus(7L * week, ChronoUnit.DAYS), ZONE,
                "simulator", "simulator mobility-check", ended, List.of(), dirs);
    }

    @Test
    void checksOverWeeksAreListedAndReportedBesideTheNorms(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int w = 0; w < 4; w++) {
                store.saveMobilityCheck(check(w, 3, w == 3 ? "stop hurts" : "done"));
            }
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            List<MobilityRecord> back = store.mobilityChecks();
            assertEquals(4, back.size());
            assertEquals(44, back.get(3).directions().get("rotationLeft").romDeg(), 1e-9);
            assertEquals(List.of(43.0, 44.0, 45.0), back.get(3).directions().get("rotationLeft").peaksDeg());
            assertEquals(1, back.get(0).directions().get("rotationLeft").notes().size());
            assertTrue(back.get(3).hurt());
        }
        ReplayCommandTest.Run list = ReplayCommandTest.run("history", "--mobility", "--db", db.toString());
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(4, lines.size(), list.out());
        assertTrue(lines.get(0).contains("2026-11-02 09:00  done") && lines.get(0).contains("rotationLeft 35° ×3"),
                lines.get(0));
        assertTrue(lines.get(3).contains("stop hurts") && lines.get(3).contains("rotationLeft 44° ×3"), lines.get(3));

        Path html = dir.resolve("mobility.html"), png = dir.resolve("mobility.png"), svg = dir.resolve("m.svg"),
                csv = dir.resolve("m.csv");
        for (Path out : List.of(html, png, svg, csv)) {
            ReplayCommandTest.Run r = ReplayCommandTest.run("report", "--mobility", "--db", db.toString(), "--out",
                    out.toString(), "--width", "900");
            assertEquals(0, r.exitCode(), r.err());
        }
        String h = Files.readString(html);
        assertTrue(h.contains("<svg") && h.contains(MobilityNorms.AAOS) && h.contains("Norms vary widely"), h);
        assertTrue(h.contains("stopped because it hurt"), "the latest check hurt");
        assertTrue(h.contains("<td>rotationLeft</td><td class=\"n\">44°</td><td class=\"n\">3</td>"
                + "<td class=\"n\">2°</td><td class=\"n\">45°</td>"), "the latest beside the norm");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(900, img.getWidth());
        assertTrue(Files.readString(svg).contains("norm"), "the norms drawn");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 4 * 6, rows.size());
        assertTrue(rows.contains("4,2026-11-23 09:00,stop hurts,rotationLeft,44.0,3,2.0,45"), rows.toString());

        ReplayCommandTest.Run none = ReplayCommandTest.run("report", "--mobility", "--db",
                dir.resolve("empty.db").toString(), "--out", html.toString());
        assertEquals(1, none.exitCode());
        assertEquals(1, none.err().strip().lines().count(), none.err());
    }

    @Test
    void theWeeksReportShowsTheMobilityTrendUpToThatWeek(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.db");
        ReplayCommandTest.Run saved = ReplayCommandTest.run("replay", "samples/slump-demo.csv.gz", "--quiet",
                "--save-history", "--db", db.toString());
        assertEquals(0, saved.exitCode(), saved.err());
        try (HistoryStore store = HistoryStore.open(db)) {
            store.saveMobilityCheck(check(0, 3, "done")); // 2026-11-02, two weeks before the sample's day
        }
        Path html = dir.resolve("week.html");
        ReplayCommandTest.Run r = ReplayCommandTest.run("report", "--week", "2026-W47", "--db", db.toString(),
                "--out", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        String h = Files.readString(html);
        assertTrue(h.contains("<h2>Mobility: every check up to this week</h2>"), h);
        assertTrue(h.indexOf("Mobility: every check") < h.lastIndexOf("</body>"), "inside the page");
        assertTrue(h.contains(MobilityNorms.AAOS));
    }
}
