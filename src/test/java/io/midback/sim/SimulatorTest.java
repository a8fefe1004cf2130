package io.midback.sim;

import io.midback.posture.Mounting;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureTracker;
import io.midback.posture.PostureState;
import io.midback.sensor.Quat;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    /** Collects samples and truth side by side (allocates: fine in tests). */
    static final class Capture implements SampleSink, TruthListener {
        final List<double[]> samples = new ArrayList<>();
        final List<double[]> truth = new ArrayList<>();
        final List<PostureState> states = new ArrayList<>();
        boolean ended;

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                samples.add(new double[] {b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i],
                        b.ayMps2[i], b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]});
            }
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public void onTruth(TruthFrame f) {
            truth.add(new double[] {f.tS, f.flexionDeg, f.lateralBendDeg, f.axialRotationDeg,
                    f.sensorToEarth.w, f.sensorToEarth.x, f.sensorToEarth.y, f.sensorToEarth.z,
                    f.gyroBiasRadPerS[0], f.gyroBiasRadPerS[1], f.gyroBiasRadPerS[2],
                    f.linearAccelMps2[0], f.linearAccelMps2[1], f.linearAccelMps2[2],
                    f.bodyToEarth.w, f.bodyToEarth.x, f.bodyToEarth.y, f.bodyToEarth.z});
            states.add(f.state);
        }
    }

    static Capture run(Scenario scenario, SimulatorConfig config) {
        Simulator sim = new Simulator(scenario, config);
        Capture c = new Capture();
        sim.setTruthListener(c);
        sim.run(c);
        return c;
    }

    static Scenario demoMinute() {
        return Scenario.parse("test", String.join("\n",
                "heading 35",
                "0:00 10s still",
                "+ 8s pose flex=25 ramp=3 recover=3",
                "+ 10s type",
                "+ 6s reach depth=40 axial=15",
                "+ 4s look side=left angle=45",
                "+ 6s lean side=right angle=18",
                "+ 6s recline angle=20",
                "+ 8s stand",
                "+ 10s walk",
                "+ 4s stand",
                "+ 8s lie",
                "+ 6s off"), "test");
    }

    @Test
    void integratingGyroMinusBiasReproducesTheTrueOrientation() {
        for (String run : List.of("upright@100", "tilted20@100", "turned90@100", "upsidedown@100",
                "10,-30,45@100", "upright@50", "turned90@200")) {
            String mount = run.substring(0, run.indexOf('@'));
            double rate = Double.parseDouble(run.substring(run.indexOf('@') + 1));
            SimulatorConfig cfg = SimulatorConfig.defaults().withMounting(Mounting.parse(mount)).withSeed(7)
                    .withRate(rate);
            Capture c = run(demoMinute(), cfg);
            double[] t0 = c.truth.get(0);
            Quat q = new Quat(t0[4], t0[5], t0[6], t0[7]);
            Quat step = new Quat();
            double dt = 1 / cfg.rateHz();
            double worstDeg = 0;
            for (int k = 1; k < c.samples.size(); k++) {
                double[] s = c.samples.get(k);
                double[] tr = c.truth.get(k);
                double wx = s[1] - tr[8], wy = s[2] - tr[9], wz = s[3] - tr[10];
                double radPerS = Math.sqrt(wx * wx + wy * wy + wz * wz);
                if (radPerS > 0) {
                    step.setAxisAngle(wx / radPerS, wy / radPerS, wz / radPerS, radPerS * dt);
                    q.setProduct(q, step).normalize();
                }
                Quat truthQ = new Quat(tr[4], tr[5], tr[6], tr[7]);
                double dot = Math.abs(q.w * truthQ.w + q.x * truthQ.x + q.y * truthQ.y + q.z * truthQ.z);
                worstDeg = Math.max(worstDeg, Math.toDegrees(2 * Math.acos(Math.min(1, dot))));
            }
            assertTrue(worstDeg < 0.3, run + ": integrated gyro strays " + worstDeg + "° from the truth");
            assertEquals(86 * rate, c.samples.size(), "86 s of samples");
        }
    }

    @Test
    void withoutBiasSubtractedTheIntegrationDrifts() {
        // The bias is real: ignoring it must make the integration drift (so the test above can fail).
        SimulatorConfig cfg = SimulatorConfig.defaults().withSeed(7);
        Capture c = run(demoMinute(), cfg);
        double[] t0 = c.truth.get(0);
        Quat q = new Quat(t0[4], t0[5], t0[6], t0[7]);
        Quat step = new Quat();
        for (int k = 1; k < c.samples.size(); k++) {
            double[] s = c.samples.get(k);
            double rate = Math.sqrt(s[1] * s[1] + s[2] * s[2] + s[3] * s[3]);
            step.setAxisAngle(s[1] / rate, s[2] / rate, s[3] / rate, rate * 0.01);
            q.setProduct(q, step).normalize();
        }
        double[] tl = c.truth.get(c.truth.size() - 1);
        double dot = Math.abs(q.w * tl[4] + q.x * tl[5] + q.y * tl[6] + q.z * tl[7]);
        assertTrue(Math.toDegrees(2 * Math.acos(Math.min(1, dot))) > 5);
    }

    @Test
    void accelerometerIsGravityPlusMotionInTheSensorFrameWithinNoise() {
        SimulatorConfig cfg = SimulatorConfig.defaults().withMounting(Mounting.parse("tilted20")).withSeed(3);
        Capture c = run(demoMinute(), cfg);
        double sigma = cfg.errors().accelNoiseMps2(cfg.rateHz());
        double sumSq = 0;
        double maxMotion = 0;
        double[] out = new double[3];
        for (int k = 0; k < c.samples.size(); k++) {
            double[] s = c.samples.get(k);
            double[] tr = c.truth.get(k);
            Quat q = new Quat(tr[4], tr[5], tr[6], tr[7]);
            q.rotateInverse(tr[11], tr[12], tr[13] + Simulator.GRAVITY_MPS2, out, 0);
            for (int i = 0; i < 3; i++) {
                double r = s[4 + i] - out[i];
                sumSq += r * r;
                assertTrue(Math.abs(r) < 6 * sigma, "sample " + k + " axis " + i + " off by " + r);
            }
            maxMotion = Math.max(maxMotion, Math.sqrt(tr[11] * tr[11] + tr[12] * tr[12] + tr[13] * tr[13]));
        }
        double rms = Math.sqrt(sumSq / (3.0 * c.samples.size()));
        assertEquals(sigma, rms, 0.1 * sigma, "residual is the accelerometer's white noise");
        assertTrue(maxMotion > 1.0, "walking and standing up accelerate the sensor: " + maxMotion);
    }

    @Test
    void stillUprightAndFlexedReadGravityWhereTheMountingPutsIt() {
        Scenario s = Scenario.parse("t", "0 5s still\n+ 10s pose flex=30 ramp=2 recover=2\n", "t");
        SimulatorConfig cfg = SimulatorConfig.defaults().withErrors(SensorErrors.NONE);
        Capture c = run(s, cfg);
        double g = Simulator.GRAVITY_MPS2;
        double[] upright = c.samples.get(200);   // t = 2 s, still
        assertEquals(0, upright[4], 0.02 * g);
        assertEquals(g, upright[5], 0.01 * g);   // upright mounting: sensor y up the spine
        assertEquals(0, upright[6], 0.02 * g);
        double[] flexed = c.samples.get(1000);   // t = 10 s, 30° forward (± breathing)
        assertEquals(g * Math.sin(Math.toRadians(30)), flexed[6], 0.03 * g); // the back faces up: +z
        assertEquals(g * Math.cos(Math.toRadians(30)), flexed[5], 0.03 * g);

        Capture turned = run(s, cfg.withMounting(Mounting.parse("turned90")));
        assertEquals(g, turned.samples.get(200)[4], 0.01 * g);  // turned 90°: sensor x up
        Capture upside = run(s, cfg.withMounting(Mounting.parse("upsidedown")));
        assertEquals(-g, upside.samples.get(200)[5], 0.01 * g);
    }

    @Test
    void lookingRightTurnsClockwiseSeenFromAbove() {
        Scenario s = Scenario.parse("t", "0 2s still\n+ 4s look side=right angle=40 ramp=1 recover=1\n", "t");
        Capture c = run(s, SimulatorConfig.defaults().withErrors(SensorErrors.NONE));
        double[] turning = c.samples.get(250); // t = 2.5 s, mid-turn
        assertTrue(turning[2] < -0.3, "upright mount: rotation right is negative about the sensor's y (up): "
                + turning[2]);
        assertEquals(40, c.truth.get(400)[3], 2.0);
    }

    @Test
    void mountingsShareOneTruth() {
        Capture a = run(demoMinute(), SimulatorConfig.defaults().withSeed(5));
        Mounting m = Mounting.parse("upsidedown");
        Capture b = run(demoMinute(), SimulatorConfig.defaults().withSeed(5).withMounting(m));
        assertEquals(a.truth.size(), b.truth.size());
        Quat tmp = new Quat();
        Quat inv = m.bodyToSensor();
        for (int k = 0; k < a.truth.size(); k += 97) {
            if (a.states.get(k) == PostureState.NOT_WORN) {
                continue; // off the body: the sensor lies on the desk whatever its mounting
            }
            double[] ta = a.truth.get(k), tb = b.truth.get(k);
            assertArrayEquals(Arrays.copyOfRange(ta, 0, 4), Arrays.copyOfRange(tb, 0, 4), 1e-12);
            // sensor→earth of b ⊗ (mount)⁻¹ is the body orientation, the same for both.
            tmp.setProduct(new Quat(tb[4], tb[5], tb[6], tb[7]), inv);
            double dot = Math.abs(tmp.w * ta[14] + tmp.x * ta[15] + tmp.y * ta[16] + tmp.z * ta[17]);
            assertEquals(1, dot, 1e-9);
        }
        assertEquals(a.states, b.states);
    }

    @Test
    void truthAnglesMatchTheBodyOrientationRelativeToNeutral() {
        Scenario s = demoMinute();
        Capture c = run(s, SimulatorConfig.defaults());
        BodyModel model = new BodyModel(s, 1);
        Quat neutral = new Quat();
        model.orientation(0, 0, 0, neutral);
        PostureFrame f = new PostureFrame();
        Quat rel = new Quat();
        for (int k = 0; k < c.truth.size(); k += 31) {
            double[] tr = c.truth.get(k);
            if (c.states.get(k) == PostureState.NOT_WORN) {
                assertTrue(Double.isNaN(tr[1]) && Double.isNaN(tr[2]) && Double.isNaN(tr[3]));
                continue;
            }
            rel.setConjugateProduct(neutral, new Quat(tr[14], tr[15], tr[16], tr[17]));
            // the inverse of the construction, by the posture stage's own decomposition
            PostureTracker.decompose(rel.w, rel.x, rel.y, rel.z, f);
            assertEquals(tr[1], f.flexionDeg, 1e-6);
            assertEquals(tr[2], f.lateralBendDeg, 1e-6);
            assertEquals(tr[3], f.axialRotationDeg, 1e-6);
        }
    }

    @Test
    void postureLabelsFollowTheActivities() {
        Capture c = run(demoMinute(), SimulatorConfig.defaults());
        assertEquals(PostureState.UPRIGHT, c.states.get(500));
        assertEquals(PostureState.LEANING_SIDEWAYS, c.states.get(4100));  // lean at 38..44 s
        assertEquals(PostureState.RECLINED, c.states.get(4700));          // recline at 44..50 s
        assertEquals(PostureState.STANDING, c.states.get(5400));
        assertEquals(PostureState.WALKING, c.states.get(6300));
        assertEquals(PostureState.LYING, c.states.get(7600));
        assertFalse(c.states.contains(PostureState.SLOUCHED), "a 6 s reach is not a slump");
    }

    @Test
    void aSensorTakenOffLiesStillFaceUpAndIsLabelledNotWorn() {
        Scenario s = Scenario.parse("t", "0 10s type\n+ 20s off\n+ 10s type\n", "t");
        SimulatorConfig cfg = SimulatorConfig.defaults().withMounting(Mounting.parse("tilted20"));
        Capture c = run(s, cfg);
        double[] mid = c.samples.get(2000);
        double[] tr = c.truth.get(2000);
        assertEquals(Simulator.GRAVITY_MPS2, mid[6], 0.1, "face up: z reads gravity");
        assertEquals(0, mid[1] - tr[8], 0.01, "still: gyro is bias and noise");
        assertEquals(PostureState.NOT_WORN, c.states.get(2000));
        assertTrue(Double.isNaN(tr[1]));
        assertEquals(PostureState.UPRIGHT, c.states.get(3500));
        // Putting it back on restores the worn orientation: the gyro integration test covers the transitions.
        double[] back = c.truth.get(3500);
        assertEquals(0, back[1], 4);
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() {
        SimulatorConfig cfg = SimulatorConfig.defaults().withMagnetometer(true).withSeed(11);
        Capture a = run(demoMinute(), cfg);
        Capture b = run(demoMinute(), cfg);
        Capture other = run(demoMinute(), cfg.withSeed(12));
        for (int k = 0; k < a.samples.size(); k++) {
            assertArrayEquals(a.samples.get(k), b.samples.get(k));
        }
        assertFalse(Arrays.equals(a.samples.get(100), other.samples.get(100)));
        assertFalse(Double.isNaN(a.samples.get(0)[7]), "magnetometer present");
        assertTrue(a.ended);
    }

    @Test
    void batchesAreFilledInPiecesWithoutLosingSamples() {
        Simulator sim = new Simulator(demoMinute(), SimulatorConfig.defaults().withRate(50));
        SampleBatch batch = new SampleBatch(100);
        long total = 0;
        double lastT = -0.02;
        while (sim.hasNext()) {
            batch.clear();
            int n = sim.fill(batch, 37);
            assertEquals(n, batch.size());
            for (int i = 0; i < n; i++) {
                assertEquals(lastT + 0.02, batch.tS[i], 1e-9);
                lastT = batch.tS[i];
            }
            total += n;
        }
        assertEquals(4300, total);
        assertEquals(sim.sampleCount(), total);
    }
}
