package io.midback.sensor;

/**
 * Where samples go, one batch at a time: the arrow between a source (file reader, decoder, simulator) and the
 * pipeline. Implementations must not keep a reference to the batch: the producer reuses it.
 */
public interface SampleSink {

    /** A block of samples in time order. */
    void accept(SampleBatch batch);

    /**
     * The source knows that samples are missing between two times (a sequence gap, a reconnect, a gap in a
     * file). Called between batches, never inside one.
     */
    default void gap(double fromS, double toS, String reason) {
    }

    /** The source has no more samples. */
    default void end() {
    }
}
