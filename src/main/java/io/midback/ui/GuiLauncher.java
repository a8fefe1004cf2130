package io.midback.ui;

import javax.swing.SwingUtilities;
import java.io.PrintStream;
import java.nio.file.Path;
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
public final class GuiLauncher {

    /**
     * @param replay recording to open straight into (or null)
     * @param speed  replay speed; infinity = max
     * @param port   serial port to open straight into (or null)
     * @param theme  "light", "dark", "system", or null for the remembered choice
     */
    public record Options(Path replay, double speed, String port, String theme, boolean measure) {
    }

    private GuiLauncher() {
    }

    public static int run(Options o, PrintStream out, PrintStream err) throws Exception {
        long launchNanos = System.nanoTime();
        UiPrefs prefs = UiPrefs.load(UiPrefs.defaultDir());
        String theme = o.theme() != null ? o.theme() : prefs.get("theme", "system");
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<MidbackWindow> ref = new AtomicReference<>();
        CountDownLatch sessionEnded = new CountDownLatch(1);
        EdtWatchdog watchdog = o.measure() ? new EdtWatchdog() : null;
        HeapWatch heap = o.measure() ? new HeapWatch().start() : null;
        SwingUtilities.invokeAndWait(() -> {
            Theme.install("dark".equals(theme));
            MidbackWindow w = new MidbackWindow(prefs, new EngineBackend(Clock.systemDefaultZone()), DeviceCatalog.UNAVAILABLE,
                    Clock.systemDefaultZone());
            ref.set(w);
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
                w.onFirstPaint(watchdog::start);
            }
            w.show();
            if (o.replay() != null) {
                w.connect(new PacedReplay(o.replay(), o.speed()), ConnectPanel.replayKey(o.replay(), o.speed()));
            } else if (o.port() != null) {
                DeviceCatalog.Device d = new DeviceCatalog.Device("serial", o.port(), o.port());
                try {
                    w.connect(DeviceCatalog.UNAVAILABLE.open(d), "serial:" + o.port());
                } catch (Exception e) {
                    w.notice("Cannot open " + o.port() + ": " + e.getMessage());
                }
            } else {
                w.reconnectLast();
            }
        });
        MidbackWindow w = ref.get();
        if (o.measure()) {
            long wallStart = System.nanoTime();
            sessionEnded.await();
            double wallS = (System.nanoTime() - wallStart) / 1e9;
            Thread.sleep(300); // let the last refreshes run under the watchdog
            AtomicReference<String> json = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> json.set(report(w, watchdog, heap, launchNanos, wallS)));
            out.println(json.get());
            out.flush();
            watchdog.close();
            heap.close();
            SwingUtilities.invokeAndWait(() -> w.frame().dispose());
        }
        closed.await();
        prefs.flush();
        return w.session() != null && w.session().state() == Session.State.FAILED ? 1 : 0;
    }

    private static String report(MidbackWindow w, EdtWatchdog watchdog, HeapWatch heap, long launchNanos,
                                 double wallS) {
        Session s = w.session();
        Instant started = ProcessHandle.current().info().startInstant().orElse(null);
        long firstPaint = w.firstPaintNanos();
        double sinceLaunchMs = (firstPaint - launchNanos) / 1e6;
        double sinceProcessMs = started == null ? Double.NaN
                : java.time.Duration.between(started, Instant.now()).toNanos() / 1e6
                - (System.nanoTime() - firstPaint) / 1e6;
        double first = heap.maxAfterGcMb(0, 0.5), second = heap.maxAfterGcMb(0.5, 1.0);
        return String.format(Locale.ROOT, "{\"samples\": %d, \"durationS\": %.1f, \"state\": \"%s\", "
                        + "\"wallS\": %.2f, \"samplesPerWallS\": %.0f, \"commandToWindowMs\": %.0f, "
                        + "\"launchToWindowMs\": %.0f, \"edtMaxStallMs\": %.1f, \"edtProbes\": %d, "
                        + "\"edtStallsOver50Ms\": %d, \"maxHeapMb\": %.0f, \"gcCount\": %d, "
                        + "\"heapAfterGcMaxFirstHalfMb\": %.1f, \"heapAfterGcMaxSecondHalfMb\": %.1f, "
                        + "\"heapAfterGcLastMb\": %.1f, \"heapPeakBeforeGcMb\": %.1f, \"chartRefreshes\": %d, "
                        + "\"plottedFlexionPoints\": %d, \"alertsShown\": %d, %s}",
                s.samples(), s.lastSampleS(), s.state(), wallS, s.samples() / wallS, sinceProcessMs, sinceLaunchMs,
                watchdog.maxDelayMs(), watchdog.probes(), watchdog.stallsOver50Ms(),
                Runtime.getRuntime().maxMemory() / 1048576.0, heap.collections(), first, second,
                heap.lastAfterGcMb(), heap.peakBeforeGcMb(), w.live().refreshes(), w.live().plottedPoints(0),
                w.alertsShown(), w.live().costs());
    }
}
