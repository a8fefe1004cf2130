package io.midback.posture;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnglesTest {
    @Test
    void atan2AndAsinAgreeWithTheLibraryToTwoTenthsOfANanoradian() {
        Random rnd = new Random(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double y = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            double x = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            worst = Math.max(worst, Math.abs(Angles.atan2(y, x) - Math.atan2(y, x)));
            double s = rnd.nextDouble() * 2 - 1;
            worst = Math.max(worst, Math.abs(Angles.asin(s) - Math.asin(s)));
        }
        assertTrue(worst < 2e-10, "largest difference " + worst + " rad");
        for (double[] c : new double[][] {{0, 1}, {1, 0}, {0, -1}, {-1, 0}, {1, 1}, {-1, -1}, {1e-300, -1}}) {
            assertEquals(Math.atan2(c[0], c[1]), Angles.atan2(c[0], c[1]), 1e-7);
        }
        assertEquals(0, Angles.atan2(0, 0));
        assertEquals(Math.PI / 2, Angles.asin(1.0000001), 1e-7, "clamped");
        assertTrue(Double.isNaN(Angles.atan2(Double.NaN, 1)));
    }

    @Test
    void theSmallAngleSeriesAgreesWithTheLibraryToTheLastBitsOverItsRange() {
        Random rnd = new Random(6);
        double worstRelative = 0;
        for (int i = 0; i < 200_000; i++) {
            double t = (rnd.nextDouble() * 2 - 1) * Angles.SMALL_TAN * Math.pow(10, -rnd.nextInt(6));
            worstRelative = Math.max(worstRelative, Math.abs(Angles.atanSmall(t) - Math.atan(t)) / Math.abs(Math.atan(t)));
        }
        assertTrue(worstRelative < 4e-16, "largest relative difference " + worstRelative);
        assertEquals(0, Angles.atanSmall(0));
        assertEquals(Math.atan(Angles.SMALL_TAN), Angles.atanSmall(Angles.SMALL_TAN), 1e-18);
    }
}
