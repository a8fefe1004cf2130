package io.midback.ui;

import io.midback.alert.AlertListener;
import io.midback.app.GuidedMobility;
import io.midback.app.SampleFanout;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.mobility.Direction;
import io.midback.mobility.GuidedCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityResult;
import io.midback.posture.PostureListener;
import io.midback.report.MobilityCharts;
import io.midback.report.MobilityNorms;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.jfree.chart.ChartPanel;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The window's Mobility tab: the guided check on the connected sensor (prompts, repetitions counted live, "Stop: it
 * hurts"), its result beside the published norms, and the trend of every check in the history. The check runs on
 * the session thread as a stage beside posture ({@link #tapping}); this panel only draws what it posts.
 */
final class MobilityPanel extends JPanel {
    private final HistoryAccess history;
    private final Clock clock;
    private final JLabel prompt = new JLabel("Connect a sensor, sit on the front of the chair, then Start check.");
    private final JButton start = new JButton("Start check");
    private final JButton hurts = new JButton("Stop: it hurts");
    private final JButton stop = new JButton("Stop");
    private final DefaultTableModel table = new DefaultTableModel(
            new Object[] {"direction", "range", "repetitions", "published norm"}, 0);
    private final ChartPanel trend = new ChartPanel(null);
    /** The running check, fed on the session thread; null when none. */
    private volatile GuidedMobility check;
    private volatile Instant checkStart;
    private volatile String sourceName = "unknown";

    MobilityPanel(HistoryAccess history, Clock clock) {
        super(new BorderLayout(8, 8));
        this.history = history;
        this.clock = clock;
        setName("mobilityPanel");
        prompt.setName("mobilityPrompt");
        prompt.setFont(prompt.getFont().deriveFont(Font.BOLD, 16f));
        start.setName("mobilityStart");
        hurts.setName("mobilityHurts");
        stop.setName("mobilityStop");
        hurts.setEnabled(false);
        stop.setEnabled(false);
        start.addActionListener(e -> startCheck());
        hurts.addActionListener(e -> stopCheck(GuidedCheck.STOP_HURTS));
        stop.addActionListener(e -> stopCheck("by the wearer"));
        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        buttons.add(start);
        buttons.add(hurts);
        buttons.add(stop);
        top.add(buttons);
        top.add(new JLabel(GuidedCheck.WARNING.replace(" (type h and Enter: stop, it hurts)", "")));
        top.add(prompt);
        top.setBorder(BorderFactory.createEmptyBorder(8, 10, 0, 10));
        add(top, BorderLayout.NORTH);
        JTable t = new JTable(table);
        t.setName("mobilityResult");
        JPanel centre = new JPanel(new BorderLayout());
        JScrollPane sp = new JScrollPane(t);
        sp.setPreferredSize(new java.awt.Dimension(400, 140));
        centre.add(sp, BorderLayout.NORTH);
        centre.add(new JLabel("Norms: " + MobilityNorms.AAOS + ". " + MobilityNorms.CAVEAT), BorderLayout.SOUTH);
        trend.setName("mobilityTrend");
        centre.add(trend, BorderLayout.CENTER);
        add(centre, BorderLayout.CENTER);
        loadTrend();
    }

    /** The backend with this tab's check beside the posture pipeline of every session it opens. */
    PostureBackend tapping(PostureBackend backend) {
        return new PostureBackend() {
            @Override
            public SampleSink open(SampleSource source, PostureListener frames, AlertListener alerts) {
                sourceName = source.describe();
                return new SampleFanout(List.of(new Tap(), backend.open(source, frames, alerts)));
            }

            @Override
            public void apply(AlertSettings settings) {
                backend.apply(settings);
            }

            @Override
            public void snooze(io.midback.alert.Snooze snooze) {
                backend.snooze(snooze);
            }

            @Override
            public Calibration calibration() {
                return backend.calibration();
            }
        };
    }

    /** Hands the session's samples to the running check, if any. */
    private final class Tap implements SampleSink {
        @Override
        public void accept(SampleBatch b) {
            GuidedMobility c = check;
            if (c != null) {
                c.accept(b);
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            GuidedMobility c = check;
            if (c != null) {
                c.gap(fromS, toS, reason);
            }
        }

        @Override
        public void end() {
            GuidedMobility c = check;
            if (c != null) {
                c.guide().endOfStream(GuidedCheck.SAMPLES_ENDED);
            }
        }
    }

    private void startCheck() {
        table.setRowCount(0);
        checkStart = clock.instant();
        GuidedMobility[] self = {null};
        self[0] = new GuidedMobility(100, new GuidedCheck.Listener() {
            @Override
            public void prompt(double tS, String text) {
                SwingUtilities.invokeLater(() -> prompt.setText("<html>" + escape(text) + "</html>"));
            }

            @Override
            public void event(MobilityEvent e) {
            }

            @Override
            public void finished(double tS, String how) {
                finish(self[0], how);
            }
        });
        check = self[0];
        start.setEnabled(false);
        hurts.setEnabled(true);
        stop.setEnabled(true);
        prompt.setText("Sit upright and still: capturing the upright pose.");
    }

    private void stopCheck(String reason) {
        GuidedMobility c = check;
        if (c != null) {
            c.guide().requestStop(reason);
        }
    }

    /** On the session thread: the analysis and the history; then the table and the trend on the event thread. */
    private void finish(GuidedMobility c, String how) {
        check = null;
        MobilityResult r = c.result();
        MobilityRecord rec = GuidedMobility.record(r, c.guide(), checkStart, clock.getZone(), sourceName,
                sourceName);
        String saved = null;
        List<MobilityRecord> checks = List.of();
        try {
            HistoryStore store = history == null ? null : history.store();
            if (store != null) {
                store.saveMobilityCheck(rec);
                checks = store.mobilityChecks();
            }
        } catch (RuntimeException e) { // the check is shown anyway
            saved = "The check could not be saved in the history: " + e.getMessage();
        }
        String notSaved = saved;
        List<MobilityRecord> trendChecks = checks;
        SwingUtilities.invokeLater(() -> {
            for (Direction d : Direction.values()) {
                double rom = r.romDeg(d);
                table.addRow(new Object[] {d.label(), Double.isFinite(rom)
                        ? String.format(Locale.ROOT, "%.0f°", rom) : "–", r.reps().get(d).size(),
                        String.format(Locale.ROOT, "%.0f°", MobilityNorms.of(d.jsonName()).normDeg())});
            }
            if (GuidedCheck.hurt(how)) {
                prompt.setText("<html>" + escape(GuidedCheck.HURTS_ADVICE) + "</html>");
            }
            if (notSaved != null) {
                prompt.setText("<html>" + escape(notSaved) + "</html>");
            }
            start.setEnabled(true);
            hurts.setEnabled(false);
            stop.setEnabled(false);
            showTrend(trendChecks);
        });
    }

    /** Reads the history's checks off the event thread, then draws them. */
    private void loadTrend() {
        Thread t = new Thread(() -> {
            List<MobilityRecord> checks;
            try {
                HistoryStore store = history == null ? null : history.store();
                checks = store == null ? List.of() : store.mobilityChecks();
            } catch (RuntimeException e) { // no trend: the history says why elsewhere
                checks = List.of();
            }
            List<MobilityRecord> loaded = checks;
            SwingUtilities.invokeLater(() -> showTrend(loaded));
        }, "midback-mobility-history");
        t.setDaemon(true);
        t.start();
    }

    /** The trend follows the window's theme, as the other charts do. */
    void applyTheme() {
        if (trend.getChart() != null) {
            Theme.chartStyle().apply(trend.getChart());
        }
    }

    private void showTrend(List<MobilityRecord> checks) {
        if (!checks.isEmpty()) {
            trend.setChart(Theme.chartStyle().apply(MobilityCharts.trend(checks)));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
