package io.midback.live;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.Objects;

/**
 * Gives live samples their session times and marks the holes a dropped link leaves. It sits between a decoder
 * and the pipeline, on the reader thread; the session tells it when each chunk of bytes arrived
 * ({@link #arrived}) and when the link dropped ({@link #linkDropped}).
 *
 * <ul>
 *   <li>{@link Mode#DEVICE}: formats with device timestamps keep them (shifted to session seconds). After a drop,
 *       or when the device clock goes backwards (a reboot), the timeline re-anchors on the arrival time so that
 *       session time still tells how long the link was away, and reports the hole as a gap. The shift is steered
 *       to the computer's clock: every {@link #STEER_WINDOW_S} the least lateness of a chunk's arrival (its
 *       arrival less its last sample's session time) is taken out, slewed at most {@link #MAX_SLEW} of the
 *       elapsed time (so sample spacing changes by at most that fraction and time keeps increasing). A device
 *       crystal tens of parts per million off (0.1–0.2 s an hour) then stays with the computer's clock, and two
 *       sensors' timelines with each other, within their links' least latencies and a few milliseconds.
 *   <li>{@link Mode#ARRIVAL}: formats without timestamps are timed from their arrival, smoothed against the
 *       nominal rate by a phase-locked loop: each sample is one (tracked) period after the previous one, the
 *       phase is pulled toward the chunk's arrival a little at a time (never so much that time stops increasing),
 *       and the period follows the device's real rate within ±5 % of nominal. An error of more than
 *       {@link #RESYNC_S} means the loop has lost the stream: it re-anchors on the arrival and, if time was
 *       missing, reports a gap.
 * </ul>
 * Allocates nothing per sample; one thread calls {@link #arrived} and {@link #accept}.
 */
public final class LiveTimeline implements SampleSink {
    /** Tracking error beyond which the arrival-timed loop re-anchors instead of pulling. */
    public static final double RESYNC_S = 0.5;
    /** Phase gain per chunk, and frequency gain, of the arrival-timed loop. */
    static final double PHASE_GAIN = 0.02;
    static final double RATE_GAIN = 0.00005;
    static final double MAX_RATE_DEVIATION = 0.05;

    /** DEVICE: how often the least lateness of the arrivals is taken out of the shift, s of session time. */
    public static final double STEER_WINDOW_S = 30;
    /** DEVICE: the fastest the shift is slewed, as a fraction of the time elapsed (500 ppm). */
    public static final double MAX_SLEW = 5e-4;

    /** Where sample times come from. */
    public enum Mode { DEVICE, ARRIVAL }

    private final SampleSink out;
    private Mode mode;
    private final double nominalPeriodS;
    private final long startNanos;
    private long arrivalNanos;
    private volatile String droppedReason;

    private double lastT = Double.NaN;      // session time of the last sample handed on
    private double nextT = Double.NaN;      // ARRIVAL: time of the next sample
    private double periodS;                 // ARRIVAL: tracked period
    private double offsetS = Double.NaN;    // DEVICE: session time = device time + offset
    private double lastDeviceT = Double.NaN;
    private double windowStartS = Double.NaN; // DEVICE: the steering window's start (session time)
    private double windowMinShiftS = Double.POSITIVE_INFINITY; // DEVICE: least arrival − device time in it
    private double slewLeftS;               // DEVICE: shift still to be slewed in
    private double stepS;                   // DEVICE: the step of the shift this chunk spreads over its samples
    private long gaps;

