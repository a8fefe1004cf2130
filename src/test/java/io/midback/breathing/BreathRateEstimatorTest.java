package io.midback.breathing;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreathRateEstimatorTest {
    private static final double G = 9.81;

    /** Gravity tipped about the sensor's x axis by {@code tiltDeg}, sensor y up: what an upright mounting reads. */
    private static void feedTilt(BreathRateEstimator e, double tS, double tiltDeg, double noiseMps2, Random r) {
        double a = Math.toRadians(tiltDeg);
        e.update(tS, noiseMps2 * r.nextGaussian(), G * Math.cos(a) + noiseMps2 * r.nextGaussian(),
                G * Math.sin(a) + noiseMps2 * r.nextGaussian());
    }

    @Test
    void aSteadyBreathOfHalfADegreeGivesItsRateWithinAMinute() {
        for (double rate : new double[] {6, 12, 24}) {
            BreathRateEstimator e = new BreathRateEstimator();
            Random r = new Random(1);
            double hz = 50;
            for (int i = 0; i < 60 * hz; i++) {
                double t = i / hz;
                feedTilt(e, t, 3 + 0.25 * Math.sin(2 * Math.PI * rate / 60 * t), 0.01, r);
            }
            assertEquals(rate, e.ratePerMin(), 0.2, "at " + rate + "/min");
            assertTrue(e.quality() > 0.9, "quality " + e.quality());
            assertTrue(!e.isMoving());
        }
    }

    @Test
    void walkingJitterReportsNothing() {
        BreathRateEstimator e = new BreathRateEstimator();
        Random r = new Random(2);
        double hz = 100;
        for (int i = 0; i < 120 * hz; i++) {
            double t = i / hz;
            double breath = 0.25 * Math.sin(2 * Math.PI * 0.25 * t);
            double step = 2.5 * Math.cos(2 * Math.PI * 1.8 * t);
            double a = Math.toRadians(breath);
            e.update(t, 0.02 * r.nextGaussian(), G * Math.cos(a) + step, G * Math.sin(a));
            assertTrue(Double.isNaN(e.ratePerMin()), "a rate while walking at " + t);
        }
        assertTrue(e.isMoving());
    }

    @Test
    void aSensorLyingStillWithOnlyNoiseCountsNoBreaths() {
        BreathRateEstimator e = new BreathRateEstimator();
        Random r = new Random(3);
        for (int i = 0; i < 120 * 50; i++) {
            e.update(i / 50.0, 0.003 * r.nextGaussian(), 0.003 * r.nextGaussian(), G + 0.003 * r.nextGaussian());
        }
        assertTrue(Double.isNaN(e.ratePerMin()), "rate " + e.ratePerMin());
    }

    @Test
    void aPostureShiftRestartsTheCountAndTheRateComesBack() {
        BreathRateEstimator e = new BreathRateEstimator();
        Random r = new Random(4);
        double hz = 50;
        boolean sawNaNAfterShift = false;
        for (int i = 0; i < 150 * hz; i++) {
            double t = i / hz;
            double shift = t < 60 ? 0 : t < 62 ? 10 * (t - 60) / 2 : 10;
            feedTilt(e, t, shift + 0.3 * Math.sin(2 * Math.PI * 15 / 60 * t), 0.01, r);
            if (t > 61 && t < 63) {
                sawNaNAfterShift |= Double.isNaN(e.ratePerMin());
            }
        }
        assertTrue(sawNaNAfterShift);
        assertEquals(15, e.ratePerMin(), 0.2);
    }

    /** Gravity tipped about x by {@code flexDeg} and about z by {@code sideDeg}: an upright mounting. */
    private static void feedTilt2(BreathRateEstimator e, double tS, double flexDeg, double sideDeg, Random r) {
        double a = Math.toRadians(flexDeg), b = Math.toRadians(sideDeg);
        e.update(tS, G * Math.sin(b) + 0.01 * r.nextGaussian(), G * Math.cos(a) * Math.cos(b)
                + 0.01 * r.nextGaussian(), G * Math.sin(a) * Math.cos(b) + 0.01 * r.nextGaussian());
    }

    @Test
    void aFastBreathUnderTheSlowSwayOfStandingGetsItsRateASlowOneUnderSwayNone() {
        for (double rate : new double[] {6, 24}) {
            BreathRateEstimator e = new BreathRateEstimator();
            Random r = new Random(5);
            double hz = 50;
            int withRate = 0, right = 0, scored = 0;
            for (int i = 0; i < 180 * hz; i++) {
                double t = i / hz;
                // sway: 0.8° at 0.12 Hz and 0.4° at 0.05 Hz forward and back, 0.6° at 0.09 Hz sideways
                double sway = 0.8 * Math.sin(2 * Math.PI * 0.12 * t) + 0.4 * Math.sin(2 * Math.PI * 0.05 * t + 1);
                double side = 0.6 * Math.sin(2 * Math.PI * 0.09 * t + 2);
                feedTilt2(e, t, 3 + sway + 0.3 * Math.sin(2 * Math.PI * rate / 60 * t), side, r);
                if (t >= 60 && i % (int) hz == 0) {
                    scored++;
                    if (!Double.isNaN(e.ratePerMin())) {
                        withRate++;
                        right += Math.abs(e.ratePerMin() - rate) <= 1 ? 1 : 0;
                    }
                }
            }
            if (rate == 24) {
                assertTrue(withRate >= 0.9 * scored, withRate + " of " + scored + " seconds with a rate");
                assertEquals(withRate, right, "every rate within 1 breath/min");
            } else {
                assertEquals(0, withRate, "slow breathing under sway: no rate rather than the sway's");
            }
        }
    }

    @Test
    void theUpdateAllocatesNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        BreathRateEstimator e = new BreathRateEstimator();
        double sink = 0;
        int i = 0;
        for (int round = 0; round < 3; round++) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int k = 0; k < 200_000; k++, i++) {
                double t = i / 100.0;
                double a = Math.toRadians(0.3 * Math.sin(2 * Math.PI * 0.2 * t)
                        + (t % 300 < 5 ? 20 : 0)); // a posture shift every 5 minutes
                e.update(t, 0.01 * Math.sin(t * 37), G * Math.cos(a), G * Math.sin(a));
                sink += e.signalDeg();
            }
            long allocated = mx.getThreadAllocatedBytes(id) - before;
            if (round == 2) {
                assertTrue(allocated < 1000, "allocated " + allocated + " bytes over 200 000 updates");
            }
        }
        assertTrue(sink != 0 && e.breathsCounted() > 100);
    }
}
