package io.midback.live;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Holds a live stream's first samples until they say what the source is ({@link SourceFacts}: its true rate,
 * whether it has a gyroscope and a magnetometer), tells {@link LiveSession.Described#start} once, and from then on hands every
 * batch straight to the sink that returned. {@value #PROBE_S} s of samples is enough: the times of formats with
 * device timestamps are exact, and formats timed from their arrival follow the nominal rate. A stream that never
 * sends a sample never starts anything ({@link LiveSession.Described#noSamples} at the end).
 *
 * <p>Per sample it only copies into a batch made once; the description (once) allocates.
 */
final class SourceProbe implements SampleSink {
    /** Sample time held before the source is described, seconds. */
    static final double PROBE_S = 0.1;
    /** Most samples held (a decoder's batch is at most {@link SampleBatch#DEFAULT_CAPACITY}). */
    static final int HELD_CAPACITY = SampleBatch.DEFAULT_CAPACITY;

    private final LiveSession.Described described;
    private final double nominalRateHz;
    private final Clock clock;
    private final SampleBatch held = new SampleBatch(HELD_CAPACITY);
    private volatile SampleSink next;
    private Instant firstAt;
    private long count;
    private double firstT = Double.NaN;
    private double lastT = Double.NaN;
    private boolean gyroscope;
    private boolean magnetometer;

    SourceProbe(LiveSession.Described described, double nominalRateHz, Clock clock) {
        this.described = Objects.requireNonNull(described, "described");
        this.nominalRateHz = nominalRateHz;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void accept(SampleBatch b) {
        SampleSink n = next;
        if (n != null) {
            n.accept(b);
            return;
        }
        int size = b.size();
        if (size == 0) {
            return;
        }
        if (firstAt == null) {
            firstAt = clock.instant();
        }
        note(b, size);
        if (held.size() + size > held.capacity()) { // never with a decoder's batches: describe from what is seen
            release().accept(b);
            return;
        }
        for (int i = 0; i < size; i++) {
            held.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                    b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
        }
        if (lastT - firstT >= PROBE_S) {
            release();
        }
    }

    private void note(SampleBatch b, int size) {
        if (count == 0) {
            firstT = b.tS[0];
        }
        count += size;
        lastT = b.tS[size - 1];
        for (int i = 0; i < size && !(gyroscope && magnetometer); i++) {
            gyroscope |= Double.isFinite(b.gxRadPerS[i]) && Double.isFinite(b.gyRadPerS[i])
                    && Double.isFinite(b.gzRadPerS[i]);
            magnetometer |= b.hasMagnetometer(i);
        }
    }

    /** Describes the source from what was seen, starts what follows, hands it the held samples; returns it. */
    private SampleSink release() {
        double measuredHz = count > 1 && lastT > firstT ? (count - 1) / (lastT - firstT) : Double.NaN;
        SourceFacts facts = new SourceFacts(SourceFacts.rateHz(measuredHz, described.declaredRateHz(),
                nominalRateHz), gyroscope, magnetometer, firstAt);
        SampleSink n = Objects.requireNonNull(described.start(facts), "start");
        next = n;
        if (!held.isEmpty()) {
            n.accept(held);
            held.clear();
        }
        return n;
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        if (next == null && count == 0) {
            return;
        }
        (next != null ? next : release()).gap(fromS, toS, reason);
    }

    @Override
    public void end() {
        if (next == null && count == 0) {
            described.noSamples();
            return;
        }
        (next != null ? next : release()).end();
    }

    /** Whether the source has been described (its first samples went on). */
    boolean started() {
        return next != null;
    }
}
