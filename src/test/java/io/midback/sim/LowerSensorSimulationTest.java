package io.midback.sim;

import io.midback.posture.Mounting;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.Quat;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second sensor on the sacrum: the pelvis moving on its own, the sensor's own mounting, rate and clock. */
class LowerSensorSimulationTest {

    private static final String HINGE_THEN_SLUMP = "0:00 10s still\n+ 40s hinge depth=30 ramp=3 recover=3\n"
            + "+ 10s still\n+ 40s slump depth=20 roll=12 ramp=4 recover=4\n+ 10s still\n";

    private static Scenario scenario() {
        return Scenario.parse("test", HINGE_THEN_SLUMP, "hinge-then-slump");
    }

    @Test
    void aHingeTiltsThePelvisAsFarAsTheTrunkAndASlumpRollsItBack() {
        BodyModel m = new BodyModel(scenario(), 3);
        BodyPose p = new BodyPose();
        m.evaluate(30, p); // hinge held
        assertEquals(30, p.flexionDeg, 3.0);
        assertEquals(30, p.pelvicTiltDeg, 3.0);
        assertEquals(0, p.spineFlexionDeg, 2.0, "a hinge keeps the spine straight");
        m.evaluate(85, p); // slump held
        assertEquals(20, p.flexionDeg, 3.0);
        assertEquals(-12, p.pelvicTiltDeg, 2.0);
        assertEquals(32, p.spineFlexionDeg, 3.0, "the spine flexes the slump and the roll");
        // The pelvis turns about the medio-lateral axis only: its orientation is heading ⊗ Rx(−tilt).
        Quat expected = new Quat();
        m.orientation(p.pelvicTiltDeg, 0, 0, expected);
        assertEquals(1, Math.abs(expected.w * p.pelvisToEarth.w + expected.x * p.pelvisToEarth.x
                + expected.y * p.pelvisToEarth.y + expected.z * p.pelvisToEarth.z), 1e-12);
    }

    @Test
    void trueSlumpsByTheSpineAreNotTheHingesAndIncludeTheRolledBackPelvis() {
        SlumpEpisodes def = SlumpEpisodes.DEFAULT;
        List<SlumpEpisode> upperBack = def.find(new BodyModel(scenario(), 3), false);
        List<SlumpEpisode> spine = def.find(new BodyModel(scenario(), 3), true);
        assertEquals(2, upperBack.size(), "to the upper back alone the hinge is a slump: " + upperBack);
        assertEquals(1, spine.size(), "between the sensors only the slump: " + spine);
        assertTrue(spine.get(0).startS() > 60 && spine.get(0).startS() < 70, spine.toString());
        assertTrue(spine.get(0).peakFlexionDeg() > 28, spine.toString());
    }

