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
}
