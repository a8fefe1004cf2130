package io.midback.protocol;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.Objects;

/**
 * A pure, incremental decoder of one wire format: bytes in (any chunking: a frame split across calls waits for
 * the rest), samples out to a {@link SampleSink} in {@link SampleBatch}es, device messages to a
 * {@link DeviceMessageListener}, device-computed orientation to an {@link OrientationListener}. No I/O, no
 * threads; never throws on bad input: damaged bytes are skipped and counted in {@link #stats()}.
 *
 * <p>Samples decoded during one {@link #feed} call are handed to the sink before the call returns (in batches
 * of at most the batch capacity). The hot path allocates nothing. Not thread-safe: one feeding thread.
 *
 * <p>Memory is bounded: each decoder holds at most one maximal frame of its format.
 */
public abstract class ImuDecoder {
    protected final SampleSink sink;
    protected final SampleBatch batch;
    protected final DecoderStats stats = new DecoderStats();
    protected DeviceMessageListener messages = DeviceMessageListener.NONE;
    protected OrientationListener orientation = OrientationListener.NONE;
    private boolean ended;

    protected ImuDecoder(SampleSink sink) {
        this(sink, new SampleBatch(256));
    }

    protected ImuDecoder(SampleSink sink, SampleBatch batch) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    /** The wire format this decoder reads. */
    public abstract WireFormat format();

    public ImuDecoder onMessage(DeviceMessageListener listener) {
        this.messages = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public ImuDecoder onOrientation(OrientationListener listener) {
        this.orientation = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public final DecoderStats stats() {
        return stats;
    }

    public final void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Decodes {@code len} bytes from {@code bytes[off]}; whatever completes a frame is delivered before return. */
    public final void feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        if (ended) {
            throw new IllegalStateException("decoder already ended");
        }
        decode(bytes, off, len);
        flush();
    }

    /**
     * The stream is over: a trailing partial frame is counted as skipped bytes, anything the decoder held back
     * (e.g. an incomplete WitMotion cycle) is delivered, and the sink's {@link SampleSink#end()} is called.
     */
    public final void end() {
        if (ended) {
            return;
        }
        ended = true;
        finish();
        flush();
        sink.end();
    }

    protected abstract void decode(byte[] bytes, int off, int len);

    /** At end of stream: deliver what is held back, count a trailing partial frame. */
    protected abstract void finish();

    /** Appends one sample in SI units; hands the batch to the sink when full. */
    protected final void emit(double tS, double gx, double gy, double gz, double ax, double ay, double az,
                              double mx, double my, double mz) {
        SampleBatch b = batch;
        b.add(tS, gx, gy, gz, ax, ay, az, mx, my, mz);
        stats.samples++;
        if (b.isFull()) {
            sink.accept(b);
            b.clear();
        }
    }

    /** Delivers the samples gathered so far. */
    protected final void flush() {
        if (!batch.isEmpty()) {
            sink.accept(batch);
            batch.clear();
        }
    }

    /** Reports missing samples between two times, after delivering what came before. */
    protected final void gap(double fromS, double toS, String reason) {
        flush();
        sink.gap(fromS, toS, reason);
    }
}
