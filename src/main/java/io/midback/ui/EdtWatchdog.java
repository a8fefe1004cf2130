package io.midback.ui;

import javax.swing.SwingUtilities;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the event thread keeps others waiting: every 10 ms a background thread posts a Runnable
 * stamped with the time it was posted; the Runnable records how late it ran. The maximum lateness is the longest
 * stall (to within the 10 ms period).
 */
public final class EdtWatchdog implements AutoCloseable {
    public static final long PERIOD_MS = 10;
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "midback-edt-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong over50 = new AtomicLong();

    public EdtWatchdog start() {
        poster.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            SwingUtilities.invokeLater(() -> {
                long d = System.nanoTime() - posted;
                probes.incrementAndGet();
                if (d > 50_000_000L) {
                    over50.incrementAndGet();
                }
                maxDelayNanos.accumulateAndGet(d, Math::max);
            });
        }, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    public double maxDelayMs() {
        return maxDelayNanos.get() / 1e6;
    }

    public long probes() {
        return probes.get();
    }

    /** Probes that waited longer than 50 ms. */
    public long stallsOver50Ms() {
        return over50.get();
    }

    /** Forgets what was measured so far (e.g. start-up). */
    public void reset() {
        maxDelayNanos.set(0);
        probes.set(0);
        over50.set(0);
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}
