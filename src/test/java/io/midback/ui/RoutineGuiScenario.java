package io.midback.ui;

import io.midback.app.PacedSink;
import io.midback.app.Pacing;
import io.midback.app.SessionSpec;
import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
import io.midback.history.RoutineDays;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.RoutineSession;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import javax.swing.AbstractButton;
import javax.swing.JTabbedPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;
import static io.midback.ui.ScenarioSupport.text;

/**
 * Breaks that move, in the real window (started by {@link RoutineWindowTest} with a {@code DISPLAY}): a simulated
 * wearer sits still (break reminders after 1 minute), the reminder's banner offers the desk routine, the wearer takes
 * it up on the Routine tab and does it; all at 16× real time. Prints what the window showed and what the history
 * holds as {@code key=value}, and saves screenshots.
 */
public final class RoutineGuiScenario {
    static final double SPEED = 16, SIT_FIRST_S = 100, SIT_AFTER_S = 40;

    /** The wearer: sits, does the desk routine (rotations a little short of the goal, squats tipping forward), sits. */
    static final class DeskWearer implements SampleSource {
        private volatile boolean stopped;

        @Override
        public String describe() {
            return "simulated wearer taking a desk-routine break";
        }

        @Override
        public SessionSpec spec(PostureSettings posture, Clock clock) {
            return SessionSpec.simulator("desk break", 50, false, clock.instant(), clock.getZone(),
                    OrientationFilters.DEFAULT, posture);
        }

        @Override
        public boolean savesHistory() {
            return true;
        }

        @Override
        public void run(SampleSink sink) {
            SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(9);
            RoutineSession person = RoutineSession.of("seated", List.of(
                    new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 6, 28, 28, 0),
                    new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 14, 0),
                    new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 6, 24, 0, 0)),
                    new RoutineSession.Person(0.9, 0.3, 0.5, 0.02, 0, 0.1), 9);
            try {
                play(new Simulator(Scenario.parse("sit", "0:00 " + SIT_FIRST_S + "s still\n", "sit"), cfg), sink,
                        0);
                play(new Simulator(person.scenario(), cfg), sink, SIT_FIRST_S);
                play(new Simulator(Scenario.parse("sit", "0:00 " + SIT_AFTER_S + "s still\n", "sit"), cfg), sink,
                        SIT_FIRST_S + person.scenario().durationS());
            } catch (PacedSink.Stopped e) {
                // disconnected
            }
            sink.end();
        }

        /** One part of the day, paced, its times following the parts before. */
        private void play(Simulator sim, SampleSink sink, double offsetS) {
            sim.run(new PacedSink(new ForwardingSink(sink) {
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
            }, new Pacing(SPEED, () -> stopped), 0.02));
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        Path config = Path.of(args[1]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", config.toString());
        try {
            run(shots, config);
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(Path shots, Path config) throws Exception {
        HistoryAccess history = new HistoryAccess(io.midback.history.HistoryPaths.defaultDatabase(),
                msg -> report("notice.history", msg));
        report("history.db", history.path());
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(config), engine, new TransportCatalog(
                    java.time.Duration.ofSeconds(2)), Clock.systemDefaultZone(), history);
            engine.onHistoryWritten(win::historyWritten);
            AlertSettings d = AlertSettings.defaults();
            win.applySettings(new AlertSettings(d.preset(), d.thresholdDeg(), d.delayS(), false, false, 1));
            win.frame().setLocation(0, 0);
            win.show();
            return win;
        });
        JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", JTabbedPane.class);
        long t0 = System.nanoTime();
        onEdt(() -> {
            w.connect(new DeskWearer(), null);
            return null;
        });
        AbstractButton offer = ScenarioSupport.named(w.frame(), "bannerOffer", AbstractButton.class);
        boolean offered = await(offer::isShowing, 20);
        report("offered", offered);
        report("offer.text", onEdt(offer::getText));
        report("reminder.text", text(w.frame(), "alertText"));
        click(w.frame(), "bannerOffer");
        report("tab", onEdt(() -> tabs.getTitleAt(tabs.getSelectedIndex())));
        boolean counted = await(() -> text(w.frame(), "routineReps").matches("Repetitions: [3-6] of 6"), 30);
        report("counted.live", counted);
        report("title.live", text(w.frame(), "routineTitle"));
        Thread.sleep(300);
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("12-routine.png"));
        boolean done = await(() -> text(w.frame(), "routineResult").startsWith("desk finished"), 30);
        report("done", done);
        report("result", text(w.frame(), "routineResult"));
        report("wall.s", (System.nanoTime() - t0) / 1e9);
        onEdt(() -> {
            w.disconnect();
            return null;
        });
        w.awaitStopped();
        boolean streak = await(() -> text(w.frame(), "routineDays").contains("Streak: 1 day "), 10);
        report("days.shown", text(w.frame(), "routineDays"));
        report("streak.shown", streak);
        Thread.sleep(300);
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("13-routine-done.png"));
        HistoryStore store = history.store();
        List<HistoryEvent> routines = store.events(EventKind.ROUTINE);
        report("history.routines", routines.size());
        if (!routines.isEmpty()) {
            report("history.detail", routines.get(0).detail());
            DayData day = store.day(routines.get(0).localDate());
            List<HistoryEvent> breaks = day.events(EventKind.BREAK);
            report("history.breaks", breaks.size());
            if (!breaks.isEmpty()) {
                report("history.breakStartsWithRoutine",
                        Math.abs(breaks.get(0).start().toEpochMilli() - routines.get(0).start().toEpochMilli()) < 100);
            }
            report("history.streak", RoutineDays.of(routines).currentStreak(LocalDate.now()));
        }
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        history.close();
    }
}
