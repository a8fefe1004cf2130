package io.midback.cli;

import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The lines {@code live} (and {@code replay}) print as a session goes: in time order, and each calibration saying
 * what it set (issue 16: "calibrated (first-still)" twice, the second being the forward lean; lines out of order).
 */
class SessionConsoleLinesTest {
    private static final double[] NEUTRAL = {0.7071, 0.7071, 0, 0};
    private static final double[] DEFAULT_MOUNT = {1, 0, 0, 0};
    private static final double[] LEAN_MOUNT = {0.9962, 0, 0.0872, 0};

    static Calibration upright(double atS) {
        return new Calibration(atS, "first-still", NEUTRAL, DEFAULT_MOUNT, "default", 0.01, 0.02, 1.0, Double.NaN,
                Double.NaN, List.of());
    }

    static Calibration lean(double atS, double leanDeg) {
        return new Calibration(atS, "first-still", NEUTRAL, LEAN_MOUNT, "forward-lean", 0.01, 0.02, 1.0, leanDeg,
                4.0, List.of());
    }

    static PostureFrame frame(double tS, PostureState s, double flexionDeg) {
        PostureFrame f = new PostureFrame();
        f.tS = tS;
        f.state = s;
        f.flexionDeg = flexionDeg;
        return f;
    }

    @Test
    void theUprightCaptureAndTheForwardLeanAreToldApart() {
        StringWriter sw = new StringWriter();
        SessionConsole.ConsoleAlerts alerts = new SessionConsole.ConsoleAlerts(new PrintWriter(sw, true));
        alerts.onCalibration(upright(0));
        alerts.onPosture(frame(3, PostureState.UPRIGHT, 0));
        alerts.onPosture(frame(4, PostureState.UPRIGHT, 0));
        alerts.onCalibration(lean(0, 24.6));
        alerts.onPosture(frame(9, PostureState.UPRIGHT, 0));
        String text = sw.toString().replace(System.lineSeparator(), "\n");
        System.out.print(text);
        assertEquals("[0:00:03] calibrated: upright posture from the first still stretch (0:00:00)\n"
                + "[0:00:09] calibrated: sensor mounting from the forward lean (25°)\n", text);
    }

    /** An alert 25:41.6 into a session that started at 09:00:00 reads the same second here and in the report. */
    @Test
    void theCommandLineAndTheReportShowASessionsTimeToTheSameSecond() {
        java.time.Instant start = java.time.Instant.parse("2026-11-20T09:00:00Z");
        double[][] cases = {{1541.6, 1542}, {1541.4, 1541}, {1541.5, 1542}, {0.49, 0}, {3599.7, 3600}};
        for (double[] c : cases) {
            java.time.Instant at = start.plusNanos(Math.round(c[0] * 1e9));
            long whole = (long) c[1];
            assertEquals(String.format(java.util.Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60,
                    whole % 60), SessionConsole.clock(c[0]), "at " + c[0] + " s");
            assertEquals(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.LocalTime.of(9, 0)
                    .plusSeconds(whole)), io.midback.report.Reports.clock(at, java.time.ZoneOffset.UTC), "at " + c[0] + " s");
        }
    }

    @Test
    void aLeanNotFoundAndACaptureWithItsLeanAreSaidAsSuch() {
        Calibration noLean = new Calibration(0, "first-still", NEUTRAL, DEFAULT_MOUNT, "default", 0.01, 0.02, 1,
                2.0, Double.NaN, List.of());
        assertEquals("no forward lean found, default sensor mounting kept",
                SessionConsole.ConsoleAlerts.describe(noLean, upright(0).neutral()));
        assertEquals("upright posture from the time given (--calibrate-at) (0:00:20); sensor mounting from the "
                        + "forward lean (25°)",
                SessionConsole.ConsoleAlerts.describe(new Calibration(20, "calibrate-at", NEUTRAL, LEAN_MOUNT,
                        "forward-lean", 0.01, 0.02, 1, 25, 3, List.of()), null));
    }

    /** A posture change is printed once it held 2 s; a calibration in between still comes out in time order. */
    @Test
    void postureCalibrationAndBreathingLinesAreInTimeOrder() {
        StringWriter sw = new StringWriter();
        PrintWriter w = new PrintWriter(sw, true);
        SessionConsole.ConsoleAlerts alerts = new SessionConsole.ConsoleAlerts(w);
        SessionConsole.StateChanges states = new SessionConsole.StateChanges(w, 2.0);
        alerts.onCalibration(upright(0));
        for (int i = 0; i <= 1600; i++) {
            double t = i / 100.0;
            PostureFrame f = t < 10 ? frame(t, PostureState.UPRIGHT, 1) : frame(t, PostureState.SLOUCHED, 31);
            if (i == 1100) {
                alerts.onCalibration(lean(0, 22)); // the lean's mounting lands while the slouch is held
            }
            alerts.onPosture(f);
            states.onPosture(f);
        }
        String text = sw.toString();
        System.out.print(text);
        assertTrue(text.contains("[0:00:12] posture: slouched since 0:00:10 (flexion 31°)"), text);
        Matcher m = Pattern.compile("^\\[(\\d+):(\\d\\d):(\\d\\d)]", Pattern.MULTILINE).matcher(text);
        int lines = 0;
        long last = -1;
        while (m.find()) {
            long s = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
            assertTrue(s >= last, "line at " + s + " s after one at " + last + " s:\n" + text);
            last = s;
            lines++;
        }
        assertEquals(4, lines, text);
        assertFalse(text.contains("-0°"), text);
    }
}
