package io.midback.posture;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.util.List;
import java.util.Objects;

/**
 * A calibration as a value: the neutral (upright) sensor orientation, the mounting (body → sensor), and how
 * they were found, with the checks' figures and warnings. Stored in recordings as a {@code # calibration: …}
 * metadata line ({@link #toMetadata()} / {@link #parse(String)}) and in the history.
 *
 * @param atS                  start of the neutral window, seconds from the session's first sample
 * @param source               how the neutral was chosen: {@code calibrate-at}, {@code first-still},
 *                             {@code requested}, {@code restored}
 * @param neutral              neutral sensor orientation, sensor → ENU, {w, x, y, z}
 * @param mounting             body → sensor rotation, {w, x, y, z} (see {@link Mounting})
 * @param mountingSource       {@code default} or {@code forward-lean}
 * @param gyroStdRadPerS       gyroscope standard deviation (root of the summed axis variances) in the window
 * @param accelStdMps2         accelerometer standard deviation likewise
 * @param backNormalElevationDeg angle of the default mounting's forward axis (sensor −z) above the horizontal
 *                             at neutral: near 0 when the sensor lies flat on an upright back
 * @param leanDeg              size of the forward lean used for the mounting, or NaN
 * @param leanAxisTiltDeg      angle of the lean's rotation axis from the horizontal, or NaN
 * @param warnings             what looked wrong (moving, implausible tilt, no lean found), empty when fine
 */
public record Calibration(double atS, String source, double[] neutral, double[] mounting, String mountingSource,
                          double gyroStdRadPerS, double accelStdMps2, double backNormalElevationDeg,
                          double leanDeg, double leanAxisTiltDeg, List<String> warnings) {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    public static final String METADATA_KEY = "calibration";

    public Calibration {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mountingSource, "mountingSource");
        neutral = unit(neutral, "neutral");
        mounting = unit(mounting, "mounting");
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /** The neutral orientation as a new array {w, x, y, z}. */
    @Override
    public double[] neutral() {
        return neutral.clone();
    }

    @Override
    public double[] mounting() {
        return mounting.clone();
    }

    /** The value of a {@code # calibration: …} metadata line (one line of JSON). */
    public String toMetadata() {
        return GSON.toJson(new Stored(this));
    }

    /** Reads what {@link #toMetadata()} wrote; a clear {@link IllegalArgumentException} when malformed. */
    public static Calibration parse(String metadata) {
        try {
            Stored s = GSON.fromJson(metadata, Stored.class);
            if (s == null || s.neutral == null || s.mounting == null) {
                throw new IllegalArgumentException("calibration metadata lacks neutral or mounting: " + metadata);
            }
            return new Calibration(s.atS, s.source == null ? "restored" : s.source, s.neutral, s.mounting,
                    s.mountingSource == null ? "default" : s.mountingSource, nan(s.gyroStdRadPerS),
                    nan(s.accelStdMps2), nan(s.backNormalElevationDeg), nan(s.leanDeg), nan(s.leanAxisTiltDeg),
                    s.warnings);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed calibration metadata: " + e.getMessage(), e);
        }
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static double[] unit(double[] q, String name) {
        if (q == null || q.length != 4) {
            throw new IllegalArgumentException(name + " must be a quaternion {w, x, y, z}");
        }
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (!(Math.abs(n - 1) < 1e-3)) {
            throw new IllegalArgumentException(name + " must be a unit quaternion, |q| = " + n);
        }
        return new double[] {q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && toMetadata().equals(c.toMetadata());
    }

    @Override
    public int hashCode() {
        return toMetadata().hashCode();
    }

    @Override
    public String toString() {
        return "Calibration" + toMetadata();
    }

    /** The JSON shape (also what the summary's {@code calibration} object holds). */
    static final class Stored {
        double atS;
        String source;
        double[] neutral;
        double[] mounting;
        String mountingSource;
        Double gyroStdRadPerS;
        Double accelStdMps2;
        Double backNormalElevationDeg;
        Double leanDeg;
        Double leanAxisTiltDeg;
        List<String> warnings;

        Stored(Calibration c) {
            atS = round(c.atS, 1e3);
            source = c.source;
            neutral = roundAll(c.neutral);
            mounting = roundAll(c.mounting);
            mountingSource = c.mountingSource;
            gyroStdRadPerS = orNull(round(c.gyroStdRadPerS, 1e5));
            accelStdMps2 = orNull(round(c.accelStdMps2, 1e4));
            backNormalElevationDeg = orNull(round(c.backNormalElevationDeg, 1e2));
            leanDeg = orNull(round(c.leanDeg, 1e2));
            leanAxisTiltDeg = orNull(round(c.leanAxisTiltDeg, 1e2));
            warnings = c.warnings;
        }

        private static Double orNull(double v) {
            return Double.isNaN(v) ? null : v;
        }

        private static double round(double v, double scale) {
            return Double.isNaN(v) ? v : Math.round(v * scale) / scale;
        }

        private static double[] roundAll(double[] q) {
            double[] r = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                r[i] = Math.round(q[i] * 1e8) / 1e8;
            }
            return r;
        }
    }
}
