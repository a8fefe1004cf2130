package io.midback.cli;

import io.midback.app.SessionSpec;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingFormatException;
import io.midback.recording.RecordingMetadata;

import java.nio.file.Files;
import java.nio.file.Path;

/** The lower sensor of a two-sensor command ({@code replay --lower}, {@code mobility --lower}), checked and read. */
final class TwoSensors {
    private TwoSensors() {
    }

    /** The lower sensor's recording beside the upper one's, or a clear error naming the option. */
    static SessionSpec.Lower lowerOf(Path upper, Path lower, boolean upperIsCsv, Double rateHz, String filterName) {
        check(upper, lower, upperIsCsv);
        try {
            return SessionSpec.Lower.ofRecordings(upper, lower, rateHz, filterName);
        } catch (RecordingFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code lower} can be the lower sensor of {@code upper}: both canonical CSV, the lower file there and
     * not another session's; a clear error naming the option otherwise.
     */
    static void check(Path upper, Path lower, boolean upperIsCsv) {
        if (!upperIsCsv) {
            throw new UserException("--lower " + lower + ": two sensors need both recordings in the canonical CSV "
                    + "format", 2, null);
        }
        if (!Files.isRegularFile(lower)) {
            throw new UserException("--lower " + lower + ": no such file", 2, null);
        }
        try {
            String namedUpper = CsvSampleReader.readMetadata(lower).get(RecordingMetadata.UPPER).orElse(null);
            if (namedUpper != null && !Path.of(namedUpper).getFileName().equals(upper.getFileName())) {
                throw new UserException("--lower " + lower + ": another session's lower sensor (it names its upper "
                        + "sensor " + namedUpper + ", not " + upper.getFileName() + ")", 2, null);
            }
        } catch (RecordingFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
