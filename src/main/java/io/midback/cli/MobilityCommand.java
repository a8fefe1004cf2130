package io.midback.cli;

import io.midback.mobility.AngleSeries;
import io.midback.mobility.MobilityAnalysis;
import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityResult;
import io.midback.mobility.MobilitySettings;
import io.midback.recording.CaptureReplay;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadReport;
import io.midback.recording.RecordingFormatException;
import io.midback.recording.RecordingMetadata;
import picocli.CommandLine.Command;
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
        description = {"Analyses a recorded mobility check: flexion, extension, side bend and rotation each way, "
                + "from a still upright start.",
                "Blocks are found from the guided check's '# event:' lines when the recording has them, otherwise on "
                        + "their own, in any order (alternating blocks included)."})
public final class MobilityCommand implements Callable<Integer> {

    @Option(names = "--analyse", paramLabel = "FILE", required = true,
            description = "The recording (canonical CSV, .csv or .csv.gz) or byte capture (--format) to analyse.")
    Path file;

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

    @Override
    public Integer call() throws IOException {
        SessionOptions.checkInput(file, rateHz, 0, 10_000);
        PrintWriter err = spec.commandLine().getErr();
        MobilitySettings settings = MobilitySettings.defaults();
        AngleSeries series = new AngleSeries();
        boolean csv = ReplayCommand.isCsv(format, file);
        double nominalHz = rateHz != null ? rateHz : 100;
        if (csv) {
            RecordingMetadata metadata = CsvSampleReader.readMetadata(file);
            nominalHz = metadata.rateHz().orElse(nominalHz);
        }
        MobilityCheck check = new MobilityCheck(settings, MobilityCheck.defaultFilter(nominalHz), series);
        List<MobilityEvent> events = List.of();
        if (csv) {
            try {
                ReadReport report = CsvSampleReader.of(file).read(check);
                report.problems().forEach(p -> err.println("warning: " + p));
            } catch (RecordingFormatException e) {
                throw new UserException(e.getMessage(), e);
            }
            events = readEvents(file, err);
        } else {
            try {
                CaptureReplay.of(format, rateHz).replay(file, check);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), 2, e);
            }
        }
        MobilityResult result = MobilityAnalysis.analyse(series, events, settings, check.diagnostics());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(result.toJson());
        } else {
            result.toLines().forEach(out::println);
            out.println("Ranges are of the trunk as the sensor on the upper back sees it (thoracic spine with the "
                    + "lumbar spine and hips below it), degrees from the still upright pose at the start.");
        }
        out.flush();
        err.flush();
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
