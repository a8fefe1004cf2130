package io.midback.ui;

import io.midback.alert.AlertListener;
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
    private final Runnable onFinish;

    /**
     * @param onFinish called on the session thread when the stream ends, fails or is stopped
     */
    public Session(SampleSource source, PostureBackend backend, PostureListener frames, AlertListener alerts,
                   Runnable onFinish) {
        this.source = source;
        this.onFinish = onFinish;
        SampleSink pipeline = backend.open(frames, alerts);
        this.thread = new Thread(() -> run(pipeline), "midback-session");
        thread.setDaemon(true);
    }

    public Session start() {
        thread.start();
        return this;
    }

    private void run(SampleSink pipeline) {
        try {
            source.run(new Counting(pipeline));
            if (state != State.STOPPED) {
                state = State.ENDED;
            }
        } catch (Exception | LinkageError e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            state = State.FAILED;
        } finally {
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

    public boolean alive() {
        return thread.isAlive();
    }

    /** Counts samples and gaps on the way into the pipeline. */
    private final class Counting implements SampleSink {
        private final SampleSink next;
        private double firstT = Double.NaN;
        private long n;

        Counting(SampleSink next) {
            this.next = next;
        }

        @Override
        public void accept(SampleBatch b) {
            if (b.size() == 0) {
                return;
            }
            state = State.STREAMING;
            if (Double.isNaN(firstT)) {
                firstT = b.tS[0];
            }
            n += b.size();
            double last = b.tS[b.size() - 1];
            if (n > 1 && last > firstT) {
                nominalRateHz = (n - 1) / (last - firstT);
            }
            samples = n;
            lastSampleS = last - firstT;
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
            next.end();
        }
    }
}
