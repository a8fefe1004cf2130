package io.midback.cli;

import com.google.gson.GsonBuilder;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import io.midback.orientation.VqfFilter;
import io.midback.orientation.VqfSettings;
import io.midback.eval.BroadMetric;
import io.midback.eval.OrientationEvaluation;
import io.midback.eval.Trial;
import io.midback.eval.TrialReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code midback eval-orientation FILE...}: runs an orientation filter over recordings that carry ground truth
 * ({@code qw,qx,qy,qz} and optionally {@code movement}, as the BROAD files do) and prints the BROAD benchmark's
 * total, heading and inclination RMSE per file and their means. The filter starts from the first sample and sees
 * no ground truth.
 */
@Command(name = "eval-orientation", mixinStandardHelpOptions = true,
        description = {"Scores an orientation filter on recordings with ground truth (columns qw,qx,qy,qz and "
                + "optionally movement) with the BROAD benchmark's metric: total, heading and inclination RMSE in "
                + "degrees per file and their means.",
                "6D removes one constant heading offset per file first."})
public final class EvalOrientationCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "canonical CSV (.csv or .csv.gz) with ground truth")
    List<Path> files;

    @Option(names = "--filter", paramLabel = "NAME", defaultValue = OrientationFilters.DEFAULT,
            description = "midback (default), madgwick or mahony")
    String filter;

    @Option(names = "--mode", paramLabel = "6d|9d", defaultValue = "9d",
            description = "9d uses the magnetometer (default), 6d does not")
    String mode;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Option(names = "--write-quaternions", paramLabel = "DIR",
            description = "write DIR/<name>.csv (qw,qx,qy,qz per input sample: the estimate, sensor to ENU)")
    Path quaternionDir;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0",
            description = "midback only: predict the output this far ahead to compensate sensor latency (default 0)")
    double latencyMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String filterName = filter.toLowerCase(Locale.ROOT);
        if (!OrientationFilters.NAMES.contains(filterName)) {
            throw new UserException("unknown filter '" + filter + "' (known: "
                    + String.join(", ", OrientationFilters.NAMES) + ")", 2, null);
        }
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("6d") && !m.equals("9d")) {
            throw new UserException("--mode must be 6d or 9d, not '" + mode + "'", 2, null);
        }
        if (!(latencyMs >= 0) || latencyMs > 500) {
            throw new UserException("--latency-ms must be between 0 and 500: " + latencyMs, 2, null);
        }
        if (latencyMs > 0 && !filterName.equals(OrientationFilters.DEFAULT)) {
            throw new UserException("--latency-ms applies to the midback filter only", 2, null);
        }
        boolean nineD = m.equals("9d");
        if (quaternionDir != null) {
            try {
                Files.createDirectories(quaternionDir);
            } catch (IOException e) {
                throw new UserException("cannot create " + quaternionDir + ": " + e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Map<String, Object>> rows = new ArrayList<>();
        double sumTotal = 0, sumHeading = 0, sumIncl = 0;
        for (Path file : files) {
            Trial trial = read(file);
            if (nineD && allNaN(trial.mx())) {
                throw new UserException(file + ": --mode 9d needs magnetometer columns mx,my,mz");
            }
            err.println("eval-orientation: " + file + " (" + trial.size() + " samples)");
            err.flush();
            OrientationFilter f = latencyMs > 0
                    ? new VqfFilter(VqfSettings.defaults().withLatencyCompensationS(latencyMs / 1000), trial.rateHz())
                    : OrientationFilters.create(filterName, trial.rateHz());
            double[] q = OrientationEvaluation.estimate(f, trial, nineD);
            BroadMetric.Result r = OrientationEvaluation.score(q, trial, nineD);
            if (quaternionDir != null) {
                writeQuaternions(quaternionDir.resolve(Trial.baseName(file.getFileName().toString()) + ".csv"), q);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", file.toString());
            row.put("trial", trial.name());
            row.put("samples", trial.size());
            row.put("evaluatedSamples", r.evaluatedSamples());
            row.put("totalDeg", round(r.totalDeg()));
            row.put("headingDeg", round(r.headingDeg()));
            row.put("inclinationDeg", round(r.inclinationDeg()));
            if (!nineD) {
                row.put("headingOffsetDeg", round(r.headingOffsetDeg())); // what 6D forgives the filter
            }
            rows.add(row);
            sumTotal += r.totalDeg();
            sumHeading += r.headingDeg();
            sumIncl += r.inclinationDeg();
        }
        int n = rows.size();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("filter", filterName);
            doc.put("mode", m);
            if (latencyMs > 0) {
                doc.put("latencyMs", latencyMs);
            }
            doc.put("trials", rows);
            Map<String, Object> mean = new LinkedHashMap<>();
            mean.put("totalDeg", round(sumTotal / n));
            mean.put("headingDeg", round(sumHeading / n));
            mean.put("inclinationDeg", round(sumIncl / n));
            doc.put("mean", mean);
            out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(doc));
        } else {
            out.printf(Locale.ROOT, "%-48s %9s %9s %9s %9s%n", "trial (" + filterName + ", " + m + ")", "samples",
                    "total°", "heading°", "incl°");
            for (Map<String, Object> row : rows) {
                out.printf(Locale.ROOT, "%-48s %9d %9.3f %9.3f %9.3f%n", row.get("trial"),
                        (Integer) row.get("evaluatedSamples"), (Double) row.get("totalDeg"),
                        (Double) row.get("headingDeg"), (Double) row.get("inclinationDeg"));
            }
            out.printf(Locale.ROOT, "%-48s %9s %9.3f %9.3f %9.3f%n", "mean of " + n, "", sumTotal / n,
                    sumHeading / n, sumIncl / n);
        }
        out.flush();
        return 0;
    }

    private static Trial read(Path file) {
        try {
            return TrialReader.read(file);
        } catch (TrialReader.FormatException e) {
            throw new UserException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean allNaN(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return false;
            }
        }
        return true;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1e6) / 1e6;
    }

    private static void writeQuaternions(Path out, double[] q) {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("qw,qx,qy,qz\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < q.length; i += 4) {
                sb.setLength(0);
                sb.append(q[i]).append(',').append(q[i + 1]).append(',').append(q[i + 2]).append(',')
                        .append(q[i + 3]).append('\n');
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
