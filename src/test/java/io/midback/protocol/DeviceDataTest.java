package io.midback.protocol;

import io.midback.sensor.ImuSample;
import io.midback.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.midback.protocol.ImuUnits.G_MPS2;
import static io.midback.protocol.ImuUnits.RAD_PER_DEG;
import static org.junit.jupiter.api.Assertions.*;

/** The real device data in ../shared/data/devices decodes to the values published beside it. */
class DeviceDataTest {

    private static List<String[]> csv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(p);
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                rows.add(l.split(","));
            }
        }
        return rows;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    @Test
    void witMotionStandardFramesFromBwt901clDecodeToTheExpectedValues() throws IOException {
        Path dir = SharedData.require("data/devices/vectors");
        List<String[]> expected = csv(dir.resolve("witmotion_std_from_bwt901cl_expected.csv"));
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.WITMOTION, 10);
        d.feed(Files.readAllBytes(dir.resolve("witmotion_std_from_bwt901cl.bin")));
        d.end();
        assertEquals(expected.size(), s.samples.size());
        assertEquals(expected.size(), s.eulers.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i);
            ImuSample x = s.samples.get(i);
            assertEquals(i * 0.1, x.tS(), 1e-12);
            assertEquals(d(e[10]) * G_MPS2, x.axMps2(), 1e-12, "row " + i);
            assertEquals(d(e[11]) * G_MPS2, x.ayMps2(), 1e-12);
            assertEquals(d(e[12]) * G_MPS2, x.azMps2(), 1e-12);
            assertEquals(d(e[13]) * RAD_PER_DEG, x.gxRadPerS(), 1e-12);
            assertEquals(d(e[14]) * RAD_PER_DEG, x.gyRadPerS(), 1e-12);
            assertEquals(d(e[15]) * RAD_PER_DEG, x.gzRadPerS(), 1e-12);
            assertFalse(x.hasMagnetometer());
            assertEquals(d(e[16]), s.eulers.get(i)[1], 1e-12);
            assertEquals(d(e[17]), s.eulers.get(i)[2], 1e-12);
            assertEquals(d(e[18]), s.eulers.get(i)[3], 1e-12);
        }
        assertEquals(3L * expected.size(), d.stats().framesOk());
        assertEquals(0, d.stats().framesCorrupt());
        assertEquals(0, DecoderCounts.bytesSkipped(d.stats()));
    }

    @Test
    void witMotionBlePacketsFromBwt901clDecodeToTheExpectedValues() throws IOException {
        Path dir = SharedData.require("data/devices/vectors");
        List<String[]> expected = csv(dir.resolve("witmotion_std_from_bwt901cl_expected.csv"));
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.WITMOTION, 10);
        d.feed(Files.readAllBytes(dir.resolve("witmotion_ble61_from_bwt901cl.bin")));
        assertEquals(expected.size() - 1, s.samples.size(), "the last packet waits for the next 0x55");
        d.end();
        assertEquals(expected.size(), s.samples.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i);
            ImuSample x = s.samples.get(i);
            assertEquals(d(e[10]) * G_MPS2, x.axMps2(), 1e-12, "row " + i);
            assertEquals(d(e[12]) * G_MPS2, x.azMps2(), 1e-12);
            assertEquals(d(e[13]) * RAD_PER_DEG, x.gxRadPerS(), 1e-12);
            assertEquals(d(e[15]) * RAD_PER_DEG, x.gzRadPerS(), 1e-12);
            assertEquals(d(e[18]), s.eulers.get(i)[3], 1e-12);
        }
        assertEquals(expected.size(), d.stats().framesOk());
        assertEquals(0, DecoderCounts.bytesSkipped(d.stats()));
    }

    /** Each source's frames of witmotion_captured_frames.txt, with values read off the text beside them. */
    @Test
    void capturedWitMotionFramesDecode() throws IOException {
        Path file = SharedData.require("data/devices/vectors/witmotion_captured_frames.txt");
        List<List<byte[]>> sources = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# Source")) {
                sources.add(new ArrayList<>());
            } else if (!line.startsWith("#") && line.contains("|") && !sources.isEmpty()) {
                sources.get(sources.size() - 1).add(MidbackDecoderTest.hex(line.substring(0, line.indexOf('|'))));
            }
        }
        assertEquals(6, sources.size());
        // Source A: one full cycle 0x50..0x5A: acc 0.0059 0.3218 1.0532 g, gyro 0, quaternion, angles
        CollectingSink a = decodeAll(sources.get(0));
        assertEquals(1, a.samples.size());
        ImuSample s = a.samples.get(0);
        assertEquals(0.0059, s.axMps2() / G_MPS2, 1e-4);
        assertEquals(0.3218, s.ayMps2() / G_MPS2, 1e-4);
        assertEquals(1.0532, s.azMps2() / G_MPS2, 1e-4);
        assertEquals(0.0, s.gxRadPerS());
        assertArrayEquals(new double[] {-0.97549, -0.14441, 0.02634, 0.16360},
                java.util.Arrays.copyOfRange(a.quaternions.get(0), 1, 5), 1e-5);
        assertArrayEquals(new double[] {16.897, -0.1703, -19.0778},
                java.util.Arrays.copyOfRange(a.eulers.get(0), 1, 4), 1e-3);
        // Source C: acc -0.2974 -0.0117 0.9556 g; roll 46.983 pitch -10.5634 yaw -83.1006
        CollectingSink c = decodeAll(sources.get(2));
        assertEquals(-0.2974, c.samples.get(0).axMps2() / G_MPS2, 1e-4);
        assertEquals(-0.0117, c.samples.get(0).ayMps2() / G_MPS2, 1e-4);
        assertEquals(0.9556, c.samples.get(0).azMps2() / G_MPS2, 1e-4);
        assertArrayEquals(new double[] {46.983, -10.5634, -83.1006},
                java.util.Arrays.copyOfRange(c.eulers.get(0), 1, 4), 1e-3);
        // Source E: a gyro frame (end of one cycle), then acc (start of the next): never combined into a sample
        CollectingSink e = decodeAll(sources.get(4));
        assertEquals(0, e.samples.size());
        // Source F: acc then gyro of one cycle: acc 0.0 -0.0005 1.0034 g
        CollectingSink f = decodeAll(sources.get(5));
        assertEquals(1, f.samples.size());
        assertEquals(1.0034, f.samples.get(0).azMps2() / G_MPS2, 1e-4);
        // every captured frame passes its checksum
        for (List<byte[]> src : sources) {
            ImuDecoder d = new WitMotionDecoder(new CollectingSink(), 10);
            src.forEach(d::feed);
            d.end();
            assertEquals(src.size(), d.stats().framesOk());
            assertEquals(0, d.stats().framesCorrupt());
        }
    }

    private static CollectingSink decodeAll(List<byte[]> frames) {
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.WITMOTION, 10);
        frames.forEach(d::feed);
        d.end();
        return s;
    }

    @Test
    void ximu3BinaryDecodesToThePelvisRecordingAtFloat32Precision() throws IOException {
        Path bin = SharedData.require("data/devices/vectors/ximu3_binary_from_pelvis.bin");
        Path dir = SharedData.require("data/devices/ximu3_imumocap_pelvis");
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.XIMU3, Double.NaN);
        d.feed(Files.readAllBytes(bin));
        d.end();
        checkPelvis(s, dir, true);
        assertEquals(1800, d.stats().framesOk());
        assertEquals(0, d.stats().framesCorrupt());
        assertEquals(0, DecoderCounts.bytesSkipped(d.stats()));
    }

    @Test
    void ximu3AsciiDecodesToThePelvisRecordingAtFourDecimals() throws IOException {
        Path txt = SharedData.require("data/devices/vectors/ximu3_ascii_from_pelvis.txt");
        Path dir = SharedData.require("data/devices/ximu3_imumocap_pelvis");
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.XIMU3, Double.NaN);
        d.feed(Files.readAllBytes(txt));
        d.end();
        checkPelvis(s, dir, false);
        assertEquals(1800, d.stats().framesOk());
        assertEquals(0, d.stats().framesCorrupt());
    }

    private static void checkPelvis(CollectingSink s, Path dir, boolean float32) throws IOException {
        List<String[]> inertial = csv(dir.resolve("Inertial.csv"));
        List<String[]> quat = csv(dir.resolve("Quaternion.csv"));
        assertEquals(inertial.size(), s.samples.size());
        assertEquals(quat.size(), s.quaternions.size());
        long t0 = Long.parseLong(inertial.get(0)[0]);
        for (int i = 0; i < inertial.size(); i++) {
            String[] e = inertial.get(i);
            ImuSample x = s.samples.get(i);
            assertEquals((Long.parseLong(e[0]) - t0) * 1e-6, x.tS(), 1e-12);
            double[] got = {x.gxRadPerS() / RAD_PER_DEG, x.gyRadPerS() / RAD_PER_DEG, x.gzRadPerS() / RAD_PER_DEG,
                    x.axMps2() / G_MPS2, x.ayMps2() / G_MPS2, x.azMps2() / G_MPS2};
            for (int k = 0; k < 6; k++) {
                assertEquals(expect(e[k + 1], float32), got[k], 1e-9, "Inertial row " + i + " column " + (k + 1));
            }
        }
        for (int i = 0; i < quat.size(); i++) {
            String[] e = quat.get(i);
            for (int k = 0; k < 4; k++) {
                assertEquals(expect(e[k + 1], float32), s.quaternions.get(i)[k + 1], 1e-12, "Quaternion row " + i);
            }
        }
    }

    private static double expect(String csvValue, boolean float32) {
        double v = Double.parseDouble(csvValue);
        // ASCII carries 4 decimals, rounded from the exact binary value (as printf does)
        return float32 ? (float) v
                : new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    @Test
    void teapotPacketsDecodeToThePelvisQuaternions() throws IOException {
        Path bin = SharedData.require("data/devices/vectors/mpu6050_teapot_from_pelvis.bin");
        Path dir = SharedData.require("data/devices/ximu3_imumocap_pelvis");
        List<String[]> quat = csv(dir.resolve("Quaternion.csv"));
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.TEAPOT, 50);
        d.feed(Files.readAllBytes(bin));
        d.end();
        assertEquals(quat.size(), s.quaternions.size());
        assertTrue(s.samples.isEmpty(), "teapot packets carry no inertial samples");
        assertTrue(s.ended);
        for (int i = 0; i < quat.size(); i++) {
            assertEquals(i * 0.02, s.quaternions.get(i)[0], 1e-12);
            for (int k = 0; k < 4; k++) {
                double e = Math.round(Double.parseDouble(quat.get(i)[k + 1]) * 16384) / 16384.0;
                assertEquals(e, s.quaternions.get(i)[k + 1], 0, "row " + i);
            }
        }
        assertEquals(900, d.stats().framesOk());
        assertEquals(0, DecoderCounts.samplesLost(d.stats()));
    }

    @Test
    void formatDetectionRecognisesEachRealStream() throws IOException {
        Path dir = SharedData.require("data/devices/vectors");
        assertEquals(WireFormat.WITMOTION, detect(dir.resolve("witmotion_std_from_bwt901cl.bin")));
        assertEquals(WireFormat.WITMOTION, detect(dir.resolve("witmotion_ble61_from_bwt901cl.bin")));
        assertEquals(WireFormat.XIMU3, detect(dir.resolve("ximu3_binary_from_pelvis.bin")));
        assertEquals(WireFormat.XIMU3, detect(dir.resolve("ximu3_ascii_from_pelvis.txt")));
        assertEquals(WireFormat.TEAPOT, detect(dir.resolve("mpu6050_teapot_from_pelvis.bin")));
    }

    private static WireFormat detect(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return FormatDetector.detect(b, Math.min(b.length, 512));
    }
}
