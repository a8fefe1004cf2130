package io.midback.align;

import io.midback.orientation.OrientationFilters;
import io.midback.sensor.Quat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two clocks aligned from the movements both sensors felt; a lower stream read on the upper timeline. */
class ClockAlignmentTest {

    /** Bursts of rotation at random times (the same for both), each sensor its own noise. */
    private static double rateAt(double t, double[] burstsS) {
        double r = 0;
        for (double b : burstsS) {
            double u = (t - b) / 1.5;
            r += Math.exp(-u * u);
        }
        return 0.8 * r;
    }

    private static SampleTrack track(double[] bursts, double rateHz, double offsetS, double fast, double durS,
                                     long seed) {
        Random noise = new Random(seed);
        SampleTrack s = new SampleTrack();
        for (int k = 0; ; k++) {
            double device = k / rateHz;
            double t = offsetS + device / (1 + fast);
            if (t > durS) {
                break;
            }
            s.add(device, rateAt(t, bursts) + 0.01 * noise.nextGaussian(), 0.01 * noise.nextGaussian(), 0,
                    0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
        }
        return s;
    }

    private static double[] bursts(long seed, double durS) {
        Random r = new Random(seed);
        List<Double> b = new ArrayList<>();
        for (double t = 5; t < durS; t += 4 + 12 * r.nextDouble()) {
            b.add(t);
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void findsTheOffsetAndA2PercentDriftFromTheGyroscopes() {
        double[] b = bursts(7, 600);
        SampleTrack upper = track(b, 50, 0, 0, 600, 1);
        SampleTrack lower = track(b, 100, 3.2, 0.02, 600, 2);
        ClockFit fit = ClockAlignment.estimate(upper, lower, 60);
        System.out.printf("clock fit: offset %.4f s (true %.4f), drift %.4f %% (true 2), %d windows%n",
                fit.offsetS(), -3.2 * 1.02, fit.driftPct(), fit.windows());
        assertEquals(-3.2 * 1.02, fit.offsetS(), 0.03);
        assertEquals(2.0, fit.driftPct(), 0.01);
        assertTrue(fit.windows() >= 10);
        assertEquals(100.0, fit.upperTimeS(fit.offsetS() + fit.scale() * 100.0), 1e-9);
    }

    @Test
    void streamsThatNeverMoveAreTakenAsOneClock() {
        SampleTrack upper = track(new double[0], 50, 0, 0, 200, 1);
        SampleTrack lower = track(new double[0], 50, 0, 0, 200, 2);
        assertEquals(ClockFit.SAME, ClockAlignment.estimate(upper, lower, 60));
    }

    @Test
    void aLowerStreamThatEndsEarlySaysSoOnceAndTheInterpolationFollowsItsFilter() {
        SampleTrack lower = new SampleTrack();
        for (int k = 0; k < 1000; k++) { // 10 s at 100 Hz, turning 0.25 rad/s about z, on a clock 2 % fast
            lower.add(k / 100.0, 0, 0, 0.25, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
        }
        ClockFit fit = new ClockFit(0, 1.02, 0, 0);
        List<String> notices = new ArrayList<>();
        LowerStream s = new LowerStream(lower, fit, OrientationFilters.create("midback", 100), notices::add);
        Quat q0 = null;
        for (int i = 0; i < 600; i++) { // the upper at 50 Hz for 12 s
            double t = i / 50.0;
            boolean present = s.advanceTo(t);
            if (i == 50) {
                assertTrue(present);
                q0 = new Quat(s.qw(), s.qx(), s.qy(), s.qz());
            }
            if (i == 450) { // 8 s of upper time later: 0.25 rad/s × 8 s of true time
                assertTrue(present);
                Quat d = new Quat().setConjugateProduct(q0, new Quat(s.qw(), s.qx(), s.qy(), s.qz()));
                assertEquals(2.0, d.angleRad(), 0.01, "turned by the true rate over true time");
            }
            if (t > 10 / 1.02 + 0.05) {
                assertFalse(present, "after the lower stream's end at " + t);
            }
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("the session goes on with the upper sensor alone"), notices.get(0));
    }
}
