package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.Snooze;
import io.midback.live.SensorLink;
import io.midback.posture.PostureListener;
import io.midback.transport.LinkState;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The Midback window: Live (chart, posture indicator, status), Connect, Today; calibration, alert settings,
 * snooze and theme from the tool bar and menus. Event thread only, except where noted: the pipeline runs on the
 * session's thread and reaches the window through the {@link LiveRing} (frames) and {@code invokeLater} (alerts).
 */
public final class MidbackWindow {
    /**
     * After this long without samples the window says "No data" instead of the last posture, seconds: a second
     * before the link's watchdog ({@link SensorLink#DEFAULT_WATCHDOG_S}) reconnects, so the wearer learns of a
     * quiet sensor within 3 s.
     */
    static final double NO_DATA_SHOWN_AFTER_S = SensorLink.DEFAULT_WATCHDOG_S - 1;

    /** How often the chart is refreshed from the ring, ms (20 Hz). */
    static final int REFRESH_MS = 50;

    /** The window's title with no source; with one, "Midback: " and what it is. */
    static final String TITLE = "Midback";
    /**
     * The window is never smaller than this: every tab's content whole (measured under Xvfb, ChartWindowTest:
     * Today's summary of a day needs 940 px of window, 20 more kept for wider figures; the Breathe tab's prompt
     * 887, the longest routine or exercise title 833; 520 px of height hold the Live tab's Connection box), px.
     */
    static final Dimension MIN_SIZE = new Dimension(960, 520);
    private final JFrame frame = new JFrame(TITLE);
    private final UiPrefs prefs;
    private final PostureBackend backend;
    private final DeviceCatalog catalog;
    private final Clock clock;
    private final SeriesWindow series = new SeriesWindow(1 << 17);
    private final LivePanel live;
    private final TodayPanel today;
    private final MobilityPanel mobility;
    private final RoutineTab routines;
    private final ConnectPanel connect;
    /** The Connect tab: {@link #connect}, scrolled when the window is short. */
    private final javax.swing.JScrollPane connectTab;
    private final AlertBanner banner;
    private final AlertTone tone;
    private final TrayNotifier tray = new TrayNotifier();
    private final JTabbedPane tabs = new JTabbedPane();
    private final javax.swing.JLabel statusLine = new javax.swing.JLabel(" ");
    private final Timer refresh;
    private final JPopupMenu snoozeMenu = new JPopupMenu();
    private final JCheckBoxMenuItem darkItem = new JCheckBoxMenuItem("Dark theme");
    private volatile AlertSettings settings;
    private volatile LiveRing ring = new LiveRing(1 << 16);
    private Session session;
    private volatile Instant snoozedUntil = Instant.MIN;
    /** The Snooze button's text while alerts are not snoozed; while they are, it says until when. */
    static final String SNOOZE = "Snooze ▾";
    private final JButton snoozeButton = new JButton(SNOOZE);
    private long lastOutputNanos;
    private long lastTodayNanos;
    private volatile Thread lastStopper;
    private LivePanel.Latest shownLatest;
    /** What the indicator shows instead of a posture (no data, ended…), or null while it shows the posture. */
    private String shownNoPosture = "";
    private int alertsShown;
    private long firstPaintNanos;
    private final java.util.List<java.util.function.LongConsumer> firstPaintHooks = new java.util.ArrayList<>();
    private final NoticePanel notices = new NoticePanel();
    private final HistoryAccess history;
    private final WindowRescue rescue;
    private final JButton calibrateButton = new JButton("Calibrate…");
    /** The session whose failure the notice shows (so it is shown once). */
    private Session failureShown;
    /** The session whose source was remembered as the last one (it delivered samples). */
    private Session remembered;
    /** How the current session was asked for ({@link #connect}'s key), to try it again. */
    private String sessionKey;
    private final java.util.List<Runnable> sessionEndHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final double calibrationCountdownS = 3, calibrationHoldS = 5, calibrationLeanS = 5;
    private CalibrationWizard wizard;

    public MidbackWindow(UiPrefs prefs, PostureBackend backend, DeviceCatalog catalog, Clock clock) {
        this(prefs, backend, catalog, clock, null);
    }

