package io.midback.eval;

import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadOptions;
import io.midback.recording.ReadReport;
import io.midback.recording.RecordingFormatException;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a canonical sample file with ground-truth columns ({@code t_s,gx,gy,gz,ax,ay,az[,mx,my,mz],qw,qx,qy,qz
 * [,movement]}, columns found by name, {@code .csv} or {@code .csv.gz}) into a {@link Trial}, with the project's
 * recording reader ({@link CsvSampleReader}, the truth as its extra columns). Without a {@code movement} column
 * every sample is evaluated. Every data line must give a sample (the estimate has one row per input line): a line
 * the recording reader would drop (time not advancing, a sensor value not a number) is an error here.
 */
public final class TrialReader {
    private static final String[] TRUTH = {"qw", "qx", "qy", "qz"};

    private TrialReader() {
    }

    /** A problem with the file's content, naming the file and line. */
    public static final class FormatException extends IOException {
        public FormatException(String message) {
            super(message);
        }
    }

    public static Trial read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        List<String> header;
        try {
            CsvSampleReader probe = CsvSampleReader.of(file);
            probe.read(null); // up to the header
            header = probe.header();
        } catch (RecordingFormatException e) {
            throw new FormatException(e.getMessage());
        }
        List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String req : TRUTH) {
            if (!lower.contains(req)) {
                throw new FormatException(file + ":1: missing column '" + req + "' (header: "
                        + String.join(",", header) + ")");
            }
        }
        boolean hasMovement = lower.contains("movement");
        ReadOptions options = hasMovement
                ? ReadOptions.DEFAULT.withExtraColumns("qw", "qx", "qy", "qz", "movement")
                : ReadOptions.DEFAULT.withExtraColumns("qw", "qx", "qy", "qz");
        Collector c = new Collector();
        ReadReport report;
        try {
            report = CsvSampleReader.of(file, options).read(c);
        } catch (RecordingFormatException e) {
            // the evaluation reads every line or none: it has no option to skip bad lines
            throw new FormatException(e.getMessage().replace(CsvSampleReader.SKIP_BAD_LINES_ADVICE, ""));
        }
        if (report.backwardSteps() + report.nanSamples() > 0) {
            String first = report.problems().stream().filter(p -> !p.contains(": gap of ")).findFirst()
                    .orElse(file.toString());
            throw new FormatException(first.replace("; sample dropped", "")
                    + " (every line must give a sample: " + report.backwardSteps() + " non-advancing time(s), "
                    + report.nanSamples() + " non-numeric sensor value(s))");
        }
        int n = c.n;
        double[] truth = new double[4 * n];
        boolean[] evaluated = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                truth[4 * i + k] = c.col[10 + k][i];
            }
            evaluated[i] = !hasMovement || c.col[14][i] == 1;
        }
        double[][] v = c.col;
        return new Trial(Trial.baseName(file.getFileName().toString()), Arrays.copyOf(v[0], n),
                Arrays.copyOf(v[1], n), Arrays.copyOf(v[2], n), Arrays.copyOf(v[3], n), Arrays.copyOf(v[4], n),
                Arrays.copyOf(v[5], n), Arrays.copyOf(v[6], n), Arrays.copyOf(v[7], n), Arrays.copyOf(v[8], n),
                Arrays.copyOf(v[9], n), truth, evaluated);
    }

    /** Appends the batches column by column: t, g, a, m, then the extra columns. */
    private static final class Collector implements SampleSink {
        double[][] col = new double[15][1 << 16];
        int n;

        @Override
        public void accept(SampleBatch b) {
            int m = b.size();
            if (n + m > col[0].length) {
                int cap = Math.max(col[0].length * 2, n + m);
                for (int k = 0; k < col.length; k++) {
                    col[k] = Arrays.copyOf(col[k], cap);
                }
            }
            List<double[]> src = new ArrayList<>(List.of(b.tS, b.gxRadPerS, b.gyRadPerS, b.gzRadPerS, b.axMps2,
                    b.ayMps2, b.azMps2, b.mxMicroT, b.myMicroT, b.mzMicroT));
            src.addAll(Arrays.asList(b.extra));
            for (int k = 0; k < src.size(); k++) {
                System.arraycopy(src.get(k), 0, col[k], n, m);
            }
            n += m;
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            // the filter sees the long period itself
        }

        @Override
        public void end() {
        }
    }
}
