package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalOrientationCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CommandLine cl = MidbackCommand.commandLine();
        StringWriter o = new StringWriter(), e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    /**
     * A sensor tilted 30° about x and turned 40° about the vertical, at rest for 10 s at 100 Hz, then turning
     * about the vertical at 20 °/s for 5 s; the truth is the true orientation, NaN for a few samples.
     */
    private Path recording(String name, boolean gzip, boolean withMag) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream os = gzip ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write(withMag ? "t_s,gx,gy,gz,ax,ay,az,mx,my,mz,qw,qx,qy,qz,movement\n"
                    : "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz,movement\n");
            double tilt = Math.toRadians(30) / 2;
            for (int i = 0; i < 1500; i++) {
                double t = i * 0.01;
                double heading = Math.toRadians(40) + (t > 10 ? Math.toRadians(20) * (t - 10) : 0);
                // q = Rz(heading) ⊗ Rx(30°)
                double cz = Math.cos(heading / 2), sz = Math.sin(heading / 2);
                double qw = cz * Math.cos(tilt), qx = cz * Math.sin(tilt), qy = sz * Math.sin(tilt),
                        qz = sz * Math.cos(tilt);
                // gravity and the field seen by the sensor; the rate about earth z expressed in the sensor frame
                double gRate = t > 10 ? Math.toRadians(20) : 0;
                double s30 = Math.sin(2 * tilt), c30 = Math.cos(2 * tilt);
                double gx = 0, gy = gRate * s30, gz = gRate * c30;
                double ax = 0, ay = 9.81 * s30, az = 9.81 * c30;
                // field (0, 20, -40) in ENU, rotated into the sensor frame
                double ch = Math.cos(heading), sh = Math.sin(heading);
                double hx = ch * 0 + sh * 20, hy = -sh * 0 + ch * 20, hz = -40; // undo heading
                double mx = hx, my = c30 * hy + s30 * hz, mz = -s30 * hy + c30 * hz; // undo tilt
                boolean missing = i >= 1200 && i < 1210;
                String truth = missing ? "nan,nan,nan,nan"
                        : String.format(Locale.ROOT, "%.9f,%.9f,%.9f,%.9f", qw, qx, qy, qz);
                String mag = withMag ? String.format(Locale.ROOT, "%.5f,%.5f,%.5f,", mx, my, mz) : "";
                w.write(String.format(Locale.ROOT, "%.4f,%.6f,%.6f,%.6f,%.5f,%.5f,%.5f,%s%s,%d%n", t, gx, gy, gz,
                        ax, ay, az, mag, truth, t >= 5 ? 1 : 0));
            }
        }
        return file;
    }

    @Test
    void scoresARecordingAndWritesTheEstimate() throws IOException {
        Path file = recording("turn.csv.gz", true, true);
        Path qdir = dir.resolve("q");
        assertEquals(0, run("eval-orientation", file.toString(), "--mode", "9d", "--json",
                "--write-quaternions", qdir.toString()), err);
        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("midback", doc.get("filter").getAsString());
        JsonObject trial = doc.getAsJsonArray("trials").get(0).getAsJsonObject();
        assertEquals("turn", trial.get("trial").getAsString());
        assertEquals(1500, trial.get("samples").getAsInt());
        assertEquals(1000 - 10, trial.get("evaluatedSamples").getAsInt());
        assertTrue(trial.get("inclinationDeg").getAsDouble() < 0.3, out);
        assertTrue(trial.get("totalDeg").getAsDouble() < 2, out);
        assertFalse(trial.has("headingOffsetDeg"), "9D removes no heading offset: " + out);
        assertEquals(trial.get("totalDeg").getAsDouble(),
                doc.getAsJsonObject("mean").get("totalDeg").getAsDouble(), 1e-9);
        List<String> lines = Files.readAllLines(qdir.resolve("turn.csv"));
        assertEquals("qw,qx,qy,qz", lines.get(0));
        assertEquals(1501, lines.size());
        String[] last = lines.get(1500).split(",");
        double n = 0;
        for (String v : last) {
            n += Double.parseDouble(v) * Double.parseDouble(v);
        }
        assertEquals(1, n, 1e-9);
    }

    @Test
    void sixDRemovesTheHeadingAndPrintsATable() throws IOException {
        Path file = recording("plain.csv", false, false);
        assertEquals(0, run("eval-orientation", file.toString(), "--mode", "6d", "--filter", "madgwick"), err);
        assertTrue(out.contains("plain"), out);
        assertTrue(out.contains("mean of 1"), out);
        assertTrue(err.contains("plain.csv"), err);
        assertEquals(0, run("eval-orientation", file.toString(), "--mode", "6d", "--filter", "madgwick", "--json"),
                err);
        JsonObject trial = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("trials").get(0)
                .getAsJsonObject();
        double offsetDeg = trial.get("headingOffsetDeg").getAsDouble();
        assertTrue(Double.isFinite(offsetDeg) && Math.abs(offsetDeg) <= 180, "the heading offset 6D removed: " + out);
    }

    @Test
    void nineDNeedsAMagnetometer() throws IOException {
        Path file = recording("nomag.csv", false, false);
        assertEquals(1, run("eval-orientation", file.toString(), "--mode", "9d"));
        assertTrue(err.contains("nomag.csv") && err.contains("mx,my,mz"), err);
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        Path noTruth = dir.resolve("notruth.csv");
        Files.writeString(noTruth, "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n");
        assertEquals(1, run("eval-orientation", noTruth.toString()));
        assertTrue(err.contains("notruth.csv:1: missing column 'qw'"), err);
        assertEquals(1, err.strip().lines().count(), err);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz\n0,0,0,0,0,0,9.8,1,0,0,0\n0.01,0,x,0,0,0,9.8,1,0,0,0\n");
        assertEquals(1, run("eval-orientation", bad.toString(), "--mode", "6d"));
        assertTrue(err.contains("bad.csv:3: column 'gy' is not a number") && !err.contains("skip-bad-lines"), err);

        assertEquals(1, run("eval-orientation", dir.resolve("absent.csv").toString()));
        assertTrue(err.contains("absent.csv: no such file"), err);

        assertEquals(2, run("eval-orientation", noTruth.toString(), "--filter", "kalman"));
        assertTrue(err.contains("unknown filter 'kalman'"), err);
        assertEquals(2, run("eval-orientation", noTruth.toString(), "--mode", "7d"));
    }
}
