package io.midback.ui;

import io.midback.app.MobilityHistory;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionRoutine;
import io.midback.history.EventKind;
import io.midback.history.HistoryStore;
import io.midback.history.RoutineDays;
import io.midback.recording.FileErrors;
import io.midback.routine.Exercise;
import io.midback.routine.RangeTargets;
import io.midback.routine.Routine;
import io.midback.routine.RoutineFile;
import io.midback.routine.RoutinePlayer;
import io.midback.routine.RoutineResult;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Routine tab: a guided routine ({@code daily}, {@code desk}, or a routine file) on the connected sensor, played
 * by the session's {@link SessionRoutine} (the one {@link RoutinePlayer}, on the session thread). Before starting,
 * the exercises can be moved up and down; while it plays: each exercise's how-to, the start-position prompt, a
 * pacer, the repetitions with each one's range, the feedback, and Skip, Repeat, Stop and "Stop: it hurts". The goals
 * never exceed the latest mobility check's ranges. Below: the minutes in routines today and the streak
 * ({@link RoutineDays}). The event thread only draws: ten times a second it reads the routine's snapshot and updates
 * what changed (the pacer alone redraws every tick while it runs).
 */
final class RoutineTab extends JPanel {
    static final int TICK_MS = 100;
    private static final Color HURT = new Color(0xC0392B), OUT = new Color(0x2E86DE), BACK = new Color(0x10AC84);

    /** What Start says when nothing streams (this tab's and the Breathe tab's). */
    static final String CONNECT_FIRST = "Connect a sensor first (the Connect tab), then press Start.";

    private final Supplier<SessionBuilder> session;
    private final BooleanSupplier live;
    private final HistoryAccess history;
    private final Clock clock;
    private final JComboBox<String> choice = new JComboBox<>(RoutineFile.BUILT_IN.toArray(String[]::new));
    private final JButton openFile = new JButton("Routine file…");
    private final JButton start = new JButton("Start");
    private final JButton skip = new JButton("Skip");
    private final JButton repeat = new JButton("Repeat");
    private final JButton stop = new JButton("Stop");
    private final JButton hurts = new JButton("Stop: it hurts");
    private final DefaultListModel<Exercise> order = new DefaultListModel<>();
    private final JList<Exercise> list = new JList<>(order);
    private final JButton up = new JButton("Move up");
    private final JButton down = new JButton("Move down");
    private final JLabel title = new JLabel(" ");
    private final JTextArea howTo = area();
    private final JTextArea prompt = area();
    private final Pacer pacer = new Pacer();
    private final JLabel reps = new JLabel(" ");
    private final RepBars bars = new RepBars();
    private final JTextArea feedback = area();
    private final JTextArea result = area();
    private final JLabel days = new JLabel(" ");
    private final Timer timer = new Timer(TICK_MS, e -> tick());

    private Routine chosen;
    private RangeTargets targets = RangeTargets.none();
    private SessionRoutine playing;
    private long startedVersion, shownVersion = -1;
    private boolean choosing;

