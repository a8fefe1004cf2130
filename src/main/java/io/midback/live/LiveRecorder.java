package io.midback.live;

import io.midback.recording.CsvSampleWriter;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a live session as it happens: the samples in the canonical CSV (through {@link CsvSampleWriter}) and,
 * optionally, the raw bytes as they came off the link. A daemon timer hands both to the OS every
 * {@link #FLUSH_PERIOD_MS} ms, so a process killed outright (SIGKILL) loses at most the last fraction of a second
 * and leaves a file that replays. Gaps go into the CSV as {@code # gap: FROM..TO s (reason)} comment lines.
 *
 * <p>Writes and flushes take one lock per batch or chunk, never per sample.
 */
public final class LiveRecorder implements SampleSink, AutoCloseable {
    /** How often the recording is pushed to the OS. */
    public static final long FLUSH_PERIOD_MS = 100;

    private final CsvSampleWriter csv;
    private final OutputStream raw;
    private final Path rawFile;
    private final ScheduledExecutorService flusher;
    private boolean closed;
    private IOException rawFailure;

    /**
     * @param csv     the sample writer (already created with its metadata), or null for none
     * @param rawFile where to copy the raw bytes, or null for none
     */
    public LiveRecorder(CsvSampleWriter csv, Path rawFile) throws IOException {
        this.csv = csv;
        this.rawFile = rawFile;
        if (rawFile != null) {
            Path parent = rawFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            raw = new BufferedOutputStream(Files.newOutputStream(rawFile), 1 << 16);
        } else {
            raw = null;
        }
        flush(); // the header is on disk from the start: even an early kill leaves a file that replays
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "midback-recording-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Copies raw bytes as they arrived from the link. */
    public synchronized void rawBytes(byte[] buf, int off, int len) {
        if (raw == null || closed || rawFailure != null) {
            return;
        }
        try {
            raw.write(buf, off, len);
        } catch (IOException e) {
            rawFailure = e;
        }
    }

    @Override
    public synchronized void accept(SampleBatch batch) {
        if (csv != null && !closed) {
            csv.accept(batch);
        }
    }

    @Override
    public synchronized void gap(double fromS, double toS, String reason) {
        if (csv != null && !closed) {
            csv.comment("gap", String.format(Locale.ROOT, "%.3f..%.3f s (%s)", fromS, toS, reason));
        }
    }

    /** A {@code # key: value} line in the CSV at this point of the recording (e.g. a new calibration). */
    public synchronized void note(String key, String value) {
        if (csv != null && !closed) {
            csv.comment(key, value);
        }
    }

    /** Pushes everything recorded so far to the OS. */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        if (csv != null) {
            csv.flush();
        }
        if (raw != null && rawFailure == null) {
            try {
                raw.flush();
            } catch (IOException e) {
                rawFailure = e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (UncheckedIOException e) {
            // reported when the session closes the recorder
        }
    }

    /** Why writing the raw file failed, or null. */
    public synchronized String rawError() {
        return rawFailure == null ? null : rawFile + ": cannot write: " + rawFailure.getMessage();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (csv != null) {
                    csv.close();
                }
            } finally {
                if (raw != null) {
                    try {
                        raw.close();
                    } catch (IOException e) {
                        rawFailure = rawFailure == null ? e : rawFailure;
                    }
                }
            }
        }
    }
}
