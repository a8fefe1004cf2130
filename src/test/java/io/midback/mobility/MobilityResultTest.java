package io.midback.mobility;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures of a check as people read them. */
class MobilityResultTest {

    private static Rep rep(Direction d, double peakDeg) {
        return new Rep(d, 0, 1, 2, peakDeg, 0, 0);
    }

    /**
     * The asymmetry is the difference of the ranges as shown (to 0.1°): 39.44 and 23.65 show as 39.4 and 23.7, so
     * right − left reads 15.7, not the 15.8 of the unrounded ranges beside figures that differ by 15.7.
     */
    @Test
    void theAsymmetryIsTheDifferenceOfTheRangesShown() {
        MobilityResult r = new MobilityResult(Map.of(Direction.ROTATION_RIGHT, List.of(rep(Direction.ROTATION_RIGHT,
                39.44)), Direction.ROTATION_LEFT, List.of(rep(Direction.ROTATION_LEFT, 23.65))), List.of(), List.of(),
                null, 0, "test");
        assertEquals(15.7, r.asymmetryDeg(Direction.Plane.ROTATION), 1e-9);
        assertTrue(r.toLines().contains("rotation asymmetry: right − left = +15.7°"), r.toLines().toString());
        assertTrue(r.toJson().contains("\"rightMinusLeftDeg\":15.7"), r.toJson());
    }

    @Test
    void directionsHaveNamesPeopleRead() {
        assertEquals("side bend left", Direction.SIDE_BEND_LEFT.label());
        assertEquals("rotation right", Direction.ROTATION_RIGHT.label());
        assertEquals("flexion", Direction.FLEXION.label());
    }
}
