package io.midback.app;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.List;

/**
 * Hands every batch, gap and the end to several sinks in order (the stages beside posture, then the posture
 * pipeline). A sink must not change the batch: the next one reads it too.
 */
public final class SampleFanout implements SampleSink {
    private final SampleSink[] sinks;

    public SampleFanout(List<SampleSink> sinks) {
        this.sinks = sinks.toArray(SampleSink[]::new);
    }

    @Override
    public void accept(SampleBatch b) {
        for (SampleSink s : sinks) {
            s.accept(b);
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        for (SampleSink s : sinks) {
            s.gap(fromS, toS, reason);
        }
    }

    @Override
    public void end() {
        for (SampleSink s : sinks) {
            s.end();
        }
    }
}
