package io.midback.ui;

import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer, single-consumer ring of posture samples in primitive arrays: the pipeline thread writes
 * every frame ({@link #onPosture}, no allocation, no lock), the event thread drains what arrived since its last
 * drain. When the producer laps the consumer (a replay at maximum speed), the oldest unread samples are
 * skipped; the chart only ever needs the newest ones (at most
 * capacity − 1 per drain: the slot the producer may be writing is never handed out).
 *
 * <p>Correctness without locks: the producer writes a slot, then publishes the new sequence number with a
 * release store; the consumer copies slots below the published sequence and re-reads the sequence after
 * copying; any slot the producer may have reused during the copy is discarded.
 */
public final class LiveRing implements PostureListener {
    private final int mask;
    private final double[] tS, flexionDeg, bendDeg, rotationDeg, spineFlexionDeg;
    private final byte[] state;
    private final boolean[] calibrated;
    private final AtomicLong published = new AtomicLong();
    private long readSeq;

    /** @param capacity a power of two */
    public LiveRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        tS = new double[capacity];
        flexionDeg = new double[capacity];
        bendDeg = new double[capacity];
        rotationDeg = new double[capacity];
        spineFlexionDeg = new double[capacity];
        state = new byte[capacity];
        calibrated = new boolean[capacity];
    }

    public int capacity() {
        return mask + 1;
    }

    /** Producer side (pipeline thread). */
    @Override
    public void onPosture(PostureFrame f) {
        long seq = published.getPlain();
        int i = (int) (seq & mask);
        tS[i] = f.tS;
        flexionDeg[i] = f.flexionDeg;
        bendDeg[i] = f.lateralBendDeg;
        rotationDeg[i] = f.axialRotationDeg;
        spineFlexionDeg[i] = f.spineValid ? f.spineFlexionDeg : Double.NaN;
        state[i] = (byte) f.state.ordinal();
        calibrated[i] = f.calibrated;
        published.setRelease(seq + 1);
    }

    /** Samples written so far (any thread). */
    public long written() {
        return published.getAcquire();
    }

    /**
     * Consumer side: copies the samples written since the previous drain (at most {@code out.capacity()} and
     * {@code capacity() - 1}, the newest ones; the slot the producer writes next is never handed out) into {@code out}, replacing its contents. Returns the number copied.
     */
    public int drainTo(Chunk out) {
        long end = published.getAcquire();
        long start = Math.max(readSeq, end - Math.min(capacity() - 1, out.capacity()));
        int n = 0;
        for (long s = start; s < end; s++) {
            int i = (int) (s & mask);
            out.tS[n] = tS[i];
            out.flexionDeg[n] = flexionDeg[i];
            out.bendDeg[n] = bendDeg[i];
            out.rotationDeg[n] = rotationDeg[i];
            out.spineFlexionDeg[n] = spineFlexionDeg[i];
            out.state[n] = state[i];
            out.calibrated[n] = calibrated[i];
            n++;
        }
        // Slots the producer may have reused while we copied are dropped. The producer writes the slot of
        // sequence `after` before publishing after + 1, so while `after` is published it may already be
        // overwriting sequence after - capacity: only capacity - 1 slots are ever safe to hand out. The fence
        // keeps the copy's loads before this second read of the sequence.
        java.lang.invoke.VarHandle.acquireFence();
        long after = published.getAcquire();
        long firstSafe = after + 1 - capacity();
        int drop = (int) Math.max(0, Math.min(n, firstSafe - start));
        if (drop > 0) {
            System.arraycopy(out.tS, drop, out.tS, 0, n - drop);
            System.arraycopy(out.flexionDeg, drop, out.flexionDeg, 0, n - drop);
            System.arraycopy(out.bendDeg, drop, out.bendDeg, 0, n - drop);
            System.arraycopy(out.rotationDeg, drop, out.rotationDeg, 0, n - drop);
            System.arraycopy(out.spineFlexionDeg, drop, out.spineFlexionDeg, 0, n - drop);
            System.arraycopy(out.state, drop, out.state, 0, n - drop);
            System.arraycopy(out.calibrated, drop, out.calibrated, 0, n - drop);
            n -= drop;
        }
        readSeq = end;
        out.size = n;
        return n;
    }

    /** A reusable block the consumer drains into. */
    public static final class Chunk {
        /** {@code spineFlexionDeg}: the spine's flexion between two sensors, NaN without a lower sensor. */
        public final double[] tS, flexionDeg, bendDeg, rotationDeg, spineFlexionDeg;
        public final byte[] state;
        public final boolean[] calibrated;
        int size;

        public Chunk(int capacity) {
            tS = new double[capacity];
            flexionDeg = new double[capacity];
            bendDeg = new double[capacity];
            rotationDeg = new double[capacity];
            spineFlexionDeg = new double[capacity];
            state = new byte[capacity];
            calibrated = new boolean[capacity];
        }

        public int capacity() {
            return tS.length;
        }

        public int size() {
            return size;
        }
    }
}
