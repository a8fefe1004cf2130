package io.midback.orientation.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a canonical sample file with ground-truth columns ({@code t_s,gx,gy,gz,ax,ay,az[,mx,my,mz],qw,qx,qy,qz
 * [,movement]}, columns found by name, {@code .csv} or {@code .csv.gz}) into a {@link Trial}. Without a
 * {@code movement} column every sample is evaluated. A small reader for the evaluation only; the application
 * reads recordings with the recording package's reader.
 */
public final class TrialReader {
    private static final String[] REQUIRED = {"t_s", "gx", "gy", "gz", "ax", "ay", "az", "qw", "qx", "qy", "qz"};

    private TrialReader() {
    }

    /** A problem with the file's content, naming the file and line. */
    public static final class FormatException extends IOException {
        public FormatException(String message) {
            super(message);
        }
    }

    public static Trial read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = fileName.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null) {
                throw new FormatException(file + ": empty file, expected a header line");
            }
            String[] names = header.trim().split(",");
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                col.put(names[i].trim(), i);
            }
            for (String req : REQUIRED) {
                if (!col.containsKey(req)) {
                    throw new FormatException(file + ":1: missing column '" + req + "' (header: " + header + ")");
                }
            }
            int[] idx = new int[REQUIRED.length];
            for (int i = 0; i < REQUIRED.length; i++) {
                idx[i] = col.get(REQUIRED[i]);
            }
            int imx = col.getOrDefault("mx", -1), imy = col.getOrDefault("my", -1), imz = col.getOrDefault("mz", -1);
            int imov = col.getOrDefault("movement", -1);

            int cap = 1 << 16;
            double[][] c = new double[14][cap];
            boolean[] mov = new boolean[cap];
            int n = 0;
            int lineNo = 1;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < names.length) {
                    throw new FormatException(file + ":" + lineNo + ": " + f.length + " fields, expected "
                            + names.length);
                }
                if (n == cap) {
                    cap *= 2;
                    for (int k = 0; k < c.length; k++) {
                        c[k] = Arrays.copyOf(c[k], cap);
                    }
                    mov = Arrays.copyOf(mov, cap);
                }
                try {
                    for (int k = 0; k < 7; k++) {
                        c[k][n] = Double.parseDouble(f[idx[k]]);
                    }
                    c[7][n] = imx < 0 ? Double.NaN : number(f[imx]);
                    c[8][n] = imy < 0 ? Double.NaN : number(f[imy]);
                    c[9][n] = imz < 0 ? Double.NaN : number(f[imz]);
                    for (int k = 0; k < 4; k++) {
                        c[10 + k][n] = number(f[idx[7 + k]]);
                    }
                    mov[n] = imov < 0 || number(f[imov]) == 1;
                } catch (NumberFormatException e) {
                    throw new FormatException(file + ":" + lineNo + ": not a number (" + e.getMessage() + ")");
                }
                n++;
            }
            double[] truth = new double[4 * n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    truth[4 * i + k] = c[10 + k][i];
                }
            }
            return new Trial(Trial.baseName(fileName), Arrays.copyOf(c[0], n), Arrays.copyOf(c[1], n),
                    Arrays.copyOf(c[2], n), Arrays.copyOf(c[3], n), Arrays.copyOf(c[4], n), Arrays.copyOf(c[5], n),
                    Arrays.copyOf(c[6], n), Arrays.copyOf(c[7], n), Arrays.copyOf(c[8], n), Arrays.copyOf(c[9], n),
                    truth, Arrays.copyOf(mov, n));
        }
    }

    private static double number(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }
}
