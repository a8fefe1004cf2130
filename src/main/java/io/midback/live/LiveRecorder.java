package io.midback.live;

import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Records a live session as it happens: the samples in the canonical CSV (through {@link CsvSampleWriter}) and,
 * optionally, the raw bytes as they came off the link. A daemon timer hands both to the OS every
 * {@link #FLUSH_PERIOD_MS} ms, so a process killed outright (SIGKILL) loses at most the last fraction of a second
 * and leaves a file that replays. Gaps go into the CSV as {@code # gap: FROM..TO s (reason)} comment lines.
 *
 * <p>The CSV is created when the source is known ({@link #begin}, from its first {@value SourceProbe#PROBE_S} s of
 * samples), so that its header states the true rate and its columns what the sensor measures (no gyroscope
 * columns for an accelerometer-only sensor). A session that never receives a sample leaves no CSV, and no raw
 * file when no byte came either.
 *
 * <p>Writes and flushes take one lock per batch or chunk, never per sample.
 */
public final class LiveRecorder implements SampleSink, AutoCloseable {
    /** How often the recording is pushed to the OS. */
    public static final long FLUSH_PERIOD_MS = 100;

    private final Path csvFile;
    private final Function<SourceFacts, RecordingMetadata> header;
    private CsvSampleWriter csv;
    private final OutputStream raw;
    private final Path rawFile;
    private final ScheduledExecutorService flusher;
    private boolean closed;
    private long rawBytes;
    private IOException rawFailure;
    private String csvFailure;

    /**
     * A live recording's header: the sensor, the link it came on, and the wall time of its first sample (local, to
     * the millisecond).
     */
    public static RecordingMetadata header(String device, String port, java.time.Instant firstSampleAt,
                                           java.time.ZoneId zone) {
        return RecordingMetadata.empty()
                .with(RecordingMetadata.DEVICE, device)
                .with(RecordingMetadata.PORT, port)
                .with(RecordingMetadata.START, java.time.LocalDateTime.ofInstant(firstSampleAt, zone)
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    }

    /**
     * @param csvFile the sample recording (canonical CSV, {@code .gz} allowed), created by {@link #begin}; or null
     * @param header  its metadata lines for the source as it turned out to be (the rate is the source's)
     * @param rawFile where to copy the raw bytes, or null for none
     * @throws IOException when a file cannot be written (said now, before the session starts)
     */
    public LiveRecorder(Path csvFile, Function<SourceFacts, RecordingMetadata> header, Path rawFile)
            throws IOException {
        this.csvFile = csvFile;
        this.header = Objects.requireNonNull(header, "header");
        this.rawFile = rawFile;
        if (csvFile != null) {
            requireWritable(csvFile);
        }
        if (rawFile != null) {
            Path parent = rawFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            raw = new BufferedOutputStream(Files.newOutputStream(rawFile), 1 << 16);
        } else {
            raw = null;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "midback-recording-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Creates the folders of {@code file} and checks it can be written, leaving no file behind. */
    private static void requireWritable(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            if (Files.isDirectory(file) || !Files.isWritable(file)) {
                throw new IOException(Files.isDirectory(file) ? "it is a folder" : "permission denied");
            }
            return;
        }
        Files.newOutputStream(file).close();
        Files.delete(file);
    }

    /**
     * The source is known: creates the CSV with its header ({@code rate_hz} and the columns from {@code facts});
     * the samples that follow are recorded. Once.
     */
    public synchronized void begin(SourceFacts facts) {
        if (csvFile == null || csv != null || csvFailure != null || closed) {
            return;
        }
        RecordingMetadata meta = header.apply(facts).with(RecordingMetadata.RATE_HZ, facts.rateText());
        try {
            csv = CsvSampleWriter.create(csvFile, meta, facts.gyroscope(), facts.magnetometer(),
                    CsvSampleWriter.Precision.DEFAULT);
            csv.flush(); // the header is on disk at once: even an early kill leaves a file that replays
        } catch (UncheckedIOException e) {
            csvFailure = e.getMessage();
            csv = null;
        }
    }

    /** Whether the CSV has begun (its header written): samples came and are recorded. */
    public synchronized boolean begun() {
        return csv != null;
    }

    /** Copies raw bytes as they arrived from the link. */
    public synchronized void rawBytes(byte[] buf, int off, int len) {
        if (raw == null || closed || rawFailure != null) {
            return;
        }
        try {
            raw.write(buf, off, len);
            rawBytes += len;
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

    /** Why writing the CSV or the raw file failed, or null. */
    public synchronized String failure() {
        if (csvFailure != null) {
            return csvFailure;
        }
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
                        if (rawBytes == 0) { // nothing came: nothing to keep
                            Files.deleteIfExists(rawFile);
                        }
                    } catch (IOException e) {
                        rawFailure = rawFailure == null ? e : rawFailure;
                    }
                }
            }
        }
    }
}
