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
