package io.midback.ui;

import com.google.gson.JsonObject;
import io.midback.app.SessionBuilder;
import io.midback.app.SummaryJson;
import io.midback.app.UserSettings;
import io.midback.app.WindowLauncher;
import io.midback.recording.ReadReport;

import javax.swing.SwingUtilities;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens the window and waits until it is closed. With {@code measure}, replays at the given speed with the live
 * view open and prints the figures (time to a drawn window, longest event-thread stall, heap after GC) as one JSON
 * object on {@code out} when the stream ends, then closes the window.
 */
public final class GuiLauncher implements WindowLauncher {

    /** Made by {@link java.util.ServiceLoader} for {@link WindowLauncher#find()}. */
    public GuiLauncher() {
    }

    @Override
    public int run(Request o, PrintStream out, PrintStream err) throws Exception {
        long launchNanos = System.nanoTime();
        UiPrefs prefs = UiPrefs.load(UiPrefs.defaultDir());
        String theme = o.theme() != null ? o.theme() : prefs.get("theme", "system");
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<MidbackWindow> ref = new AtomicReference<>();
        CountDownLatch sessionEnded = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong firstPaintNanos = new java.util.concurrent.atomic.AtomicLong();
        EdtWatchdog watchdog = o.measure() ? new EdtWatchdog() : null;
        HeapWatch heap = o.measure() ? new HeapWatch().start() : null;
        TransportCatalog catalog = new TransportCatalog(java.time.Duration.ofSeconds(12));
        AtomicReference<MidbackWindow> notices = new AtomicReference<>();
        AtomicReference<EngineBackend> engines = new AtomicReference<>();
        HistoryAccess history = new HistoryAccess(o.history(), msg -> SwingUtilities.invokeLater(() -> {
            MidbackWindow nw = notices.get();
            if (nw != null) {
                nw.historyProblem(msg);
            }
        }));
        trace("launcher", launchNanos);
        SwingUtilities.invokeAndWait(() -> {
            trace("edt", launchNanos);
            Theme.install("dark".equals(theme));
            trace("flatlaf", launchNanos);
            EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
            engine.overridePosture(o.posture());
            engines.set(engine);
            MidbackWindow w = new MidbackWindow(prefs, engine, catalog, Clock.systemDefaultZone(), history);
            engine.onHistoryWritten(w::historyWritten);
            engine.onNotice(msg -> SwingUtilities.invokeLater(() -> w.notice(msg)));
            notices.set(w);
            ref.set(w);
            trace("window built", launchNanos);
            w.frame().addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                    closed.countDown();
                }
            });
            if (o.theme() != null && !"system".equals(o.theme())) {
                prefs.put("theme", o.theme());
            }
            if ("system".equals(theme)) {
                w.followSystemTheme();
            }
            w.onSessionEnd(sessionEnded::countDown);
            if (watchdog != null) {
                w.onFirstPaint(t -> watchdog.start());
            }
            w.onFirstPaint(t -> {
                firstPaintNanos.set(t);
                trace("first paint", launchNanos);
            });
            w.show();
            trace("shown", launchNanos);
        });
        MidbackWindow w = ref.get();
        // The history is opened now, off the event thread: a database that cannot be opened is said at once.
        Thread opening = new Thread(history::store, "midback-history-open");
        opening.setDaemon(true);
        opening.start();
        // What to connect to is decided here, off the event thread and after the window is shown (a serial
        // port listing is I/O): --replay, --port, the remembered device when attached, else the bundled sample.
        PacedReplay asked = o.replay() == null ? null
                : new PacedReplay(o.replay(), o.speed()).savingToHistory(o.saveReplayToHistory())
                        .withLower(o.lowerReplay());
        if (asked != null) {
            SwingUtilities.invokeLater(() -> w.connect(asked, ConnectPanel.replayKey(o.replay(), o.speed())));
        } else if (o.port() != null) {
            String lowerPort = prefs.get(UserSettings.Key.LOWER_PORT.key, "").trim();
            boolean lowerAttached = lowerPort.isEmpty()
                    || catalog.attached(new DeviceCatalog.Device("serial", lowerPort, lowerPort));
            SwingUtilities.invokeLater(() -> {
                w.connectSerial(o.port(), lowerAttached);
                if (!lowerAttached) {
                    w.lowerSensorMissing(lowerPort);
                }
            });
        } else {
            String last = prefs.get("last.source", null);
            DeviceCatalog.Device remembered = MidbackWindow.deviceOf(last);
            boolean attached = remembered == null || catalog.attached(remembered);
            String lowerPort = prefs.get(UserSettings.Key.LOWER_PORT.key, "").trim();
            boolean lowerAttached = remembered == null || lowerPort.isEmpty()
                    || catalog.attached(new DeviceCatalog.Device("serial", lowerPort, lowerPort));
            SwingUtilities.invokeLater(() -> {
                boolean tried = attached && w.reconnectLast(lowerAttached);
                if (tried && !lowerAttached) {
                    w.lowerSensorMissing(lowerPort);
                }
                if (!tried && o.fallbackReplay() != null) {
                    w.playDemo(o.fallbackReplay());
                    if (remembered != null) {
                        w.notice(remembered + " is not attached: playing the demo recording instead.");
                    }
                }
            });
        }
        if (o.measure()) {
            long wallStart = System.nanoTime();
            sessionEnded.await();
            double wallS = (System.nanoTime() - wallStart) / 1e9;
            Thread.sleep(300); // let the last refreshes run under the watchdog
            AtomicReference<String> json = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> json.set(report(w, watchdog, heap, launchNanos, firstPaintNanos.get(),
                    wallS)));
            out.println(json.get());
            out.flush();
            watchdog.close();
            heap.close();
            SwingUtilities.invokeAndWait(() -> w.frame().dispose());
        } else if (asked != null && (o.json() || o.exitWhenDone())) {
            sessionEnded.await();
            if (o.json()) {
                out.println(summaryJson(engines.get(), asked));
                out.flush();
            }
            if (o.exitWhenDone()) {
                SwingUtilities.invokeAndWait(() -> w.frame().dispose());
            }
        }
        closed.await();
        w.awaitStopped();
        history.close();
        prefs.flush();
        return w.session() != null && w.session().state() == Session.State.FAILED ? 1 : 0;
    }

    /** The replay's summary as {@code replay --json} prints it: the window's own session, what reading counted. */
    private static String summaryJson(EngineBackend engine, PacedReplay replay) {
        SessionBuilder session = engine.session();
        ReadReport report = replay.report();
        return SummaryJson.line(session.summary(), SummaryJson.withSession(report == null ? new JsonObject()
                : SummaryJson.of(report), session));
    }

    /**
     * When the command was typed: the launcher script's {@code MIDBACK_LAUNCH_EPOCH_NS} (set just before it checks
     * the jar and starts Java), else the JVM's start time. (The process start time of /proc is only to the
     * second, too coarse for this.)
     */
    static Instant commandStart() {
        String ns = System.getenv("MIDBACK_LAUNCH_EPOCH_NS");
        if (ns != null && ns.matches("\\d{12,}")) {
            long v = Long.parseLong(ns);
            return Instant.ofEpochSecond(v / 1_000_000_000L, v % 1_000_000_000L);
        }
        return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static final boolean TRACE = Boolean.getBoolean("midback.startupTrace");

    /** With -Dmidback.startupTrace=true: where the time to the window goes (stderr). */
    private static void trace(String what, long launchNanos) {
        if (TRACE) {
            Instant started = commandStart();
            System.err.printf(Locale.ROOT, "startup: %-14s %6.0f ms since the launcher, %6.0f ms since the command%n",
                    what, (System.nanoTime() - launchNanos) / 1e6,
                    java.time.Duration.between(started, Instant.now()).toNanos() / 1e6);
        }
    }

    private static String report(MidbackWindow w, EdtWatchdog watchdog, HeapWatch heap, long launchNanos,
                                 long firstPaint, double wallS) {
        Session s = w.session();
        Instant started = commandStart();
        double sinceLaunchMs = (firstPaint - launchNanos) / 1e6;
        double sinceProcessMs = started == null ? Double.NaN
                : java.time.Duration.between(started, Instant.now()).toNanos() / 1e6
                - (System.nanoTime() - firstPaint) / 1e6;
        double first = heap.maxAfterGcMb(0, 0.5), second = heap.maxAfterGcMb(0.5, 1.0);
        return String.format(Locale.ROOT, "{\"samples\": %d, \"durationS\": %.1f, \"state\": \"%s\", "
                        + "\"wallS\": %.2f, \"samplesPerWallS\": %.0f, \"commandToWindowMs\": %.0f, "
                        + "\"launchToWindowMs\": %.0f, \"edtMaxStallMs\": %.1f, \"edtMaxStallAfterFirstHalfSecondMs\": %.1f, "
                        + "\"edtMaxStallAfterFirstSecondMs\": %.1f, \"edtLongestStalls\": \"%s\", \"edtProbes\": %d, "
                        + "\"edtStallsOver50Ms\": %d, \"maxHeapMb\": %.0f, \"gcCount\": %d, "
                        + "\"heapAfterGcMaxFirstHalfMb\": %.1f, \"heapAfterGcMaxSecondHalfMb\": %.1f, "
                        + "\"heapAfterGcLastMb\": %.1f, \"heapPeakBeforeGcMb\": %.1f, %s, "
                        + "\"alertsShown\": %d, \"stallsOver50\": \"%s\"}",
                s.samples(), s.lastSampleS(), s.state(), wallS, s.samples() / wallS, sinceProcessMs, sinceLaunchMs,
                watchdog.maxDelayMs(), watchdog.maxDelayAfterWarmupMs(),
                watchdog.maxDelayAfterFirstSecondMs(), watchdog.longestStalls(), watchdog.probes(), watchdog.stallsOver50Ms(),
                Runtime.getRuntime().maxMemory() / 1048576.0, heap.collections(), first, second,
                heap.lastAfterGcMb(), heap.peakBeforeGcMb(), w.chartFigures(), w.alertsShown(),
                watchdog.stallsOver50());
    }
}
