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
 * it up on the Routine tab and does it; all at 24× real time. Prints what the window showed and what the history
 * holds as {@code key=value}, and saves screenshots.
 */
public final class RoutineGuiScenario {
    static final double SPEED = 24, SIT_FIRST_S = 70;

    /**
     * The wearer: sits (at least {@link #SIT_FIRST_S}, and on until the routine has begun, as a person answers the
     * offer), holds still a little longer, does the desk routine (rotations a little short of the goal, squats
     * tipping forward), then sits until disconnected.
     */
    static final class DeskWearer implements SampleSource {
        static final long SEED = 9;
        static final double CHUNK_S = 5, HOLD_S = 10;
        private final java.util.function.BooleanSupplier routineBegun;
        private final SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(SEED);
        private volatile boolean stopped;
        private double t;

        DeskWearer(java.util.function.BooleanSupplier routineBegun) {
            this.routineBegun = routineBegun;
        }

        static RoutineSession person() {
            return RoutineSession.of("seated", List.of(
                    new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 6, 28, 28, 0),
                    new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 14, 0),
                    new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 6, 24, 0, 0)),
                    new RoutineSession.Person(0.9, 0.3, 0.5, 0.02, 0, 0.1), SEED);
        }

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
            try {
                for (int k = 0; k < 200 && (t < SIT_FIRST_S || !routineBegun.getAsBoolean()); k++) {
                    sit(sink, CHUNK_S);
                }
                sit(sink, HOLD_S);
                RoutineSession person = person();
                play(new Simulator(person.scenario(), cfg), sink, person.scenario().durationS());
                for (int k = 0; k < 200; k++) {
                    sit(sink, CHUNK_S);
                }
            } catch (PacedSink.Stopped e) {
                // disconnected
            }
            sink.end();
        }

        private void sit(SampleSink sink, double seconds) {
            play(new Simulator(Scenario.parse("sit", "0:00 " + seconds + "s still\n", "sit"), cfg), sink, seconds);
        }

        /** One part of the day, paced, its times following the parts before. */
        private void play(Simulator sim, SampleSink sink, double durationS) {
            double offsetS = t;
            t += durationS;
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
        EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
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
            w.connect(new DeskWearer(() -> engine.session() != null && engine.session().routine().snapshot()
                    .running()), null);
            return null;
        });
        AbstractButton offer = ScenarioSupport.named(w.frame(), "bannerOffer", AbstractButton.class);
        boolean offered = await(offer::isShowing, 20);
        report("offered", offered);
        report("offer.text", onEdt(offer::getText));
        report("reminder.text", text(w.frame(), "alertText"));
        click(w.frame(), "bannerOffer");
        report("tab", onEdt(() -> tabs.getTitleAt(tabs.getSelectedIndex())));
        String[] seen = new String[2];
        boolean counted = await(() -> {
            seen[0] = text(w.frame(), "routineReps");
            seen[1] = text(w.frame(), "routineTitle");
            return seen[0].matches("Repetitions: [3-5] of 6") && seen[1].equals("Seated rotations");
        }, 30);
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("12-routine.png"));
        report("counted.live", counted);
        report("reps.live", seen[0]);
        report("title.live", seen[1]);
        boolean done = await(() -> text(w.frame(), "routineResult").startsWith("desk finished"), 30);
        report("done", done);
        report("result", text(w.frame(), "routineResult"));
        report("wall.s", (System.nanoTime() - t0) / 1e9);
        // once more, and stopped at once: it hurts
        click(w.frame(), "routineStart");
        // begun: "Stop: it hurts" is there to press (the intro's prompt passes in a moment at this speed)
        report("again.begun", await(() -> onEdt(() -> ScenarioSupport.named(w.frame(), "routineHurts",
                AbstractButton.class).isEnabled()), 30));
        onEdt(() -> {
            w.setTheme("dark"); // the red-flag text must be readable on the dark theme too
            return null;
        });
        click(w.frame(), "routineHurts");
        report("hurts.shown", await(() -> text(w.frame(), "routineResult").contains("red flags"), 10));
        report("hurts.result", text(w.frame(), "routineResult"));
        report("hurts.darkContrast", ScenarioSupport.contrast(w.frame(), "routineResult"));
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("14-routine-hurts.png"));
        onEdt(() -> {
            w.disconnect();
            return null;
        });
        w.awaitStopped();
        boolean streak = await(() -> text(w.frame(), "routineDays").contains("Streak: 1 day "), 10);
        report("days.shown", text(w.frame(), "routineDays"));
        report("streak.shown", streak);
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("13-routine-done.png"));
        HistoryStore store = history.store();
        List<HistoryEvent> routines = store.events(EventKind.ROUTINE);
        report("history.routines", routines.size());
        StringBuilder truth = new StringBuilder();
        for (RoutineSession.TruthRep t : DeskWearer.person().truth(DeskWearer.SEED)) {
            truth.append(truth.length() == 0 ? "" : " ").append(t.name()).append(':')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", t.rangeDeg()));
        }
        report("truth", truth);
        if (!routines.isEmpty()) {
            report("history.detail", routines.get(0).detail());
            report("history.detail.last", routines.get(routines.size() - 1).detail());
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
