package io.midback.cli;

import io.midback.mobility.AngleSeries;
import io.midback.mobility.GuidedCheck;
import io.midback.mobility.MobilityAnalysis;
import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityResult;
import io.midback.mobility.MobilitySettings;
import io.midback.mobility.SpineRanges;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingFormatException;
import io.midback.report.MobilityReport;
import io.midback.report.Reports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * {@code midback mobility --analyse FILE}: the thoracic range of motion of a recorded mobility check — repetitions,
 * blocks, per-direction ranges, asymmetry and quality notes (with {@code --json}, one JSON object on stdout).
 */
@Command(name = "mobility", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The mobility check: flexion, extension, side bend and rotation each way, from a still "
                + "upright start. With --port, --bt, --simulate or --replay, the guided check: prompts on stderr, "
                + "repetitions counted live; type h and Enter to stop because it hurts, s and Enter to stop. "
                + "With --analyse, the analysis of a recorded check.",
                "Blocks are found from the guided check's '# event:' lines when the recording has them, otherwise on "
                        + "their own, in any order (alternating blocks included)."})
public final class MobilityCommand implements Callable<Integer> {

    /** Analyse a file, or run the guided check on one source. */
    static final class What {
        @Option(names = "--analyse", paramLabel = "FILE", required = true,
                description = "Analyse a recording (canonical CSV, .csv or .csv.gz) or byte capture (--format).")
        Path file;

        @Option(names = "--port", paramLabel = "PORT", required = true,
                description = "Guided check on a sensor at this serial port (/dev/ttyUSB0, /dev/rfcomm0, COM7).")
        String port;

        @Option(names = "--bt", paramLabel = "ADDRESS-OR-NAME", required = true,
                description = "Guided check on a Bluetooth SPP sensor (address, name or btspp:// URL).")
        String bt;

        @Option(names = "--simulate", required = true,
                description = "Guided check on the simulated wearer doing the check (--seed draws the person).")
        boolean simulate;