    RoutineTab(Supplier<SessionBuilder> session, BooleanSupplier live, HistoryAccess history, Clock clock) {
        super(new BorderLayout(10, 8));
        this.session = session;
        this.live = live;
        this.history = history;
        this.clock = clock;
        setName("routineTab");
        setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
        choice.setName("routineChoice");
        start.setName("routineStart");
        skip.setName("routineSkip");
        repeat.setName("routineRepeat");
        stop.setName("routineStop");
        hurts.setName("routineHurts");
        list.setName("routineExercises");
        up.setName("routineUp");
        down.setName("routineDown");
        title.setName("routineTitle");
        howTo.setName("routineHowTo");
        prompt.setName("routinePrompt");
        reps.setName("routineReps");
        feedback.setName("routineFeedback");
        result.setName("routineResult");
        openFile.setName("routineFile");
        days.setName("routineDays");
        hurts.setForeground(Color.WHITE);
        hurts.setBackground(HURT);
        hurts.setToolTipText("Sharp pain, burning, tingling or nerve-like symptoms: stop at once");
        title.setFont(title.getFont().deriveFont(Font.BOLD, 20f));
        prompt.setFont(prompt.getFont().deriveFont(Font.BOLD, 15f));
        reps.setFont(reps.getFont().deriveFont(Font.BOLD, 15f));
        result.setFont(result.getFont().deriveFont(Font.BOLD));

        choice.addActionListener(e -> {
            if (!choosing) {
                load((String) choice.getSelectedItem(), false);
            }
        });
        openFile.addActionListener(e -> chooseFile());
        start.addActionListener(e -> startRoutine());
        skip.addActionListener(e -> act(SessionRoutine::skip));
        repeat.addActionListener(e -> act(SessionRoutine::repeat));
        stop.addActionListener(e -> act(SessionRoutine::stop));
        hurts.addActionListener(e -> act(SessionRoutine::stopItHurts));
        up.addActionListener(e -> move(-1));
        down.addActionListener(e -> move(+1));

        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        for (JComponent c : new JComponent[] {new JLabel("Routine"), choice, openFile, start, skip, repeat, stop,
                hurts}) {
            controls.add(c);
        }
        add(controls, BorderLayout.NORTH);

        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                                                          boolean focus) {
                Exercise x = (Exercise) value;
                String what = x.timed() ? String.format(Locale.ROOT, "%.0f min", x.durationS() / 60)
                        : x.reps() + " reps";
                return super.getListCellRendererComponent(l, (index + 1) + ". " + x.title() + " (" + what + ")",
                        index, selected, focus);
            }
        });
        JPanel west = new JPanel(new BorderLayout(0, 4));
        JScrollPane sp = new JScrollPane(list);
        sp.setPreferredSize(new Dimension(360, 200));
        west.add(new JLabel("Exercises, in order"), BorderLayout.NORTH);
        west.add(sp, BorderLayout.CENTER);
        JPanel moves = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        moves.add(up);
        moves.add(down);
        west.add(moves, BorderLayout.SOUTH);
        add(west, BorderLayout.WEST);

        JPanel centre = new JPanel();
        centre.setLayout(new BoxLayout(centre, BoxLayout.Y_AXIS));
        for (JComponent c : new JComponent[] {title, howTo, prompt, pacer, reps, bars, feedback}) {
            c.setAlignmentX(LEFT_ALIGNMENT);
            centre.add(c);
            centre.add(Box.createVerticalStrut(6));
        }
        JPanel top = new JPanel(new BorderLayout());
        top.add(centre, BorderLayout.NORTH); // each line at its own height, the room left below
        add(top, BorderLayout.CENTER);

        JPanel south = new JPanel(new BorderLayout(0, 4));
        south.add(result, BorderLayout.CENTER);
        south.add(days, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        idleButtons();
        load("daily", false);
        loadHistory();
        timer.setCoalesce(true);
        timer.start();
    }

    private static JTextArea area() {
        JTextArea a = new JTextArea();
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setEditable(false);
        a.setFocusable(false);
        a.setOpaque(false);
        a.setFont(UIManager.getFont("Label.font"));
        return a;
    }

    // ---- choosing and ordering (event thread) ----------------------------------------------------------------

    /** Reads a routine (built in or a file) off the event thread, then lists its exercises; starts it if asked. */
    private void load(String nameOrPath, boolean startAfter) {
        if (nameOrPath == null) {
            return;
        }
        Thread t = new Thread(() -> {
            Routine r;
            String problem = null;
            try {
                r = RoutineFile.load(nameOrPath);
            } catch (java.io.IOException e) {
                r = null;
                problem = nameOrPath + ": " + FileErrors.reason(e);
            } catch (IllegalArgumentException e) { // names the file (and line) itself
                r = null;
                problem = e.getMessage();
            }
            Routine loaded = r;
            String why = problem;
            SwingUtilities.invokeLater(() -> {
                if (loaded == null) {
                    result.setForeground(Theme.errorText());
                    result.setText(why);
                    return;
                }
                show(loaded);
                if (startAfter) {
                    startRoutine();
                }
            });
        }, "midback-routine-load");
        t.setDaemon(true);
        t.start();
    }

    private void show(Routine r) {
        if (playing != null) {
            return; // the list is the playing routine's until it ends
        }
        chosen = r;
        order.clear();
        r.exercises().forEach(order::addElement);
        title.setText(r.title());
        howTo.setText(String.format(Locale.ROOT, "%d exercises, about %.0f minutes. Put the sensor on, connect it, "
                + "and press Start: each exercise's start position is captured as its own neutral, then the "
                + "repetitions are counted with the range of each.", r.exercises().size(), r.plannedMinutes()));
        prompt.setText("");
    }

    private void chooseFile() {
        JFileChooser fc = new JFileChooser();
        fc.setDialogTitle("Open a routine file");
        if (fc.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            load(fc.getSelectedFile().getPath(), false);
        }
    }

    private void move(int by) {
        int i = list.getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= order.size()) {
            return;
        }
        Exercise e = order.remove(i);
        order.add(j, e);
        list.setSelectedIndex(j);
    }

    // ---- playing (event thread; the routine itself runs on the session thread) --------------------------------

    /** The break reminder's offer: the desk routine, started at once when a sensor streams. */
    void offerDesk() {
        if (playing != null) {
            return;
        }
        choosing = true;
        choice.setSelectedItem("desk");
        choosing = false;
        load("desk", true);
    }

    private void startRoutine() {
        SessionBuilder s = session.get();
        if (s == null || !live.getAsBoolean()) {
            prompt.setText(CONNECT_FIRST);
            return;
        }
        if (chosen == null || playing != null) {
            return;
        }
        List<Exercise> ordered = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ordered.add(order.get(i));
        }
        playing = s.routine();
        startedVersion = playing.snapshot().version();
        shownVersion = -1;
        playing.start(chosen.withExercises(ordered), targets, null);
        result.setText("");
        feedback.setText("");
        bars.set(List.of(), Double.NaN, "");
        reps.setText(" ");
        prompt.setText("Starting: sit or stand tall and hold still.");
        runningButtons();
    }

    private void act(java.util.function.Consumer<SessionRoutine> a) {
        SessionRoutine r = playing;
        if (r != null) {
            a.accept(r);
        }
    }

    private void idleButtons() {
        start.setEnabled(true);
        choice.setEnabled(true);
        openFile.setEnabled(true);
        up.setEnabled(true);
        down.setEnabled(true);
        skip.setEnabled(false);
        repeat.setEnabled(false);
        stop.setEnabled(false);
        hurts.setEnabled(false);
    }

    private void runningButtons() {
        start.setEnabled(false);
        choice.setEnabled(false);
        openFile.setEnabled(false);
        up.setEnabled(false);
        down.setEnabled(false);
        skip.setEnabled(true);
        repeat.setEnabled(true);
        stop.setEnabled(true);
        hurts.setEnabled(true);
    }

    /** Ten times a second: what changed in the routine's snapshot; the pacer while it runs. */
    private void tick() {
        SessionRoutine r = playing;
        if (r == null) {
            return;
        }
        SessionRoutine.Snapshot s = r.snapshot();
        if (s.version() <= startedVersion) {
            if (!live.getAsBoolean()) { // the samples stopped before it began
                playing = null;
                idleButtons();
                prompt.setText("The sensor stopped before the routine began: connect it, then press Start.");
            }
            return; // not begun yet (it begins at the next batch)
        }
        if (s.version() != shownVersion) {
            shownVersion = s.version();
            showSnapshot(s);
        }
        Exercise e = s.exercise();
        if (s.running() && s.cue() != null && e != null) {
            double halfS = e.paceS() / 2;
            double f = (r.nowS() - s.cueAtS()) / halfS;
            pacer.set(s.cue(), Math.max(0, Math.min(1, f)), s.cue().equals(e.cueOut()));
        } else {
            pacer.set(null, 0, true);
        }
        if (s.result() != null) {
            finished(s.result());
        }
    }

    private void showSnapshot(SessionRoutine.Snapshot s) {
        Exercise e = s.exercise();
        if (e != null) {
            if (list.getSelectedIndex() != s.index()) {
                list.setSelectedIndex(s.index());
                list.ensureIndexIsVisible(s.index());
            }
            title.setText(e.title());
            howTo.setText(e.howTo());
            if (e.timed()) {
                reps.setText(String.format(Locale.ROOT, "A timed step: %.0f min", e.durationS() / 60));
            } else {
                reps.setText(String.format(Locale.ROOT, "Repetitions: %d of %d", s.repRangesDeg().size(), e.reps()));
            }
            bars.set(s.repRangesDeg(), e.timed() ? Double.NaN : goalDeg(e), e.timed() ? "" : goalLabel(e));
        }
        if (s.prompt() != null) {
            // the how-to is shown above: the prompt that repeats it keeps only what it adds
            String p = e != null && !e.howTo().isEmpty() && s.prompt().startsWith(e.howTo())
                    ? s.prompt().substring(e.howTo().length()).strip() : s.prompt();
            prompt.setText(p);
        }
        feedback.setText(String.join("\n", s.feedback()));
    }

    /** What a repetition of the exercise is asked to reach: one side's goal, or both sides' for a cycle. */
    private double goalDeg(Exercise e) {
        int side = e.movement().side();
        return side != 0 ? targets.goalDeg(e, side) : targets.goalDeg(e, 1) + targets.goalDeg(e, -1);
    }

    /** "goal 40°", or for a two-sided cycle "goal 80° (40° left + 40° right)". */
    private String goalLabel(Exercise e) {
        if (e.movement().side() != 0) {
            return String.format(Locale.ROOT, "goal %.0f°", goalDeg(e));
        }
        String[] sides = e.movement() == io.midback.routine.Movement.FLEXION_EXTENSION
                ? new String[] {"round", "arch"} : new String[] {"right", "left"};
        return String.format(Locale.ROOT, "goal %.0f° (%.0f° %s + %.0f° %s)", goalDeg(e), targets.goalDeg(e, -1),
                sides[1], targets.goalDeg(e, 1), sides[0]);
    }

    private void finished(RoutineResult r) {
        playing = null;
        idleButtons();
        pacer.set(null, 0, true);
        if (r.stoppedForPain()) {
            result.setForeground(Theme.errorText());
            result.setText(RoutinePlayer.SAFETY_TEXT);
            prompt.setText("Stopped: it hurts.");
        } else {
            result.setForeground(UIManager.getColor("Label.foreground"));
            result.setText(String.format(Locale.ROOT, "%s %s: %d repetitions in %.1f min.%s", r.routine(), r.how(),
                    r.totalReps(), r.minutes(), r.finished() && r.routine().equals("desk")
                            ? " That was a movement break: the sitting clock starts again." : ""));
        }
        loadHistoryAfterWrite();
    }

    // ---- history (read off the event thread) ------------------------------------------------------------------

    /** A session wrote to the history (any thread): the minutes and the streak are read again. */
    void historyWritten() {
        if (history != null) {
            loadHistory();
        }
    }

    /** The routine's event is committed with its minute: read a little later too. */
    private void loadHistoryAfterWrite() {
        loadHistory();
        Timer later = new Timer(2000, e -> loadHistory());
        later.setRepeats(false);
        later.start();
    }

    /** The minutes today, the streak and the latest mobility check's ranges, read on a worker thread. */
    private void loadHistory() {
        if (history == null) {
            days.setText("No history in this window: routines are not saved.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Thread t = new Thread(() -> {
            String text;
            RangeTargets measured = null;
            try {
                HistoryStore store = history.store();
                if (store == null) {
                    text = "No history: routines are not saved.";
                } else {
                    RoutineDays rd = RoutineDays.of(store.events(EventKind.ROUTINE));
                    int streak = rd.currentStreak(today);
                    text = String.format(Locale.ROOT, "Today: %.1f min of routines (%d finished). Streak: %d day%s "
                                    + "in a row with a finished routine.", rd.minutesOn(today), rd.finishedOn(today),
                            streak, streak == 1 ? "" : "s");
                    measured = MobilityHistory.targets(store.mobilityChecks());
                }
            } catch (RuntimeException e) {
                text = "Could not read the history: " + e.getMessage();
            }
            String shown = text;
            RangeTargets ranges = measured;
            SwingUtilities.invokeLater(() -> {
                days.setText(shown);
                if (ranges != null) {
                    targets = ranges;
                }
            });
        }, "midback-routine-history");
        t.setDaemon(true);
        t.start();
    }

    /** The pacer: the cue in large letters over a bar that fills through its half of the tempo. */
    private static final class Pacer extends JComponent {
        private String cue;
        private double fraction;
        private boolean out;

        Pacer() {
            setName("routinePacer");
            setPreferredSize(new Dimension(400, 54));
            setMaximumSize(new Dimension(Integer.MAX_VALUE, 54));
        }

        void set(String c, double f, boolean isOut) {
            boolean same = java.util.Objects.equals(c, cue) && Math.abs(f - fraction) < 0.005 && isOut == out;
            cue = c;
            fraction = f;
            out = isOut;
            if (!same) {
                repaint();
            }
        }

        @Override
        protected void paintComponent(Graphics g0) {
            if (cue == null) {
                return;
            }
            Graphics2D g = (Graphics2D) g0;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int w = Math.min(getWidth() - 2, 520), h = getHeight() - 2;
            g.setColor(UIManager.getColor("Panel.background").darker());
            g.fillRoundRect(0, 0, w, h, 12, 12);
            g.setColor(out ? OUT : BACK);
            g.fillRoundRect(0, 0, (int) Math.round(w * fraction), h, 12, 12);
            g.setColor(Color.WHITE);
            g.setFont(getFont().deriveFont(Font.BOLD, 22f));
            int tw = g.getFontMetrics().stringWidth(cue);
            g.drawString(cue, Math.max(8, (w - tw) / 2), h / 2 + g.getFontMetrics().getAscent() / 2 - 3);
        }
    }

    /** Each repetition's range as a bar, with the goal drawn across them. */
    private static final class RepBars extends JComponent {
        private List<Double> rangesDeg = List.of();
        private double goalDeg = Double.NaN;
        private String goalLabel = "";

        RepBars() {
            setName("routineBars");
            setPreferredSize(new Dimension(400, 90));
            setMaximumSize(new Dimension(Integer.MAX_VALUE, 90));
        }

        /** @param goal a repetition's goal: one side's, or for a two-sided cycle both sides' added */
        void set(List<Double> ranges, double goal, String label) {
            if (ranges.equals(rangesDeg) && Double.compare(goal, goalDeg) == 0 && label.equals(goalLabel)) {
                return;
            }
            rangesDeg = ranges;
            goalDeg = goal;
            goalLabel = label;
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g0) {
            if (rangesDeg.isEmpty() && Double.isNaN(goalDeg)) {
                return;
            }
            Graphics2D g = (Graphics2D) g0;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int h = getHeight() - 18;
            double top = Double.isNaN(goalDeg) ? 1 : goalDeg * 1.3;
            for (double r : rangesDeg) {
                top = Math.max(top, r * 1.1);
            }
            g.setFont(getFont().deriveFont(11f));
            for (int i = 0; i < rangesDeg.size(); i++) {
                double r = rangesDeg.get(i);
                int bh = (int) Math.round(h * r / top);
                int x = 4 + i * 44;
                boolean short_ = !Double.isNaN(goalDeg) && r < io.midback.routine.Feedback.SHORT_FRACTION * goalDeg;
                g.setColor(short_ ? new Color(0xE67E22) : BACK);
                g.fillRect(x, h - bh, 32, bh);
                g.setColor(UIManager.getColor("Label.foreground"));
                g.drawString(String.format(Locale.ROOT, "%.0f°", r), x + 2, h + 14);
            }
            if (!Double.isNaN(goalDeg)) {
                int y = h - (int) Math.round(h * goalDeg / top);
                g.setColor(OUT);
                g.drawLine(0, y, getWidth(), y);
                String label = goalLabel;
                g.drawString(label, Math.max(4, getWidth() - g.getFontMetrics().stringWidth(label) - 4),
                        Math.max(12, y - 3));
            }
        }
    }
}
