package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;
import static io.midback.ui.ScenarioSupport.text;
import static io.midback.ui.ScenarioSupport.window;

import java.awt.Robot;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Drives the real window in its own JVM (started by {@link MidbackWindowTest} with a {@code DISPLAY}): opens it on
 * a replay, waits for the chart to fill and for the slump alert, then calibrates against a scripted live wearer,
 * once still and once fidgeting. Saves a screenshot (java.awt.Robot) after each step and prints what it saw as
 * {@code key=value} lines for the test to assert.
 */
public final class GuiScenario {
    private final Path shots;
    private final Robot robot;

    private GuiScenario(Path shots) throws Exception {
        this.shots = shots;
        this.robot = new Robot();
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        Path recording = Path.of(args[1]);
        Path config = Path.of(args[2]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", config.toString());
        try {
            new GuiScenario(shots).run(recording, config);
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private void shot(Window w, String name) throws Exception {
        Thread.sleep(250); // let the last refresh reach the screen
        ScenarioSupport.shot(robot, w, shots.resolve(name));
    }

    /** Presses Calibrate… and Start in the wizard that opens, as the wearer does; returns the wizard. */
    private static Window openCalibration(MidbackWindow w) throws Exception {
        click(w.frame(), "calibrate");
        Window wizard = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (wizard == null && System.nanoTime() < deadline) {
            wizard = window("calibrationWizard");
            Thread.sleep(20);
        }
        if (wizard == null) {
            throw new IllegalStateException("Calibrate… opened no wizard");
        }
        Window z = wizard;
        onEdt(() -> {
            z.setLocation(300, 200);
            return null;
        });
        click(wizard, "calibrationStart");
        return wizard;
    }

    /** The wizard's step, from the title it shows. */
    private static String phase(Window wizard) throws Exception {
        return switch (text(wizard, "calibrationTitle")) {
            case "Hold still" -> "HOLD";
            case "Now lean forward slowly" -> "LEAN";
            case "Calibrated" -> "DONE";
            case "Not calibrated" -> "FAILED";
            default -> "COUNTDOWN";
        };
    }

    private void run(Path recording, Path config) throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong painted = new java.util.concurrent.atomic.AtomicLong();
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(config), new EngineBackend(Clock.systemDefaultZone()),
                    DeviceCatalog.UNAVAILABLE, Clock.systemDefaultZone());
            AlertSettings d = AlertSettings.defaults(); // the dialog's Apply with a 2 s delay
            win.applySettings(new AlertSettings("custom", d.thresholdDeg(), 2, d.sound(), d.vibration(),
                    d.breakIntervalMin()));
            win.frame().setLocation(0, 0);
            win.onFirstPaint(painted::set);
            win.show();
            win.connect(new PacedReplay(recording, 5), ConnectPanel.replayKey(recording, 5));
            return win;
        });
        report("window.shown", await(() -> painted.get() != 0 && w.frame().isShowing(), 10));
        report("window.firstPaintMs", String.format(Locale.ROOT, "%.0f", (painted.get() - t0) / 1e6));

        // 1. The chart fills: the last minute shown (as chosen in its box), 15 s of the replay streamed.
        javax.swing.JComboBox<?> span = ScenarioSupport.named(w.frame(), "chartWindow", javax.swing.JComboBox.class);
        onEdt(() -> {
            span.setSelectedItem("1 min");
            return null;
        });
        boolean filled = await(() -> w.session().lastSampleS() >= 15, 20);
        report("chart.filled", filled);
        report("chart.sessionS", onEdt(() -> w.session().lastSampleS()));
        report("chart.samples", onEdt(() -> w.session().samples()));
        report("live.state", onEdt(() -> w.session().state()));
        shot(w.frame(), "01-replay-chart.png");

        // 2. An alert shows on the slump (the recording slumps from 20 s, replayed at 5×; alert after 2 s of it).
        javax.swing.JComponent banner = ScenarioSupport.named(w.frame(), "alertBanner", javax.swing.JComponent.class);
        boolean alerted = await(() -> banner.isShowing()
                && text(w.frame(), "alertText").toLowerCase(Locale.ROOT).contains("slump"), 30);
        report("alert.shown", alerted);
        report("alert.text", text(w.frame(), "alertText"));
        report("alert.bannerVisible", onEdt(banner::isShowing));
        await(() -> "slouched".equals(text(w.frame(), "postureState")), 3);
        report("alert.postureState", text(w.frame(), "postureState"));
        shot(w.frame(), "02-slump-alert.png");
        report("notice", text(w.frame(), "statusLine"));

        // 3. Calibration against a live wearer who sits still, then leans forward when asked.
        ScriptedSource wearer = new ScriptedSource();
        onEdt(() -> {
            w.connect(wearer, null);
            return null;
        });
        await(() -> wearer.sent() > 300, 5);
        // The product's own timing: a 3 s countdown, 5 s still, 5 s leaning forward.
        Window wizard = openCalibration(w);
        await(() -> "Now lean forward slowly".equals(text(wizard, "calibrationTitle")), 15);
        wearer.lean(25);
        await(() -> phase(wizard).equals("DONE") || phase(wizard).equals("FAILED"), 15);
        report("calibration.phase", phase(wizard));
        report("calibration.message", text(wizard, "calibrationDetail"));
        shot(wizard, "03-calibration-done.png");
        wearer.lean(0);
        click(wizard, "calibrationStart"); // "Close"
        await(() -> "upright".equals(text(w.frame(), "postureState")), 5);
        report("calibration.stateAfter", text(w.frame(), "postureState"));
        shot(w.frame(), "04-calibrated-live.png");

        // 4. The same while fidgeting: the wizard says it was not still, live while holding and at the end.
        wearer.fidget(true);
        Window again = openCalibration(w);
        boolean sawMoving = false;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String p = phase(again);
            if (p.equals("HOLD") && !sawMoving && text(again, "calibrationDetail").startsWith("You are moving")) {
                sawMoving = true;
                shot(again, "05-calibration-moving.png");
            }
            if (p.equals("FAILED") || p.equals("DONE")) {
                break;
            }
            Thread.sleep(50);
        }
        report("fidget.liveFeedback", sawMoving);
        report("fidget.phase", phase(again));
        report("fidget.message", text(again, "calibrationDetail"));
        shot(again, "06-calibration-not-still.png");

        // 5. Dark theme.
        onEdt(() -> {
            again.dispose(); // closed, as by its window's close box
            w.setTheme("dark");
            return null;
        });
        report("theme.dark", onEdt(Theme::isDark));
        shot(w.frame(), "07-dark.png");
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        report("done", true);
    }
}