        @Option(names = "--replay", paramLabel = "FILE", required = true,
                description = "Guided check on a recording replayed at --speed.")
        Path replay;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "With --simulate or --replay: times real time (max: as fast as it goes). Default: "
                    + "${DEFAULT-VALUE}.")
    String speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "With --simulate: the simulated person. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "With --simulate: when the simulated check takes place (its date in the history). "
                    + "Default: now. With --analyse --save-history: when the recorded check took place, for a "
                    + "recording that states no '# start:'.")
    String start;

    @Option(names = "--save-history", description = "With --analyse: also save the analysed check in the history "
            + "(its trend, the routine's targets); with --lower the spine's ranges, the trunk's beside them.")
    boolean saveHistory;

    @Option(names = "--save-history-again", description = "With --analyse --save-history: save it even when the "
            + "same recording is in the history already (it is recognised by its content and saved once).")
    boolean saveHistoryAgain;

    @Option(names = "--rotation-deg", paramLabel = "DEG",
            description = "With --simulate: the simulated person's rotation range each way, 10 to 90 degrees, "
                    + "instead of the one --seed draws.")
    Double rotationDeg;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Guided check: record the samples and the prompts ('# event:' lines) as they happen.")
    Path record;

    @Mixin
    SessionHistory history;

    @Option(names = "--lower", paramLabel = "FILE2",
            description = "With --analyse: the lower sensor's recording (on the sacrum) of the same check: ranges of "
                    + "the spine between the two sensors, beside the upper sensor's trunk ranges.")
    Path lower;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "csv, auto (csv by name, else detected), midback, witmotion, ximu3, teapot or text. "
                    + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate when the file does not state one (CSV) or has no timestamps (some captures).")
    Double rateHz;

    @Spec
    CommandSpec spec;

    /** Where the guided check reads typed commands (tests give their own). */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        if (what.file == null) {
            if (lower != null || saveHistory || saveHistoryAgain) {
                throw UserException.usage((lower != null ? "--lower" : saveHistory ? "--save-history"
                        : "--save-history-again") + " goes with --analyse (a recorded check)");
            }
            return guided();
        }
        refuseGuidedOptions();
        if (saveHistory && history.pathOrNull() == null) {
            throw UserException.usage("--save-history and --no-history: give one or the other");
        }
        java.time.Instant checkStart = saveHistory ? analysedStart() : null;
        PrintWriter err = spec.commandLine().getErr();
        MobilitySettings settings = MobilitySettings.defaults();
        AngleSeries series = new AngleSeries();
        CheckRecording recording = new CheckRecording(what.file, format, rateHz);
        SpineCheck spine = lower == null ? null : new SpineCheck(series, TwoSensors.lowerOf(what.file, lower,
                ReplayCommand.isCsv(format, what.file), rateHz, io.midback.orientation.OrientationFilters.DEFAULT),
                settings.neutralCaptureS(), n -> err.println("note: " + n));
        MobilityCheck check = new MobilityCheck(settings, MobilityCheck.defaultFilter(recording.nominalRateHz()),
                spine == null ? series : spine);
        if (spine != null) {
            spine.stage(check.stage());
        }
        List<MobilityEvent> events = recording.read(check, err);
        MobilityResult result = MobilityAnalysis.analyse(series, events, settings, check.diagnostics());
        PrintWriter out = spec.commandLine().getOut();
        MobilityResult spineResult = spine == null ? null : SpineRanges.of(result, series, spine.spine());
        String ended = GuidedCheck.ended(events);
        if (saveHistory) {
            saveAnalysed(spineResult != null ? spineResult : result, spineResult != null ? result : null,
                    checkStart, ended, err);
        }
        if (spine != null) {
            List<String> lines = new ArrayList<>(spineResult.toLines());
            lines.add("Ranges are of the spine between the sensor on the upper back and the one on the sacrum, "
                    + "degrees from the still upright pose at the start; the trunk's (upper sensor alone): "
                    + trunkRanges(result));
            GuidedCheckRun.report(spineResult.toJson(result), lines, ended, json, out, err);
        } else {
            List<String> lines = new ArrayList<>(result.toLines());
            lines.add("Ranges are of the trunk as the sensor on the upper back sees it (thoracic spine with the "
                    + "lumbar spine and hips below it), degrees from the still upright pose at the start.");
            GuidedCheckRun.report(result.toJson(), lines, ended, json, out, err);
        }
        err.flush();
        return 0;
    }

    /** The guided check's options given with --analyse: refused in one line rather than ignored. */
    private void refuseGuidedOptions() {
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        java.util.Map<String, String> guidedOnly = new java.util.LinkedHashMap<>();
        guidedOnly.put("--speed", "--simulate or --replay");
        guidedOnly.put("--seed", "--simulate");
        guidedOnly.put("--rotation-deg", "--simulate");
        guidedOnly.put("--record", "the guided check (--port, --bt, --simulate or --replay)");
        guidedOnly.forEach((option, goesWith) -> {
            if (parsed.hasMatchedOption(option)) {
                throw UserException.usage(option + " goes with " + goesWith + ", not with --analyse (a recorded "
                        + "check)");
            }
        });
        if (start != null && !saveHistory) {
            throw UserException.usage("--start goes with --simulate, or with --analyse --save-history (when the "
                    + "recorded check took place)");
        }
        if (saveHistoryAgain && !saveHistory) {
            throw UserException.usage("--save-history-again goes with --save-history (it saves a recording already "
                    + "in the history again)");
        }
    }

    /**
     * When the analysed check took place: the recording's {@code # start:}, else {@code --start} (which applies only
     * to a recording that states none).
     */
    private java.time.Instant analysedStart() {
        java.time.LocalDateTime given = ReplayCommand.parseStart(start);
        java.time.LocalDateTime stated = null;
        if (ReplayCommand.isCsv(format, what.file)) {
            try {
                stated = CsvSampleReader.readMetadata(what.file).start().orElse(null);
            } catch (RecordingFormatException e) {
                throw new UserException(e.getMessage(), e);
            }
        }
        if (stated == null) {
            stated = given;
        }
        if (stated == null) {
            throw UserException.usage(what.file + " states no start time ('# start:'); give --start "
                    + "YYYY-MM-DDTHH:MM:SS to save it in the history");
        }
        return stated.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private void saveAnalysed(MobilityResult result, MobilityResult trunk, java.time.Instant checkStart,
                              String ended, PrintWriter err) {
        String source = "replay " + what.file.getFileName() + (lower == null ? "" : " with " + lower.getFileName());
        MobilityRecord r = io.midback.app.MobilityHistory.record(result, trunk, checkStart,
                java.time.ZoneId.systemDefault(), what.file.getFileName().toString(), source, ended);
        String content;
        try { // the recording's content, and with --lower the lower sensor's beside it
            content = io.midback.history.ContentHash.of(what.file)
                    + (lower == null ? "" : "+" + io.midback.history.ContentHash.of(lower));
        } catch (IOException e) {
            throw new UserException("cannot read " + what.file + (lower == null ? "" : " or " + lower) + ": "
                    + UserException.reason(e), e);
        }
        try (HistoryStore store = HistoryStore.open(history.pathOrNull())) {
            java.util.Optional<MobilityRecord> before = store.mobilityCheckWithContent(content);
            if (before.isPresent() && !saveHistoryAgain) {
                err.println("midback mobility: " + what.file + (lower == null ? "" : " with " + lower)
                        + " is in the history already (check " + before.get().describe().strip()
                        + "); not saved again (--save-history-again saves it anyway)");
                return;
            }
            MobilityRecord saved = store.saveMobilityCheck(r, content);
            err.println("midback mobility: saved in the history as check " + saved.id() + " ("
                    + history.pathOrNull() + ")");
        } catch (HistoryException e) {
            throw new UserException(e.getMessage() + " (or run without --save-history)", e);
        }
    }

    private static String trunkRanges(MobilityResult trunk) {
        StringBuilder sb = new StringBuilder();
        for (io.midback.mobility.Direction d : io.midback.mobility.Direction.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.jsonName()).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f°", trunk.romDeg(d)));
        }
        return sb.toString();
    }

    private int guided() {
        if (!what.simulate && (start != null || rotationDeg != null)) {
            throw UserException.usage("--start and --rotation-deg describe a simulated check: use them with "
                    + "--simulate");
        }
        LocalDateTime startTime = ReplayCommand.parseStart(start);
        if (rotationDeg != null && !(rotationDeg >= 10 && rotationDeg <= 90)) {
            throw UserException.usage("--rotation-deg must be between 10 and 90, not " + rotationDeg);
        }
        double x;
        try {
            x = speed.equalsIgnoreCase("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(speed);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x > 0)) {
            throw UserException.usage("--speed must be a positive number or max, not '" + speed + "'");
        }
        if (what.replay != null) {
            SessionOptions.checkInput(what.replay, rateHz, 0, 10_000);
            SessionOptions.checkNotSameFile("--record", record, what.replay, "the recording replayed");
        } else {
            SessionOptions.checkRate(rateHz, 25, 1000);
        }
        GuidedCheckRun.Source source = new GuidedCheckRun.Source(what.port, what.bt, what.simulate, what.replay, x,
                seed, rateHz != null ? rateHz : 50, startTime, rotationDeg);
        return new GuidedCheckRun(source, record, history.pathOrNull(), json, stdin,
                spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    /**
     * {@code midback history --mobility}: every check in one line; with {@code json}, one JSON array, one object per
     * check (its id, start, how it ended, and per direction its range and repetitions).
     */
    static int listChecks(HistoryDb db, boolean json, PrintWriter out, PrintWriter err) {
        List<MobilityRecord> checks;
        try (HistoryStore store = db.openExisting()) {
            checks = store.mobilityChecks();
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        }
        if (json) {
            com.google.gson.JsonArray list = new com.google.gson.JsonArray();
            checks.forEach(c -> list.add(checkJson(c)));
            out.println(list);
            out.flush();
            return 0;
        }
        if (checks.isEmpty()) {
            err.println("no mobility checks on record in " + db.path());
        }
        checks.forEach(c -> out.println(c.describe()));
        out.flush();
        return 0;
    }

    /** One check as {@code history --mobility --json} gives it (a range is null where there were no repetitions). */
    static com.google.gson.JsonObject checkJson(MobilityRecord c) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("start", c.start().toString()); // an instant, as history --sessions --json gives it
        o.addProperty("ended", c.ended());
        com.google.gson.JsonObject dirs = new com.google.gson.JsonObject();
        c.directions().forEach((name, d) -> {
            com.google.gson.JsonObject j = new com.google.gson.JsonObject();
            j.add("romDeg", round1(d.romDeg()));
            j.addProperty("reps", d.reps());
            if (Double.isFinite(d.trunkRomDeg())) {
                j.add("trunkRomDeg", round1(d.trunkRomDeg()));
            }
            dirs.add(name, j);
        });
        o.add("directions", dirs);
        return o;
    }

    private static com.google.gson.JsonElement round1(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(Math.round(v * 10) / 10.0)
                : com.google.gson.JsonNull.INSTANCE;
    }

    /** {@code midback report --mobility --out FILE}: the trend over the checks beside the norms. */
    static int report(HistoryDb db, Path out, int widthPx) {
        if (Reports.Format.of(out) == null) {
            throw UserException.usage("--out " + out + ": name the file .html, .png, .svg or .csv");
        }
        try (HistoryStore store = db.openExisting()) {
            List<MobilityRecord> checks = store.mobilityChecks();
            if (checks.isEmpty()) {
                throw new UserException("no mobility checks in " + store.path() + " (run 'midback mobility')");
            }
            MobilityReport.write(checks, widthPx, out);
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + UserException.reason(e), e);
        }
        System.err.println("wrote " + out);
        return 0;
    }

    /** The {@code # event:} lines of a CSV recording, anywhere in it; a malformed one is skipped with a warning. */
    static List<MobilityEvent> readEvents(Path file, PrintWriter err) throws IOException {
        List<MobilityEvent> events = new ArrayList<>();
        String prefix = "# " + MobilityEvent.KEY + ":";
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith(prefix)) {
                    try {
                        events.add(MobilityEvent.parse(line.substring(prefix.length())));
                    } catch (IllegalArgumentException e) {
                        err.println("warning: " + file + " line " + n + ": " + e.getMessage() + " (skipped)");
                    }
                }
            }
        }
        events.sort((a, b) -> Double.compare(a.tS(), b.tS()));
        return events;
    }

}