    /** @param history the history the Today tab reads (null: none) */
    public MidbackWindow(UiPrefs prefs, PostureBackend backend, DeviceCatalog catalog, Clock clock,
                         HistoryAccess history) {
        this.prefs = prefs;
        this.backend = backend;
        this.catalog = catalog;
        this.clock = clock;
        this.history = history;
        this.settings = AlertSettings.load(prefs.settings());
        backend.apply(settings);
        live = new LivePanel(series, settings.thresholdDeg(), (int) prefs.getDouble("chart.windowMin", 5));
        live.add(new BreathingStrip(backend::session), BorderLayout.SOUTH);
        live.windowChoice().addActionListener(e -> {
            prefs.put("chart.windowMin", live.windowMinutes());
            prefs.save();
            live.refresh();
        });
        today = new TodayPanel(history, clock, () -> settings.thresholdDeg());
        mobility = new MobilityPanel(history, clock);
        routines = new RoutineTab(backend::session, this::streaming, history, clock);
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedComponent() == today) {
                today.refresh();
            }
        });
        connect = new ConnectPanel(catalog, this::connect, prefs);
        connectTab = connect.scrolling();
        banner = new AlertBanner(b -> snoozeMenu.show(b, 0, b.getHeight()));
        banner.offerOnBreaks("Desk routine (2-3 min)", () -> {
            tabs.setSelectedComponent(routines);
            routines.offerDesk();
        });
        tone = new AlertTone(msg -> SwingUtilities.invokeLater(() -> notice(msg)));
        refresh = new Timer(REFRESH_MS, e -> tick());
        refresh.setCoalesce(true);
        rescue = new WindowRescue(notices, frame, history, prefs, clock, () -> {
            today.historyWritten();
            today.reloadSoon();
        }, () -> tabs.setSelectedComponent(connectTab), this::notice);
        build();
        rescue.checkSettings();
        tray.actions(this::snooze, () -> {
            frame.setVisible(true);
            frame.setExtendedState(frame.getExtendedState() & ~java.awt.Frame.ICONIFIED);
            frame.toFront();
        });
    }

    private void build() {
        JPanel content = new JPanel(new BorderLayout()) {
            @Override
            protected void paintComponent(Graphics g) {
                super.paintComponent(g);
                if (firstPaintNanos == 0) {
                    long t = System.nanoTime();
                    firstPaintNanos = t;
                    firstPaintHooks.forEach(h -> SwingUtilities.invokeLater(() -> h.accept(t)));
                }
            }
        };
        frame.setName("midback");
        tabs.setName("tabs");
        tabs.addTab("Live", live);
        tabs.addTab("Connect", connectTab);
        tabs.addTab("Today", today);
        tabs.addTab("Mobility", mobility);
        tabs.addTab("Routine", routines);
        tabs.addTab("Breathe", new BreatheTab(backend::session, this::streaming));
        JPanel north = new JPanel(new BorderLayout());
        north.add(toolBar(), BorderLayout.NORTH);
        north.add(notices, BorderLayout.CENTER);
        content.add(north, BorderLayout.NORTH);
        content.add(tabs, BorderLayout.CENTER);
        statusLine.setName("statusLine");
        statusLine.setBorder(BorderFactory.createEmptyBorder(2, 10, 3, 10));
        // The banner takes its own room above the status line: it covers no chart or legend.
        JPanel south = new JPanel(new BorderLayout());
        south.add(banner, BorderLayout.NORTH);
        south.add(statusLine, BorderLayout.SOUTH);
        content.add(south, BorderLayout.SOUTH);
        frame.setContentPane(content);
        frame.setJMenuBar(menuBar());
        frame.setIconImage(TrayNotifier.image());
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                shutdown();
            }
        });
        frame.setMinimumSize(MIN_SIZE);
        frame.setSize(1100, 680);
        frame.setLocationByPlatform(true);
    }

    private JToolBar toolBar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        JButton calibrate = calibrateButton;
        calibrate.setName("calibrate");
        calibrate.setEnabled(false);
        calibrate.addActionListener(e -> openCalibration());
        JButton alerts = new JButton("Alert settings…");
        alerts.setName("alertSettingsButton");
        alerts.addActionListener(e -> openAlertSettings());
        JButton snooze = snoozeButton;
        snooze.setName("snooze");
        for (Snooze s : Snooze.values()) {
            JMenuItem item = new JMenuItem(label(s));
            item.addActionListener(e -> snooze(s));
            snoozeMenu.add(item);
        }
        JMenuItem resume = new JMenuItem("Resume alerts");
        resume.addActionListener(e -> snooze(null));
        snoozeMenu.add(resume);
        snooze.addActionListener(e -> snoozeMenu.show(snooze, 0, snooze.getHeight()));
        JButton stop = new JButton("Disconnect");
        stop.addActionListener(e -> disconnect());
        bar.add(calibrate);
        bar.add(alerts);
        bar.add(snooze);
        bar.addSeparator();
        bar.add(stop);
        return bar;
    }

    /** What a snooze is called in the menus ("30 minutes", "until tomorrow"). */
    static String label(Snooze s) {
        return switch (s) {
            case MINUTES_30 -> "30 minutes";
            case HOUR_1 -> "1 hour";
            case UNTIL_TOMORROW -> "until tomorrow";
        };
    }

    private JMenuBar menuBar() {
        JMenuBar mb = new JMenuBar();
        JMenu session = new JMenu("Session");
        JMenuItem connectItem = new JMenuItem("Connect…");
        connectItem.addActionListener(e -> tabs.setSelectedComponent(connectTab));
        JMenuItem disconnect = new JMenuItem("Disconnect");
        disconnect.addActionListener(e -> disconnect());
        JMenuItem quit = new JMenuItem("Quit");
        quit.addActionListener(e -> frame.dispose());
        JMenuItem historyItem = new JMenuItem("History and reports…");
        historyItem.setName("historyMenu");
        historyItem.addActionListener(e -> HistoryDialog.open(frame, history, () -> {
                    today.historyWritten();
                    today.reloadSoon();
                }));
        session.add(connectItem);
        session.add(disconnect);
        session.addSeparator();
        session.add(historyItem);
        session.addSeparator();
        session.add(quit);
        JMenu view = new JMenu("View");
        darkItem.addActionListener(e -> setTheme(darkItem.isSelected() ? "dark" : "light"));
        JMenuItem system = new JMenuItem("Follow the system");
        system.addActionListener(e -> {
            prefs.put("theme", "system");
            prefs.save();
            followSystemTheme();
        });
        view.add(darkItem);
        view.add(system);
        mb.add(session);
        mb.add(view);
        mb.add(HelpMenu.create(frame, tray::supported, () -> history == null ? null : history.path()));
        return mb;
    }

    // ---- Public surface (event thread) ----

    public JFrame frame() {
        return frame;
    }

    public void show() {
        darkItem.setSelected(Theme.isDark());
        frame.setVisible(true);
        refresh.start();
    }

    /**
     * Runs {@code r} on the event thread once the window has been drawn for the first time, with the
     * {@link System#nanoTime()} of that drawing.
     */
    public void onFirstPaint(java.util.function.LongConsumer r) {
        firstPaintHooks.add(r);
    }

    /** The history could not be opened ({@code why}, the whole reason): says so, with the ways on. Event thread. */
    public void historyProblem(String why) {
        rescue.historyFailed(why);
    }

    /**
     * Plays the recording that comes with Midback (nothing else asked for or remembered), and says so: it is the
     * demo, not the wearer's sensor.
     */
    public void playDemo(Path sample) {
        connect(new PacedReplay(sample, 1), null);
        notices.show("demo", NoticePanel.Tone.INFO, "Playing the demo recording",
                "This is " + sample.getFileName() + ", the recording that comes with Midback, replayed in real "
                        + "time: not your sensor. Connect your sensor, or replay a recording of your own, on the "
                        + "Connect tab.",
                java.util.List.of(new NoticePanel.Way("demoConnect", "Connect a sensor…",
                        () -> tabs.setSelectedComponent(connectTab))));
        frame.setTitle(TITLE + ": demo recording");
    }

    private static final String LOWER_MISSING = "lowerMissing";

    /** The remembered lower sensor is not attached: says so until dealt with, the session on the upper one alone. */
    public void lowerSensorMissing(String port) {
        notices.show(LOWER_MISSING, NoticePanel.Tone.INFO, "The lower sensor is not attached", "The lower sensor's "
                + "port " + port + " is not attached: the session goes on with the upper sensor alone (no spine "
                + "angles). Plug it in, then connect again on the Connect tab.", java.util.List.of(
                new NoticePanel.Way("lowerConnect", "Connect tab…", () -> {
                    notices.clear(LOWER_MISSING);
                    tabs.setSelectedComponent(connectTab);
                }), new NoticePanel.Way("lowerDismiss", "OK", () -> notices.clear(LOWER_MISSING))));
    }

    /** Runs {@code r} (on the session thread) whenever a session's stream ends, fails or stops. */
    public void onSessionEnd(Runnable r) {
        sessionEndHooks.add(r);
    }

    public Session session() {
        return session;
    }

    /**
     * Connects to a source, remembered as the last one ({@code key} null: do not remember) once it delivers samples:
     * a source that fails before streaming is not reopened on the next start.
     */
    public void connect(SampleSource source, String key) {
        disconnect();
        notices.clear("demo");
        notices.clear(LOWER_MISSING);
        rescue.sourceOk();
        sessionKey = key;
        ring = new LiveRing(1 << 16);
        live.setSource(ring);
        PostureListener frames = ring;
        session = new Session(source, mobility.tapping(backend), frames,
                a -> SwingUtilities.invokeLater(() -> onAlert(a)),
                () -> sessionEndHooks.forEach(Runnable::run)).start();
        tabs.setSelectedComponent(live);
    }

    public void disconnect() {
        Session old = session;
        session = null;
        if (old != null) {
            Thread stopper = new Thread(old::stop, "midback-disconnect");
            stopper.setDaemon(true);
            stopper.start();
            lastStopper = stopper;
        }
    }

    /** The device a remembered source key names ("serial:/dev/ttyUSB0", "bluetooth:…"), or null (replay, sim). */
    static DeviceCatalog.Device deviceOf(String key) {
        if (key == null || key.startsWith("replay:") || key.startsWith("sim:")) {
            return null;
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new DeviceCatalog.Device(key.substring(0, colon), key.substring(colon + 1), key.substring(colon + 1));
    }

    /**
     * Opens straight into a serial port ({@code gui --port}) as the Connect tab's Connect does: with the tab's lower
     * sensor (only when {@code withLower}: false when it is not attached) and "Record to" file.
     */
    public void connectSerial(String port, boolean withLower) {
        connectDevice(new DeviceCatalog.Device("serial", port, port), "serial:" + port, withLower);
    }

    /**
     * Connects to a device with the Connect tab's lower sensor (when {@code withLower}) and "Record to" file,
     * remembered as {@code key}; a device that cannot be opened is said in a notice. Whether it connected.
     */
    private boolean connectDevice(DeviceCatalog.Device d, String key, boolean withLower) {
        try {
            connect(connect.attach(catalog.open(d), withLower), key);
            return true;
        } catch (Exception e) {
            rescue.sourceFailed(d.toString(), String.valueOf(e.getMessage()), null, false);
            return false;
        }
    }

    /**
     * Reconnects to the remembered source, if it can still be found; returns whether it tried. A sensor comes with
     * the Connect tab's lower sensor and "Record to" file, the lower sensor only when {@code withLower} (false: it
     * is not attached).
     */
    public boolean reconnectLast(boolean withLower) {
        String last = prefs.get("last.source", null);
        if (last == null) {
            return false;
        }
        if (last.startsWith("sim:")) {
            String rest = last.substring("sim:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return false;
            }
            connect(new SimulatorSource(rest.substring(colon + 1), ConnectPanel.parseSpeed(rest.substring(0, colon))),
                    last);
            return true;
        }
        if (last.startsWith("replay:")) {
            String rest = last.substring("replay:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return false;
            }
            double speed = ConnectPanel.parseSpeed(rest.substring(0, colon));
            Path file = Path.of(rest.substring(colon + 1));
            if (!Files.isRegularFile(file)) {
                return false;
            }
            connect.showReplay(file, speed);
            connect(new PacedReplay(file, speed), last);
            return true;
        }
        DeviceCatalog.Device d = deviceOf(last);
        return d != null && connectDevice(d, last, withLower);
    }

    public void setTheme(String theme) {
        prefs.put("theme", theme);
        prefs.save();
        applyTheme("dark".equals(theme));
    }

    private void applyTheme(boolean dark) {
        Theme.switchTo(dark);
        SwingUtilities.updateComponentTreeUI(snoozeMenu);
        darkItem.setSelected(dark);
        live.applyTheme();
        today.applyTheme();
        mobility.applyTheme();
        live.refresh();
    }

    /** Asks the desktop (off the event thread) and switches when it prefers otherwise. */
    void followSystemTheme() {
        Thread t = new Thread(() -> {
            boolean dark = Theme.systemPrefersDark();
            SwingUtilities.invokeLater(() -> {
                if (dark != Theme.isDark()) {
                    applyTheme(dark);
                }
            });
        }, "midback-theme");
        t.setDaemon(true);
        t.start();
    }

    CalibrationWizard openCalibration() {
        if (wizard != null && wizard.isDisplayable()) {
            wizard.toFront();
            return wizard;
        }
        wizard = new CalibrationWizard(frame, backend.calibration(), calibrationCountdownS, calibrationHoldS,
                calibrationLeanS, r -> {
            if (r.ok()) {
                banner.show(new Alert(0, AlertKind.CORRECTED, r.message()));
            }
        });
        wizard.setVisible(true);
        return wizard;
    }

    private void openAlertSettings() {
        new AlertSettingsDialog(frame, settings, this::applySettings).setVisible(true);
    }

    public void applySettings(AlertSettings s) {
        settings = s;
        backend.apply(s);
        s.save(prefs.settings());
        prefs.save();
        live.setThreshold(s.thresholdDeg());
        live.refresh();
    }

    /** Snoozes alerts (in the window and the engine), or resumes them with null. */
    void snooze(Snooze what) {
        Instant now = clock.instant();
        snoozedUntil = what == null ? Instant.MIN
                : now.plusNanos(Math.round(what.untilS(0, now, clock.getZone()) * 1e9));
        backend.snooze(what);
        if (what != null) {
            banner.setVisible(false);
        }
        showSnooze();
    }

    /** The Snooze button: "Snoozed until 14:35 ▾" while snoozed, "Snooze ▾" once the snooze ended or was cancelled. */
    private void showSnooze() {
        String text = snoozed() ? "Snoozed until "
                + io.midback.report.Reports.HM.format(snoozedUntil.atZone(clock.getZone()))
                + " ▾" : SNOOZE;
        if (!text.equals(snoozeButton.getText())) {
            snoozeButton.setText(text);
        }
    }

    public boolean snoozed() {
        return clock.instant().isBefore(snoozedUntil);
    }

    private void onAlert(Alert a) {
        boolean nagging = a.kind() == AlertKind.SLUMP || a.kind() == AlertKind.SLUMP_ESCALATION
                || a.kind() == AlertKind.BREAK;
        if (nagging && snoozed()) {
            return;
        }
        alertsShown++;
        banner.show(a);
        long now = System.nanoTime();
        // Sound and tray at most every 10 s of wall time (a fast replay can decide many alerts a second).
        if (nagging && now - lastOutputNanos > 10_000_000_000L) {
            lastOutputNanos = now;
            if (settings.sound()) {
                tone.play(a.kind() == AlertKind.SLUMP_ESCALATION);
            }
            if (!frame.isShowing() || (frame.getExtendedState() & java.awt.Frame.ICONIFIED) != 0
                    || !frame.isFocused()) {
                tray.notify("Midback", a.message(), a.kind() != AlertKind.BREAK);
            }
        }
    }

    /** A one-line notice at the bottom of the window (not an alert: it does not cover the banner). */
    public void notice(String message) {
        statusLine.setText(message);
        statusLine.setToolTipText(message); // the whole of it, where the window is too narrow
    }

    public int alertsShown() {
        return alertsShown;
    }

    /** The live chart's own figures for {@code gui --measure}, as JSON members. */
    String chartFigures() {
        return "\"chartRefreshes\": " + live.refreshes() + ", \"plottedFlexionPoints\": " + live.plottedPoints(0)
                + ", " + live.costs();
    }

    /** Waits (up to 3 s) for the last disconnected session to finish, so its history is complete. Any thread. */
    public void awaitStopped() throws InterruptedException {
        Thread t = lastStopper;
        if (t != null) {
            t.join(3000);
        }
    }

    /** A session wrote to the history (any thread): the Today tab reloads soon. */
    public void historyWritten() {
        today.historyWritten();
        routines.historyWritten();
    }

    /** Whether a session is connecting or streaming (event thread). */
    private boolean streaming() {
        Session s = session;
        Session.State st = s == null ? null : s.state();
        return st == Session.State.CONNECTING || st == Session.State.STREAMING;
    }

    /** Timer tick on the event thread: drain the ring, refresh the chart, indicator and status. */
    private void tick() {
        Session s = session;
        long nowNanos = System.nanoTime();
        Session.State st = s == null ? null : s.state();
        boolean running = st == Session.State.CONNECTING || st == Session.State.STREAMING;
        double silentS = running ? s.silentS(nowNanos) : 0;
        boolean silent = silentS >= NO_DATA_SHOWN_AFTER_S;
        showIndicator(s, st, silent, silentS);
        showSnooze();
        live.refresh(); // the painter drains the ring and draws only when something changed
        calibrateButton.setEnabled(running && !silent);
        if (s == null) {
            live.showStatus(LivePanel.CONNECTION_NONE, Double.NaN, -1, Double.NaN);
            if (!TITLE.equals(frame.getTitle())) {
                frame.setTitle(TITLE);
            }
        } else {
            String note = s.source().linkNote();
            String state;
            if (silent) {
                state = String.format(Locale.ROOT, LivePanel.NO_DATA_FOR, Math.floor(silentS));
            } else if (note != null && running) {
                state = capitalise(note);
            } else {
                state = LivePanel.connectionState(st);
            }
            live.showStatus(state, silent ? Double.NaN : s.nominalRateHz(), s.lostSamples(),
                    s.source().batteryFraction());
            if (s.samples() > 0 && remembered != s) { // it streamed, however briefly
                remembered = s;
                if (sessionKey != null) {
                    prefs.put("last.source", sessionKey);
                    prefs.save(); // in the background
                }
            }
            if (st == Session.State.FAILED && failureShown != s) {
                failureShown = s;
                rescue.sourceFailed(s.source().describe(), String.valueOf(s.failure()), retry(sessionKey),
                        s.source() instanceof PacedReplay);
            }
            String title = TITLE + ": " + s.source().describe();
            if (!title.equals(frame.getTitle()) && !notices.showing("demo")) {
                frame.setTitle(title);
            }
        }
        tray.show(shownNoPosture != null ? shownNoPosture : shownLatest == null ? "–" : shownLatest.state().label());
        if (nowNanos - lastTodayNanos > 1_000_000_000L) {
            lastTodayNanos = nowNanos;
            today.refresh();
        }
    }

    /**
     * The big indicator: the newest posture while samples flow; otherwise what is the matter (no data for 3 s,
     * the replay ended, disconnected, failed, not connected), never a frozen posture.
     */
    private void showIndicator(Session s, Session.State st, boolean silent, double silentS) {
        String what, why;
        if (s == null) {
            what = LivePanel.NOT_CONNECTED;
            why = "Connect on the Connect tab";
        } else if (silent) {
            String note = s.source().linkNote();
            what = LivePanel.NO_DATA;
            // A live link's watchdog drops and reopens it while nothing comes (its note flips between the steps
            // of that, mostly none between the attempts): say so steadily, and what to check.
            boolean cycling = note == null || java.util.stream.Stream.of(LinkState.CONNECTING, LinkState.CONNECTED,
                    LinkState.DISCONNECTED, LinkState.RECONNECTING).anyMatch(l -> l.label().equals(note));
            why = cycling && s.source().reconnectsWhenSilent() ? LivePanel.RECONNECTING_HINT
                    : note != null ? capitalise(note) + "…"
                    : String.format(Locale.ROOT, "nothing received for %.0f s", Math.floor(silentS));
        } else if (st == Session.State.ENDED) {
            what = LivePanel.ENDED;
            why = s.source() instanceof PacedReplay ? "the replay has ended" : "the stream has ended";
        } else if (st == Session.State.STOPPED) {
            what = LivePanel.DISCONNECTED;
            why = " ";
        } else if (st == Session.State.FAILED) {
            what = LivePanel.FAILED;
            why = "see the notice above";
        } else {
            LivePanel.Latest now0 = live.latest();
            if (now0 != null && (now0 != shownLatest || shownNoPosture != null)) {
                shownLatest = now0;
                shownNoPosture = null;
                live.showPosture(now0.state(), now0.flexionDeg(), now0.calibrated());
            }
            return;
        }
        if (!what.equals(shownNoPosture) || silent) {
            shownNoPosture = what;
            live.showNoPosture(what, why);
        }
    }

    /** A way to ask for the same source again (a device, by its remembered key), or null. */
    private Runnable retry(String key) {
        DeviceCatalog.Device d = deviceOf(key);
        if (d == null) {
            return null;
        }
        return () -> connectDevice(d, key, true);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void shutdown() {
        refresh.stop();
        live.dispose();
        disconnect();
        tray.remove();
        rescue.close();
        prefs.save();
    }
}
