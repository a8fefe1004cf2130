package io.midback.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroadMetricTest {
    private static double[] axisAngle(double x, double y, double z, double deg) {
        double n = Math.sqrt(x * x + y * y + z * z), h = Math.toRadians(deg) / 2;
        return new double[] {Math.cos(h), x / n * Math.sin(h), y / n * Math.sin(h), z / n * Math.sin(h)};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {
                a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
                a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
                a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
                a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** n random true orientations, and estimates = error ⊗ truth. */
    private static double[][] pair(int n, double[] error) {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] truth = new double[4 * n], est = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double[] t = axisAngle(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), 360 * rnd.nextDouble());
            double[] e = mul(error, t);
            System.arraycopy(t, 0, truth, 4 * i, 4);
            System.arraycopy(e, 0, est, 4 * i, 4);
        }
        return new double[][] {est, truth};
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    @Test
    void identicalOrientationsHaveNoError() {
        double[][] p = pair(100, new double[] {1, 0, 0, 0});
        for (boolean sixD : new boolean[] {false, true}) {
            BroadMetric.Result r = BroadMetric.evaluate(p[0], p[1], all(100), sixD);
            assertEquals(0, r.totalDeg(), 1e-5);
            assertEquals(0, r.headingDeg(), 1e-6);
            assertEquals(0, r.inclinationDeg(), 1e-5);
            assertEquals(100, r.evaluatedSamples());
        }
    }

    @Test
    void aHeadingErrorIsHeadingOnlyAndRemovedIn6d() {
        double[][] p = pair(50, axisAngle(0, 0, 1, 10));
        BroadMetric.Result r9 = BroadMetric.evaluate(p[0], p[1], all(50), false);
        assertEquals(10, r9.totalDeg(), 1e-9);
        assertEquals(10, r9.headingDeg(), 1e-9);
        assertEquals(0, r9.inclinationDeg(), 1e-5);
        BroadMetric.Result r6 = BroadMetric.evaluate(p[0], p[1], all(50), true);
        assertEquals(10, r6.headingOffsetDeg(), 1e-9);
        assertEquals(0, r6.totalDeg(), 1e-5);
        assertEquals(0, r6.headingDeg(), 1e-6);
    }

    @Test
    void anInclinationErrorIsInclinationOnlyAndStaysIn6d() {
        double[][] p = pair(50, axisAngle(1, 1, 0, 5));
        for (boolean sixD : new boolean[] {false, true}) {
            BroadMetric.Result r = BroadMetric.evaluate(p[0], p[1], all(50), sixD);
            assertEquals(5, r.totalDeg(), 1e-9);
            assertEquals(0, r.headingDeg(), 1e-6);
            assertEquals(5, r.inclinationDeg(), 1e-9);
        }
    }

    @Test
    void theRmseSkipsRestAndMissingTruthAndIgnoresTheQuaternionSign() {
        double[][] a = pair(4, axisAngle(0, 0, 1, 3));
        double[][] b = pair(4, axisAngle(0, 0, 1, 4));
        double[] est = new double[32], truth = new double[32];
        System.arraycopy(a[0], 0, est, 0, 16);
        System.arraycopy(b[0], 0, est, 16, 16);
        System.arraycopy(a[1], 0, truth, 0, 16);
        System.arraycopy(b[1], 0, truth, 16, 16);
        for (int k = 0; k < 4; k++) {
            est[k] = -est[k]; // the same rotation
        }
        boolean[] evaluated = all(8);
        // sample 1: not moving, sample 5: truth missing; both would add a 90° error
        evaluated[1] = false;
        est[4] = 0;
        est[5] = 1;
        truth[20] = Double.NaN;
        est[20] = 0;
        est[21] = 1;
        BroadMetric.Result r = BroadMetric.evaluate(est, truth, evaluated, false);
        assertEquals(6, r.evaluatedSamples());
        assertEquals(Math.sqrt((3 * 9 + 3 * 16) / 6.0), r.headingDeg(), 1e-9);
        assertEquals(r.headingDeg(), r.totalDeg(), 1e-9);
    }

    @Test
    void noEvaluatedSampleGivesNaN() {
        double[][] p = pair(3, new double[] {1, 0, 0, 0});
        BroadMetric.Result r = BroadMetric.evaluate(p[0], p[1], new boolean[3], false);
        assertTrue(Double.isNaN(r.totalDeg()));
        assertEquals(0, r.evaluatedSamples());
    }
}
