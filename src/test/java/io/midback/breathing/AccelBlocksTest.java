package io.midback.breathing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccelBlocksTest {

    @Test
    void aBlockOfTenthOfASecondFinishesWithItsSumsWhenTheNextBegins() {
        AccelBlocks blocks = new AccelBlocks();
        // 100 Hz from t = 0.005 s: samples 0..9 fall in block 0 (0-0.1 s), sample 10 begins block 1
        for (int i = 0; i < 10; i++) {
            assertEquals(AccelBlocks.ADDED, blocks.add(0.005 + i * 0.01, i, 2 * i, 9.8), "sample " + i);
        }
        assertEquals(AccelBlocks.FINISHED, blocks.add(0.105, 100, 100, 100));
        assertEquals(0.1, blocks.finishedEndS, 1e-12);
        assertEquals(10, blocks.finishedSamples);
        assertEquals(45, blocks.finishedSx, 0);
        assertEquals(90, blocks.finishedSy, 0);
        assertEquals(98, blocks.finishedSz, 1e-12);
        assertEquals(285, blocks.finishedSxx, 0); // 0² + 1² + … + 9²
        assertEquals(1140, blocks.finishedSyy, 0);
        assertEquals(10 * 9.8 * 9.8, blocks.finishedSzz, 1e-9);
    }

    @Test
    void aGapOrAStepBackRestartsAndDropsTheUnfinishedBlock() {
        AccelBlocks blocks = new AccelBlocks();
        blocks.add(0.005, 1, 1, 1);
        blocks.add(0.015, 1, 1, 1);
        assertEquals(AccelBlocks.RESTARTED, blocks.add(5.005, 2, 2, 2), "a gap of 5 s");
        assertEquals(AccelBlocks.ADDED, blocks.add(5.015, 2, 2, 2));
        assertEquals(AccelBlocks.FINISHED, blocks.add(5.105, 3, 3, 3));
        assertEquals(2, blocks.finishedSamples, "only the samples after the gap");
        assertEquals(4, blocks.finishedSx, 0);
        assertEquals(AccelBlocks.RESTARTED, blocks.add(5.0, 3, 3, 3), "time going back");
        assertEquals(AccelBlocks.ADDED, blocks.add(Double.NaN, 3, 3, 3), "a NaN time is passed over");
        assertEquals(AccelBlocks.ADDED, blocks.add(5.01, Double.NaN, 3, 3), "a NaN value is passed over");
        assertEquals(AccelBlocks.FINISHED, blocks.add(5.2, 3, 3, 3));
        assertEquals(1, blocks.finishedSamples, "the NaN samples were not counted");
    }
}
