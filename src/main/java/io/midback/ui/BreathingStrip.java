package io.midback.ui;

import io.midback.app.SessionBuilder;
import io.midback.breathing.BreathRateEstimator;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Live view's breathing: the rate (breaths per minute, or why there is none) and the last minute of the
 * breathing signal as a small trace. It samples the session's breathing stage ten times a second on the event
 * thread (momentary values; the signal is slower than 1 Hz) and draws; nothing else.
 */
final class BreathingStrip extends JPanel {
    static final int TICK_MS = 100;
    static final int TRACE_POINTS = 600; // a minute at 10 per second
    /** No new sample for this long: the session has stopped, the figures go. */
    static final long STALE_NANOS = 2_000_000_000L;

    private final Supplier<SessionBuilder> session;
    private final JLabel rate = new JLabel("–");
    private final Trace trace = new Trace();
    private final float[] signalDeg = new float[TRACE_POINTS];
    private int written;
    private long lastSamples = -1, lastChangeNanos;
    private SessionBuilder shown;

    BreathingStrip(Supplier<SessionBuilder> session) {
        super(new BorderLayout(10, 0));
        this.session = session;
        setBorder(BorderFactory.createTitledBorder("Breathing (while still)"));
        rate.setName("breathingRate");
        rate.setFont(rate.getFont().deriveFont(Font.BOLD, 18f));
        rate.setPreferredSize(new Dimension(210, 40));
        trace.setName("breathingTrace");
        trace.setPreferredSize(new Dimension(400, 44));
        add(rate, BorderLayout.WEST);
        add(trace, BorderLayout.CENTER);
        every(TICK_MS, this::tick);
    }

    /** A coalescing Swing timer running {@code r} every {@code ms} on the event thread, started. */
    static Timer every(int ms, Runnable r) {
        Timer timer = new Timer(ms, e -> r.run());
        timer.setCoalesce(true);
        timer.start();
        return timer;
    }

    private void tick() {
        SessionBuilder s = session.get();
        if (s != shown) {
            shown = s;
            clearTrace();
            lastSamples = -1;
        }
        long now = System.nanoTime();
        long samples = s == null ? 0 : s.samples();
        if (samples != lastSamples) {
            lastSamples = samples;
            lastChangeNanos = now;
        }
        boolean flowing = s != null && samples > 0 && now - lastChangeNanos < STALE_NANOS;
        if (!flowing) {
            rate.setText("–");
            clearTrace();
            return;
        }
        BreathRateEstimator b = s.breathing();
        double r = b.ratePerMin();
        rate.setText(text(r, b.isMoving()));
        signalDeg[written % TRACE_POINTS] = (float) b.signalDeg();
        written++;
        trace.repaint();
    }

    /** Forgets the trace and draws it empty (a session that stopped or another one): no trace of a past run. */
    private void clearTrace() {
        if (written != 0) {
            written = 0;
            trace.repaint();
        }
    }

    /** The rate's label has a fixed size: its new text re-lays out the strip alone, not the window. */
    @Override
    public boolean isValidateRoot() {
        return true;
    }

    /** "12.4 breaths/min", "moving", or "measuring…" (still, not enough breaths yet). */
    static String text(double ratePerMin, boolean moving) {
        if (!Double.isNaN(ratePerMin)) {
            return String.format(Locale.ROOT, "%.1f breaths/min", ratePerMin);
        }
        return moving ? "moving" : "measuring…";
    }

    String rateText() {
        return rate.getText();
    }

    private final class Trace extends JComponent {
        private final java.awt.geom.Path2D.Float path = new java.awt.geom.Path2D.Float(
                java.awt.geom.Path2D.WIND_NON_ZERO, TRACE_POINTS);

        @Override
        protected void paintComponent(Graphics g) {
            int n = Math.min(written, TRACE_POINTS);
            if (n < 2) {
                return;
            }
            float peak = 0.05f;
            for (int i = 0; i < n; i++) {
                peak = Math.max(peak, Math.abs(signalDeg[(written - 1 - i) % TRACE_POINTS]));
            }
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(new Color(0x2a, 0x7a, 0xb0));
            g2.setStroke(new BasicStroke(1.5f));
            int w = getWidth(), h = getHeight();
            double mid = h / 2.0, scale = (h / 2.0 - 3) / peak;
            // One path, drawn once: a line per point costs a mask per segment on the display (tens of ms a frame).
            path.reset();
            for (int i = 0; i < n; i++) {
                float x = (float) (w - 1 - (double) i * (w - 1) / (TRACE_POINTS - 1));
                float y = (float) (mid - signalDeg[(written - 1 - i) % TRACE_POINTS] * scale);
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g2.draw(path);
            g2.dispose();
        }
    }
}
