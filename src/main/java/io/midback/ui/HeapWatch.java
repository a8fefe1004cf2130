package io.midback.ui;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap in use right after each garbage collection (what is really kept), from the JVM's GC notifications: no
 * forced collections, so measuring does not stall the event thread.
 */
final class HeapWatch implements AutoCloseable {
    private final List<double[]> afterGc = new ArrayList<>(); // {wall seconds since start, MB}
    private final long startNanos = System.nanoTime();
    private final List<Runnable> undo = new ArrayList<>();
    private double peakBeforeGcMb;

    HeapWatch start() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            NotificationListener l = (n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                double after = 0, before = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    after += u.getUsed();
                }
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageBeforeGc().values()) {
                    before += u.getUsed();
                }
                synchronized (this) {
                    afterGc.add(new double[] {(System.nanoTime() - startNanos) / 1e9, after / 1048576.0});
                    peakBeforeGcMb = Math.max(peakBeforeGcMb, before / 1048576.0);
                }
            };
            emitter.addNotificationListener(l, null, null);
            undo.add(() -> {
                try {
                    emitter.removeNotificationListener(l);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
        return this;
    }

    synchronized int collections() {
        return afterGc.size();
    }

    /** Max heap in use after a GC among collections in [fromFraction, toFraction) of the collections seen. */
    synchronized double maxAfterGcMb(double fromFraction, double toFraction) {
        int n = afterGc.size();
        double max = 0;
        for (int i = (int) (n * fromFraction); i < Math.min(n, (int) Math.ceil(n * toFraction)); i++) {
            max = Math.max(max, afterGc.get(i)[1]);
        }
        return max;
    }

    synchronized double lastAfterGcMb() {
        return afterGc.isEmpty() ? Double.NaN : afterGc.get(afterGc.size() - 1)[1];
    }

    synchronized double peakBeforeGcMb() {
        return peakBeforeGcMb;
    }

    @Override
    public void close() {
        undo.forEach(Runnable::run);
    }
}
