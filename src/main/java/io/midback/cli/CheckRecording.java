package io.midback.cli;

import io.midback.mobility.MobilityEvent;
import io.midback.recording.CaptureReplay;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadReport;
import io.midback.recording.RecordingFormatException;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleSink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A recording read for an analysis ({@code mobility --analyse}, {@code routine --analyse}): a canonical CSV (with
 * its {@code # event:} lines) or a byte capture in a {@code --format}, through the analysis's pipeline. Bad input is
 * one line naming the file and the place ({@link UserException}); a CSV's recoverable problems are warnings.
 */
final class CheckRecording {
    private final Path file;
    private final String format;
    private final Double rateHz;

    CheckRecording(Path file, String format, Double rateHz) {
        SessionOptions.checkInput(file, rateHz, 0, 10_000);
        this.file = file;
        this.format = format;
        this.rateHz = rateHz;
    }

    /** The sample rate to set the orientation filter for: the CSV's stated rate, else --rate, else 100 Hz. */
    double nominalRateHz() {
        double hz = rateHz != null ? rateHz : 100;
        if (ReplayCommand.isCsv(format, file)) {
            try {
                RecordingMetadata metadata = CsvSampleReader.readMetadata(file);
                hz = metadata.rateHz().orElse(hz);
            } catch (RecordingFormatException e) {
                throw new UserException(e.getMessage(), e);
            }
        }
        return hz;
    }

    /** Streams the samples into {@code sink}; returns the recording's events (none for a capture), in time order. */
    List<MobilityEvent> read(SampleSink sink, PrintWriter err) throws IOException {
        if (!ReplayCommand.isCsv(format, file)) {
            try {
                CaptureReplay.of(format, rateHz).replay(file, sink);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), 2, e);
            }
            return List.of();
        }
        try {
            CsvSampleReader reader = CsvSampleReader.of(file);
            ReadReport report = reader.read(sink);
            report.problems().forEach(p -> err.println("warning: " + p));
            if (!reader.hasGyroscope()) {
                throw new UserException(file + ": no gyroscope columns (a sensor without one): ranges of motion, "
                        + "rotation above all, are measured with a gyroscope; replay gives this recording's posture");
            }
        } catch (RecordingFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
        return MobilityCommand.readEvents(file, err);
    }
}
