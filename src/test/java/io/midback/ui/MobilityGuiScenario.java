package io.midback.ui;

import io.midback.app.PacedSink;
import io.midback.app.Pacing;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.sensor.SampleSink;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import javax.swing.JTabbedPane;
import javax.swing.JTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;

/**
 * The guided mobility check in the real window (started by {@link MobilityWindowTest} with a {@code DISPLAY}): the
 * Mobility tab's Start check, then a simulated wearer doing the check at 8× real time; waits for the last prompt and
 * the result table, saves a screenshot and prints what it saw (and what the history holds) as {@code key=value}.
 */
public final class MobilityGuiScenario {
    /** The simulated wearer following the guided check, paced. */
    static final class GuidedWearer implements SampleSource {
        private final long seed;
        private final double speed;
        private volatile boolean stopped;

        GuidedWearer(long seed, double speed) {
            this.seed = seed;
            this.speed = speed;
        }

        @Override
        public String describe() {
            return "simulated wearer doing the mobility check";
        }

        @Override
        public void run(SampleSink sink) {
            MobilityProtocol p = MobilityProtocol.guided(MobilityProtocol.Person.random(seed), seed);
            try {
                new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(100).withSeed(seed))
                        .run(new PacedSink(sink, new Pacing(speed, () -> stopped), 0.02));
            } catch (PacedSink.Stopped e) {
                sink.end();
            }
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
            win.frame().setLocation(0, 0);
            win.show();
            return win;
        });
        JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", JTabbedPane.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Mobility")); // as a click on the tab
            return null;
        });
        click(w.frame(), "mobilityStart");
        onEdt(() -> {
            w.connect(new GuidedWearer(11, 8), null);
            tabs.setSelectedIndex(tabs.indexOfTab("Mobility"));
            return null;
        });
        boolean counted = await(() -> ScenarioSupport.text(w.frame(), "mobilityPrompt").contains("1 of 3 counted"),
                30);
        report("counted.live", counted);
        boolean done = await(() -> ScenarioSupport.text(w.frame(), "mobilityPrompt").contains("All six directions"),
                60);
        report("done", done);
        JTable table = ScenarioSupport.named(w.frame(), "mobilityResult", JTable.class);
        report("rows", await(() -> table.getRowCount() == 6, 10) ? 6 : onEdt(table::getRowCount));
        for (int i = 0; i < 6; i++) {
            int row = i;
            report("row." + onEdt(() -> table.getValueAt(row, 0)).toString().replace(' ', '_'), onEdt(() -> table.getValueAt(row, 1) + " "
                    + table.getValueAt(row, 2) + " " + table.getValueAt(row, 3)));
        }
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("10-mobility.png"));
        // The trend follows the dark theme as the other charts do: no white plot.
        org.jfree.chart.ChartPanel trend = ScenarioSupport.named(w.frame(), "mobilityTrend",
                org.jfree.chart.ChartPanel.class);
        report("trend.shown", await(() -> trend.getChart() != null, 10));
        onEdt(() -> {
            w.setTheme("dark");
            return null;
        });
        report("trend.darkPlotLuminance", onEdt(() -> {
            double most = 0;
            org.jfree.chart.plot.Plot p = trend.getChart().getPlot();
            java.util.List<org.jfree.chart.plot.Plot> plots = new java.util.ArrayList<>(java.util.List.of(p));
            if (p instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
                plots.addAll(c.getSubplots());
            }
            for (org.jfree.chart.plot.Plot q : plots) {
                if (q.getBackgroundPaint() instanceof java.awt.Color c) {
                    most = Math.max(most, ScenarioSupport.luminance(c));
                }
            }
            return most;
        }));
        onEdt(() -> {
            w.setTheme("light");
            return null;
        });
        onEdt(() -> {
            w.disconnect();
            return null;
        });
        w.awaitStopped();
        HistoryStore store = history.store();
        List<MobilityRecord> checks = store.mobilityChecks();
        report("history.checks", checks.size());
        if (!checks.isEmpty()) {
            report("history.ended", checks.get(0).ended());
            checks.get(0).directions().forEach((d, fig) -> report("history." + d, fig.reps()));
        }
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        history.close();
    }
}