    @Test
    void theLowerSensorSamplesOnItsOwnClockAndItsGyroscopeIntegratesToItsTrueOrientation() {
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(100).withSeed(5).withErrors(SensorErrors.NONE)
                .withMounting(Mounting.parse("turned90"));
        SensorClock clock = new SensorClock(2.5, 0.02);
        Simulator lower = new Simulator(scenario(), cfg, Site.SACRUM, clock);
        long expected = (long) Math.floor((110 - 2.5) * 1.02 * 100 + 1e-6);
        assertEquals(expected, lower.sampleCount());
        List<double[]> truth = new ArrayList<>();
        lower.setTruthListener(f -> truth.add(new double[] {f.deviceTS, f.tS, f.sensorToEarth.w, f.sensorToEarth.x,
                f.sensorToEarth.y, f.sensorToEarth.z, f.pelvicTiltDeg}));
        Quat q = new Quat();
        Quat step = new Quat();
        double[] maxErrDeg = {0};
        double[] lastDeviceT = {-1};
        lower.run(new SampleSink() {
            int k;

            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++, k++) {
                    double[] tr = truth.get(k);
                    assertEquals(k / 100.0, b.tS[i], 1e-9, "device timestamps k / rate");
                    assertEquals(2.5 + k / 100.0 / 1.02, tr[1], 1e-9, "true time on the 2 % fast clock");
                    lastDeviceT[0] = b.tS[i];
                    if (k == 0) {
                        q.set(tr[2], tr[3], tr[4], tr[5]);
                        continue;
                    }
                    double dtTrue = tr[1] - truth.get(k - 1)[1];
                    double gx = b.gxRadPerS[i], gy = b.gyRadPerS[i], gz = b.gzRadPerS[i];
                    double rate = Math.sqrt(gx * gx + gy * gy + gz * gz);
                    if (rate > 0) {
                        step.setAxisAngle(gx / rate, gy / rate, gz / rate, rate * dtTrue);
                        q.setProduct(q, step).normalize();
                    }
                    double dot = Math.abs(q.w * tr[2] + q.x * tr[3] + q.y * tr[4] + q.z * tr[5]);
                    maxErrDeg[0] = Math.max(maxErrDeg[0], Math.toDegrees(2 * Math.acos(Math.min(1, dot))));
                }
            }

            @Override
            public void end() {
            }
        });
        assertTrue(maxErrDeg[0] < 0.05, "integrated gyro vs truth: " + maxErrDeg[0] + "°");
        // At rest at the start the accelerometer reads gravity in the sloped, turned sensor's frame.
        double tiltAtStart = truth.get(0)[6];
        assertEquals(0, tiltAtStart, 1.0);
    }

    @Test
    void aTwoSensorRecordingKeepsBothFilesAndEachNamesTheOther(@TempDir Path dir) throws Exception {
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(2);
        Simulator upper = new Simulator(scenario(), cfg);
        Simulator lower = new Simulator(scenario(), cfg.withRate(100), Site.SACRUM, new SensorClock(1.5, 0.02));
        Path out = dir.resolve("day.csv");
        Path lowerOut = dir.resolve("day-lower.csv.gz");
        SimulationFiles.PairResult r = SimulationFiles.writePair(upper, out, lower, lowerOut, 10, null);
        RecordingMetadata um = CsvSampleReader.readMetadata(out);
        RecordingMetadata lm = CsvSampleReader.readMetadata(lowerOut);
        assertEquals("day-lower.csv.gz", um.get(RecordingMetadata.LOWER).orElseThrow());
        assertEquals("day.csv", lm.get(RecordingMetadata.UPPER).orElseThrow());
        assertEquals("thorax", um.get(RecordingMetadata.SITE).orElseThrow());
        assertEquals("sacrum", lm.get(RecordingMetadata.SITE).orElseThrow());
        assertEquals(100, lm.rateHz().orElseThrow(), 0);
        assertEquals(50 * 110, r.upper().samples());
        assertTrue(Files.exists(r.lower().truth()));
        List<String> lowerTruth = new ArrayList<>();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(r.lower().truth()))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    lowerTruth.add(line);
                }
            }
        }
        assertEquals("t_s,true_t_s,pelvic_tilt_deg,spine_flexion_deg,spine_lateral_bend_deg,"
                + "spine_axial_rotation_deg,qw,qx,qy,qz", lowerTruth.get(0));
        String[] atHinge = lowerTruth.stream().skip(1).map(l -> l.split(","))
                .filter(f -> Math.abs(Double.parseDouble(f[1]) - 30) < 0.06).findFirst().orElseThrow();
        assertEquals(30, Double.parseDouble(atHinge[2]), 3.0, "pelvic tilt in the hinge");
        assertEquals(0, Double.parseDouble(atHinge[3]), 2.0, "spine flexion in the hinge");
        assertEquals(1, r.lower().slumpEpisodes().size(), "the lower truth's episodes are the spine's");
        assertEquals(2, r.upper().slumpEpisodes().size(), "the upper truth's stay the upper back's");
    }
}
