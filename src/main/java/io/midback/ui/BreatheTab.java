package io.midback.ui;

import io.midback.app.BreathingExercise;
import io.midback.app.SessionBuilder;
import io.midback.breathing.BreathPacer;
import io.midback.breathing.PacedBreathing;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingConstants;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Breathe tab: the paced-breathing exercise of the current session ({@link BreathingExercise}). The wearer
 * picks a pace and a length and presses Start; a circle grows while they should breathe in and shrinks while they
 * should breathe out, with their measured rate and the coherence of their breaths with it; the exercise is saved
 * in the history with the session. The tab only starts and stops the exercise and draws its snapshot (20 times a
 * second on the event thread); the session thread does the rest.
 */
final class BreatheTab extends JPanel {
    static final int TICK_MS = 50;
    private static final Color INHALE = new Color(0x2E86DE), EXHALE = new Color(0x10AC84);

    private final Supplier<SessionBuilder> session;
    /** Whether a session is connecting or streaming (the Routine tab's check). */
    private final BooleanSupplier live;
    private final JSpinner pace = new JSpinner(new SpinnerNumberModel(BreathPacer.DEFAULT_RATE_PER_MIN,
            BreathPacer.MIN_RATE_PER_MIN, BreathPacer.MAX_RATE_PER_MIN, 0.5));
    private final JSpinner minutes = new JSpinner(new SpinnerNumberModel(5.0, 0.5, 60.0, 0.5));
    private final JButton start = new JButton("Start");
    private final JLabel phase = new JLabel("Press Start, sit still, and breathe with the circle",
            SwingConstants.CENTER);
    private final JLabel measured = new JLabel("Your rate: –");
    private final JLabel coherence = new JLabel("Coherence: –");
    private final JLabel result = new JLabel(" ");
    private final Pacer pacer = new Pacer();
    private BreathingExercise.Snapshot snapshot;
    private BreathingExercise running;
    private PacedBreathing.Result shownResult;

    BreatheTab(Supplier<SessionBuilder> session, BooleanSupplier live) {
        super(new BorderLayout(8, 8));
        this.session = session;
        this.live = live;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        pace.setName("breathePace");
        minutes.setName("breatheMinutes");
        start.setName("breatheStart");
        phase.setName("breathePhase");
        measured.setName("breatheMeasured");
        coherence.setName("breatheCoherence");
        result.setName("breatheResult");
        phase.setFont(phase.getFont().deriveFont(Font.BOLD, 22f));
        start.addActionListener(e -> startOrStop());

        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        for (JComponent c : new JComponent[] {new JLabel("Pace"), pace, new JLabel("breaths/min for"), minutes,
                new JLabel("min"), start}) {
            controls.add(c);
        }
        add(controls, BorderLayout.NORTH);

        JPanel center = new JPanel(new BorderLayout());
        center.add(phase, BorderLayout.NORTH);
        center.add(pacer, BorderLayout.CENTER);
        add(center, BorderLayout.CENTER);

        JPanel figures = new JPanel();
        figures.setLayout(new BoxLayout(figures, BoxLayout.Y_AXIS));
        figures.setPreferredSize(new Dimension(260, 200));
        for (JLabel l : new JLabel[] {measured, coherence}) {
            l.setFont(l.getFont().deriveFont(Font.BOLD, 18f));
            figures.add(l);
            figures.add(Box.createVerticalStrut(8));
        }
        figures.add(new JLabel("<html>Coherence: how steadily your breaths start at the same point of the guide's "
                + "cycle, 0 to 1; " + String.format(Locale.ROOT, "%.1f", PacedBreathing.FOLLOWS_FROM)
                + " and more: you follow it. The rate is measured while you keep still.</html>"));
        add(figures, BorderLayout.EAST);
        add(result, BorderLayout.SOUTH);

        BreathingStrip.every(TICK_MS, this::tick);
    }

    private void startOrStop() {
        SessionBuilder s = session.get();
        if (running != null && snapshot != null && snapshot.running()) {
            running.stop();
            return;
        }
        if (s == null || !live.getAsBoolean()) {
            result.setText(RoutineTab.CONNECT_FIRST);
            return;
        }
        running = s.exercise();
        shownResult = running.lastResult();
        running.start(new BreathPacer(((Number) pace.getValue()).doubleValue()),
                ((Number) minutes.getValue()).doubleValue() * 60);
        result.setText(" ");
        phase.setText("Starting…");
    }

    private void tick() {
        if (running == null) {
            return;
        }
        snapshot = running.snapshot();
        if (snapshot.running()) {
            BreathPacer p = snapshot.pacer();
            double t = snapshot.guideS();
            phase.setText(String.format(Locale.ROOT, "%s  %.0f s", p.inhaling(t) ? "Breathe in" : "Breathe out",
                    Math.ceil(p.secondsLeftInStroke(t))));
            measured.setText(Double.isNaN(snapshot.ratePerMin()) ? "Your rate: measuring…"
                    : String.format(Locale.ROOT, "Your rate: %.1f /min", snapshot.ratePerMin()));
            coherence.setText(Double.isNaN(snapshot.coherence()) ? "Coherence: –"
                    : String.format(Locale.ROOT, "Coherence: %.2f%s", snapshot.coherence(),
                    PacedBreathing.follows(snapshot.coherence()) ? " ✓" : ""));
            start.setText("Stop");
            pacer.repaint();
            return;
        }
        start.setText("Start");
        PacedBreathing.Result r = running.lastResult();
        if (r != null && r != shownResult) {
            shownResult = r;
            phase.setText("Done");
            result.setText("Last exercise: " + r.describe());
            pacer.repaint();
        }
    }

    /** The guide: a circle that fills while breathing in and empties while breathing out. */
    private final class Pacer extends JComponent {
        Pacer() {
            setName("breathePacer");
            setPreferredSize(new Dimension(320, 320));
        }

        @Override
        protected void paintComponent(Graphics g) {
            BreathingExercise.Snapshot s = snapshot;
            int w = getWidth(), h = getHeight();
            double max = Math.min(w, h) / 2.0 - 10, min = max * 0.3;
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(new Color(128, 128, 128, 60));
            g2.drawOval((int) (w / 2.0 - max), (int) (h / 2.0 - max), (int) (2 * max), (int) (2 * max));
            if (s != null && s.running()) {
                double r = min + (max - min) * s.pacer().volume(s.guideS());
                g2.setColor(s.pacer().inhaling(s.guideS()) ? INHALE : EXHALE);
                g2.fillOval((int) (w / 2.0 - r), (int) (h / 2.0 - r), (int) (2 * r), (int) (2 * r));
            }
            g2.dispose();
        }
    }
}
