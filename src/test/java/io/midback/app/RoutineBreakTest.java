package io.midback.app;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.AlertListener;
import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
import io.midback.posture.PostureSettings;
import io.midback.routine.Exercise;
import io.midback.routine.RangeTargets;
import io.midback.routine.Routine;
import io.midback.routine.RoutineFile;
import io.midback.routine.RoutineListener;
import io.midback.routine.RoutineResult;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.RoutineSession;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breaks that move: a simulated wearer sits, gets a break reminder, does the desk routine the reminder offers, and
 * sits on. A desk routine done to its end is a break by the one rule: the sitting clock starts again at its end, so
 * the next reminder comes a whole interval later, and the history has the break; an abandoned one is no break.
 */
class RoutineBreakTest {
    static final double SIT_FIRST_S = 150, SIT_AFTER_S = 300;
    /** Reminders after 2 minutes of sitting, repeated every 2.5 minutes while the bout goes on. */
    static final PostureSettings SETTINGS = io.midback.posture.SettingsOverrides.breakRepeat(
            PostureSettings.defaults().withBreakAfter(120), 150);
    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    /** What one run saw. */
    static final class Run {
        final List<Double> remindersS = new ArrayList<>();
        RoutineResult result;
        double routineStartS = Double.NaN, routineEndS = Double.NaN;
        List<HistoryEvent> events;
    }

    /** Shifts a later simulator's samples to follow the earlier ones, and keeps the session going at its end. */
    private static SampleSink shifted(SampleSink next, double offsetS) {
        return new ForwardingSink(next) {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    b.tS[i] += offsetS;
                }
                next.accept(b);
            }

            @Override
            public void end() {
            }
        };
    }

    private static Run sitRoutineSit(Path db, boolean abandon) throws Exception {
        Run run = new Run();
        Routine desk = RoutineFile.load("desk");
        SessionSpec spec = SessionSpec.simulator("routine break", 50, false, START, ZoneId.of("UTC"), "midback",
                SETTINGS);
        try (HistoryStore store = HistoryStore.open(db)) {
            SessionBuilder session = new SessionBuilder(spec);
            session.saveHistory(store);
            session.addAlertListener(new AlertListener() {
                @Override
                public void onAlert(Alert a) {
                    if (a.kind() == AlertKind.BREAK) {
                        run.remindersS.add(a.atS());
                    }
                }
            });
            SampleSink in = session.start();
            SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(5);
            new Simulator(Scenario.parse("sit", "0:00 " + SIT_FIRST_S + "s still\n", "sit"), cfg)
                    .run(shifted(in, 0));
            session.routine().start(desk, RangeTargets.of(Map.of()), new RoutineListener() {
                @Override
                public void onExerciseStart(int index, Exercise exercise) {
                    if (abandon && index == 1) {
                        session.routine().stop(); // walked away after the first exercise
                    }
                }

                @Override
                public void onPrompt(String text) {
                }

                @Override
                public void onEnd(RoutineResult result) {
                    run.result = result;
                    run.routineStartS = result.startS(); // the first sample is at 0: session time
                    run.routineEndS = result.endS();
                }
            });
            RoutineSession person = RoutineSession.of("seated", List.of(
                    new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 6, 35, 35, 0),
                    new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 14, 0),
                    new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 6, 15, 0, 0)),
                    new RoutineSession.Person(0.8, 0.3, 0.5, 0.02, 0, 0.1), 5);
            new Simulator(person.scenario(), cfg).run(shifted(in, SIT_FIRST_S));
            double routineS = person.scenario().durationS();
            new Simulator(Scenario.parse("sit", "0:00 " + SIT_AFTER_S + "s still\n", "sit"), cfg)
                    .run(shifted(in, SIT_FIRST_S + routineS));
            in.end();
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            DayData day = store.day(LocalDate.of(2026, 11, 20));
            run.events = day.events();
        }
        return run;
    }

    private static double sessionS(HistoryEvent e) {
        return (e.start().toEpochMilli() - START.toEpochMilli()) / 1000.0;
    }

    @Test
    void aFinishedDeskRoutineIsABreakTheNextReminderComesAWholeIntervalAfterIt(@TempDir Path dir) throws Exception {
        Run run = sitRoutineSit(dir.resolve("history.sqlite"), false);
        assertNotNull(run.result, "the routine ended");
        assertTrue(run.result.finished(), run.result.describe());
        double endS = run.routineEndS; // session time: the session's first sample is at 0
        List<Double> after = run.remindersS.stream().filter(t -> t > endS).toList();
        System.out.printf(Locale.ROOT, "RoutineBreakTest finished: routine %.1f-%.1f s, reminders at %s%n",
                run.routineStartS, endS, run.remindersS);
        assertTrue(run.remindersS.get(0) < SIT_FIRST_S, "the first reminder came while sitting: " + run.remindersS);
        assertFalse(after.isEmpty(), "a reminder after the routine: " + run.remindersS);
        // the new bout starts at the first sedentary sample after the routine: one reminder interval on
        assertEquals(endS + SETTINGS.breakAfterS(), after.get(0), 2.0, "reminders " + run.remindersS);
        assertTrue(run.remindersS.stream().noneMatch(t -> t > endS && t < endS + SETTINGS.breakAfterS() - 2),
                run.remindersS.toString());
        List<HistoryEvent> breaks = run.events.stream().filter(e -> e.kind() == EventKind.BREAK).toList();
        assertEquals(1, breaks.size(), "one break in the history: " + breaks);
        assertEquals(run.routineStartS, sessionS(breaks.get(0)), 0.05, "the break began with the routine");
        List<HistoryEvent> bouts = run.events.stream().filter(e -> e.kind() == EventKind.SITTING_BOUT).toList();
        assertEquals(2, bouts.size(), "the bout before and the one after: " + bouts);
        assertEquals(run.routineStartS, (bouts.get(0).end().toEpochMilli() - START.toEpochMilli()) / 1000.0, 0.05);
        assertEquals(endS, sessionS(bouts.get(1)), 0.5, "the sitting clock starts again at the routine's end");
        HistoryEvent routine = run.events.stream().filter(e -> e.kind() == EventKind.ROUTINE).findFirst()
                .orElseThrow();
        assertTrue(routine.detail().startsWith("desk, finished, "), routine.detail());
    }

    @Test
    void anAbandonedRoutineIsNoBreakTheRemindersGoOn(@TempDir Path dir) throws Exception {
        Run run = sitRoutineSit(dir.resolve("history.sqlite"), true);
        assertNotNull(run.result, "the routine ended");
        assertFalse(run.result.finished(), run.result.describe());
        double endS = run.routineEndS;
        System.out.printf(Locale.ROOT, "RoutineBreakTest abandoned: routine %.1f-%.1f s, reminders at %s%n",
                run.routineStartS, endS, run.remindersS);
        double first = run.remindersS.get(0);
        // the bout went on: the reminder repeats an interval after the first one, not a whole interval after the end
        assertTrue(run.remindersS.stream().anyMatch(t -> Math.abs(t - (first + SETTINGS.breakRepeatS())) < 1),
                run.remindersS.toString());
        assertTrue(first + SETTINGS.breakRepeatS() < endS + SETTINGS.breakAfterS(), "the test tells them apart");
        assertEquals(0, run.events.stream().filter(e -> e.kind() == EventKind.BREAK).count(), run.events.toString());
        HistoryEvent routine = run.events.stream().filter(e -> e.kind() == EventKind.ROUTINE).findFirst()
                .orElseThrow();
        assertTrue(routine.detail().startsWith("desk, stopped, "), routine.detail());
    }
}
