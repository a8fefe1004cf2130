package io.midback.ui;

import io.midback.alert.AlertListener;
import io.midback.sensor.TimeOrigin;
import io.midback.posture.PostureListener;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

/**
 * One connection: a {@link SampleSource} streaming on its own thread into the posture pipeline. The window reads
 * its status (cheap volatile reads) from the event thread; nothing here touches Swing.
 */
public final class Session {
    public enum State { CONNECTING, STREAMING, ENDED, FAILED, STOPPED }

    private final SampleSource source;
    private final Thread thread;
    private volatile State state = State.CONNECTING;
    private volatile String failure;
    private volatile long samples;
    private volatile double lostSamples;
    private volatile double lastSampleS = Double.NaN;
    private volatile double nominalRateHz = Double.NaN;
    /** System.nanoTime() when the newest batch (or, before the first, the start) reached the pipeline. */
    private volatile long lastArrivalNanos = System.nanoTime();
    private final Runnable onFinish;

    /**
     * @param onFinish called on the session thread when the stream ends, fails or is stopped
     */
    public Session(SampleSource source, PostureBackend backend, PostureListener frames, AlertListener alerts,
                   Runnable onFinish) {
        this.source = source;
        this.onFinish = onFinish;
        // The pipeline and the history are opened on the session's thread, not the caller's.
        this.thread = new Thread(() -> open(backend, frames, alerts), "midback-session");
        thread.setDaemon(true);
    }

    public Session start() {
        lastArrivalNanos = System.nanoTime();
        thread.start();
        return this;
    }

    private void open(PostureBackend backend, PostureListener frames, AlertListener alerts) {
        SampleSink pipeline;
        try {
            pipeline = backend.open(source, frames, alerts);
        } catch (RuntimeException e) { // a recording whose header cannot be read
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            state = State.FAILED;
            if (onFinish != null) {
                onFinish.run();
            }
            return;
        }
        run(pipeline);
    }

    private void run(SampleSink pipeline) {
        Counting counting = new Counting(pipeline);
        try {
            source.run(counting);
            if (state != State.STOPPED) {
                state = State.ENDED;
            }
        } catch (Exception | LinkageError e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            state = State.FAILED;
        } finally {
            if (!counting.ended) {
                try {
                    counting.end(); // closes the history of a failed stream too
                } catch (RuntimeException ignored) {
                    // the failure above is what the user sees
                }
            }
            if (onFinish != null) {
                onFinish.run();
            }
        }
    }

    /** Stops the source and waits (briefly) for the thread to finish; safe from any thread. */
    public void stop() {
        if (state == State.CONNECTING || state == State.STREAMING) {
            state = State.STOPPED;
        }
        source.stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public SampleSource source() {
        return source;
    }

    public State state() {
        return state;
    }

    public String failure() {
        return failure;
    }

    public long samples() {
        return samples;
    }

    /** Samples the source reported missing (gaps), estimated from the sample rate. */
    public long lostSamples() {
        return Math.round(lostSamples);
    }

    /** Sample time of the newest sample, seconds. */
    public double lastSampleS() {
        return lastSampleS;
    }

    /** The stream's own sample rate (from its timestamps), Hz; NaN until known. */
    public double nominalRateHz() {
        return nominalRateHz;
    }

    /** Wall seconds since samples last arrived (since the start before the first), at {@code nowNanos}. */
    public double silentS(long nowNanos) {
        return (nowNanos - lastArrivalNanos) / 1e9;
    }

    /** Counts samples and gaps on the way into the pipeline. */
    private final class Counting implements SampleSink {
        private final SampleSink next;
        private final TimeOrigin origin = new TimeOrigin();
        private long n;
        private boolean ended;

        Counting(SampleSink next) {
            this.next = next;
        }

        @Override
        public void accept(SampleBatch b) {
            if (b.size() == 0) {
                return;
            }
            state = State.STREAMING;
            lastArrivalNanos = System.nanoTime();
            origin.sessionTime(b.tS[0]);
            n += b.size();
            double last = origin.sessionTime(b.tS[b.size() - 1]);
            if (n > 1 && last > 0) {
                nominalRateHz = (n - 1) / last;
            }
            samples = n;
            lastSampleS = last;
            next.accept(b);
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            double rate = nominalRateHz;
            if (!Double.isNaN(rate)) {
                lostSamples += Math.max(0, (toS - fromS) * rate - 1);
            }
            next.gap(fromS, toS, reason);
        }

        @Override
        public void end() {
            ended = true;
            next.end();
        }
    }
}
