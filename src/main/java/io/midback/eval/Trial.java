package io.midback.eval;

/**
 * One recording with ground truth, column by column: times (s), gyroscope (rad/s), accelerometer (m/s²),
 * magnetometer (µT, NaN = none), the true orientation as {@code [w, x, y, z]} per sample (NaN where unknown) and
 * which samples the benchmark evaluates.
 */
public record Trial(String name, double[] tS, double[] gx, double[] gy, double[] gz, double[] ax, double[] ay,
                    double[] az, double[] mx, double[] my, double[] mz, double[] truth, boolean[] evaluated) {

    public int size() {
        return tS.length;
    }

    /** The nominal sampling rate, Hz: the inverse of the median of the first (up to) 1000 periods. */
    public double rateHz() {
        int n = Math.min(size() - 1, 1000);
        if (n < 1) {
            return 100;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = tS[i + 1] - tS[i];
        }
        java.util.Arrays.sort(d);
        double median = d[n / 2];
        return median > 0 ? 1 / median : 100;
    }

    /** The file name without {@code .csv} or {@code .csv.gz}. */
    public static String baseName(String fileName) {
        if (fileName.endsWith(".csv.gz")) {
            return fileName.substring(0, fileName.length() - 7);
        }
        if (fileName.endsWith(".csv")) {
            return fileName.substring(0, fileName.length() - 4);
        }
        return fileName;
    }
}
