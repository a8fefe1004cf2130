package io.midback.ui;

import io.midback.posture.PostureState;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.Locale;

/**
 * The live view: a chart of flexion, side bend and rotation over the last minutes with the slump band, a large
 * posture-state indicator, and the connection's status. Event thread only; {@link #refresh} is called by the
 * window's timer after it drained the ring.
 */
final class LivePanel extends JPanel {
    static final int MAX_COLUMNS = LiveChart.MAX_COLUMNS;
    static final int[] WINDOW_MINUTES = {1, 5, 15};
    /** The indicator's words when no posture is current. */
    static final String NOT_CONNECTED = "not connected", NO_DATA = "no data", ENDED = "ended",
            DISCONNECTED = "disconnected", FAILED = "failed";
    /** Beneath "no data" while a link that reconnects by itself gets nothing: what it does and what to check. */
    static final String RECONNECTING_HINT = "Reconnecting… is the sensor switched on?";
    /** The connection state with no session. */
    static final String CONNECTION_NONE = "Not connected";

    /** The connection state of a session, when its link says nothing of its own. */
    static String connectionState(Session.State st) {
        return switch (st) {
            case CONNECTING -> "Connecting…";
            case STREAMING -> "Streaming";
            case ENDED -> "Ended";
            case STOPPED -> "Disconnected";
            case FAILED -> "Failed";
        };
    }

    /** The connection state while nothing arrives ({@code String.format} with the seconds). */
    static final String NO_DATA_FOR = "No data for %.0f s";

