package io.midback.sensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SampleBatchTest {
    @Test
    void keepsSamplesInOrderAndReportsMagnetometerPresence() {
        SampleBatch b = new SampleBatch(2);
        b.add(ImuSample.of6d(0.01, 1, 2, 3, 4, 5, 6));
        b.add(new ImuSample(0.02, 0, 0, 0, 0, 0, 9.81, 20, 0, -40));
        assertTrue(b.isFull());
        assertEquals(ImuSample.of6d(0.01, 1, 2, 3, 4, 5, 6), b.get(0));
        assertFalse(b.hasMagnetometer(0));
        assertTrue(b.hasMagnetometer(1));
        assertThrows(IllegalStateException.class, () -> b.add(ImuSample.of6d(0.03, 0, 0, 0, 0, 0, 0)));
        b.clear();
        assertTrue(b.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> b.get(0));
    }
}
