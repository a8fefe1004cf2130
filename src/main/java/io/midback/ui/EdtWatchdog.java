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
    private final AtomicLong maxAfterWarmupNanos = new AtomicLong();
    private final AtomicLong maxAfterFirstSecondNanos = new AtomicLong();
    /** The longest stalls as (ms, seconds since start), longest first, at most {@link #LONGEST_KEPT}. */
    private final java.util.List<double[]> longest = new java.util.ArrayList<>();
    static final int LONGEST_KEPT = 8;
    public static final long WARMUP_NANOS = 500_000_000L;
    private final java.util.List<String> stalls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private volatile long startNanos;

    public EdtWatchdog start() {
        startNanos = System.nanoTime();
        poster.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            SwingUtilities.invokeLater(() -> {
                long d = System.nanoTime() - posted;
                probes.incrementAndGet();
                if (d > 50_000_000L) {
                    over50.incrementAndGet();
                    if (stalls.size() < 40) {
                        stalls.add(String.format(java.util.Locale.ROOT, "%.0f@%.2fs", d / 1e6,
                                (posted - startNanos) / 1e9));
                    }
                }
                maxDelayNanos.accumulateAndGet(d, Math::max);
                if (posted - startNanos > WARMUP_NANOS) {
                    maxAfterWarmupNanos.accumulateAndGet(d, Math::max);
                }
                if (posted - startNanos > 1_000_000_000L) {
                    maxAfterFirstSecondNanos.accumulateAndGet(d, Math::max);
                }
                keepIfLongest(d / 1e6, (posted - startNanos) / 1e9);
            });
        }, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        if (Boolean.getBoolean("midback.edtStacks")) {
            Thread edt = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("AWT-EventQueue")).findFirst().orElse(null);
            long[] lastProbes = {0};
            long[] sameSince = {System.nanoTime()};
            int depth = Integer.getInteger("midback.edtStackDepth", 14);
            poster.scheduleAtFixedRate(() -> {
                long p = probes.get();
                long now = System.nanoTime();
                if (p != lastProbes[0]) {
                    lastProbes[0] = p;
                    sameSince[0] = now;
                } else if (edt != null && now - sameSince[0] > 30_000_000L) {
                    StackTraceElement[] st = edt.getStackTrace();
                    StringBuilder b = new StringBuilder("EDT busy ").append((now - startNanos) / 1_000_000).append(" ms:");
                    for (int i = 0; i < Math.min(depth, st.length); i++) {
                        b.append("\n    ").append(st[i]);
                    }
                    System.err.println(b);
                }
            }, 5, 15, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public double maxDelayMs() {
        return maxDelayNanos.get() / 1e6;
    }

    /** Longest stall after the first half second (the window's first paints, in not yet compiled code). */
    public double maxDelayAfterWarmupMs() {
        return maxAfterWarmupNanos.get() / 1e6;
    }

    /** Longest stall after the first second (the first data, the window's first layouts and paints). */
    public double maxDelayAfterFirstSecondMs() {
        return maxAfterFirstSecondNanos.get() / 1e6;
    }

    private void keepIfLongest(double ms, double atS) {
        synchronized (longest) {
            if (longest.size() == LONGEST_KEPT && longest.get(LONGEST_KEPT - 1)[0] >= ms) {
                return;
            }
            // A stall is seen by every probe that waited through it: keep the longest probe of each.
            for (int i = 0; i < longest.size(); i++) {
                if (Math.abs(longest.get(i)[1] + longest.get(i)[0] / 1e3 - (atS + ms / 1e3)) < 0.005) {
                    if (longest.get(i)[0] >= ms) {
                        return;
                    }
                    longest.remove(i);
                    break;
                }
            }
            longest.add(new double[] {ms, atS});
            longest.sort((a, b) -> Double.compare(b[0], a[0]));
            if (longest.size() > LONGEST_KEPT) {
                longest.remove(LONGEST_KEPT);
            }
        }
    }

    /** The longest distinct stalls as "ms@seconds since start", longest first (where the worst ones fall). */
    public String longestStalls() {
        synchronized (longest) {
            return longest.stream().map(l -> String.format(java.util.Locale.ROOT, "%.0f@%.2fs", l[0], l[1]))
                    .collect(java.util.stream.Collectors.joining(" "));
        }
    }

    public long probes() {
        return probes.get();
    }

    /** Probes that waited longer than 50 ms. */
    public long stallsOver50Ms() {
        return over50.get();
    }

    /** The first stalls over 50 ms as "ms@seconds since start" (to see whether they cluster at warm-up). */
    public String stallsOver50() {
        synchronized (stalls) {
            return String.join(" ", stalls);
        }
    }

    /** Forgets what was measured so far (e.g. start-up). */
    public void reset() {
        maxDelayNanos.set(0);
        probes.set(0);
        over50.set(0);
        stalls.clear();
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}