    private final SeriesWindow window;
    private final LiveChart chart; // painter thread only after construction
    private final ChartView chartPanel;
    /** The one thread that touches the chart, plot and dataset after construction: draws into images. */
    private final java.util.concurrent.ExecutorService painter = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "midback-chart");
                t.setDaemon(true);
                return t;
            });
    /** True while a drawing is queued or running: the event thread then skips refreshes (adaptive refresh rate). */
    private final java.util.concurrent.atomic.AtomicBoolean drawing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile java.awt.image.BufferedImage front;
    private java.awt.image.BufferedImage back; // painter thread only
    private volatile int dataColumns = 600;
    private volatile int plotted0;
    private volatile long drawNanos, draws, maxDrawNanos;
    private volatile long lastDrawNanos, lastDrawEndNanos;
    private long skipped;
    private final LiveRing.Chunk chunk = new LiveRing.Chunk(1 << 16); // painter thread only
    private LiveRing ring; // painter thread only
    private boolean dirty = true; // painter thread only: redraw even without new samples
    /** The newest frame the painter drained, for the indicator (event thread reads it at 20 Hz). */
    record Latest(PostureState state, double flexionDeg, boolean calibrated, long samples) {
    }

    private volatile Latest latest;
    private final JLabel stateLabel = new JLabel("—", SwingConstants.CENTER);
    private final JLabel flexionLabel = new JLabel(" ", SwingConstants.CENTER);
    private final JLabel calibratedLabel = new JLabel(" ", SwingConstants.CENTER);
    private final JLabel connection = new JLabel(CONNECTION_NONE);
    private final JLabel rate = new JLabel("–");
    private final JLabel lost = new JLabel("–");
    private final JLabel battery = new JLabel("unknown");
    private final JComboBox<String> windowChoice = new JComboBox<>(new String[] {"1 min", "5 min", "15 min"});
    private double windowS = 300;
    private long refreshes;
    private long paintNanos, paints, maxPaintNanos, refreshNanos, maxRefreshNanos;

    LivePanel(SeriesWindow window, double thresholdDeg, int windowMinutes) {
        super(new BorderLayout(8, 8));
        this.window = window;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        chart = new LiveChart(thresholdDeg);
        chartPanel = new ChartView();
        chartPanel.setName("liveChart");
        chartPanel.setPreferredSize(new Dimension(760, 420));
        chartPanel.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                refresh();
            }
        });
        applyTheme();

        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        top.add(new JLabel("Show the last"));
        top.add(windowChoice);
        windowChoice.setName("chartWindow");
        windowChoice.addActionListener(e -> windowS = 60.0 * WINDOW_MINUTES[windowChoice.getSelectedIndex()]);
        // The chart belongs to the painter thread from here on.
        setWindowMinutes(windowMinutes);

        JPanel center = new JPanel(new BorderLayout());
        center.add(top, BorderLayout.NORTH);
        center.add(chartPanel, BorderLayout.CENTER);
        add(center, BorderLayout.CENTER);
        add(sidePanel(), BorderLayout.WEST);
    }

    private JPanel sidePanel() {
        JPanel side = new JPanel() {
            /** Of a fixed width: a label's new text (many a second) re-lays out this column, not the window. */
            @Override
            public boolean isValidateRoot() {
                return true;
            }
        };
        side.setLayout(new BoxLayout(side, BoxLayout.Y_AXIS));
        stateLabel.setName("postureState");
        stateLabel.setFont(stateLabel.getFont().deriveFont(Font.BOLD, 30f));
        stateLabel.setOpaque(true);
        stateLabel.setBorder(BorderFactory.createEmptyBorder(18, 8, 18, 8));
        stateLabel.setAlignmentX(CENTER_ALIGNMENT);
        stateLabel.setMaximumSize(new Dimension(Integer.MAX_VALUE, 90));
        flexionLabel.setName("flexion");
        calibratedLabel.setName("calibrationState");
        flexionLabel.setFont(flexionLabel.getFont().deriveFont(Font.BOLD, 44f));
        flexionLabel.setAlignmentX(CENTER_ALIGNMENT);
        calibratedLabel.setAlignmentX(CENTER_ALIGNMENT);
        side.add(stateLabel);
        side.add(Box.createVerticalStrut(6));
        side.add(flexionLabel);
        side.add(new JLabel("flexion") {{
            setAlignmentX(CENTER_ALIGNMENT);
        }});
        side.add(calibratedLabel);
        side.add(Box.createVerticalStrut(18));
        JPanel status = new JPanel(new java.awt.GridLayout(0, 2, 6, 4));
        status.setBorder(BorderFactory.createTitledBorder("Connection"));
        connection.setName("connectionState");
        rate.setName("sampleRate");
        status.add(new JLabel("State"));
        status.add(connection);
        status.add(new JLabel("Sample rate"));
        status.add(rate);
        status.add(new JLabel("Lost samples"));
        status.add(lost);
        status.add(new JLabel("Battery"));
        status.add(battery);
        status.setMaximumSize(new Dimension(Integer.MAX_VALUE, 140));
        status.setAlignmentX(CENTER_ALIGNMENT);
        side.add(status);
        side.add(Box.createVerticalGlue());
        side.setPreferredSize(new Dimension(widthForLongestTexts(side, status), 300));
        return side;
    }

    /**
     * The side panel's fixed width: wide enough, in its fonts, for the longest posture or no-posture word, the
     * longest connection state and the reconnecting hint (at least 220 px).
     */
    private int widthForLongestTexts(JPanel side, JPanel status) {
        java.util.List<String> words = new java.util.ArrayList<>(
                java.util.List.of(NOT_CONNECTED, NO_DATA, ENDED, DISCONNECTED, FAILED));
        for (PostureState p : PostureState.values()) {
            words.add(p.label());
        }
        java.util.List<String> states = new java.util.ArrayList<>(java.util.List.of(CONNECTION_NONE,
                String.format(Locale.ROOT, NO_DATA_FOR, 999.0)));
        for (Session.State st : Session.State.values()) {
            states.add(connectionState(st));
        }
        int width = 220;
        String keepState = stateLabel.getText(), keepConnection = connection.getText(),
                keepWhy = calibratedLabel.getText();
        for (String w : words) {
            stateLabel.setText(w);
            width = Math.max(width, stateLabel.getPreferredSize().width);
        }
        calibratedLabel.setText(RECONNECTING_HINT);
        width = Math.max(width, calibratedLabel.getPreferredSize().width);
        calibratedLabel.setText(keepWhy);
        for (String c : states) {
            connection.setText(c);
            width = Math.max(width, status.getPreferredSize().width);
        }
        stateLabel.setText(keepState);
        connection.setText(keepConnection);
        java.awt.Insets in = side.getInsets();
        return width + in.left + in.right;
    }

    void setWindowMinutes(int minutes) {
        for (int i = 0; i < WINDOW_MINUTES.length; i++) {
            if (WINDOW_MINUTES[i] == minutes) {
                windowChoice.setSelectedIndex(i);
            }
        }
    }

    int windowMinutes() {
        return WINDOW_MINUTES[windowChoice.getSelectedIndex()];
    }

    JComboBox<String> windowChoice() {
        return windowChoice;
    }

    void setThreshold(double deg) {
        painter.execute(() -> {
            chart.setThreshold(deg);
            dirty = true;
        });
    }

    /** A new session's ring: the painter drains it from now on and the window forgets the previous samples. */
    void setSource(LiveRing newRing) {
        painter.execute(() -> {
            ring = newRing;
            window.clear();
            latest = null;
            dirty = true;
        });
    }

    /** The newest drained frame, or null before the first. */
    Latest latest() {
        return latest;
    }

    /** Colours that follow the look and feel (light or dark). */
    void applyTheme() {
        io.midback.report.ChartStyle style = Theme.chartStyle();
        painter.execute(() -> {
            chart.theme(style);
            dirty = true;
        });
    }

    /**
     * Called by the window's Swing timer (20 Hz): asks the painter thread to drain the ring into the series
     * window, decimate it to the plot's pixel columns and draw the chart into an image; the event thread then only
     * copies that image to the screen. While a drawing is still queued or running the request is skipped, so a
     * slow machine draws less often instead of stalling the event thread.
     */
    void refresh() {
        long t0 = System.nanoTime();
        int w = chartPanel.getWidth(), h = chartPanel.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        // Adaptive rate: after a drawing of d ms, the painter rests at least d ms, so it never takes more than
        // half a core from the pipeline and the event thread on a busy machine.
        if (System.nanoTime() - lastDrawEndNanos < lastDrawNanos || !drawing.compareAndSet(false, true)) {
            skipped++;
            return;
        }
        double span = windowS;
        java.awt.GraphicsConfiguration gc = chartPanel.getGraphicsConfiguration();
        painter.execute(() -> draw(span, w, h, gc));
        refreshes++;
        long d = System.nanoTime() - t0;
        refreshNanos += d;
        maxRefreshNanos = Math.max(maxRefreshNanos, d);
    }

    /** Painter thread: drain, decimate into the dataset, draw the chart into the back image, publish it. */
    private void draw(double span, int w, int h, java.awt.GraphicsConfiguration gc) {
        long t0 = System.nanoTime();
        boolean drew = false;
        try {
            LiveRing r = ring;
            int n = r == null ? 0 : r.drainTo(chunk);
            if (n > 0) {
                window.appendAll(chunk);
                int last = n - 1;
                latest = new Latest(PostureState.values()[chunk.state[last]], chunk.flexionDeg[last],
                        chunk.calibrated[last], r.written());
            }
            java.awt.image.BufferedImage img = back;
            boolean resized = front == null || front.getWidth() != w || front.getHeight() != h;
            if (n == 0 && !dirty && !resized && span == drawnSpan) {
                return;
            }
            dirty = false;
            drawnSpan = span;
            double lastT = window.lastTime();
            double to = Double.isNaN(lastT) ? span : Math.max(lastT, span);
            double from = to - span;
            int columns = Math.max(50, Math.min(MAX_COLUMNS, dataColumns));
            chart.update(window, from, to, columns);
            if (img == null || img.getWidth() != w || img.getHeight() != h) {
                img = gc != null ? gc.createCompatibleImage(w, h) : new java.awt.image.BufferedImage(w, h,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
            }
            java.awt.Graphics2D g = img.createGraphics();
            try {
                double dw = chart.draw(g, w, h).getWidth();
                if (dw >= 1) {
                    dataColumns = (int) dw;
                }
            } finally {
                g.dispose();
            }
            plotted0 = chart.plottedPoints(0);
            back = front;
            front = img;
            drew = true;
        } catch (RuntimeException e) {
            // A drawing failure must not stop later drawings; the previous image stays.
        } finally {
            if (drew) {
                long end = System.nanoTime();
                long d = end - t0;
                lastDrawNanos = d;
                lastDrawEndNanos = end;
                drawNanos += d;
                draws++;
                maxDrawNanos = Math.max(maxDrawNanos, d);
            }
            drawing.set(false);
            if (drew) {
                chartPanel.repaint();
            }
        }
    }

    private double drawnSpan = Double.NaN; // painter thread only

    /** Shows the newest chart image; the event thread's whole share of drawing the chart. */
    private final class ChartView extends javax.swing.JComponent {
        @Override
        protected void paintComponent(java.awt.Graphics g) {
            long t0 = System.nanoTime();
            java.awt.image.BufferedImage img = front;
            if (img != null) {
                g.drawImage(img, 0, 0, null);
            } else {
                g.setColor(getBackground());
                g.fillRect(0, 0, getWidth(), getHeight());
            }
            long d = System.nanoTime() - t0;
            paintNanos += d;
            paints++;
            maxPaintNanos = Math.max(maxPaintNanos, d);
        }
    }

    /** Stops the painter thread (window closed). */
    void dispose() {
        painter.shutdownNow();
    }

    /** Chart image blits on the event thread, drawings on the painter thread, and refreshes (count, mean, max ms). */
    String costs() {
        long n = draws;
        return String.format(Locale.ROOT, "\"chartBlits\": %d, \"chartBlitMeanMs\": %.2f, \"chartBlitMaxMs\": %.1f, "
                        + "\"chartDraws\": %d, \"chartDrawMeanMs\": %.1f, \"chartDrawMaxMs\": %.1f, "
                        + "\"refreshesSkipped\": %d, \"refreshMeanMs\": %.2f, \"refreshMaxMs\": %.1f",
                paints, paints == 0 ? 0 : paintNanos / 1e6 / paints, maxPaintNanos / 1e6, n,
                n == 0 ? 0 : drawNanos / 1e6 / n, maxDrawNanos / 1e6, skipped,
                refreshes == 0 ? 0 : refreshNanos / 1e6 / refreshes, maxRefreshNanos / 1e6);
    }

    long refreshes() {
        return refreshes;
    }

    /** Points currently plotted in a series (tests and measurements). */
    int plottedPoints(int series) {
        return series == 0 ? plotted0 : chart.plottedPoints(series);
    }

    void showPosture(PostureState state, double flexionDeg, boolean calibrated) {
        stateLabel.setText(state.label());
        stateLabel.setBackground(colourOf(state));
        stateLabel.setForeground(Color.WHITE);
        flexionLabel.setText(flexionText(flexionDeg));
        calibratedLabel.setText(calibrated ? "calibrated" : "not calibrated: use Calibrate");
    }

    /**
     * The indicator when no posture is current (no data, an ended replay, no connection): {@code what} in grey,
     * no angle, and {@code why} beneath.
     */
    void showNoPosture(String what, String why) {
        stateLabel.setText(what);
        stateLabel.setBackground(new Color(0x7F8C8D));
        stateLabel.setForeground(Color.WHITE);
        flexionLabel.setText("–");
        calibratedLabel.setText(why);
    }

    /** The flexion readout: whole degrees as the chart's axes write them ("0°", never "-0°"), "+" above zero. */
    static String flexionText(double flexionDeg) {
        if (Double.isNaN(flexionDeg)) {
            return "–";
        }
        return (Math.round(flexionDeg) > 0 ? "+" : "") + new LiveChart.DegreeFormat().format(flexionDeg);
    }

    static Color colourOf(PostureState s) {
        return switch (s) {
            case UPRIGHT, STANDING, WALKING -> new Color(0x27AE60);
            case SLOUCHED -> new Color(0xE74C3C);
            case RECLINED, LEANING_SIDEWAYS -> new Color(0xE67E22);
            default -> new Color(0x7F8C8D);
        };
    }

    void showStatus(String state, double rateHz, long lostSamples, double batteryFraction) {
        connection.setText(state);
        rate.setText(Double.isNaN(rateHz) ? "–" : String.format(Locale.ROOT, "%.0f Hz", rateHz));
        lost.setText(lostSamples < 0 ? "–" : String.valueOf(lostSamples));
        battery.setText(Double.isNaN(batteryFraction) ? "unknown"
                : String.format(Locale.ROOT, "%.0f %%", 100 * batteryFraction));
    }
}
