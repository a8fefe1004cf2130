package io.midback.posture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostureTrackerTest {

    private final PostureFrame out = new PostureFrame();

    @Test
    void decompositionInvertsTheIsbSequenceOverOrdinaryRanges() {
        Random rnd = new Random(1);
        for (int i = 0; i < 20000; i++) {
            double f = -80 + 170 * rnd.nextDouble();
            double l = -70 + 140 * rnd.nextDouble();
            double a = -170 + 340 * rnd.nextDouble();
            double[] r = Synthetic.body(0, f, l, a);
            TrunkAngles.decompose(r[0], r[1], r[2], r[3], out);
            assertEquals(f, out.flexionDeg, 1e-6);
            assertEquals(l, out.lateralBendDeg, 1e-6);
            assertEquals(a, out.axialRotationDeg, 1e-6);
        }
    }

    @Test
    void signConventions() {
        double[] flex = Synthetic.body(0, 10, 0, 0); // trunk top moves forward (+y)
        double[] up = rotate(flex, 0, 0, 1);
        assertTrue(up[1] > 0.1, "flexion moves the trunk's top forward");
        double[] bendRight = Synthetic.body(0, 0, 10, 0);
        assertTrue(rotate(bendRight, 0, 0, 1)[0] > 0.1, "right bend moves the top to the right");
        double[] turnRight = Synthetic.body(0, 0, 0, 10);
        assertTrue(rotate(turnRight, 0, 1, 0)[0] > 0.1, "right rotation turns the front to the right");
    }

    static double[] rotate(double[] q, double x, double y, double z) {
        double[] v = Synthetic.mul(Synthetic.mul(q, new double[] {0, x, y, z}), Synthetic.conj(q));
        return new double[] {v[1], v[2], v[3]};
    }

    static Stream<Arguments> mounts() {
        return Stream.of(
                Arguments.of("upright", Synthetic.defaultMount()),
                Arguments.of("tilted 20° (pitch)", Synthetic.mountRotated('x', 20)),
                Arguments.of("tilted 20° (roll)", Synthetic.mountRotated('z', 20)),
                Arguments.of("turned 90°", Synthetic.mountRotated('z', 90)),
                Arguments.of("upside down", Synthetic.mountRotated('z', 180)));
    }

    /** Runs: upright still (calibration from first still window), then the given angles held. */
    private PostureTracker run(PostureSettings settings, Synthetic s, double[][] segments) {
        PostureTracker tr = new PostureTracker(settings);
        for (double[] seg : segments) {
            int n = s.samples(seg[0]);
            for (int i = 0; i < n; i++) {
                s.step(seg[1], seg[2], seg[3]).feed(tr, out);
            }
        }
        return tr;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mounts")
    void defaultMountingRecoversAnyRotationInTheBackPlane(String name, double[] mount) {
        Synthetic s = new Synthetic(50, mount);
        s.breathingDeg = 0;
        PostureTracker tr = run(PostureSettings.defaults(), s, new double[][] {{6, 0, 0, 0}, {2, 30, 12, 0}});
        assertTrue((tr.calibration() != null));
        assertEquals("default", tr.calibration().mountingSource());
        assertTrue(tr.calibration().warnings().isEmpty(), tr.calibration().warnings().toString());
        assertEquals(30, out.flexionDeg, 0.05, name);
        assertEquals(12, out.lateralBendDeg, 0.05, name);
    }

    @Test
    void aSensorFacingTheSkinNeedsTheForwardLean() {
        double[] flipped = Synthetic.mountRotated('y', 180);
        // Without the lean: the default assumption reads flexion as extension.
        Synthetic s1 = new Synthetic(50, flipped);
        s1.breathingDeg = 0;
        run(PostureSettings.defaults(), s1, new double[][] {{6, 0, 0, 0}, {2, 30, 0, 0}});
        assertEquals(-30, out.flexionDeg, 0.1);
        // With a forward lean at 8 s (ramp to 25° and back), flexion and side bend are right.
        Synthetic s2 = new Synthetic(50, flipped);
        s2.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults().withForwardAt(8));
        hold(tr, s2, 8, 0, 0);
        for (int i = 0; i < s2.samples(4); i++) {
            double f = 25 * Math.sin(Math.PI * i / s2.samples(4));
            s2.step(f, 0, 0).feed(tr, out);
        }
        hold(tr, s2, 2, 0, 0);
        assertEquals("forward-lean", tr.calibration().mountingSource());
        assertEquals(25, tr.calibration().leanDeg(), 0.5);
        hold(tr, s2, 2, 30, 10);
        assertEquals(30, out.flexionDeg, 0.1);
        assertEquals(10, out.lateralBendDeg, 0.1);
    }

    @Test
    void forwardLeanWorksForASensorOnTheSideOfTheTrunk() {
        double[] side = Synthetic.mountRotated('y', 90); // face pointing to the wearer's side
        Synthetic s = new Synthetic(100, side);
        s.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults().withForwardAt(1).withCalibrateAt(8));
        hold(tr, s, 1, 0, 0);
        for (int i = 0; i < s.samples(4); i++) {
            s.step(20 * Math.sin(Math.PI * i / s.samples(4)), 0, 0).feed(tr, out);
        }
        hold(tr, s, 8, 0, 0);
        assertTrue((tr.calibration() != null));
        assertEquals("forward-lean", tr.calibration().mountingSource());
        hold(tr, s, 1, -15, -8);
        assertEquals(-15, out.flexionDeg, 0.1);
        assertEquals(-8, out.lateralBendDeg, 0.1);
    }

    private void hold(PostureTracker tr, Synthetic s, double seconds, double f, double l) {
        for (int i = 0; i < s.samples(seconds); i++) {
            s.step(f, l, 0).feed(tr, out);
        }
    }

    @Test
    void calibrateAtUsesThatWindowAndNotEarlierOnes() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        PostureTracker tr = new PostureTracker(PostureSettings.defaults().withCalibrateAt(10));
        hold(tr, s, 10, 20, 0); // slumped and still before the window
        assertFalse((tr.calibration() != null));
        assertEquals(PostureState.UNKNOWN, out.state);
        hold(tr, s, 3.1, 5, 0); // the wearer's own upright is 5° forward
        assertTrue((tr.calibration() != null));
        assertEquals(10, tr.calibration().atS(), 0.03);
        assertEquals("calibrate-at", tr.calibration().source());
        hold(tr, s, 1, 25, 0);
        assertEquals(20, out.flexionDeg, 0.4);
    }

    @Test
    void firstStillWindowIsTheDefaultAndMovementPostponesIt() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        for (int i = 0; i < s.samples(5); i++) { // moving: 0.5 Hz, ±20°
            s.step(20 * Math.sin(2 * Math.PI * 0.5 * i / 50.0), 0, 0).feed(tr, out);
        }
        assertFalse((tr.calibration() != null));
        hold(tr, s, 9, 0, 0); // the stillness meter (1 s time constant) settles, then 3 s of capture
        assertTrue((tr.calibration() != null));
        assertEquals("first-still", tr.calibration().source());
        assertTrue(tr.calibration().atS() > 5, "window after the movement: " + tr.calibration().atS());
    }

    @Test
    void warnsWhenMovingDuringCaptureOrTiltedFarFromTheMounting() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        PostureTracker tr = new PostureTracker(PostureSettings.defaults().withCalibrateAt(0));
        for (int i = 0; i < s.samples(4); i++) {
            s.step(15 * Math.sin(2 * Math.PI * i / 50.0), 0, 0).feed(tr, out);
        }
        assertTrue(tr.calibration().warnings().stream().anyMatch(w -> w.contains("moving")),
                tr.calibration().warnings().toString());

        Synthetic lying = new Synthetic(50, Synthetic.mountRotated('x', 70)); // face nearly up
        PostureTracker tr2 = new PostureTracker(PostureSettings.defaults());
        hold(tr2, lying, 5, 0, 0);
        assertTrue(tr2.calibration().warnings().stream().anyMatch(w -> w.contains("default mounting")),
                tr2.calibration().warnings().toString());
    }

    @Test
    void recalibrationAtAnyTimeMakesTheCurrentPoseZero() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        s.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        List<Calibration> seen = new ArrayList<>();
        tr.setCalibrationListener(seen::add);
        hold(tr, s, 5, 0, 0);
        hold(tr, s, 2, 12, 0);
        assertEquals(12, out.flexionDeg, 0.05);
        tr.requestRecalibration();
        hold(tr, s, 3.5, 12, 0);
        assertEquals(2, seen.size());
        assertEquals("requested", seen.get(1).source());
        assertEquals(0, out.flexionDeg, 0.05);
    }

    @Test
    void headingDriftDoesNotLeakIntoFlexionOrSideBend() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        s.headingDriftDegPerS = 0.5; // 30° a minute: what an uncorrected gyroscope bias does
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        hold(tr, s, 60, 0, 0);
        double worstLat = 0, worstFlex = 0;
        // alternate slumps (still) and upright spells for 10 minutes
        for (int k = 0; k < 10; k++) {
            for (int i = 0; i < s.samples(30); i++) {
                s.step(25, 0, 0).feed(tr, out);
                worstLat = Math.max(worstLat, Math.abs(out.lateralBendDeg));
                worstFlex = Math.max(worstFlex, Math.abs(out.flexionDeg - 25));
            }
            hold(tr, s, 30, 0, 0);
        }
        assertTrue(worstLat < 1.5, "lateral bend leak " + worstLat);
        assertTrue(worstFlex < 1.0, "flexion error " + worstFlex);
        assertFalse(out.rotationAbsolute);
    }

    @Test
    void axialRotationIsMeasuredDuringShortTurns() {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        s.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        hold(tr, s, 5, 0, 0);
        for (int i = 0; i < s.samples(2); i++) {
            s.step(0, 0, 30.0 * i / s.samples(2)).feed(tr, out);
        }
        for (int i = 0; i < s.samples(2); i++) {
            s.step(0, 0, 30).feed(tr, out);
        }
        assertEquals(30, out.axialRotationDeg, 1.0);
    }

    @Test
    void calibrationMetadataRoundTrips() {
        Synthetic s = new Synthetic(50, Synthetic.mountRotated('z', 90));
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        hold(tr, s, 5, 0, 0);
        Calibration c = tr.calibration();
        assertNotNull(c);
        Calibration back = Calibration.parse(c.toMetadata());
        assertEquals(c, back);
        assertEquals(c.mountingSource(), back.mountingSource());
        PostureTracker tr2 = new PostureTracker(PostureSettings.defaults());
        tr2.useCalibration(back);
        s.step(20, 5, 0).feed(tr2, out);
        assertEquals(20, out.flexionDeg, 0.5);
        assertEquals(5, out.lateralBendDeg, 0.5);
    }
}
