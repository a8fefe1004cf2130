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

    /**
     * Two sensors' device clocks, 60 ppm fast over USB and 40 ppm slow over Bluetooth (latency 1–5 ms, and 15–55 ms
     * with a stall of 0.3 s every few minutes), for 8 hours: each timeline is steered to the computer's clock by its
     * least latency, so each stays within a few milliseconds of the truth plus that latency, and the two with each
     * other; sample spacing changes by at most the slew, and time always increases. Unsteered, the two clocks
     * would be 2.9 s apart at the end.
     */
    @Test
    void deviceClocksThatDriftAreSteeredToTheComputersClock() {
        double rateHz = 100, hours = 8;
        Random rnd = new Random(12);
        LiveTimeline usb = new LiveTimeline(new Collect(), LiveTimeline.Mode.DEVICE, rateHz, T0);
        LiveTimeline bt = new LiveTimeline(new Collect(), LiveTimeline.Mode.DEVICE, rateHz, T0);
        double[] ppm = {60, -40}, deviceStartS = {1000, 5000}, leastLatencyS = {0.001, 0.015},
                jitterS = {0.004, 0.040};
        LiveTimeline[] timelines = {usb, bt};
        SampleBatch b = new SampleBatch(16);
        double[] truthS = new double[16];
        double[] worstAfterSettleS = new double[2], lastSessionS = {Double.NaN, Double.NaN};
        double[][] errorAtS = new double[2][(int) (hours * 60) + 1]; // each minute's last error, per sensor
        double worstSpacingError = 0;
        for (int k = 0; k < 2; k++) {
            double t = 0.2 + 0.003 * k;
            double lastStall = 0;
            while (t < hours * 3600) {
                int n = 1 + rnd.nextInt(8);
                b.clear();
                for (int i = 0; i < n; i++) {
                    truthS[i] = t;
                    b.add(deviceStartS[k] + t * (1 + ppm[k] * 1e-6), 0, 0, 0, 0, 0, 9.81, Double.NaN, Double.NaN,
                            Double.NaN);
                    t += 1 / rateHz;
                }
                double latency = leastLatencyS[k] + jitterS[k] * rnd.nextDouble();
                if (k == 1 && t - lastStall > 200 + 100 * rnd.nextDouble()) {
                    latency += 0.3; // a Bluetooth stall: the chunk comes late
                    lastStall = t;
                }
                timelines[k].arrived(nanos(truthS[n - 1] + latency));
                timelines[k].accept(b);
                for (int i = 0; i < n; i++) {
                    double error = b.tS[i] - truthS[i] - leastLatencyS[k];
                    if (truthS[i] > 300) {
                        worstAfterSettleS[k] = Math.max(worstAfterSettleS[k], Math.abs(error));
                    }
                    errorAtS[k][(int) (truthS[i] / 60)] = error;
                    if (!Double.isNaN(lastSessionS[k])) {
                        double spacing = b.tS[i] - lastSessionS[k];
                        assertTrue(spacing > 0, "time increases");
                        worstSpacingError = Math.max(worstSpacingError, Math.abs(spacing * rateHz
                                / (1 + ppm[k] * 1e-6) - 1));
                    }
                    lastSessionS[k] = b.tS[i];
                }
            }
        }
        double worstApartS = 0;
        for (int m = 5; m < errorAtS[0].length - 1; m++) {
            worstApartS = Math.max(worstApartS, Math.abs(errorAtS[0][m] - errorAtS[1][m]));
        }
        System.out.printf(java.util.Locale.ROOT, "LiveTimelineTest: 8 h, clocks +60 and -40 ppm: after 5 min each "
                        + "within %.1f and %.1f ms of the truth plus its least latency, the two within %.1f ms of each "
                        + "other; spacing off by at most %.0f ppm%n", worstAfterSettleS[0] * 1e3,
                worstAfterSettleS[1] * 1e3, worstApartS * 1e3, worstSpacingError * 1e6);
        assertTrue(worstAfterSettleS[0] < 0.006, "USB sensor: " + worstAfterSettleS[0]);
        assertTrue(worstAfterSettleS[1] < 0.010, "Bluetooth sensor: " + worstAfterSettleS[1]);
        assertTrue(worstApartS < 0.010, "apart: " + worstApartS);
        assertTrue(worstSpacingError <= LiveTimeline.MAX_SLEW + 1e-6, "spacing: " + worstSpacingError);
    }
}
