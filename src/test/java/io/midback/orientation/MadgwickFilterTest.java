package io.midback.orientation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MadgwickFilterTest {
    private static final double RATE = 100;

    @Test
    void convergesToTheInclinationAtRest() {
        double[] truth = Quat.axisAngle(1, -0.5, 0, 30);
        SyntheticImu imu = new SyntheticImu(truth);
        MadgwickFilter f = new MadgwickFilter(0.5, RATE);
        imu.rest(f, 1 / RATE, 30, false);
        assertTrue(Quat.inclinationErrorDeg(Quat.of(f), truth) < 0.3);
    }

    /** A sensor worn upright on the back is 90° from the identity: the filter starts there, not 15 s later. */
    @Test
    void startsLevelWithItsFirstAccelerometerReadingAndAgainAfterAGap() {
        for (double[] truth : new double[][] {Quat.axisAngle(1, 0, 0, -90), Quat.axisAngle(1, -0.5, 0.3, 150)}) {
            SyntheticImu imu = new SyntheticImu(truth);
            MadgwickFilter f = new MadgwickFilter(0.1, RATE);
            imu.rest(f, 1 / RATE, 1 / RATE, false);
            assertTrue(Quat.inclinationErrorDeg(Quat.of(f), truth) < 1,
                    "after one sample: " + Quat.inclinationErrorDeg(Quat.of(f), truth) + "°");
            double[] turned = Quat.axisAngle(0, 1, 0, 60);
            new SyntheticImu(turned).step(f, MadgwickFilter.MAX_DT_S + 1, 0, 0, 0, false);
            assertTrue(Quat.inclinationErrorDeg(Quat.of(f), turned) < 1,
                    "after a gap: " + Quat.inclinationErrorDeg(Quat.of(f), turned) + "°");
        }
    }

    @Test
    void findsMagneticNorthInEastNorthUp() {
        double[] truth = Quat.axisAngle(0, 0, 1, 70);
        SyntheticImu imu = new SyntheticImu(truth);
        MadgwickFilter f = new MadgwickFilter(0.5, RATE);
        imu.rest(f, 1 / RATE, 60, true);
        assertTrue(Quat.angleDeg(Quat.of(f), truth) < 0.5, "error " + Quat.angleDeg(Quat.of(f), truth));
    }

    @Test
    void integratesTheGyroscope() {
        SyntheticImu imu = new SyntheticImu(new double[] {1, 0, 0, 0});
        imu.gyroNoise = 0;
        MadgwickFilter f = new MadgwickFilter(0, RATE);
        for (int i = 0; i < RATE; i++) {
            imu.step(f, 1 / RATE, 0, 0, Math.PI / 4, false);
        }
        assertEquals(45, Quat.headingDeg(Quat.of(f)), 0.05);
    }

    @Test
    void rejectsBadGains() {
        assertThrows(IllegalArgumentException.class, () -> new MadgwickFilter(-1, RATE));
    }
}
