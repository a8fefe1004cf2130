package io.midback.align;

import io.midback.orientation.OrientationFilters;
import io.midback.sensor.SampleBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** A live link's samples handed to the session thread through a bounded ring, and read by a lower stream. */
class SampleRingTest {

    /** {@code n} samples from {@code fromS} at {@code rateHz}: a slow turn about z (0.2 rad/s), gravity on z. */
    private static SampleBatch batch(double fromS, int n, double rateHz) {
        SampleBatch b = new SampleBatch(Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            b.add(fromS + i / rateHz, 0, 0, 0.2, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
        }
        return b;
    }

    @Test
    void handsOverEverySampleInOrderAndEndsOnceReadToTheEnd() {
        SampleRing ring = new SampleRing(8);
        SampleReader r = ring.reader();
        assertFalse(r.next(), "nothing yet");
        assertFalse(r.ended(), "a live link may send more");
        ring.accept(batch(0, 5, 10));
        List<Double> t = new ArrayList<>();
        while (r.next()) {
            t.add(r.tS());
            assertEquals(0.2, r.gz());
            assertEquals(9.81, r.az());
        }
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4), t);
        ring.accept(batch(0.5, 6, 10)); // wraps round the 8 slots
        ring.end();
        assertFalse(r.ended(), "six samples still to read");
        for (int i = 0; i < 6; i++) {
            assertTrue(r.next());
            assertEquals(0.5 + i / 10.0, r.tS(), 1e-12);
        }
        assertFalse(r.next());
        assertTrue(r.ended());
        assertEquals(0, ring.dropped());
        assertThrows(IllegalStateException.class, ring::reader, "one reader");
    }

    @Test
    void aFullRingKeepsWhatItHoldsAndCountsWhatItLeavesOut() {
        SampleRing ring = new SampleRing(16);
        SampleReader r = ring.reader();
        ring.accept(batch(0, 10, 100));
        ring.accept(batch(0.1, 10, 100)); // the reader away: 4 of these do not fit
        assertEquals(4, ring.dropped());
        double last = Double.NaN;
        int n = 0;
        while (r.next()) {
            last = r.tS();
            n++;
        }
        assertEquals(16, n);
        assertEquals(0.15, last, 1e-12, "the oldest kept, the newest left out");
        ring.accept(batch(0.3, 3, 100)); // room again
        assertTrue(r.next());
        assertEquals(0.3, r.tS(), 1e-12);
    }

    @Test
    void samplesWrittenOnOneThreadAreReadInOrderOnAnother() throws Exception {
        SampleRing ring = new SampleRing(64);
        int total = 200_000;
        java.util.concurrent.atomic.AtomicLong readCount = new java.util.concurrent.atomic.AtomicLong();
        Thread producer = new Thread(() -> {
            SampleBatch b = new SampleBatch(10);
            for (int k = 0; k < total; ) {
                b.clear();
                for (int i = 0; i < 10; i++, k++) {
                    b.add(k, k, -k, 0, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
                }
                while (k - 10 - readCount.get() > 64 - 10 - 1) { // (the reader may still hold the one it read)
                    Thread.onSpinWait(); // a test producer that waits for room, so nothing is left out
                }
                ring.accept(b);
            }
            ring.end();
        });
        AtomicReference<String> wrong = new AtomicReference<>();
        producer.start();
        SampleReader r = ring.reader();
        long expected = 0;
        while (!r.ended()) {
            if (r.next()) {
                if (r.tS() != expected || r.gx() != expected || r.gy() != -expected) {
                    wrong.compareAndSet(null, "sample " + expected + " read as " + r.tS() + ", " + r.gx());
                }
                expected++;
                readCount.set(expected);
            }
        }
        producer.join(10_000);
        assertNull(wrong.get());
        assertEquals(total, expected);
        assertEquals(0, ring.dropped());
    }

    @Test
    void aLiveLowerStreamHoldsItsLatestSampleUntilTheNextArrivesAndSaysOnceWhenItStopsAndComesBack() {
        SampleRing ring = new SampleRing(1024);
        List<String> notices = new ArrayList<>();
        LowerStream s = new LowerStream(ring, ClockFit.SAME, OrientationFilters.create("midback", 100),
                notices::add);
        ring.accept(batch(0, 10, 100)); // the lower link's first frame: 0.00..0.09 s
        assertTrue(s.advanceTo(0.05), "between two samples");
        // The upper sensor's samples run ahead of the lower frame that has not arrived yet: the latest stands in.
        assertTrue(s.advanceTo(0.2));
        assertTrue(s.advanceTo(0.55), "0.46 s behind: not a gap yet");
        ring.accept(batch(0.1, 50, 100)); // it arrives: 0.10..0.59 s
        assertTrue(s.advanceTo(0.58));
        assertTrue(notices.isEmpty(), notices.toString());
        // The lower link drops: its latest sample (0.59 s) goes stale.
        assertTrue(s.advanceTo(1.0));
        assertFalse(s.advanceTo(1.2), "more than half a second without a lower sample");
        assertFalse(s.advanceTo(2.0));
        assertEquals(List.of("lower sensor: no samples from 0.6 s; the session goes on with the upper sensor alone, "
                + "spine angles paused"), notices);
        ring.accept(batch(3.0, 20, 100)); // back: 3.00..3.19 s
        assertFalse(s.advanceTo(2.5), "nothing between the drop and the first sample back");
        assertTrue(s.advanceTo(3.06));
        assertEquals(2, notices.size(), notices.toString());
        assertEquals("lower sensor: back at 3.1 s; spine angles again", notices.get(1));
        ring.end();
        assertTrue(s.advanceTo(3.15));
        assertFalse(s.advanceTo(3.3), "the link closed: no orientation after its last sample");
        assertTrue(notices.get(2).startsWith("lower sensor: its stream ends at 3.2 s"), notices.toString());
    }
}
