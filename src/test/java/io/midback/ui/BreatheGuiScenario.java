package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;
import static io.midback.ui.ScenarioSupport.text;

import io.midback.history.DayData;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.MinuteRow;

import javax.swing.JSpinner;
import javax.swing.JTabbedPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Drives the window's breathing in its own JVM (started by {@link BreatheWindowTest} with a {@code DISPLAY}): a
 * simulated wearer breathing at 6/min (6× real time, saved in the history) shows a rate in the Live view; the
 * Breathe tab paces 1.5 minutes at 6/min; the exercise and the minutes' rates land in the history (a real SQLite
 * file). Prints what it saw as {@code key=value} lines; screenshots go to {@code target/screenshots}.
 */
public final class BreatheGuiScenario {
    static final String WEARER = "breathing rate=6 depth=1.0 variability=0.03 wander=0 sighs=0 pauses=0\n"
            + "0:00 5m still\n";

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Path.of(args[1]));
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(Path shots, Path dir) throws Exception {
        Files.createDirectories(shots);
        HistoryAccess history = new HistoryAccess(dir.resolve("history.sqlite"), msg -> report("notice", msg));
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(dir.resolve("config")), engine,
                    DeviceCatalog.UNAVAILABLE, Clock.systemDefaultZone(), history);
            win.frame().setLocation(0, 0);
            win.show();
            win.connect(new BreathingWearerSource(WEARER, 6), null);
            return win;
        });
        // The Live view shows the rate once the wearer has been still for a few breaths.
        boolean rated = await(() -> text(w.frame(), "breathingRate").endsWith("breaths/min"), 30);
        report("live.rated", rated);
        report("live.breathing", text(w.frame(), "breathingRate"));
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("10-live-breathing.png"));

        JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", JTabbedPane.class);
        JSpinner minutes = ScenarioSupport.named(w.frame(), "breatheMinutes", JSpinner.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Breathe"));
            minutes.setValue(1.5);
            return null;
        });
        click(w.frame(), "breatheStart");
        report("breathe.started", await(() -> text(w.frame(), "breathePhase").startsWith("Breathe "), 5));
        boolean coherent = await(() -> text(w.frame(), "breatheCoherence").matches("Coherence: \\d\\.\\d\\d.*"), 30);
        report("breathe.coherent", coherent);
        report("breathe.measured", text(w.frame(), "breatheMeasured"));
        report("breathe.coherence", text(w.frame(), "breatheCoherence"));
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("11-breathe.png"));
        boolean done = await(() -> text(w.frame(), "breatheResult").startsWith("Last exercise: "), 40);
        report("breathe.done", done);
        report("breathe.result", text(w.frame(), "breatheResult"));

        onEdt(() -> {
            w.disconnect();
            return null;
        });
        w.awaitStopped();
        int exercises = 0;
        int rated2 = 0;
        String detail = "";
        for (LocalDate d : history.store().days()) {
            DayData day = history.store().day(d);
            List<HistoryEvent> e = day.events(EventKind.BREATHING_EXERCISE);
            exercises += e.size();
            if (!e.isEmpty()) {
                detail = e.get(0).detail();
            }
            rated2 += (int) day.minutes().stream().map(MinuteRow::breathRatePerMin).filter(r -> !r.isNaN()).count();
        }
        report("history.exercises", exercises);
        report("history.exercise", detail);
        report("history.ratedMinutes", rated2);
    }
}
