package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.AlertListener;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.history.SyntheticDay;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The live chart and the Today charts as the user sees them (started by {@link ChartWindowTest} with a
 * {@code DISPLAY}): a wearer walking with a rotation swinging to ±38°, a sensor that stops for 12 s and comes back,
 * flexion ending a hair below zero, 17 minutes into the session; then a break reminder with its whole movement
 * text; then the dark theme on the Live and Today tabs (a week of history). Screenshots after each step; what it
 * saw as {@code key=value} lines.
 */
public final class ChartScenario {
    /** Session time of the first sample: the time axis reads 17 to 18 minutes. */
    static final double START_S = 1030;
    static final double GAP_FROM_S = START_S + 30, GAP_TO_S = START_S + 42, END_S = START_S + 58;
    static final double ROTATION_PEAK_DEG = 38;
    static final String BREAK_TEXT = "Sitting or standing still for 30 min: time for a short break. Thoracic "
            + "extension over the chair back: hands behind your head, lean back over the top of the backrest, 5 slow "
            + "repetitions.";

    private final Path shots;
    private final Robot robot;

    private ChartScenario(Path shots) throws Exception {
        this.shots = shots;
        this.robot = new Robot();
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", dir.resolve("config").toString());
        try {
            new ChartScenario(shots).run(dir);
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    /** The wearer's angles at session time {@code tS}: walking, the trunk counter-rotating to ±38°. */
    static double flexionDeg(double tS) {
        return tS < END_S - 6 ? 6 + 2 * Math.sin(tS * 2 * Math.PI) : -0.3;
    }

    static double bendDeg(double tS) {
        return tS < END_S - 6 ? 5 * Math.sin(tS * Math.PI) : 0;
    }

    static double rotationDeg(double tS) {
        return tS < END_S - 6 ? ROTATION_PEAK_DEG * Math.sin(tS * Math.PI / 2) : 0;
    }

    /** Waits (at most {@code seconds}) until the near-white share below the tabs on screen passes {@code test}. */
    private void awaitScreen(Window w, java.util.function.DoublePredicate test, double seconds) throws Exception {
        await(() -> test.test(ScenarioSupport.whiteShareBelowTabs(
                robot.createScreenCapture(onEdt(w::getBounds)))), seconds);
    }

    private void shot(Window w, String name) throws Exception {
        Thread.sleep(400); // let the last refresh reach the screen
        ScenarioSupport.shot(robot, w, shots.resolve(name));
    }

    private static Path historyWithAWeek(Path dir, ZoneId zone) {
        Path db = dir.resolve("history.db");
        LocalDate today = LocalDate.now(zone);
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int d = 6; d >= 0; d--) {
                HistoryRecorder rec = store.beginSession(new SessionInfo(
                        today.minusDays(d).atTime(9, 0).atZone(zone).toInstant(), zone, "sim", "test", null, 15));
                SyntheticDay.office(11 + d, d == 0 ? 3 : 1, 10).feed(rec);
                rec.close();
            }
        }
        return db;
    }

