package io.midback.mobility;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis on plain angle series: repetitions, blocks, ranges and notes. */
class MobilityAnalysisTest {
    static final double DT = 0.02;

    /** A smooth excursion 0 → peak → back to {@code endDeg} over {@code durS}, on one axis, from {@code t0}. */
    private static double bump(double t, double t0, double durS, double peakDeg, double endDeg) {
        double u = (t - t0) / durS;
        if (u <= 0 || u >= 1) {
            return u >= 1 ? endDeg : 0;
        }
        double up = Math.sin(Math.PI * Math.min(u, 0.5)) * peakDeg;
        return u <= 0.5 ? up : endDeg + (peakDeg - endDeg) * Math.sin(Math.PI * u);
    }

    @Test
    void threeFlexionsThenAnAlternatingRotationBlockWithNotes() {
        AngleSeries s = new AngleSeries();
        for (double t = 0; t < 40; t += DT) {
            double flex = 0, side = 0, rot = 0;
            flex += bump(t, 1, 3, 60, 0);
            // the second flexion comes back only to 20° before the third goes out again (to 58°) and back to 0
            flex += t >= 5 && t < 8 ? bump(t, 5, 3, 64, 20) : 0;
            flex += t >= 8 && t < 11 ? 20 + bump(t, 8, 3, 38, -20) : 0;
            // alternating rotation left-right-left, the right one with 20° of side bend mixed in
            rot += bump(t, 25, 2, -45, 0) + bump(t, 27, 2, 50, 0) + bump(t, 29, 2, -47, 0);
            side += bump(t, 27, 2, 20, 0);
            s.add(t, flex, side, rot);
        }
        MobilityResult r = MobilityAnalysis.analyse(s, List.of(), MobilitySettings.defaults(), null);
        assertEquals(3, r.reps().get(Direction.FLEXION).size());
        assertArrayEquals(new double[] {60, 64, 58}, r.peaksDeg(Direction.FLEXION), 0.5);
        assertEquals(60, r.romDeg(Direction.FLEXION), 0.5);
        assertEquals(6, r.spreadDeg(Direction.FLEXION), 0.5);
        assertEquals(2, r.reps().get(Direction.ROTATION_LEFT).size());
        assertEquals(1, r.reps().get(Direction.ROTATION_RIGHT).size());
        assertEquals(0, r.reps().get(Direction.SIDE_BEND_RIGHT).size(), "the mixed side bend is not a repetition");
        assertEquals(List.of("flexion", "rotation"), r.blocks().stream().map(Block::movement).toList());
        assertEquals(50 - 46, r.asymmetryDeg(Direction.Plane.ROTATION), 0.5);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("flexion repetition 2") && n.contains("not back")),
                r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("rotationRight repetition 1")
                && n.contains("side bend of 20°")), r.notes().toString());
        assertTrue(r.notes().stream().noneMatch(n -> n.startsWith("flexion repetition 1")), r.notes().toString());
    }

    @Test
    void thePromptsEventsDecideTheBlocks() {
        AngleSeries s = new AngleSeries();
        for (double t = 0; t < 20; t += DT) {
            s.add(t, bump(t, 1, 2, 30, 0) + bump(t, 4, 2, -20, 0), bump(t, 11, 2, -30, 0), 0);
        }
        List<MobilityEvent> ev = List.of(MobilityEvent.parse("0.5 block-start flexion"),
                MobilityEvent.parse("7 block-end"), MobilityEvent.parse("10 block-start sideBendLeft"),
                MobilityEvent.parse("14 block-end"));
        MobilityResult r = MobilityAnalysis.analyse(s, ev, MobilitySettings.defaults(), null);
        assertEquals("events", r.segmentation());
        assertEquals(1, r.reps().get(Direction.FLEXION).size());
        assertEquals(0, r.reps().get(Direction.EXTENSION).size(), "not prompted in a flexion block");
        assertEquals(1, r.reps().get(Direction.SIDE_BEND_LEFT).size());
        assertEquals(0.5, r.blocks().get(0).startS(), 1e-9);
        assertEquals(7, r.blocks().get(0).endS(), 1e-9);
    }

    /** Eased (cosine) between key frames {time, value, time, value, …}: at rest at every key frame. */
    private static double keys(double t, double... kv) {
        if (t <= kv[0]) {
            return kv[1];
        }
        for (int i = 2; i < kv.length; i += 2) {
            if (t <= kv[i]) {
                double u = (t - kv[i - 2]) / (kv[i] - kv[i - 2]);
                return kv[i - 1] + (kv[i + 1] - kv[i - 1]) * (1 - Math.cos(Math.PI * u)) / 2;
            }
        }
        return kv[kv.length - 1];
    }

    @Test
    void returnsThatOvershootUprightAreNotRepetitionsButABriskAsymmetricAlternationIs() {
        AngleSeries s = new AngleSeries();
        // right ×3 to 45°, every return swinging on to 12° left before settling at upright; then after a pause
        // left-right alternating at a brisk 3 s cycle, 25° left and 65° right (a very stiff left side)
        double[] rot = {0, 0};
        java.util.List<Double> kv = new java.util.ArrayList<>(List.of(0.0, 0.0, 2.0, 0.0));
        double t = 2;
        for (int i = 0; i < 3; i++) {
            kv.addAll(List.of(t + 1.5, 45.0, t + 3, -12.0, t + 3.8, 0.0, t + 5.8, 0.0));
            t += 5.8;
        }
        t += 6;
        kv.addAll(List.of(t, 0.0));
        for (int i = 0; i < 5; i++) {
            kv.addAll(List.of(t + 0.75 + 1.5 * i, i % 2 == 0 ? -25.0 : 65.0));
        }
        kv.addAll(List.of(t + 0.75 + 1.5 * 5, 0.0, t + 12, 0.0));
        double[] k = kv.stream().mapToDouble(Double::doubleValue).toArray();
        for (double x = 0; x < t + 12; x += DT) {
            s.add(x, 0, 0, keys(x, k));
        }
        MobilityResult r = MobilityAnalysis.analyse(s, List.of(), MobilitySettings.defaults(), null);
        assertEquals(3 + 2, r.reps().get(Direction.ROTATION_RIGHT).size(), "3 right, then 2 right alternating");
        assertEquals(3, r.reps().get(Direction.ROTATION_LEFT).size(), "only the alternating block's 3 left");
        assertEquals(List.of("rotationRight", "rotation"), r.blocks().stream().map(Block::movement).toList());
        assertArrayEquals(new double[] {45, 45, 45, 65, 65}, r.peaksDeg(Direction.ROTATION_RIGHT), 0.5);
        assertArrayEquals(new double[] {25, 25, 25}, r.peaksDeg(Direction.ROTATION_LEFT), 0.5);
    }
}
