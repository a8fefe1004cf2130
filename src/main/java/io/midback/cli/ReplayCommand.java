package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.alert.SessionSummary;
import io.midback.app.PostureSession;
import io.midback.breathing.BreathingReport;
import io.midback.orientation.TiltFilter;
import io.midback.history.HistoryException;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.Calibration;
import io.midback.recording.CaptureReplay;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadOptions;
import io.midback.recording.ReadReport;
import io.midback.recording.RecordingFormatException;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code midback replay FILE}: a recording (canonical CSV) or a byte capture (a sensor's wire format) through the
 * whole pipeline; alerts as they happen on stderr, the summary on stdout (with {@code --json}, one JSON object
 * as the last line).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a recording or a byte capture through the whole pipeline and prints the posture "
                + "summary.",
                "FILE is a canonical CSV recording (.csv, .csv.gz; see samples/README.md) or a capture of a sensor's "
                        + "bytes (--format)."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording or capture to replay.")
    Path file;

    @Option(names = "--json", description = "End stdout with the summary as one JSON object.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "csv, auto (csv by name, else detected from the first bytes), midback, witmotion, ximu3, "
                    + "teapot or text. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate for captures whose format has no device timestamps (witmotion, teapot, text); "
                    + "for CSV, the nominal rate when the file does not state one.")
    Double rateHz;

    @Option(names = "--filter", paramLabel = "NAME", defaultValue = OrientationFilters.DEFAULT,
            description = "Orientation filter: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = FilterNames.class)
    String filterName;

    @Option(names = "--skip-bad-lines", description = "Skip and count malformed CSV lines instead of stopping.")
    boolean skipBadLines;

    @Option(names = "--quiet", description = "No alert lines on stderr while replaying.")
    boolean quiet;

    @Mixin
    PostureOptions posture;

    @Option(names = "--save-history", description = "Also save the session in the history database.")
    boolean saveHistory;

    @Mixin
    HistoryDb db;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "Wall-clock start (local time) of a recording that does not state one.")
    String start;

    static final class FilterNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return OrientationFilters.NAMES.iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        if (rateHz != null && !(rateHz > 0 && rateHz <= 10_000)) {
            throw new UserException("--rate must be between 0 and 10000 Hz, not " + rateHz, 2, null);
        }
        if (!OrientationFilters.NAMES.contains(filterName)) {
            throw new UserException("--filter must be one of " + OrientationFilters.NAMES + ", not '" + filterName
                    + "'", 2, null);
        }
        boolean csv = isCsv();
        RecordingMetadata metadata = RecordingMetadata.empty();
        boolean magnetometer = false;
        boolean accelerometerOnly = false;
        CsvSampleReader reader = null;
        if (csv) {
            reader = CsvSampleReader.of(file, ReadOptions.DEFAULT.withSkipBadLines(skipBadLines));
            CsvSampleReader head = CsvSampleReader.of(file);
            head.read(null);
            metadata = head.metadata();
            magnetometer = head.hasMagnetometer();
            accelerometerOnly = !head.hasGyroscope();
        }
        double nominalHz = metadata.rateHz().orElse(rateHz != null ? rateHz : 100);
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime startLocal = startTime(metadata);
        Calibration stored = metadata.calibration().map(this::parseCalibration).orElse(null);
        PostureSession session = new PostureSession(new PostureSession.Config(
                accelerometerOnly ? TiltFilter.NAME : filterName, nominalHz,
                posture.toSettings(), magnetometer,
                (startLocal != null ? startLocal : LocalDateTime.of(2000, 1, 1, 0, 0)).atZone(zone).toInstant(),
                zone, stored));
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            session.addAlertListener(new SessionConsole.ConsoleAlerts(err));
        }
        HistoryStore store = null;
        HistoryRecorder history = null;
        if (saveHistory) {
            if (startLocal == null) {
                throw new UserException(file + " states no start time ('# start:'); give --start "
                        + "YYYY-MM-DDTHH:MM:SS to save it in the history", 2, null);
            }
            try {
                store = HistoryStore.open(db.path());
            } catch (HistoryException e) {
                throw new UserException(e.getMessage(), e);
            }
            history = store.beginSession(new SessionInfo(startLocal.atZone(zone).toInstant(), zone,
                    metadata.device().orElse("unknown"), "replay " + file.getFileName(),
                    stored == null ? null : stored.toMetadata(), session.engine().settings().slumpThresholdDeg()));
            HistoryRecorder h = history;
            session.addPostureListener(h).addAlertListener(h).addStreamListener(new io.midback.app.Pipeline.StreamListener() {
                @Override
                public void gap(double fromS, double toS, String reason) {
                    h.onGap(fromS, toS, reason);
                }
            });
        }
        SampleSink input = session.start();
        JsonObject extra = new JsonObject();
        try {
            if (csv) {
                ReadReport report;
                try {
                    report = reader.read(input);
                } catch (RecordingFormatException e) {
                    throw new UserException(e.getMessage(), e);
                }
                for (String p : report.problems()) {
                    err.println("warning: " + p);
                }
                extra.addProperty("badLinesSkipped", report.badLinesSkipped());
                extra.addProperty("backwardSteps", report.backwardSteps());
                extra.addProperty("nanSamples", report.nanSamples());
            } else {
                CaptureReplay.Result r;
                try {
                    r = CaptureReplay.of(format, rateHz).replay(file, input);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage(), 2, e);
                }
                extra.addProperty("format", r.format().toString().toLowerCase(Locale.ROOT));
                r.stats().toMap().forEach(extra::addProperty);
            }
        } finally {
            closeHistory(history, store);
        }
        SessionSummary summary = session.summary();
        BreathingReport breathing = session.breathingTally().report();
        extra.add("breathing", SessionConsole.breathingJson(breathing));
        if (accelerometerOnly) {
            extra.add("unavailable", SessionConsole.accelerometerOnlyUnavailable());
            extra.addProperty("angles", SessionConsole.ACCELEROMETER_ONLY_ANGLES);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SessionConsole.json(summary, extra));
        } else {
            SessionConsole.printHuman(out, summary);
            SessionConsole.printBreathing(out, breathing);
            if (accelerometerOnly) {
                out.println("accelerometer only: " + SessionConsole.ACCELEROMETER_ONLY_ANGLES
                        + "; unavailable: " + String.join(", ", SessionConsole.ACCELEROMETER_ONLY_UNAVAILABLE));
            }
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static void closeHistory(HistoryRecorder history, HistoryStore store) {
        try {
            if (history != null) {
                history.close();
            }
        } catch (HistoryException e) {
            throw new UserException("the history could not be saved: " + e.getMessage(), e);
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private boolean isCsv() {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("csv")) {
            return true;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return f.equals("auto") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
    }

    private LocalDateTime startTime(RecordingMetadata metadata) {
        if (start != null) {
            try {
                return LocalDateTime.parse(start);
            } catch (DateTimeParseException e) {
                throw new UserException("--start must look like 2026-11-20T09:00:00, not '" + start + "'", 2, null);
            }
        }
        return metadata.start().orElse(null);
    }

    private Calibration parseCalibration(String text) {
        try {
            return Calibration.parse(text);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("warning: " + file + ": ignoring the stored calibration ("
                    + e.getMessage() + "); a new one is captured");
            return null;
        }
    }
}
