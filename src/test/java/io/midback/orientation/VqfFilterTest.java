package io.midback.orientation;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VqfFilterTest {
    private static final double RATE = 200;
    private static final double DT = 1 / RATE;
    private static final double DEG = Math.PI / 180;

    @Test
    void staticTiltedSensorConvergesToItsInclinationAndDetectsRest() {
        double[] truth = Quat.mul(Quat.axisAngle(0, 0, 1, 40), Quat.axisAngle(1, 0.3, 0, 35));
        SyntheticImu imu = new SyntheticImu(truth);
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 5, false);
        assertTrue(Quat.inclinationErrorDeg(Quat.of(f), truth) < 0.2,
                "inclination error " + Quat.inclinationErrorDeg(Quat.of(f), truth));
        assertTrue(VqfState.restDetected(f));
        // 6D: heading starts at the initial heading; the quaternion stays unit
        double[] q = Quat.of(f);
        assertEquals(1, q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3], 1e-12);
    }

    @Test
    void convergesAtAnyTiltEvenUpsideDown() {
        for (double tiltDeg : new double[] {0, 60, 100, 150, 179.9, 180}) {
            double[] truth = Quat.mul(Quat.axisAngle(0, 0, 1, -20), Quat.axisAngle(0.6, 0.8, 0, tiltDeg));
            SyntheticImu imu = new SyntheticImu(truth);
            VqfFilter f = new VqfFilter(RATE);
            imu.rest(f, DT, 3, false);
            assertTrue(Quat.inclinationErrorDeg(Quat.of(f), truth) < 0.3,
                    tiltDeg + "°: inclination error " + Quat.inclinationErrorDeg(Quat.of(f), truth));
        }
    }

    @Test
    void integratesAKnownRotationExactly() {
        // 90° about the vertical in one second, then 90° about the sensor's x axis: the accelerometer agrees
        SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
        imu.gyroNoise = 0;
        imu.accNoise = 0;
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 2, false);
        for (int i = 0; i < RATE; i++) {
            imu.step(f, DT, 0, 0, 90 * DEG, false);
        }
        assertEquals(90, Quat.headingDeg(Quat.of(f)), 0.01);
        for (int i = 0; i < RATE; i++) {
            imu.step(f, DT, 90 * DEG, 0, 0, false);
        }
        assertTrue(Quat.angleDeg(Quat.of(f), imu.q) < 0.05, "error " + Quat.angleDeg(Quat.of(f), imu.q));
    }

    @Test
    void fastRotationsStayAccurate() {
        // 720°/s: the series for the gyroscope step is outside its range, the exact branch takes over
        SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
        imu.gyroNoise = 0;
        imu.accNoise = 0;
        VqfFilter f = new VqfFilter(50);
        imu.rest(f, 1 / 50.0, 2, false);
        for (int i = 0; i < 25; i++) {
            imu.step(f, 1 / 50.0, 720 * DEG, 300 * DEG, 0, false);
        }
        assertTrue(Quat.angleDeg(Quat.of(f), imu.q) < 0.1, "error " + Quat.angleDeg(Quat.of(f), imu.q));
    }

    @Test
    void estimatesAGyroscopeBiasAtRest() {
        SyntheticImu imu = new SyntheticImu(Quat.axisAngle(1, 1, 0, 20));
        imu.biasX = 0.8 * DEG;
        imu.biasY = -0.5 * DEG;
        imu.biasZ = 0.3 * DEG;
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 20, false);
        assertEquals(0.8, VqfState.biasRadPerS(f)[0] / DEG, 0.02);
        assertEquals(-0.5, VqfState.biasRadPerS(f)[1] / DEG, 0.02);
        assertEquals(0.3, VqfState.biasRadPerS(f)[2] / DEG, 0.02);
        assertTrue(VqfState.biasSigmaRadPerS(f) < 0.05 * DEG, "sigma " + VqfState.biasSigmaRadPerS(f) / DEG);
        // the heading no longer drifts with the bias removed
        double h0 = Quat.headingDeg(Quat.of(f));
        imu.rest(f, DT, 60, false);
        assertEquals(h0, Quat.headingDeg(Quat.of(f)), 0.2);
    }

    @Test
    void estimatesTheHorizontalBiasInMotion() {
        SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
        imu.biasX = 1.0 * DEG;
        imu.biasY = -0.7 * DEG;
        VqfFilter f = new VqfFilter(RATE);
        for (int i = 0; i < 120 * RATE; i++) {
            double t = i * DT;
            // never at rest: a slow wobble about all axes
            imu.step(f, DT, 0.4 * Math.sin(0.9 * t), 0.3 * Math.cos(0.7 * t), 0.5 * Math.sin(0.3 * t), false);
            assertFalse(VqfState.restDetected(f) && t > 1, "moving sensor taken for resting at " + t);
        }
        // the bias is in the sensor frame; the motion turns every axis through the horizontal
        assertEquals(1.0, VqfState.biasRadPerS(f)[0] / DEG, 0.15);
        assertEquals(-0.7, VqfState.biasRadPerS(f)[1] / DEG, 0.15);
        assertTrue(Quat.inclinationErrorDeg(Quat.of(f), imu.q) < 0.5);
    }

    @Test
    void magnetometerGivesTheHeadingIn9d() {
        double[] truth = Quat.mul(Quat.axisAngle(0, 0, 1, 30), Quat.axisAngle(0, 1, 0, 15));
        SyntheticImu imu = new SyntheticImu(truth);
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 10, true);
        assertTrue(Quat.angleDeg(Quat.of(f), truth) < 0.5, "error " + Quat.angleDeg(Quat.of(f), truth));
    }

    @Test
    void rejectsAMagneticDisturbance() {
        double[] truth = Quat.axisAngle(0, 0, 1, -60);
        SyntheticImu imu = new SyntheticImu(truth);
        VqfFilter f = new VqfFilter(RATE);
        // turn slowly through the field for a while so the reference field is accepted
        imu.rest(f, DT, 10, true);
        for (int i = 0; i < 10 * RATE; i++) {
            imu.step(f, DT, 0, 0, 36 * DEG, true);
        }
        imu.rest(f, DT, 5, true);
        assertFalse(VqfState.magneticDisturbanceDetected(f));
        double before = Quat.angleDeg(Quat.of(f), imu.q);
        // a magnet near the sensor: the field turns by 45° and grows by half
        double[] saved = SyntheticImu.FIELD_ENU.clone();
        try {
            SyntheticImu.FIELD_ENU[0] = 30;
            SyntheticImu.FIELD_ENU[1] = 30;
            imu.rest(f, DT, 10, true); // within the rejection budget earned while undisturbed
            assertTrue(VqfState.magneticDisturbanceDetected(f));
            assertTrue(Quat.angleDeg(Quat.of(f), imu.q) < before + 0.5,
                    "heading followed the magnet: " + Quat.angleDeg(Quat.of(f), imu.q));
        } finally {
            System.arraycopy(saved, 0, SyntheticImu.FIELD_ENU, 0, 3);
        }
    }

    @Test
    void followsAChangeOfSamplingRate() {
        SyntheticImu imu = new SyntheticImu(Quat.axisAngle(1, 0, 0, 25));
        VqfFilter f = new VqfFilter(100); // told 100 Hz, really 400 Hz with ±10 % jitter
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 4000; i++) {
            double dt = 0.0025 * (1 + 0.1 * (2 * rnd.nextDouble() - 1));
            imu.step(f, dt, 0.3 * Math.sin(i * 0.01), 0.2, 0, false);
        }
        assertEquals(0.0025, VqfState.coefficientPeriodS(f), 0.0025 * 0.06);
        assertTrue(Quat.inclinationErrorDeg(Quat.of(f), imu.q) < 0.3,
                "inclination error " + Quat.inclinationErrorDeg(Quat.of(f), imu.q));
    }

    @Test
    void aGapReinitialisesButKeepsTheBias() {
        SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
        imu.biasX = 0.5 * DEG;
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 20, false);
        double bias = VqfState.biasRadPerS(f)[0];
        assertEquals(0.5 * DEG, bias, 0.02 * DEG);
        // while no samples came, the sensor was turned over: the filter starts from the accelerometer again
        imu.q = Quat.axisAngle(1, 0, 0, 120);
        imu.step(f, 5.0, 0, 0, 0, false);
        assertEquals(bias, VqfState.biasRadPerS(f)[0], 0.01 * DEG);
        imu.rest(f, DT, 0.5, false);
        assertTrue(Quat.inclinationErrorDeg(Quat.of(f), imu.q) < 0.5,
                "inclination error " + Quat.inclinationErrorDeg(Quat.of(f), imu.q));
    }

    @Test
    void dropsSamplesWithoutAPositivePeriod() {
        SyntheticImu imu = new SyntheticImu(Quat.axisAngle(0, 1, 0, 10));
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 1, false);
        double[] before = Quat.of(f);
        f.update(0, 1, 1, 1, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
        f.update(-0.01, 1, 1, 1, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
        f.update(Double.NaN, 1, 1, 1, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
        assertEquals(0, Quat.angleDeg(before, Quat.of(f)), 1e-12);
    }

    @Test
    void resetForgetsEverything() {
        SyntheticImu imu = new SyntheticImu(Quat.axisAngle(0, 1, 0, 50));
        imu.biasY = 1 * DEG;
        VqfFilter f = new VqfFilter(RATE);
        imu.rest(f, DT, 10, false);
        assertNotEquals(0, VqfState.biasRadPerS(f)[1]);
        f.reset();
        assertEquals(0, VqfState.biasRadPerS(f)[1]);
        assertEquals(1, f.qw());
        assertEquals("midback", f.name());
    }

    @Test
    void latencyCompensationPredictsTheOutputAhead() {
        VqfFilter plain = new VqfFilter(RATE);
        VqfFilter ahead = new VqfFilter(VqfSettings.defaults().withLatencyCompensationS(0.01), RATE);
        SyntheticImu a = new SyntheticImu(new double[] {1, 0, 0, 0});
        SyntheticImu b = new SyntheticImu(new double[] {1, 0, 0, 0});
        a.gyroNoise = b.gyroNoise = 0;
        a.rest(plain, DT, 2, false);
        b.rest(ahead, DT, 2, false);
        for (int i = 0; i < 50; i++) {
            a.step(plain, DT, 0, 0, 100 * DEG, false);
            b.step(ahead, DT, 0, 0, 100 * DEG, false);
        }
        // 100 °/s × 10 ms = 1° ahead
        assertEquals(1.0, Quat.headingDeg(Quat.of(ahead)) - Quat.headingDeg(Quat.of(plain)), 0.01);
        assertThrows(IllegalArgumentException.class, () -> VqfSettings.defaults().withLatencyCompensationS(-1));
    }

    @Test
    void theUpdateAllocatesNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        VqfFilter f = new VqfFilter(RATE);
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200_000; i++) {
                double t = i * DT;
                f.update(DT, 0.3 * Math.sin(t), 0.1, 0.2 * Math.cos(t), 0.5, 0.3, 9.7, 10 * Math.sin(t), 20, -40);
                sink += f.qw();
            }
            long allocated = mx.getThreadAllocatedBytes(id) - before;
            if (round == 2) {
                assertTrue(allocated < 1000, "allocated " + allocated + " bytes over 200 000 updates");
            }
        }
        assertTrue(sink != 0);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new VqfFilter(0));
        assertThrows(IllegalArgumentException.class, () -> new VqfFilter(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> VqfSettings.defaults().withBiasUpdatePeriodS(-0.01));
        assertThrows(IllegalArgumentException.class, () -> VqfSettings.defaults().withBiasUpdatePeriodS(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> VqfSettings.defaults().withBiasUpdatePeriodS(2));
    }

    @Test
    void aCopyChangesOnlyWhatItSetsAndIsValidatedAsAny() {
        VqfSettings paper = VqfSettings.paper();
        assertEquals(paper, paper.with(b -> { }));
        VqfSettings changed = paper.with(b -> {
            b.tauAccS = 2.5;
            b.restBiasEstimation = false;
        });
        assertEquals(2.5, changed.tauAccS());
        assertFalse(changed.restBiasEstimation());
        assertEquals(paper, changed.with(b -> {
            b.tauAccS = 3.0;
            b.restBiasEstimation = true;
        }), "every other component is copied as it was");
        assertEquals(3.0, paper.tauAccS(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> paper.with(b -> b.maxGapS = 0));
    }

    @Test
    void thePaperRunsTheBiasFilterEverySampleTheDefaultsEveryFiftyMilliseconds() {
        assertEquals(0, VqfSettings.paper().biasUpdatePeriodS());
        assertEquals(0.05, VqfSettings.defaults().biasUpdatePeriodS());
        assertEquals(VqfSettings.paper().withBiasUpdatePeriodS(0.05),
                VqfSettings.defaults().withBiasUpdatePeriodS(0.05).withBiasSigmaMotionDegPerS(0.1));
    }

    @Test
    void theDecimatedBiasFilterEstimatesWhatTheEverySampleOneDoes() {
        VqfSettings every = VqfSettings.defaults().withBiasUpdatePeriodS(0);
        VqfSettings decimated = VqfSettings.defaults();
        // in motion (never at rest): horizontal bias from the inclination corrections
        double[][] bias = new double[2][];
        double[][] q = new double[2][];
        for (int k = 0; k < 2; k++) {
            SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
            imu.biasX = 1.0 * DEG;
            imu.biasY = -0.7 * DEG;
            imu.biasZ = 0.4 * DEG;
            VqfFilter f = new VqfFilter(k == 0 ? every : decimated, RATE);
            for (int i = 0; i < 120 * RATE; i++) {
                double t = i * DT;
                imu.step(f, DT, 0.4 * Math.sin(0.9 * t), 0.3 * Math.cos(0.7 * t), 0.5 * Math.sin(0.3 * t), false);
            }
            assertTrue(Quat.inclinationErrorDeg(Quat.of(f), imu.q) < 0.5);
            // then at rest: the rest update
            imu.rest(f, DT, 20, false);
            assertTrue(VqfState.restDetected(f));
            bias[k] = new double[] {VqfState.biasRadPerS(f)[0] / DEG, VqfState.biasRadPerS(f)[1] / DEG, VqfState.biasRadPerS(f)[2] / DEG};
            q[k] = Quat.of(f);
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(bias[0][a], bias[1][a], 0.01, "bias axis " + a);
        }
        assertEquals(1.0, bias[1][0], 0.02);
        assertEquals(-0.7, bias[1][1], 0.02);
        assertEquals(0.4, bias[1][2], 0.02);
        assertTrue(Quat.inclinationErrorDeg(q[0], q[1]) < 0.05, "inclination apart " + Quat.inclinationErrorDeg(q[0], q[1]));
    }
    @Test
    void withTheTwoSensorSettingsASlowTurnThatPassesForRestIsNotLearntAsBias() {
        // a sensor tilted 30°, its gyroscope biased on every axis, still for a minute; then the wearer turns about
        // the vertical at 0.6 °/s for a minute (steady: "at rest" to the detector), then is still again
        double[] start = Quat.axisAngle(1, 0, 0, 30);
        double turnDegPerS = 0.6, turnS = 60;
        double[] turnRate = Quat.rotateInverse(start, new double[] {0, 0, turnDegPerS * DEG});
        double[] turned = new double[2], drift = new double[2];
        VqfSettings[] settings = {VqfSettings.defaults(), VqfSettings.twoSensors()};
        for (int k = 0; k < 2; k++) {
            SyntheticImu imu = new SyntheticImu(start);
            imu.biasX = 0.3 * DEG;
            imu.biasY = -0.2 * DEG;
            imu.biasZ = 0.4 * DEG;
            VqfFilter f = new VqfFilter(settings[k], 100);
            imu.rest(f, 0.01, 60, false);
            double[] before = Quat.of(f);
            for (int i = 0; i < turnS * 100; i++) {
                imu.step(f, 0.01, turnRate[0], turnRate[1], turnRate[2], false);
            }
            double[] after = Quat.of(f);
            imu.rest(f, 0.01, 60, false);
            turned[k] = turnAboutVerticalDeg(before, after);
            drift[k] = turnAboutVerticalDeg(after, Quat.of(f));
        }
        double truth = turnDegPerS * turnS;
        // the paper's rest update takes the turn as bias within seconds: most of it is lost, and drifts back after
        assertTrue(turned[0] < truth - 10 && Math.abs(drift[0]) > 2,
                "defaults: turned " + turned[0] + "°, then drifted " + drift[0] + "°");
        assertEquals(truth, turned[1], 1, "two sensors: turned");
        assertEquals(0, drift[1], 1, "two sensors: drift when still again");
        assertEquals(0.1, VqfSettings.twoSensors().restVerticalGateDegPerS());
        assertEquals(0, VqfSettings.defaults().restVerticalGateDegPerS());
        assertThrows(IllegalArgumentException.class,
                () -> VqfSettings.twoSensors().with(b -> b.restVerticalGateDegPerS = -1));
    }

    /** The rotation from {@code a} to {@code b} (earth frame) about the vertical, degrees. */
    private static double turnAboutVerticalDeg(double[] a, double[] b) {
        double[] d = Quat.mul(b, Quat.conj(a));
        return Math.toDegrees(2 * Math.atan2(d[3], d[0]));
    }
}
