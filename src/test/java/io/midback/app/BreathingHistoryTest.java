package io.midback.app;

import io.midback.breathing.BreathPacer;
import io.midback.cli.MidbackCommand;
import io.midback.history.DayData;
import io.midback.history.DaySummary;
import io.midback.history.EventKind;
import io.midback.history.HistoryStore;
import io.midback.history.MinuteRow;
import io.midback.posture.PostureSettings;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A session saved in the history (a real SQLite file) keeps the breathing rate of each minute while sedentary,
 * and the paced-breathing exercise done during it; the day's summary has the day's rate and the exercise.
 */
class BreathingHistoryTest {

    @Test
    void eachSedentaryMinuteKeepsItsBreathingRateWalkingMinutesHaveNone(@TempDir Path dir) throws Exception {
        Scenario sc = Scenario.parse("breath", "breathing rate=12 variability=0.05 wander=0 sighs=0 pauses=0\n"
                + "0:00 4m still\n+ 2m walk\n+ 3m still\n", "breath");
        Instant start = Instant.parse("2026-11-20T09:00:00Z");
        ZoneId zone = ZoneId.of("UTC");
        SessionSpec spec = SessionSpec.simulator("breath", 50, false, start, zone, "midback",
                PostureSettings.defaults());
        Path db = dir.resolve("history.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            SessionBuilder session = new SessionBuilder(spec);
            session.saveHistory(store);
            session.exercise().start(new BreathPacer(12), 120);
            new Simulator(sc, SimulatorConfig.defaults().withRate(50).withSeed(4)).run(session.start());
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            DayData day = store.day(LocalDate.of(2026, 11, 20));
            List<MinuteRow> minutes = day.minutes();
            assertEquals(9, minutes.size());
            StringBuilder rates = new StringBuilder();
            for (MinuteRow m : minutes) {
                rates.append(String.format(Locale.ROOT, " %.1f(%.0f s)", m.breathRatePerMin(), m.breathValidS()));
            }
            System.out.println("BreathingHistoryTest: minute rates" + rates);
            for (int k : new int[] {1, 2, 3, 7, 8}) {
                assertEquals(12, minutes.get(k).breathRatePerMin(), 1, "minute " + k + ":" + rates);
                assertTrue(minutes.get(k).breathValidS() >= 30, "minute " + k + ":" + rates);
            }
            for (int k : new int[] {4, 5}) {
                assertTrue(Double.isNaN(minutes.get(k).breathRatePerMin()), "walking minute " + k + ":" + rates);
            }
            DaySummary summary = day.summary();
            assertEquals(12, summary.breathRatePerMin(), 1);
            assertTrue(summary.breathMinutes() >= 5 && summary.breathMinutes() <= 7, rates.toString());
            assertEquals(1, summary.breathingExercises());
            var exercise = day.events(EventKind.BREATHING_EXERCISE).get(0);
            assertEquals(start, exercise.start());
            assertEquals(120, exercise.durationS(), 0.1);
            assertTrue(exercise.detail().startsWith("paced at 12/min for 2:00: measured 1"), exercise.detail());
        }
        reportsShowTheBreathing(dir, db);
    }

    /** {@code midback report}: the day's and the week's reports (CSV and HTML) carry the breathing. */
    private static void reportsShowTheBreathing(Path dir, Path db) throws Exception {
        for (String out : new String[] {"day.csv", "day.html", "week.csv", "week.html", "day.png", "day.svg"}) {
            String period = out.startsWith("day") ? "--day=2026-11-20" : "--week=2026-W47";
            assertEquals(0, MidbackCommand.run("report", period, "--db", db.toString(), "--out",
                    dir.resolve(out).toString()), out);
        }
        List<String> day = Files.readAllLines(dir.resolve("day.csv"));
        List<String> head = List.of(day.get(0).split(","));
        int rate = head.indexOf("breath_rate_per_min"), valid = head.indexOf("breath_valid_s");
        assertTrue(rate > 0 && valid > 0, day.get(0));
        String[] minute2 = day.get(3).split(",", -1);
        assertEquals(12, Double.parseDouble(minute2[rate]), 1, day.get(3));
        assertEquals(60, Double.parseDouble(minute2[valid]), 1e-9, day.get(3));
        assertEquals("", day.get(5).split(",", -1)[rate], "walking: " + day.get(5));
        List<String> week = Files.readAllLines(dir.resolve("week.csv"));
        List<String> weekHead = List.of(week.get(0).split(","));
        String[] friday = week.stream().filter(l -> l.startsWith("2026-11-20")).findFirst().orElseThrow()
                .split(",", -1);
        assertEquals(12, Double.parseDouble(friday[weekHead.indexOf("breath_rate_per_min")]), 1);
        assertEquals("1", friday[weekHead.indexOf("breathing_exercises")]);
        String dayHtml = Files.readString(dir.resolve("day.html"));
        assertTrue(dayHtml.matches("(?s).*<th>Breathing while sedentary</th><td>1[12]\\.\\d breaths/min \\(median of "
                + "\\d minutes\\)</td>.*"), "day report");
        assertTrue(dayHtml.contains("paced at 12/min for 2:00"), "the exercise in the day report");
        assertTrue(dayHtml.contains("Breathing while sedentary, 2026-11-20"), "the breathing chart");
        // the day's image has the breathing band across its foot (1200 px wide: 480 + 300 + 240 px)
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("day.png").toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(480 + 300 + 240, png.getHeight());
        assertTrue(Files.readString(dir.resolve("day.svg")).contains("Breathing while sedentary, 2026-11-20"),
                "the breathing chart in the day's SVG");
        assertTrue(Files.readString(dir.resolve("week.html")).matches("(?s).*<td class=\"n\">1[12]\\.\\d "
                + "breaths/min \\(median of \\d minutes\\)</td><td class=\"n\">1</td>.*"), "week report");
    }
}
