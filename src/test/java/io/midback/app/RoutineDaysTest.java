package io.midback.app;

import io.midback.cli.MidbackCommand;
import io.midback.history.EventKind;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.RoutineDays;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureSettings;
import io.midback.routine.ExerciseResult;
import io.midback.routine.RoutineResult;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minutes per day and the streak, from a real SQLite history: a week of sessions, each with a routine finished or
 * stopped (written by the recorder as a session writes it), read back by {@link RoutineDays} and shown by
 * {@code report --week} (CSV and HTML) and the day's report.
 */
class RoutineDaysTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16); // 2026-W47

    /** A session of 90 s at 09:00 on {@code day} with a routine of {@code minutes} from 10 s in. */
    private static void dayWithRoutine(HistoryStore store, LocalDate day, double minutes, boolean finished) {
        SessionSpec spec = SessionSpec.simulator("day", 50, false, day.atTime(9, 0).atZone(ZONE).toInstant(), ZONE,
                "midback", PostureSettings.defaults());
        SessionBuilder session = new SessionBuilder(spec);
        HistoryRecorder h = session.saveHistory(store);
        double endS = 10 + minutes * 60;
        RoutineResult r = new RoutineResult("desk", 10, endS, List.of(new ExerciseResult("seated-rotation", 15, endS,
                6, new double[] {50, 52, 51, 49, 50, 52}, new double[6], List.of(), finished ? "done" : "stopped", false)),
                finished, false);
        session.addPostureListener(new PostureListener() {
            boolean written;

            @Override
            public void onPosture(PostureFrame f) {
                if (!written && f.tS >= endS) {
                    written = true;
                    h.onRoutine(r.startS(), r.endS(), r.describe());
                }
            }
        });
        new Simulator(Scenario.parse("sit", "0:00 90s still\n", "sit"), SimulatorConfig.defaults().withRate(50)
                .withSeed(3)).run(session.start());
    }

    @Test
    void minutesPerDayAndTheStreakFromTheHistoryAndInTheWeeksReport(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("history.sqlite");
        try (HistoryStore store = HistoryStore.open(db)) {
            dayWithRoutine(store, MONDAY, 1.2, true);
            dayWithRoutine(store, MONDAY.plusDays(1), 0.5, false); // stopped: breaks the streak
            dayWithRoutine(store, MONDAY.plusDays(2), 0.8, true);
            dayWithRoutine(store, MONDAY.plusDays(3), 0.4, false);
            dayWithRoutine(store, MONDAY.plusDays(3), 1.0, true); // two that day: minutes add up
            dayWithRoutine(store, MONDAY.plusDays(5), 0.6, true);
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            RoutineDays r = RoutineDays.of(store.events(EventKind.ROUTINE));
            assertEquals(1.2, r.minutesOn(MONDAY), 0.01);
            assertEquals(0.5, r.minutesOn(MONDAY.plusDays(1)), 0.01);
            assertEquals(1.4, r.minutesOn(MONDAY.plusDays(3)), 0.01);
            assertEquals(0, r.minutesOn(MONDAY.plusDays(4)), 0);
            assertEquals(1, r.streakOn(MONDAY));
            assertEquals(0, r.streakOn(MONDAY.plusDays(1)), "a stopped routine does not keep the streak");
            assertEquals(1, r.streakOn(MONDAY.plusDays(2)));
            assertEquals(2, r.streakOn(MONDAY.plusDays(3)));
            assertEquals(2, r.currentStreak(MONDAY.plusDays(4)), "today has none yet: yesterday's streak goes on");
            assertEquals(0, r.currentStreak(MONDAY.plusDays(5).plusDays(2)), "a day missed ends it");
            assertEquals(1, r.currentStreak(MONDAY.plusDays(5)));
            assertEquals(1.4, store.day(MONDAY.plusDays(3)).summary().routineMinutes(), 0.01);
            assertEquals(1, store.day(MONDAY.plusDays(3)).summary().routinesFinished());
        }
        Path csv = dir.resolve("week.csv"), html = dir.resolve("week.html"), dayHtml = dir.resolve("day.html");
        assertEquals(0, MidbackCommand.run("report", "--week=2026-W47", "--db", db.toString(), "--out",
                csv.toString()));
        assertEquals(0, MidbackCommand.run("report", "--week=2026-W47", "--db", db.toString(), "--out",
                html.toString()));
        assertEquals(0, MidbackCommand.run("report", "--day=2026-11-19", "--db", db.toString(), "--out",
                dayHtml.toString()));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        System.out.println("RoutineDaysTest: week.csv\n" + String.join("\n", lines));
        assertTrue(lines.get(0).contains(",routine_minutes,routines_finished,streak_days"), lines.get(0));
        int routineColumn = List.of(lines.get(0).split(",", -1)).indexOf("routine_minutes");
        List<String> tails = lines.subList(1, lines.size()).stream()
                .map(l -> l.substring(0, 10) + " " + String.join(",", List.of(l.split(",", -1))
                        .subList(routineColumn, routineColumn + 3))).toList();
        assertEquals(List.of("2026-11-16 1.2000,1,1", "2026-11-17 0.5000,0,0", "2026-11-18 0.8000,1,1",
                "2026-11-19 1.4000,1,2", "2026-11-20 0,0,0", "2026-11-21 0.6000,1,1", "2026-11-22 0,0,0"), tails);
        String week = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(week.contains("<th>routines</th><th>streak</th>"), week);
        assertTrue(week.contains("1.4 min (1 finished)</td><td class=\"n\">2 days"), week);
        String day = Files.readString(dayHtml, StandardCharsets.UTF_8);
        assertTrue(day.contains("<h2>Guided routines</h2>") && day.contains("desk, finished, 1.0 min"), day);
    }
}