    private void run(Path dir) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        HistoryAccess history = new HistoryAccess(historyWithAWeek(dir, clock.getZone()),
                msg -> report("notice.history", msg));
        WalkingWithAGap source = new WalkingWithAGap();
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(dir.resolve("config")), new AnglesBackend(),
                    DeviceCatalog.UNAVAILABLE, clock, history);
            AlertSettings d = AlertSettings.defaults(); // the dialog's Apply with a 15° threshold
            win.applySettings(new AlertSettings("custom", 15, d.delayS(), d.sound(), d.vibration(),
                    d.breakIntervalMin()));
            win.frame().setLocation(0, 0);
            win.show();
            win.connect(source, null);
            return win;
        });
        LivePanel live = onEdt(() -> (LivePanel) javax.swing.SwingUtilities.getAncestorOfClass(LivePanel.class,
                ScenarioSupport.named(w.frame(), "liveChart", Component.class)));
        onEdt(() -> {
            live.setWindowMinutes(1);
            return null;
        });
        AlertBanner banner = ScenarioSupport.named(w.frame(), "alertBanner", AlertBanner.class);
        // The last samples (flexion -0.3°) are the only ones below zero.
        report("chart.filled", await(() -> live.latest() != null && live.latest().flexionDeg() < 0
                && live.plottedPoints(0) > 100, 20));
        // The readout of the wearer standing still at -0.3° (the source keeps streaming it).
        await(() -> ScenarioSupport.text(w.frame(), "flexion").equals("0°"), 20);
        report("flexion.label", ScenarioSupport.text(w.frame(), "flexion"));
        shot(w.frame(), "chart-01-walking-gap.png");

        // A break reminder: the whole movement must be readable, and the chart's legend not covered.
        onEdt(() -> {
            banner.show(new Alert(END_S, AlertKind.BREAK, BREAK_TEXT));
            return null;
        });
        await(() -> banner.isShowing(), 5);
        ScenarioSupport.settle(); // the banner's layout, queued by its show
        Component text = ScenarioSupport.named(w.frame(), "alertText", Component.class);
        report("banner.textFits", onEdt(() -> text.getPreferredSize().width <= text.getWidth()
                && text.getPreferredSize().height <= text.getHeight()));
        report("banner.overChart", onEdt(() -> {
            Component chart = ScenarioSupport.named(w.frame(), "liveChart", Component.class);
            Rectangle c = javax.swing.SwingUtilities.convertRectangle(chart.getParent(), chart.getBounds(),
                    w.frame().getRootPane());
            Rectangle b = javax.swing.SwingUtilities.convertRectangle(banner.getParent(), banner.getBounds(),
                    w.frame().getRootPane());
            return c.intersects(b);
        }));
        shot(w.frame(), "chart-02-break-banner.png");

        // A burst of alerts while the banner shows (a fast replay decides several a second), one event each: the
        // chart keeps its size and the strip its room, each alert readable whole.
        int[] resized = {0};
        Component chartView = ScenarioSupport.named(w.frame(), "liveChart", Component.class);
        java.awt.event.ComponentAdapter counter = new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                resized[0]++;
            }
        };
        // The window's layouts around the strip, counted where they happen: the layout of the strip's parent.
        java.awt.Container room = banner.getParent();
        java.awt.LayoutManager2 roomLayout = (java.awt.LayoutManager2) room.getLayout();
        CountingLayout layouts = new CountingLayout(roomLayout);
        onEdt(() -> {
            chartView.addComponentListener(counter);
            room.setLayout(layouts);
            w.frame().validate();
            layouts.count = 0;
            return null;
        });
        Alert[] burst = {new Alert(END_S, AlertKind.SLUMP, "Slumping: 30° beyond your upright for 2 s. Sit tall."),
                new Alert(END_S, AlertKind.CORRECTED, "Posture corrected. Well done."),
                new Alert(END_S, AlertKind.BREAK, BREAK_TEXT)};
        boolean allFit = true;
        for (int i = 0; i < 30; i++) {
            Alert a = burst[i % burst.length];
            onEdt(() -> {
                banner.show(a);
                return null;
            });
            // The strip's layout (queued by show) has run by the time this runs.
            allFit &= onEdt(() -> text.getPreferredSize().height <= text.getHeight()
                    && ScenarioSupport.text(w.frame(), "alertText").equals(a.message()));
        }
        onEdt(() -> {
            banner.show(burst[1]); // ends on a one-line alert in the two-line room
            return null;
        });
        report("burst.chartResizes", onEdt(() -> resized[0]));
        report("burst.roomChanges", onEdt(() -> layouts.count));
        report("burst.textFits", allFit);
        shot(w.frame(), "chart-02b-after-a-burst-of-alerts.png");
        // Once the alerts pause, the strip's height follows its one-line text: as tall as the same alert shown anew.
        int afterBurst = onEdt(banner::getHeight);
        await(() -> banner.getHeight() != afterBurst, AlertBanner.FIT_AFTER_MS / 1000.0 + 3);
        int settled = onEdt(banner::getHeight);
        onEdt(() -> {
            banner.setVisible(false);
            banner.show(burst[1]);
            return null;
        });
        ScenarioSupport.settle();
        report("banner.heights", afterBurst + " " + settled + " " + onEdt(banner::getHeight));
        onEdt(() -> {
            chartView.removeComponentListener(counter);
            room.setLayout(roomLayout);
            banner.setVisible(false);
            w.setTheme("dark");
            return null;
        });
        shot(w.frame(), "chart-03-dark-live.png");

        javax.swing.JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", javax.swing.JTabbedPane.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Today"));
            return null;
        });
        report("today.loaded", await(() -> ScenarioSupport.text(w.frame(), "todaySummary").startsWith("Today: "), 20));
        // The charts are drawn on a worker thread after the summary is known: wait until the screen is dark.
        awaitScreen(w.frame(), share -> share < 0.02, 20);
        shot(w.frame(), "chart-04-dark-today.png");
        onEdt(() -> {
            w.setTheme("light");
            return null;
        });
        awaitScreen(w.frame(), share -> share > 0.3, 20);
        shot(w.frame(), "chart-05-light-today.png");

        // The smallest window: every tab's content whole (the Live tab's Connection box, Today's summary, the
        // routine's title).
        onEdt(() -> {
            w.frame().setSize(1, 1); // held at its minimum size
            w.frame().validate();
            return null;
        });
        ScenarioSupport.settle();
        report("minimum.size", onEdt(() -> w.frame().getWidth() + "x" + w.frame().getHeight()));
        StringBuilder cut = new StringBuilder();
        for (String tab : new String[] {"Live", "Connect", "Today", "Mobility", "Routine", "Breathe"}) {
            onEdt(() -> {
                tabs.setSelectedIndex(tabs.indexOfTab(tab));
                w.frame().validate();
                return null;
            });
            ScenarioSupport.settle();
            cut.append(onEdt(() -> wholeProblems((java.awt.Container) tabs.getSelectedComponent(), tab)));
        }
        report("minimum.cut", cut.length() == 0 ? "none" : cut.toString());
        java.util.List<String> titles = new java.util.ArrayList<>();
        for (String name : new String[] {"daily", "desk"}) {
            io.midback.routine.Routine r = io.midback.routine.RoutineFile.load(name);
            titles.add(r.title());
            r.exercises().forEach(x -> titles.add(x.title()));
        }
        javax.swing.JLabel titleLabel = ScenarioSupport.named(w.frame(), "routineTitle", javax.swing.JLabel.class);
        // The title is as wide as its text; the column it sits in is the room any title has.
        report("minimum.routineTitleShortPx", onEdt(() -> {
            java.awt.FontMetrics fm = titleLabel.getFontMetrics(titleLabel.getFont());
            java.awt.Container column = titleLabel.getParent();
            int titleRoom = column.getWidth() - column.getInsets().left - column.getInsets().right
                    - titleLabel.getInsets().left - titleLabel.getInsets().right;
            return titles.stream().mapToInt(fm::stringWidth).max().orElse(0) - titleRoom;
        }));

        // Alert settings: each field shows its range; a threshold out of range is named in one line, not applied.
        javax.swing.AbstractButton alertsButton = ScenarioSupport.named(w.frame(), "alertSettingsButton",
                javax.swing.AbstractButton.class);
        javax.swing.SwingUtilities.invokeLater(alertsButton::doClick); // a modal dialog: its own event loop
        await(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .anyMatch(x -> "alertSettings".equals(x.getName()) && x.isShowing()), 10);
        java.awt.Window dialog = ScenarioSupport.window("alertSettings");
        report("alertSettings.labels", onEdt(() -> {
            StringBuilder b = new StringBuilder();
            for (Component c : ((javax.swing.JDialog) dialog).getContentPane().getComponents()) {
                if (c instanceof java.awt.Container box) {
                    for (Component l : box.getComponents()) {
                        if (l instanceof javax.swing.JLabel label && label.getText().contains("(")) {
                            b.append(label.getText()).append(" | ");
                        }
                    }
                }
            }
            return b.toString();
        }));
        javax.swing.JSpinner threshold = ScenarioSupport.named(dialog, "alertThreshold", javax.swing.JSpinner.class);
        double before = onEdt(() -> (Double) threshold.getValue());
        onEdt(() -> {
            ((javax.swing.JSpinner.DefaultEditor) threshold.getEditor()).getTextField().setText("500");
            return null;
        });
        ScenarioSupport.click(dialog, "alertSettingsApply");
        report("alertSettings.problem", ScenarioSupport.text(dialog, "alertSettingsProblem"));
        report("alertSettings.keptOpenAndValue", onEdt(() -> dialog.isShowing() + " "
                + (before == (Double) threshold.getValue())));
        onEdt(() -> {
            dialog.dispose();
            return null;
        });
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        source.stop();
        history.close();
        report("done", true);
    }

    /** Samples at 100 Hz from START_S to END_S with nothing from GAP_FROM_S to GAP_TO_S; then standing still. */
    static final class WalkingWithAGap implements SampleSource {
        private volatile boolean stopped;

        @Override
        public String describe() {
            return "walking wearer with a gap (test)";
        }

        @Override
        public void run(SampleSink sink) throws InterruptedException {
            SampleBatch b = new SampleBatch(256);
            for (long i = 0; START_S + i * 0.01 <= END_S; i++) {
                double t = START_S + i * 0.01;
                if (t > GAP_FROM_S && t < GAP_TO_S) {
                    continue;
                }
                b.add(t, 0, 0, 0, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
                if (b.isFull()) {
                    sink.accept(b);
                    b.clear();
                }
            }
            if (b.size() > 0) {
                sink.accept(b);
            }
            // Then a wearer standing still at -0.3°, in real time, until the window stops the link: the readout
            // stays on the last angle however slowly a loaded machine draws it (silence would read "no data").
            long i = Math.round((END_S - START_S) / 0.01);
            while (!stopped) {
                b.clear();
                for (int k = 0; k < 5; k++) {
                    b.add(START_S + ++i * 0.01, 0, 0, 0, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
                }
                sink.accept(b);
                Thread.sleep(50);
            }
            sink.end();
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    /** A posture stage for the chart alone: every sample's angles from the functions above, no alerts. */
    static final class AnglesBackend implements PostureBackend {
        @Override
        public SampleSink open(SampleSource source, PostureListener frames, AlertListener alerts) {
            PostureFrame f = new PostureFrame();
            return new SampleSink() {
                @Override
                public void accept(SampleBatch batch) {
                    for (int i = 0; i < batch.size(); i++) {
                        double t = batch.tS[i];
                        f.tS = t;
                        f.flexionDeg = flexionDeg(t);
                        f.lateralBendDeg = bendDeg(t);
                        f.axialRotationDeg = rotationDeg(t);
                        f.state = t < END_S - 6 ? PostureState.WALKING : PostureState.UPRIGHT;
                        f.calibrated = true;
                        frames.onPosture(f);
                    }
                }

                @Override
                public void end() {
                }
            };
        }

        @Override
        public void apply(AlertSettings settings) {
        }

        @Override
        public Calibration calibration() {
            throw new UnsupportedOperationException("no calibration in the chart scenario");
        }
    }

    /** A layout that counts the times it lays its container out, and otherwise is the one it wraps. */
    private static final class CountingLayout implements java.awt.LayoutManager2 {
        private final java.awt.LayoutManager2 inner;
        int count;

        CountingLayout(java.awt.LayoutManager2 inner) {
            this.inner = inner;
        }

        @Override
        public void layoutContainer(java.awt.Container parent) {
            count++;
            inner.layoutContainer(parent);
        }

        @Override
        public void addLayoutComponent(Component comp, Object constraints) {
            inner.addLayoutComponent(comp, constraints);
        }

        @Override
        public void addLayoutComponent(String name, Component comp) {
            inner.addLayoutComponent(name, comp);
        }

        @Override
        public void removeLayoutComponent(Component comp) {
            inner.removeLayoutComponent(comp);
        }

        @Override
        public java.awt.Dimension preferredLayoutSize(java.awt.Container parent) {
            return inner.preferredLayoutSize(parent);
        }

        @Override
        public java.awt.Dimension minimumLayoutSize(java.awt.Container parent) {
            return inner.minimumLayoutSize(parent);
        }

        @Override
        public java.awt.Dimension maximumLayoutSize(java.awt.Container target) {
            return inner.maximumLayoutSize(target);
        }

        @Override
        public float getLayoutAlignmentX(java.awt.Container target) {
            return inner.getLayoutAlignmentX(target);
        }

        @Override
        public float getLayoutAlignmentY(java.awt.Container target) {
            return inner.getLayoutAlignmentY(target);
        }

        @Override
        public void invalidateLayout(java.awt.Container target) {
            inner.invalidateLayout(target);
        }
    }

    /**
     * What the tab shows cut at its present size: a label whose text ends in "…" (wider than its room), a box
     * squeezed below its preferred height or out of view.
     */
    private static String wholeProblems(java.awt.Container tab, String name) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<Component> todo = new java.util.ArrayDeque<>(java.util.List.of(tab.getComponents()));
        while (!todo.isEmpty()) {
            Component c = todo.pop();
            if (!c.isVisible()) {
                continue;
            }
            // The Mobility tab's norms line is one long sentence that no window width fits (it would have to wrap).
            if (c instanceof javax.swing.JLabel l && l.getText() != null && !l.getText().isBlank()
                    && !l.getText().startsWith("<html>") && !l.getText().startsWith("Norms: ")
                    && l.getPreferredSize().width > l.getWidth() + 1) {
                out.append(name).append(": label '").append(l.getText()).append("' ").append(l.getWidth())
                        .append(" of ").append(l.getPreferredSize().width).append(" px; ");
            }
            if (c instanceof javax.swing.JComponent j && j.getBorder() instanceof javax.swing.border.TitledBorder t
                    && (j.getHeight() < j.getPreferredSize().height || !j.isShowing())) {
                out.append(name).append(": box '").append(t.getTitle()).append("' ").append(j.getHeight())
                        .append(" of ").append(j.getPreferredSize().height).append(" px; ");
            }
            if (c instanceof java.awt.Container k && !(c instanceof javax.swing.JList<?>)) {
                todo.addAll(java.util.List.of(k.getComponents()));
            }
        }
        return out.toString();
    }
}
