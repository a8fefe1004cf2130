package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.alert.SessionSummary;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.app.SummaryJson;
import io.midback.app.UserSettings;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import io.midback.history.SessionRow;
import io.midback.posture.PostureSettings;
import io.midback.recording.CaptureReplay;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadOptions;
import io.midback.recording.ReadReport;
import io.midback.recording.RecordingFormatException;
import io.midback.sensor.SampleSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code midback replay FILE}: a recording (canonical CSV) or a byte capture (a sensor's wire format) through the
 * whole pipeline; alerts as they happen on stderr, the summary on stdout (with {@code --json}, one JSON object
 * as the last line). It describes the session ({@link SessionSpec}: the file's own rate, magnetometer, start and
 * calibration; the settings file under the options) and {@link SessionBuilder} runs it.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a recording or a byte capture through the whole pipeline and prints the posture "
                + "summary.",
                "FILE is a canonical CSV recording (.csv, .csv.gz; see samples/README.md) or a capture of a sensor's "
                        + "bytes (--format)."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording or capture to replay.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "csv, auto (csv by name, else detected from the first bytes), midback, witmotion, ximu3, "
                    + "teapot or text. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate for captures whose format has no device timestamps (witmotion, teapot, text); "
                    + "for CSV, the nominal rate when the file does not state one.")
    Double rateHz;

    @Option(names = "--skip-bad-lines", description = "Skip and count malformed CSV lines instead of stopping.")
    boolean skipBadLines;

    @Mixin
    SessionOptions session;

    @Mixin
    PostureOptions posture;

    @Option(names = "--save-history", description = "Also save the session in the history database (once: a "
            + "recording already there is recognised by its content and not saved again).")
    boolean saveHistory;

    @Option(names = "--save-history-again", description = "With --save-history: save it even when the same "
            + "recording is in the history already.")
    boolean saveHistoryAgain;

    @Mixin
    HistoryDb db;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "Wall-clock start (local time) of a recording that does not state one.")
    String start;

    @Option(names = "--lower", paramLabel = "FILE2",
            description = "a second sensor's recording from low on the back (sacrum): the two are aligned in time "
                    + "(offset and clock drift from the movements both felt), the spine angles between them are "
                    + "added, and the slump rule reads the spine's flexion")
    Path lower;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SessionOptions.checkInput(file, rateHz, 0, 10_000);
        if (!saveHistory && (db.db != null || saveHistoryAgain)) {
            throw UserException.usage((db.db != null ? "--db" : "--save-history-again")
                    + ": replay saves in the history only with --save-history; add it, or leave this option out");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean csv = isCsv();
        ZoneId zone = ZoneId.systemDefault();
        PostureSettings settings = posture.toSettings(UserSettings.load());
        SessionSpec described;
        try {
            described = csv
                    ? SessionSpec.ofRecording(file, rateHz, startOption(), zone, session.filterName(), settings,
                            err::println)
                    : SessionSpec.ofCapture(file, rateHz, startOption(), zone, session.filterName(), settings);
        } catch (RecordingFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
        if (lower != null) {
            described = described.withLower(TwoSensors.lowerOf(file, lower, csv, rateHz, session.filterName()));
        }
        SessionBuilder builder = new SessionBuilder(described);
        if (lower != null) {
            builder.addNoticeListener(n -> err.println("midback replay: " + n));
        }
        if (!session.quiet) {
            SessionConsole.ConsoleAlerts.addTo(builder, err);
        }
        if (saveHistory) {
            if (!described.startStated()) {
                throw new UserException(file + " states no start time ('# start:'); give --start "
                        + "YYYY-MM-DDTHH:MM:SS to save it in the history", 2, null);
            }
            HistoryStore store;
            try {
                store = HistoryStore.open(db.path());
            } catch (HistoryException e) {
                throw new UserException(e.getMessage(), e);
            }
            SessionBuilder.Saving saving = builder.saveHistoryOnce(store, file, saveHistoryAgain);
            if (saving.savedBefore() != null) {
                store.close();
                err.println("midback replay: " + file + " is in the history already (session "
                        + saving.savedBefore().describe() + "); not saved again "
                        + "(--save-history-again saves it anyway)");
            } else {
                builder.closing(store);
            }
        }
        SampleSink input = builder.start();
        JsonObject extra;
        ReplayEnd end = new ReplayEnd(file);
        try {
            try {
                extra = csv ? readRecording(input, err, end) : readCapture(input);
            } finally {
                builder.close(); // after the end of the stream, this was done already
            }
        } catch (HistoryException e) {
            throw new UserException("the history could not be saved: " + e.getMessage(), e);
        }
        SessionSummary summary = builder.summary();
        PrintWriter out = spec.commandLine().getOut();
        extra.addProperty("complete", end.complete());
        if (summary.samples() > 0) {
            if (session.json) {
                out.println(SummaryJson.line(summary, SummaryJson.withSession(extra, builder)));
            } else {
                SessionConsole.printHuman(out, summary);
                SessionConsole.printSession(out, builder);
                end.printHuman(out);
            }
        }
        out.flush();
        err.flush();
        end.finish(summary, posture.calibrateAtS());
        return 0;
    }

    private JsonObject readRecording(SampleSink input, PrintWriter err, ReplayEnd end) {
        CsvSampleReader reader = CsvSampleReader.of(file, ReadOptions.DEFAULT.withSkipBadLines(skipBadLines));
        try {
            reader.read(input);
        } catch (RecordingFormatException e) {
            end.readFailed(e.getMessage()); // what came before it went through: summed up, then the error
            input.end();
        }
        ReadReport report = reader.report();
        end.csvRead(report);
        end.printWarnings(err);
        return SummaryJson.of(report);
    }

    private JsonObject readCapture(SampleSink input) throws IOException {
        CaptureReplay.Result r;
        try {
            r = CaptureReplay.of(format, rateHz).replay(file, input);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), 2, e);
        }
        JsonObject extra = new JsonObject();
        extra.addProperty("format", r.format().toString().toLowerCase(Locale.ROOT));
        r.stats().toMap().forEach(extra::addProperty);
        return extra;
    }

    private boolean isCsv() {
        return isCsv(format, file);
    }

    /** Whether a file is read as a canonical CSV recording under a {@code --format} value (csv, or auto by name). */
    static boolean isCsv(String format, Path file) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("csv")) {
            return true;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return f.equals("auto") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
    }

    private LocalDateTime startOption() {
        return parseStart(start);
    }

    /** A {@code --start} option's local wall time, or null when it is not given; a usage error when malformed. */
    static LocalDateTime parseStart(String start) {
        if (start == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            throw new UserException("--start must look like 2026-11-20T09:00:00, not '" + start + "'", 2, null);
        }
    }
}
