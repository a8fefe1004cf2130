package io.midback.align;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live link's samples handed from its reader thread (the one producer: a {@link SampleSink}) to the session
 * thread (the one consumer: its {@link #reader()}), through a fixed ring of primitive arrays: bounded, so an
 * eight-hour day does not grow it, and free of allocation and locks per sample (the producer publishes each batch
 * with one release store, the consumer frees each sample with one). A full ring (the session thread away: its
 * upper sensor gone, or not yet started) keeps what it holds and leaves out what arrives, counting it
 * ({@link #dropped()}); the link's own recording still has every sample. Gaps are not passed on: the times tell
 * them. {@link #end()} (the link closed) ends the reader once it has read everything.
 */
public final class SampleRing implements SampleSink, SampleSource {
    /** Room for 80 s at 100 Hz. */
    public static final int DEFAULT_CAPACITY = 8192;

    private final int mask;
    private final double[] tS, gx, gy, gz, ax, ay, az, mx, my, mz;
    /** Samples written (producer) and read (consumer), ever; the ring's slot is the count modulo its size. */
    private final AtomicLong written = new AtomicLong(), read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean readerGiven = new AtomicBoolean();
    private volatile boolean closed;
    /** Producer: the read count as last seen. */
    private long readSeen;

    /** @param capacity samples held at most (rounded up to a power of two) */
    public SampleRing(int capacity) {
        if (capacity < 2 || capacity > 1 << 24) {
            throw new IllegalArgumentException("ring capacity out of 2..2^24: " + capacity);
        }
        int n = Integer.highestOneBit(capacity - 1) << 1;
        mask = n - 1;
        tS = new double[n];
        gx = new double[n];
        gy = new double[n];
        gz = new double[n];
        ax = new double[n];
        ay = new double[n];
        az = new double[n];
        mx = new double[n];
        my = new double[n];
        mz = new double[n];
    }

    public SampleRing() {
        this(DEFAULT_CAPACITY);
    }

    /** The producer's side: copies the batch in (what does not fit is counted and left out), then publishes it. */
    @Override
    public void accept(SampleBatch b) {
        long w = written.get();
        int capacity = mask + 1;
        long lost = 0;
        for (int i = 0; i < b.size(); i++) {
            if (w - readSeen >= capacity) {
                readSeen = read.getAcquire();
                if (w - readSeen >= capacity) {
                    lost++;
                    continue;
                }
            }
            int k = (int) (w & mask);
            tS[k] = b.tS[i];
            gx[k] = b.gxRadPerS[i];
            gy[k] = b.gyRadPerS[i];
            gz[k] = b.gzRadPerS[i];
            ax[k] = b.axMps2[i];
            ay[k] = b.ayMps2[i];
            az[k] = b.azMps2[i];
            mx[k] = b.mxMicroT[i];
            my[k] = b.myMicroT[i];
            mz[k] = b.mzMicroT[i];
            w++;
        }
        written.setRelease(w);
        if (lost > 0) {
            dropped.addAndGet(lost);
        }
    }

    /** The link is over: the reader ends once it has read what is held. */
    @Override
    public void end() {
        closed = true;
    }

    /** Samples left out because the ring was full (the session thread was not reading). */
    public long dropped() {
        return dropped.get();
    }

    /** The one reader (the session thread's); a second call is refused. */
    @Override
    public SampleReader reader() {
        if (!readerGiven.compareAndSet(false, true)) {
            throw new IllegalStateException("a live sample ring has one reader");
        }
        return new HeldSample() {
            private long r;
            private long writtenSeen;

            @Override
            public boolean next() {
                if (r == writtenSeen) {
                    writtenSeen = written.getAcquire();
                    if (r == writtenSeen) {
                        return false;
                    }
                }
                int k = (int) (r & mask);
                hold(tS[k], gx[k], gy[k], gz[k], ax[k], ay[k], az[k], mx[k], my[k], mz[k]);
                read.setRelease(++r);
                return true;
            }

            @Override
            public boolean ended() {
                return closed && r == written.getAcquire();
            }
        };
    }
}
