package io.midback.breathing;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WholeSecondsTest {

    @Test
    void givesWhatMathFloorGivesAsALong() {
        double[] edges = {0, -0.0, 0.5, -0.5, 1, -1, 1.0 - 1e-16, -1e-300, 2.5e-1 / 0.1, 0.3 / 0.1, 1e15 + 0.5,
                -1e15 - 0.5, 9.2e18, -9.2e18, 1e19, -1e19, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Long.MIN_VALUE, Long.MAX_VALUE, (double) Long.MIN_VALUE - 4096};
        for (double x : edges) {
            assertEquals((long) Math.floor(x), WholeSeconds.floor(x), "floor(" + x + ")");
        }
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20));
            assertEquals((long) Math.floor(x), WholeSeconds.floor(x), "floor(" + x + ")");
            double t = i * 0.01; // session times at 100 Hz, and their 0.1 s blocks
            assertEquals((long) Math.floor(t / AccelBlocks.BLOCK_S), WholeSeconds.floor(t / AccelBlocks.BLOCK_S));
        }
    }
}
