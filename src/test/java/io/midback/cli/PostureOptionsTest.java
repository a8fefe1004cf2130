package io.midback.cli;

import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpPreset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostureOptionsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        PostureOptions posture;
        PostureSettings settings;

        @Override
        public void run() {
            settings = posture.toSettings();
        }
    }

    static Probe parse(String... args) {
        Probe p = new Probe();
        int code = new CommandLine(p).execute(args);
        assertEquals(0, code);
        return p;
    }

    static String error(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Probe());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(2, code, "a usage error");
        return err.toString();
    }

    @Test
    void defaultsAreTheStandardPresetAndFirstStillCalibration() {
        PostureSettings s = parse().settings;
        assertEquals(SlumpPreset.STANDARD, s.preset());
        assertEquals(15, s.slumpThresholdDeg());
        assertEquals(20, s.slumpDwellS());
        assertEquals(45 * 60, s.breakAfterS());
        assertTrue(Double.isNaN(s.calibrateAtS()) && Double.isNaN(s.forwardAtS()));
    }

    @Test
    void explicitValuesOverrideThePreset() {
        PostureSettings s = parse("--preset", "Gentle", "--slump-dwell", "45", "--calibrate-at", "12.5",
                "--forward-at", "20", "--break-after", "30").settings;
        assertEquals(SlumpPreset.GENTLE, s.preset());
        assertEquals(20, s.slumpThresholdDeg());
        assertEquals(45, s.slumpDwellS());
        assertEquals(12.5, s.calibrateAtS());
        assertEquals(20, s.forwardAtS());
        assertEquals(1800, s.breakAfterS());
        PostureSettings strict = parse("--preset", "strict", "--slump-threshold", "12").settings;
        assertEquals(12, strict.slumpThresholdDeg());
        assertEquals(10, strict.slumpDwellS());
    }

    @Test
    void breakAfterZeroTurnsBreakRemindersOffAsTheWindowDoes() {
        assertEquals(PostureSettings.BREAKS_OFF_AFTER_S, parse("--break-after", "0").settings.breakAfterS());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertTrue(error("--slump-threshold", "0").contains("--slump-threshold 0: give degrees from 1 to 60"));
        assertTrue(error("--slump-threshold", "75").contains("--slump-threshold"));
        assertTrue(error("--slump-dwell", "-1").contains("--slump-dwell -1: give seconds from 0 to 3600"));
        assertTrue(error("--break-after", "0.5").contains("--break-after 0.5: give minutes from 1 to 1440, or 0"));
        assertTrue(error("--calibrate-at", "-3").contains("--calibrate-at -3: give a time in seconds"));
        assertTrue(error("--forward-at", "NaN").contains("--forward-at"));
        assertTrue(error("--preset", "lazy").contains("unknown preset 'lazy'"));
        assertTrue(error("--slump-dwell", "abc").contains("--slump-dwell"));
    }
}
