package io.midback.live;

import io.midback.recording.FileErrors;
import io.midback.recording.RecordingMetadata;
import io.midback.sim.Site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * A live session's recording, as {@code live --record} and the window's "Record to" make it: the upper sensor's
 * {@link LiveRecorder} and, with a lower sensor, the lower one's, its files beside the upper's ({@link #siblingOf}),
 * each naming the other ({@code # lower:}, {@code # upper:}) and its site. One definition of the files and their
 * headers; the links feed the recorders (their samples, gaps and raw bytes), the session notes its calibrations in
 * the upper one.
 *
 * @param samples the upper sensor's sample recording (canonical CSV), or null
 * @param raw     the upper sensor's raw bytes, or null
 * @param upper   the upper sensor's recorder
 * @param lower   the lower sensor's recorder, or null with one sensor
 */
public record LiveRecording(Path samples, Path raw, LiveRecorder upper, LiveRecorder lower) implements AutoCloseable {
    /** How a file that cannot be written is said (then the file, a colon and why). */
    public static final String CANNOT_RECORD = "cannot record to ";

    /**
     * Opens the recorders (the files are checked now, and created when the source is known).
     *
     * @param samples     the upper sensor's sample recording, or null
     * @param raw         the upper sensor's raw bytes file, or null (not both null)
     * @param link        the upper sensor's port or address
     * @param device      the upper sensor's name as it reports it, or null for its link's (asked when the
     *                    recording begins)
     * @param lowerLink   the lower sensor's port or address, or null with one sensor
     * @param lowerDevice the lower sensor's name as it reports it, or null for its link's
     * @throws IOException one line naming the file that cannot be written and why
     */
    public static LiveRecording open(Path samples, Path raw, String link, Supplier<String> device, String lowerLink,
                                     Supplier<String> lowerDevice, ZoneId zone) throws IOException {
        if (samples == null && raw == null) {
            throw new IllegalArgumentException("nothing to record");
        }
        boolean two = lowerLink != null;
        LiveRecorder upper = recorder(samples, raw, facts -> {
            RecordingMetadata h = LiveRecorder.header(named(device, link), link, facts.firstSampleAt(), zone);
            return two && samples != null ? h.with(RecordingMetadata.SITE, Site.THORAX.name())
                    .with(RecordingMetadata.LOWER, siblingOf(samples).getFileName().toString()) : h;
        });
        if (!two) {
            return new LiveRecording(samples, raw, upper, null);
        }
        try {
            LiveRecorder lower = recorder(samples == null ? null : siblingOf(samples), raw == null ? null
                    : siblingOf(raw), facts -> {
                RecordingMetadata h = LiveRecorder.header(named(lowerDevice, lowerLink), lowerLink,
                        facts.firstSampleAt(), zone).with(RecordingMetadata.SITE, Site.SACRUM.name());
                return samples == null ? h : h.with(RecordingMetadata.UPPER, samples.getFileName().toString());
            });
            return new LiveRecording(samples, raw, upper, lower);
        } catch (IOException e) {
            upper.close();
            throw e;
        }
    }

    private static LiveRecorder recorder(Path samples, Path raw,
                                         java.util.function.Function<SourceFacts, RecordingMetadata> header)
            throws IOException {
        try {
            return new LiveRecorder(samples, header, raw);
        } catch (IOException e) {
            throw new IOException(CANNOT_RECORD + (samples != null ? samples : raw) + ": " + FileErrors.reason(e), e);
        }
    }

    private static String named(Supplier<String> device, String link) {
        String d = device == null ? null : device.get();
        return d == null || d.isBlank() ? link : d;
    }

    /**
     * Where the lower sensor's file goes beside the upper one's: {@code day.csv} → {@code day.lower.csv}
     * ({@code .csv.gz} and {@code .bin} alike; a name without an extension gets {@code .lower}).
     */
    public static Path siblingOf(Path upper) {
        return withInsert(upper, ".lower");
    }

    /**
     * {@code file} with {@code insert} before its extension ({@code .csv.gz} counted as one; a name without one
     * gets it at the end): {@code day.csv} and {@code "-2"} → {@code day-2.csv}.
     */
    public static Path withInsert(Path file, String insert) {
        String n = file.getFileName().toString();
        int dot = n.endsWith(".csv.gz") ? n.length() - ".csv.gz".length() : n.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? n.substring(0, dot) + insert + n.substring(dot) : n + insert);
    }

    /** The lower sensor's sample recording, or null (one sensor, or no samples recorded). */
    public Path lowerSamples() {
        return lower == null || samples == null ? null : siblingOf(samples);
    }

    /** Whether any sample was recorded (a session that never received one leaves no file). */
    public boolean begun() {
        return upper.begun() || lower != null && lower.begun();
    }

    /** Why writing failed (the upper's, else the lower's, which says so), or null. */
    public String failure() {
        String f = upper.failure();
        if (f == null && lower != null && lower.failure() != null) {
            f = "lower sensor: " + lower.failure();
        }
        return f;
    }

    /** Closes both recorders (a second close does nothing). */
    @Override
    public void close() {
        try {
            upper.close();
        } finally {
            if (lower != null) {
                lower.close();
            }
        }
    }
}
