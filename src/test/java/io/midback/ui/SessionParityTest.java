package io.midback.ui;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.alert.AlertListener;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.cli.Main;
import io.midback.cli.MidbackCommand;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.Calibration;
import io.midback.posture.PostureSettings;
import io.midback.recording.CsvSampleReader;
import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window computes what the command line computes: {@code midback gui --replay FILE --speed max
 * --exit-when-done --json} (a real window, under Xvfb) prints the same {@code postureSeconds}, {@code slumpEpisodes}
 * and {@code alerts} as {@code midback replay FILE --json}, for the bundled sample, a 200 Hz recording, one with
 * magnetometer columns, one with a stored {@code # calibration:} line and a two-sensor one ({@code --lower}); and
 * the posture options work the same.
 */
@ExtendWith(XvfbExtension.class)
class SessionParityTest {

    @Test
    void theWindowAndReplayGiveTheSameSummary(XvfbExtension.Display display, @TempDir Path dir) throws Exception {
        Path bundled = Path.of("samples", "slump-demo.csv.gz");
        Path hz200 = dir.resolve("slump-200hz.csv");
        assertEquals(0, cli("simulate", "slump-demo", "--rate", "200", "--duration", "300s", "--out", hz200.toString()).code);
        Path mag = dir.resolve("slump-mag.csv");
        assertEquals(0, cli("simulate", "slump-demo", "--magnetometer", "--duration", "300s", "--out", mag.toString()).code);
        Path calibrated = withCalibration(bundled, dir.resolve("slump-calibrated.csv"));
        Path upper = dir.resolve("two-up.csv"), lower = dir.resolve("two-low.csv");
        assertEquals(0, cli("simulate", "two-sensor-demo", "--rate", "50", "--out", upper.toString(), "--lower-out",
                lower.toString(), "--lower-rate", "100", "--lower-mount", "tilted20").code);
        Path config = dir.resolve("config");
        String before = System.getProperty("midback.config.dir");
        System.setProperty("midback.config.dir", config.toString()); // both read the same (empty) settings file
        try {
            // The windows run side by side (a child JVM each); the command line runs here meanwhile.
            List<Case> cases = List.of(new Case(bundled, true), new Case(hz200, true),
                    new Case(mag, true, "--preset", "strict", "--calibrate-at", "2"), // options as replay's
                    new Case(calibrated, false), // calibrated mid-slump: no slump beyond that
                    new Case(upper, true, "--lower", lower.toString())); // two sensors: the spine's slumps
            List<ChildProcess> windows = new java.util.ArrayList<>();
            try {
                for (Case c : cases) {
                    windows.add(window(display, config, c));
                }
                for (int i = 0; i < cases.size(); i++) {
                    compare(cases.get(i), windows.get(i));
                }
            } finally {
                for (ChildProcess w : windows) {
                    w.close();
                }
            }
            // The stored calibration is used (taken mid-slump, it changes the summary).
            assertNotEquals(cli("replay", bundled.toString(), "--json", "--quiet").json().get("slumpEpisodes"),
                    cli("replay", calibrated.toString(), "--json", "--quiet").json().get("slumpEpisodes"));
        } finally {
            if (before == null) {
                System.clearProperty("midback.config.dir");
            } else {
                System.setProperty("midback.config.dir", before);
            }
        }
    }

    private record Case(Path file, boolean slumps, String... options) {
    }

    /** {@code midback gui --replay FILE --speed max --exit-when-done --json} under the display. */
    private static ChildProcess window(XvfbExtension.Display display, Path config, Case c) {
        String[] guiArgs = concat(new String[] {"gui", "--replay", c.file().toString(), "--speed", "max",
                "--exit-when-done", "--json", "--theme", "light"}, c.options());
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false",
                "-Dmidback.config.dir=" + config), Main.class, guiArgs);
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("XDG_DATA_HOME", config.resolveSibling("data").toString());
        return ChildProcess.start("midback gui " + c.file().getFileName(), pb);
    }

    private static void compare(Case c, ChildProcess child) throws Exception {
        Path file = c.file();
        String[] options = c.options();
        boolean slumps = c.slumps();
        JsonObject cli = cli(concat(new String[] {"replay", file.toString(), "--json", "--quiet"}, options)).json();
        assertEquals(0, child.awaitExit(Duration.ofSeconds(120)), child.transcript());
        String[] lines = child.out().strip().split("\n");
        JsonObject window = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        String what = file.getFileName() + " " + String.join(" ", options);
        for (JsonObject o : List.of(cli, window)) {
            System.out.printf("%-55s %s: %d episodes, %d alerts, slouched %s s, upright %s s%n", what,
                    o == cli ? "replay" : "window", o.getAsJsonArray("slumpEpisodes").size(),
                    o.getAsJsonArray("alerts").size(), o.getAsJsonObject("postureSeconds").get("slouched"),
                    o.getAsJsonObject("postureSeconds").get("upright"));
        }
        for (String field : List.of("samples", "postureSeconds", "slumpEpisodes", "alerts")) {
            assertNotNull(cli.get(field), field + " in " + cli);
            assertEquals(cli.get(field), window.get(field), what + ": " + field);
        }
        // with a lower sensor, the window's session has it too: two sensors, the same spine figures
        for (String field : List.of("sensors", "spine", "pelvicTiltDeg", "lowerClock", "breathing")) {
            assertEquals(cli.get(field), window.get(field), what + ": " + field);
        }
        assertEquals(String.join(" ", options).contains("--lower"), cli.get("sensors") != null
                && cli.get("sensors").getAsInt() == 2, what + ": sensors " + cli.get("sensors"));
        assertEquals(slumps, cli.get("slumpEpisodes").getAsJsonArray().size() > 0, what + ": slumps found");
    }

    /** {@code source} with a {@code # calibration:} line: the calibration a replay captures 100 s in (slumped). */
    private static Path withCalibration(Path source, Path out) throws IOException {
        AtomicReference<Calibration> captured = new AtomicReference<>();
        SessionSpec spec = SessionSpec.ofRecording(source, null, null, ZoneId.systemDefault(),
                OrientationFilters.DEFAULT, PostureSettings.defaults().withCalibrateAt(100), w -> { });
        SessionBuilder b = new SessionBuilder(spec);
        b.addAlertListener(new AlertListener() {
            @Override
            public void onAlert(io.midback.alert.Alert a) {
            }

            @Override
            public void onCalibration(Calibration c) {
                captured.compareAndSet(null, c);
            }
        });
        CsvSampleReader.of(source).read(b.start());
        assertNotNull(captured.get(), "a calibration at 100 s");
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String line = "# " + Calibration.METADATA_KEY + ": " + captured.get().toMetadata() + "\n";
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write((line + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private record Run(int code, String out, String err) {
        JsonObject json() {
            assertEquals(0, code, err);
            String[] lines = out.strip().split("\n");
            return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = MidbackCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
