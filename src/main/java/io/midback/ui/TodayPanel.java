package io.midback.ui;

import io.midback.history.DayData;
import io.midback.history.DaySummary;
import io.midback.history.HistoryStore;
import io.midback.report.ChartStyle;
import io.midback.report.DayCharts;
import io.midback.report.WeekCharts;
import org.jfree.chart.JFreeChart;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Today: the report's charts of the day from the history (flexion with the posture ribbon, time per state,
 * upright per hour) and the week's trend, as the day goes on. The history is read and the charts are drawn into
 * images on a worker thread (at most once a minute while the tab is shown, sooner after a session wrote to the
 * history); the event thread only shows the images.
 */
final class TodayPanel extends JPanel {
    static final long RELOAD_NANOS = 60_000_000_000L, AFTER_WRITE_NANOS = 5_000_000_000L;

    private final HistoryAccess history;
    private final Clock clock;
    private final DoubleSupplier thresholdDeg;
    private final JLabel summary = new JLabel("Loading today's history…");
    private final ImageView flexion = new ImageView(), states = new ImageView(), hourly = new ImageView(),
            week = new ImageView();
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile boolean written = true;
    private long lastLoadNanos = Long.MIN_VALUE / 2, lastWrittenNanos;

    TodayPanel(HistoryAccess history, Clock clock, DoubleSupplier thresholdDeg) {
        super(new BorderLayout(8, 8));
        this.history = history;
        this.clock = clock;
        this.thresholdDeg = thresholdDeg;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        summary.setName("todaySummary");
        if (history != null) {
            summary.setToolTipText("History: " + history.path());
        }
        flexion.setPreferredSize(new Dimension(760, 300));
        JPanel small = new JPanel(new GridLayout(1, 3, 8, 8));
        small.add(states);
        small.add(hourly);
        small.add(week);
        small.setPreferredSize(new Dimension(760, 230));
        add(summary, BorderLayout.NORTH);
        add(flexion, BorderLayout.CENTER);
        add(small, BorderLayout.SOUTH);
        if (history == null) {
            summary.setText("No history in this window.");
        }
    }

    /** The charts follow the window's theme: redrawn in its colours at the next refresh. */
    void applyTheme() {
        reloadSoon();
    }

    /** A session wrote to the history (any thread): reload within a few seconds. */
    void historyWritten() {
        written = true;
    }

    void reloadSoon() {
        lastLoadNanos = Long.MIN_VALUE / 2;
    }

    /** From the window's timer (event thread): starts a load when due and the tab is showing. */
    void refresh() {
        if (history == null || !isShowing() || flexion.getWidth() < 50) {
            return;
        }
        long now = System.nanoTime();
        if (written) {
            written = false;
            lastWrittenNanos = now;
        }
        boolean due = now - lastLoadNanos > RELOAD_NANOS
                || (lastWrittenNanos > lastLoadNanos && now - lastWrittenNanos > AFTER_WRITE_NANOS)
                || flexion.sizeChanged() || states.sizeChanged() || week.sizeChanged();
        if (!due || !loading.compareAndSet(false, true)) {
            return;
        }
        lastLoadNanos = now;
        Dimension fl = flexion.getSize(), st = states.getSize(), hr = hourly.getSize(), wk = week.getSize();
        double thr = thresholdDeg.getAsDouble();
        LocalDate today = LocalDate.now(clock);
        ChartStyle style = Theme.chartStyle();
        Thread t = new Thread(() -> load(today, thr, style, fl, st, hr, wk), "midback-today");
        t.setDaemon(true);
        t.start();
    }

    /** Worker thread: reads the history and draws the charts into images. */
    private void load(LocalDate today, double thr, ChartStyle style, Dimension fl, Dimension st, Dimension hr, Dimension wk) {
        String text;
        BufferedImage[] img = new BufferedImage[4];
        try {
            HistoryStore store = history.store();
            if (store == null) {
                text = history.path() == null ? "No history in this window: sessions are not saved."
                        : "No history: see the notice at the top of the window.";
            } else {
                DayData day = store.day(today);
                List<DaySummary> days = new ArrayList<>();
                for (LocalDate d : store.days()) {
                    if (!d.isBefore(today.minusDays(6)) && !d.isAfter(today)) {
                        days.add(d.equals(today) ? day.summary() : store.day(d).summary());
                    }
                }
                DaySummary s = day.summary();
                text = day.minutes().isEmpty()
                        ? "Nothing in today's history yet: live sessions are saved as they go (replays when you "
                        + "tick \"Save to history\")."
                        : String.format(Locale.ROOT, "Today: %d session%s, %.0f min recorded, upright %.0f%% of "
                                + "the sitting time, %.0f min slumped, %d alert%s", s.sessions(),
                        s.sessions() == 1 ? "" : "s", s.recordedS() / 60,
                        Double.isNaN(s.uprightShare()) ? 0 : 100 * s.uprightShare(), s.slumpSeconds() / 60,
                        s.alertCount(), s.alertCount() == 1 ? "" : "s");
                if (!day.minutes().isEmpty()) {
                    text += routines(io.midback.history.RoutineDays.of(store.events(
                            io.midback.history.EventKind.ROUTINE)), today);
                }
                if (!day.minutes().isEmpty()) {
                    img[0] = draw(DayCharts.flexion(day, Double.isNaN(day.slumpThresholdDeg()) ? thr
                            : day.slumpThresholdDeg(), style), fl);
                    img[1] = draw(DayCharts.stateTime(s, style), st);
                    img[2] = draw(DayCharts.hourlyUpright(day, style), hr);
                }
                if (!days.isEmpty()) {
                    img[3] = draw(WeekCharts.trend("This week", days, style), wk);
                }
            }
        } catch (RuntimeException e) {
            text = "Could not read the history: " + e.getMessage();
        }
        String shown = text;
        SwingUtilities.invokeLater(() -> {
            summary.setText(shown);
            flexion.set(img[0]);
            states.set(img[1]);
            hourly.set(img[2]);
            week.set(img[3]);
            loading.set(false);
        });
    }

    /** ". Routines: 12.5 min today, streak 3 days" (the streak: {@link io.midback.history.RoutineDays}). */
    static String routines(io.midback.history.RoutineDays r, LocalDate today) {
        int streak = r.currentStreak(today);
        return String.format(Locale.ROOT, ". Routines: %.1f min today, streak %d day%s", r.minutesOn(today), streak,
                streak == 1 ? "" : "s");
    }

    private static BufferedImage draw(JFreeChart chart, Dimension size) {
        int w = Math.max(50, size.width), h = Math.max(50, size.height);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Shows an image drawn elsewhere; remembers the size it was last drawn for. */
    private static final class ImageView extends JComponent {
        private BufferedImage image;

        void set(BufferedImage img) {
            image = img;
            repaint();
        }

        boolean sizeChanged() {
            return image != null && (image.getWidth() != getWidth() || image.getHeight() != getHeight());
        }

        @Override
        protected void paintComponent(Graphics g) {
            if (image != null) {
                g.drawImage(image, 0, 0, null);
            }
        }
    }
}
