package io.midback.ui;

import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a recording at {@code speed} times real time (or as fast as it can be read with speed = infinity):
 * reads with {@link CsvSampleReader} on the calling (session) thread and hands the samples on in slices of about
 * {@link #SLICE_WALL_S} of wall time, sleeping until each slice is due. Nothing is allocated per sample.
 */
public final class PacedReplay implements SampleSource {
    /** Wall time between hand-overs when paced. */
    static final double SLICE_WALL_S = 0.02;

    private final Path file;
    private final double speed;
    private volatile boolean stopped;
    private boolean saveToHistory;

    /** @param speed 1 = real time; {@link Double#POSITIVE_INFINITY} = no pacing */
    public PacedReplay(Path file, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.file = file;
        this.speed = speed;
    }

    /** Also saves the replayed session in the history (off by default for replays). */
    public PacedReplay savingToHistory(boolean on) {
        saveToHistory = on;
        return this;
    }

    @Override
    public PostureBackend.HistoryTarget historyTarget() {
        if (!saveToHistory) {
            return null;
        }
        // A recording is saved at its own time ("# start:"), like `replay --save-history`; else at "now".
        java.time.Instant start = null;
        try {
            start = io.midback.recording.CsvSampleReader.readMetadata(file).start()
                    .map(t -> t.atZone(java.time.ZoneId.systemDefault()).toInstant()).orElse(null);
        } catch (RuntimeException e) {
            // An unreadable file fails the replay itself, with its own message.
        }
        return new PostureBackend.HistoryTarget(file.getFileName().toString(), "replay " + file.getFileName(),
                start);
    }

    public Path file() {
        return file;
    }

    public double speed() {
        return speed;
    }

    @Override
    public String describe() {
        return "replay " + file.getFileName() + " at " + speedLabel(speed);
    }

    static String speedLabel(double speed) {
        if (Double.isInfinite(speed)) {
            return "max speed";
        }
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "×";
    }

    @Override
    public boolean realTime() {
        return !Double.isInfinite(speed);
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void run(SampleSink sink) {
        try {
            CsvSampleReader.of(file).read(new Pacer(sink));
        } catch (Stopped e) {
            sink.end();
        }
    }

    /** Unwinds the reader when the replay is stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final class Pacer implements SampleSink {
        private final SampleSink out;
        private final SampleBatch slice = new SampleBatch(4096);
        private double firstT = Double.NaN;
        private long startNanos;

        Pacer(SampleSink out) {
            this.out = out;
        }

        @Override
        public void accept(SampleBatch b) {
            if (stopped) {
                throw new Stopped();
            }
            if (Double.isInfinite(speed)) {
                out.accept(b);
                return;
            }
            if (Double.isNaN(firstT) && b.size() > 0) {
                firstT = b.tS[0];
                startNanos = System.nanoTime();
            }
            double sliceDataS = SLICE_WALL_S * speed;
            int i = 0;
            while (i < b.size()) {
                slice.clear();
                double sliceEnd = b.tS[i] + sliceDataS;
                while (i < b.size() && b.tS[i] < sliceEnd && !slice.isFull()) {
                    slice.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                            b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                    i++;
                }
                waitUntil(slice.tS[0]);
                out.accept(slice);
            }
        }

        private void waitUntil(double tS) {
            long due = startNanos + (long) ((tS - firstT) / speed * 1e9);
            long now;
            while ((now = System.nanoTime()) < due) {
                if (stopped) {
                    throw new Stopped();
                }
                LockSupport.parkNanos(Math.min(due - now, 50_000_000L));
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            out.gap(fromS, toS, reason);
        }

        @Override
        public void end() {
            out.end();
        }
    }
}
