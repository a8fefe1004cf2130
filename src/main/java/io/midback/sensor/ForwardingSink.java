package io.midback.sensor;

/**
 * A stage in front of another sink that changes (or paces) the samples and hands on gaps and the end as they
 * come: subclasses write {@link #accept} and pass their batches to {@link #next}.
 */
public abstract class ForwardingSink implements SampleSink {
    protected final SampleSink next;

    protected ForwardingSink(SampleSink next) {
        this.next = next;
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        next.gap(fromS, toS, reason);
    }

    @Override
    public void end() {
        next.end();
    }
}
