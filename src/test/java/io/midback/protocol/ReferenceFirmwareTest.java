package io.midback.protocol;

import io.midback.sensor.ImuSample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The C99 reference firmware (firmware-protocol/reference): its own unit tests pass when built with the
 * machine's C compiler, and frames its encoders write decode in Java to the values it encoded. Skipped, saying
 * so, only when there is no C compiler or make (CI installs both).
 */
class ReferenceFirmwareTest {
    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path REFERENCE = BASE.resolve("firmware-protocol/reference");
    private static final Path BUILD = BASE.resolve("target/firmware-reference");

    @BeforeAll
    static void needsACompiler() {
        String cc = System.getenv().getOrDefault("CC", "cc");
        Assumptions.assumeTrue(runs(cc, "--version") && runs("make", "--version"),
                () -> "skipped: no C compiler ('" + cc + "') or make on this machine; CI installs them");
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command, returns its output; fails the test with that output when it exits non-zero. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    @Test
    void referenceUnitTestsPass() throws Exception {
        String out = run("make", "-C", REFERENCE.toString(), "test", "BUILD=" + BUILD);
        assertTrue(out.contains(" 0 failures"), out);
    }

    @Test
    void framesFromTheCEncoderDecodeInJavaToTheSameValues() throws Exception {
        run("make", "-C", REFERENCE.toString(), "crosscheck", "BUILD=" + BUILD);
        Path bin = BUILD.resolve("crosscheck.bin");
        Path txt = BUILD.resolve("crosscheck.txt");
        run(BUILD.resolve("crosscheck").toString(), bin.toString(), txt.toString());

        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        byte[] bytes = Files.readAllBytes(bin);
        for (int i = 0; i < bytes.length; i += 100) { // arbitrary chunks
            d.feed(bytes, i, Math.min(100, bytes.length - i));
        }
        d.end();

        List<ImuSample> expected = new ArrayList<>();
        List<DeviceMessage> batteries = new ArrayList<>();
        long lost = 0;
        double a = 0;
        double g = 0;
        double m = 0;
        Long firstUs = null;
        long lastRaw = 0;
        long unwrapped = 0;
        for (String line : Files.readAllLines(txt)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "ranges" -> {
                    a = Integer.parseInt(f[1]) * ImuUnits.G_MPS2 / 32768;
                    g = Integer.parseInt(f[2]) * ImuUnits.RAD_PER_DEG / 32768;
                    m = Integer.parseInt(f[3]) / 32768.0;
                }
                case "lost" -> lost += Long.parseLong(f[1]);
                case "battery" -> batteries.add(new DeviceMessage.Battery(Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), f[3].equals("1")));
                case "sample" -> {
                    long raw = Long.parseLong(f[1]);
                    if (firstUs == null) {
                        firstUs = raw;
                        unwrapped = raw;
                    } else {
                        unwrapped += (raw - lastRaw) & 0xFFFFFFFFL;
                    }
                    lastRaw = raw;
                    boolean mag = f.length == 11;
                    expected.add(new ImuSample((unwrapped - firstUs) * 1e-6,
                            Integer.parseInt(f[5]) * g, Integer.parseInt(f[6]) * g, Integer.parseInt(f[7]) * g,
                            Integer.parseInt(f[2]) * a, Integer.parseInt(f[3]) * a, Integer.parseInt(f[4]) * a,
                            mag ? Integer.parseInt(f[8]) * m : Double.NaN, mag ? Integer.parseInt(f[9]) * m : Double.NaN,
                            mag ? Integer.parseInt(f[10]) * m : Double.NaN));
                }
                default -> fail("unexpected line " + line);
            }
        }
        assertTrue(expected.size() > 500, "C wrote " + expected.size() + " samples");
        assertEquals(expected.size(), s.samples.size());
        for (int i = 0; i < expected.size(); i++) {
            ImuSample e = expected.get(i);
            ImuSample x = s.samples.get(i);
            assertEquals(e.tS(), x.tS(), 1e-9, "sample " + i + " time");
            assertEquals(new ImuSample(0, e.gxRadPerS(), e.gyRadPerS(), e.gzRadPerS(), e.axMps2(), e.ayMps2(), e.azMps2(),
                    e.mxMicroT(), e.myMicroT(), e.mzMicroT()), new ImuSample(0, x.gxRadPerS(), x.gyRadPerS(),
                    x.gzRadPerS(), x.axMps2(), x.ayMps2(), x.azMps2(), x.mxMicroT(), x.myMicroT(), x.mzMicroT()),
                    "sample " + i);
        }
        assertEquals(lost, d.stats().samplesLost());
        assertEquals(1, s.gaps.size());
        assertTrue(s.messages.get(0) instanceof DeviceMessage.Info info && info.sensorModel().equals("ICM-20948"));
        assertEquals(batteries, s.messages.subList(1, s.messages.size()));
        assertEquals(0, d.stats().framesCorrupt());
        assertEquals(0, d.stats().bytesSkipped());
    }
}
