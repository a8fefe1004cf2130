package io.midback.sensor;

import java.util.function.Consumer;

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

    /**
     * Work this sink lets a source do on each batch on the source's own thread, before handing it over (the
     * orientation filter, so that it runs beside the posture stage rather than before it), or null when there
     * is none. A source that asks for it must run it on every batch it then hands to {@link #accept}, in order,
     * once, before handing it over, and hand over nothing else; a source that does not ask leaves the work to
     * {@link #accept}.
     */
    default Consumer<SampleBatch> ahead() {
        return null;
    }
}
