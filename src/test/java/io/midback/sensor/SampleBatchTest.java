package io.midback.sensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SampleBatchTest {
    @Test
    void keepsSamplesInOrderAndReportsMagnetometerPresence() {
        SampleBatch b = new SampleBatch(2);
        b.add(sample6d(0.01, 1, 2, 3, 4, 5, 6));
        b.add(new ImuSample(0.02, 0, 0, 0, 0, 0, 9.81, 20, 0, -40));
        assertTrue(b.isFull());
        assertEquals(sample6d(0.01, 1, 2, 3, 4, 5, 6), b.get(0));
        assertFalse(b.hasMagnetometer(0));
        assertTrue(b.hasMagnetometer(1));
        assertThrows(IllegalStateException.class, () -> b.add(sample6d(0.03, 0, 0, 0, 0, 0, 0)));
        b.clear();
        assertTrue(b.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> b.get(0));
    }

    static ImuSample sample6d(double tS, double gx, double gy, double gz, double ax, double ay, double az) {
        return new ImuSample(tS, gx, gy, gz, ax, ay, az, Double.NaN, Double.NaN, Double.NaN);
    }
}