    /**
     * @param nominalRateHz the device's nominal sample rate (for ARRIVAL timing and gap detection)
     * @param startNanos    {@link System#nanoTime()} at the session's start: session time 0
     */
    public LiveTimeline(SampleSink out, Mode mode, double nominalRateHz, long startNanos) {
        this.out = Objects.requireNonNull(out, "out");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!(nominalRateHz > 0)) {
            throw new IllegalArgumentException("nominal rate must be positive: " + nominalRateHz);
        }
        this.nominalPeriodS = 1.0 / nominalRateHz;
        this.periodS = nominalPeriodS;
        this.startNanos = startNanos;
        this.arrivalNanos = startNanos;
    }

    /**
     * Sets where sample times come from, for a stream whose format is recognised only from its first bytes;
     * only before the first sample.
     */
    public void useMode(Mode m) {
        if (!Double.isNaN(lastT)) {
            throw new IllegalStateException("the timing mode is fixed once samples have arrived");
        }
        mode = Objects.requireNonNull(m, "mode");
    }

    public Mode mode() {
        return mode;
    }

    /** The bytes about to be decoded arrived at {@code nanos} ({@link System#nanoTime()}). */
    public void arrived(long nanos) {
        arrivalNanos = nanos;
    }

    /** The link dropped; the next samples start after a gap with this reason. Any thread. */
    public void linkDropped(String reason) {
        droppedReason = reason == null ? "link dropped" : reason;
    }

    /** Gaps reported so far (drops, clock restarts, lost stream). */
    public long gaps() {
        return gaps;
    }

    /** The currently tracked sample period, seconds (ARRIVAL mode; the nominal one in DEVICE mode). */
    public double periodS() {
        return periodS;
    }

    @Override
    public void accept(SampleBatch b) {
        int n = b.size();
        if (n == 0) {
            return;
        }
        double arrivalS = (arrivalNanos - startNanos) / 1e9;
        String dropped = droppedReason;
        if (dropped != null) {
            droppedReason = null;
        }
        if (mode == Mode.ARRIVAL) {
            timeByArrival(b, n, arrivalS, dropped);
        } else {
            timeByDevice(b, n, arrivalS, dropped);
        }
        lastT = b.tS[n - 1];
        out.accept(b);
    }

    private void timeByArrival(SampleBatch b, int n, double arrivalS, String dropped) {
        boolean anchored = !Double.isNaN(nextT);
        double predictedLast = nextT + (n - 1) * periodS;
        double err = arrivalS - predictedLast;
        if (!anchored || dropped != null || Math.abs(err) > RESYNC_S) {
            double first = arrivalS - (n - 1) * periodS;
            if (anchored) {
                first = Math.max(first, lastT + periodS);
                if (dropped != null || first - lastT > RESYNC_S) {
                    reportGap(lastT, first, dropped != null ? dropped
                            : String.format(java.util.Locale.ROOT, "no samples for %.2f s", first - lastT));
                }
            }
            nextT = first;
            err = 0;
        }
        for (int i = 0; i < n; i++) {
            b.tS[i] = nextT;
            nextT += periodS;
        }
        // Pull the phase toward the arrival (bounded so time keeps increasing) and let the period follow.
        double phase = Math.max(-0.25 * periodS, Math.min(0.25 * periodS, PHASE_GAIN * err));
        nextT += phase;
        double p = periodS + RATE_GAIN * err / n;
        periodS = Math.max(nominalPeriodS * (1 - MAX_RATE_DEVIATION),
                Math.min(nominalPeriodS * (1 + MAX_RATE_DEVIATION), p));
    }

    private void timeByDevice(SampleBatch b, int n, double arrivalS, String dropped) {
        double firstDevice = b.tS[0];
        double lastDevice = b.tS[n - 1];
        if (Double.isNaN(offsetS)) {
            offsetS = arrivalS - lastDevice;
            restartSteering(arrivalS);
        } else {
            double deviceStep = firstDevice - lastDeviceT;
            boolean restarted = deviceStep <= 0;
            double anchoredFirst = firstDevice + offsetS;
            double arrivalFirst = arrivalS - (lastDevice - firstDevice);
            boolean disagrees = Math.abs(anchoredFirst - arrivalFirst) > 2.0;
            if (restarted || (dropped != null && disagrees)) {
                offsetS = Math.max(arrivalFirst, lastT + nominalPeriodS) - firstDevice;
                restartSteering(arrivalS);
            } else {
                stepS = steer(lastDevice, arrivalS);
            }
            double first = firstDevice + offsetS;
            if (dropped != null || restarted) {
                reportGap(lastT, first, dropped != null ? dropped : "device clock restarted");
            }
        }
        double fromDeviceT = lastDeviceT;
        lastDeviceT = lastDevice;
        if (stepS == 0) {
            for (int i = 0; i < n; i++) {
                b.tS[i] += offsetS;
            }
        } else {
            // the step is spread over the chunk, so each sample spacing changes by the same fraction
            double base = offsetS - stepS, perS = stepS / (lastDevice - fromDeviceT);
            for (int i = 0; i < n; i++) {
                b.tS[i] += base + (b.tS[i] - fromDeviceT) * perS;
            }
            stepS = 0;
        }
    }

    private void restartSteering(double nowS) {
        windowStartS = nowS;
        windowMinShiftS = Double.POSITIVE_INFINITY;
        slewLeftS = 0;
    }

    /**
     * DEVICE: slews the shift toward what the last window's fastest chunk called for, at most {@link #MAX_SLEW} of
     * the device time since the last chunk, and notes what this chunk calls for.
     *
     * @return the step the shift took (spread over the chunk's samples)
     */
    private double steer(double lastDevice, double arrivalS) {
        double step = 0;
        double elapsedS = lastDevice - lastDeviceT;
        if (slewLeftS != 0 && elapsedS > 0) {
            double most = MAX_SLEW * elapsedS;
            step = Math.max(-most, Math.min(most, slewLeftS));
            offsetS += step;
            slewLeftS -= step;
        }
        // The least (arrival − device time) of the window is the shift its fastest chunk calls for.
        windowMinShiftS = Math.min(windowMinShiftS, arrivalS - lastDevice);
        if (arrivalS - windowStartS >= STEER_WINDOW_S) {
            slewLeftS = windowMinShiftS - offsetS;
            windowStartS = arrivalS;
            windowMinShiftS = Double.POSITIVE_INFINITY;
        }
        return step;
    }

    private void reportGap(double fromS, double toS, String reason) {
        gaps++;
        out.gap(fromS, toS, reason);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        // A gap the decoder saw in device time (sequence numbers); in session time it starts after the last sample.
        if (droppedReason != null) {
            return; // the link dropped: the gap of the drop, reported with the next samples, covers this one
        }
        if (mode == Mode.DEVICE && !Double.isNaN(offsetS)) {
            gaps++;
            out.gap(fromS + offsetS, toS + offsetS, reason);
        } else if (!Double.isNaN(lastT)) {
            gaps++;
            out.gap(lastT, lastT + (toS - fromS), reason);
        }
    }

    @Override
    public void end() {
        out.end();
    }
}
