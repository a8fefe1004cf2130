package io.midback.live;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LiveTimelineTest {

    /** Keeps every time and gap handed on. */
    static final class Collect implements SampleSink {
        final List<Double> t = new ArrayList<>();
        final List<double[]> gaps = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                t.add(b.tS[i]);
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            gaps.add(new double[] {fromS, toS});
            reasons.add(reason);
        }
    }

    private static final long T0 = 1_000_000_000L;

    private static long nanos(double s) {
        return T0 + Math.round(s * 1e9);
    }

    /** Feeds samples measured at trueT[i] in chunks that arrive with jittery latency. */
    private static int feedArrivals(LiveTimeline tl, SampleBatch batch, double fromS, double toS, double rateHz,
                                    Random rnd, List<Double> truth) {
        int count = 0;
        double t = fromS;
        while (t < toS) {
            int k = 1 + rnd.nextInt(8);
            batch.clear();
            double last = t;
            for (int i = 0; i < k; i++) {
                batch.add(Double.NaN, 0, 0, 0, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
                truth.add(t);
                last = t;
                t += 1 / rateHz;
            }
            tl.arrived(nanos(last + 0.002 + 0.013 * rnd.nextDouble()));
            tl.accept(batch);
            count += k;
        }
        return count;
    }

    @Test
    void arrivalTimesFollowTheDevicesRealRateSmoothlyAndAlwaysIncrease() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.ARRIVAL, 200, T0);
        List<Double> truth = new ArrayList<>();
        feedArrivals(tl, new SampleBatch(16), 0, 60, 201, new Random(1), truth);
        for (int i = 1; i < c.t.size(); i++) {
            assertTrue(c.t.get(i) > c.t.get(i - 1), "time must increase at " + i);
        }
        assertEquals(1 / 201.0, tl.periodS(), 1 / 201.0 * 0.003, "tracked period follows the real 201 Hz");
        double worst = 0;
        double worstStep = 0;
        for (int i = c.t.size() / 2; i < c.t.size(); i++) {
            worst = Math.max(worst, Math.abs(c.t.get(i) - truth.get(i)));
            worstStep = Math.max(worstStep, Math.abs((c.t.get(i) - c.t.get(i - 1)) - 1 / 201.0));
        }
        assertTrue(worst < 0.03, "settled times within 30 ms of measurement (latency 2-15 ms): " + worst);
        assertTrue(worstStep < 0.3 / 201.0, "steps stay near one period, no jumps: " + worstStep);
        assertTrue(c.gaps.isEmpty());
    }

    @Test
    void aDroppedLinkLeavesAGapAndTimeGoesOnFromTheArrival() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.ARRIVAL, 100, T0);
        Random rnd = new Random(2);
        List<Double> truth = new ArrayList<>();
        feedArrivals(tl, new SampleBatch(16), 0, 5, 100, rnd, truth);
        double lastBefore = c.t.get(c.t.size() - 1);
        tl.linkDropped("no data from /dev/x for 3.0 s");
        int before = c.t.size();
        feedArrivals(tl, new SampleBatch(16), 9, 12, 100, rnd, truth);
        assertEquals(1, c.gaps.size());
        assertEquals(lastBefore, c.gaps.get(0)[0], 1e-9);
        assertEquals(9.0, c.gaps.get(0)[1], 0.05);
        assertEquals(c.t.get(before), c.gaps.get(0)[1], 1e-9);
        assertEquals("no data from /dev/x for 3.0 s", c.reasons.get(0));
        assertEquals(9.0, c.t.get(before), 0.05);
    }

    @Test
    void silenceWithoutADropIsStillSeenAsAGap() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.ARRIVAL, 100, T0);
        Random rnd = new Random(3);
        List<Double> truth = new ArrayList<>();
        feedArrivals(tl, new SampleBatch(16), 0, 2, 100, rnd, truth);
        feedArrivals(tl, new SampleBatch(16), 4, 5, 100, rnd, truth);
        assertEquals(1, c.gaps.size(), c.reasons.toString());
        assertTrue(c.reasons.get(0).startsWith("no samples for"), c.reasons.get(0));
    }

    private static void deviceBatch(LiveTimeline tl, SampleBatch b, double deviceT0, int n, double rate,
                                    double arrivalS) {
        b.clear();
        for (int i = 0; i < n; i++) {
            b.add(deviceT0 + i / rate, 0, 0, 0, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
        }
        tl.arrived(nanos(arrivalS));
        tl.accept(b);
    }

    @Test
    void deviceTimesAreKeptAndAReconnectIsAGapInThem() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.DEVICE, 100, T0);
        SampleBatch b = new SampleBatch(64);
        deviceBatch(tl, b, 1000.00, 10, 100, 0.10);
        deviceBatch(tl, b, 1000.10, 10, 100, 0.20);
        assertEquals(0.01, c.t.get(1) - c.t.get(0), 1e-9);
        assertEquals(c.t.get(9) + 0.01, c.t.get(10), 1e-9, "device spacing kept");
        tl.linkDropped("serial port vanished");
        deviceBatch(tl, b, 1004.00, 10, 100, 4.10);
        assertEquals(1, c.gaps.size());
        assertEquals(c.t.get(19), c.gaps.get(0)[0], 1e-9);
        assertEquals(c.t.get(20), c.gaps.get(0)[1], 1e-9);
        assertEquals(3.81, c.t.get(20) - c.t.get(19), 1e-6, "device clock ran on: the hole is its length");
    }

    @Test
    void aRebootedDeviceIsReanchoredOnArrivalAndTimeStillIncreases() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.DEVICE, 100, T0);
        SampleBatch b = new SampleBatch(64);
        deviceBatch(tl, b, 500.0, 50, 100, 0.5);
        tl.linkDropped("no data for 3.0 s");
        deviceBatch(tl, b, 0.0, 50, 100, 6.0);
        assertEquals(1, c.gaps.size());
        for (int i = 1; i < c.t.size(); i++) {
            assertTrue(c.t.get(i) > c.t.get(i - 1));
        }
        assertEquals(6.0, c.t.get(c.t.size() - 1), 1e-6, "re-anchored on the arrival");
    }

    /**
     * A sensor restarted while the link was down: its decoder sees the counter go back and reports a tiny gap in
     * device time just before the samples after the drop; the drop's own gap covers it, so the recording gets one
     * gap line, not two overlapping ones (issue 16).
     */
    @Test
    void aRestartDuringADropIsOneGap() {
        Collect c = new Collect();
        LiveTimeline tl = new LiveTimeline(c, LiveTimeline.Mode.DEVICE, 100, T0);
        SampleBatch b = new SampleBatch(64);
        deviceBatch(tl, b, 500.0, 50, 100, 0.5);
        tl.linkDropped("no data for 3.0 s");
        tl.gap(500.49, 500.50, "device restarted (sample counter or clock went back)");
        deviceBatch(tl, b, 500.50, 50, 100, 6.0);
        assertEquals(1, c.gaps.size(), c.reasons.toString());
        assertEquals("no data for 3.0 s", c.reasons.get(0));
        assertEquals(c.t.get(49), c.gaps.get(0)[0], 1e-9);
        assertEquals(c.t.get(50), c.gaps.get(0)[1], 1e-9);
    }
}
