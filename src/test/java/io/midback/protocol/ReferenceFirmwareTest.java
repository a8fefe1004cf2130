package io.midback.protocol;

import io.midback.sensor.ImuSample;
import io.midback.testing.ChildProcess;
import io.midback.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The C99 reference firmware (firmware-protocol/reference): its own unit tests pass when built with the
 * machine's C compiler, and frames its encoders write decode in Java to the values it encoded. Skipped, saying
 * so, when there is no C compiler or make; under {@code CI=true} that fails instead.
 */
class ReferenceFirmwareTest {
    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path REFERENCE = BASE.resolve("firmware-protocol/reference");
    private static final Path BUILD = BASE.resolve("target/firmware-reference");

    @BeforeAll
    static void needsACompiler() {
        String cc = System.getenv().getOrDefault("CC", "cc");
        Prerequisites.tool(cc, "a C99 compiler: apt-get install gcc, or set CC");
        Prerequisites.tool("make", "apt-get install make");
    }

    /** Runs a command, returns its output; fails the test with that output when it exits non-zero or hangs. */
    private static String run(String... cmd) throws InterruptedException {
        try (ChildProcess p = ChildProcess.start(cmd[0], new ProcessBuilder(cmd).redirectErrorStream(true))) {
            int code = p.awaitExit(Duration.ofSeconds(120));
            assertEquals(0, code, String.join(" ", cmd) + " failed:\n" + p.out());
            return p.out();
        }
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
        assertEquals(lost, DecoderCounts.samplesLost(d.stats()));
        assertEquals(1, s.gaps.size());
        assertTrue(s.messages.get(0) instanceof DeviceMessage.Info info && info.sensorModel().equals("ICM-20948"));
        assertEquals(batteries, s.messages.subList(1, s.messages.size()));
        assertEquals(0, d.stats().framesCorrupt());
        assertEquals(0, DecoderCounts.bytesSkipped(d.stats()));
    }
}
