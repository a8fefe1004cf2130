package io.midback.app;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /** Every sink's work ahead, in the sinks' order (none of them changes what the next one reads). */
    @Override
    public Consumer<SampleBatch> ahead() {
        List<Consumer<SampleBatch>> stages = new ArrayList<>();
        for (SampleSink s : sinks) {
            Consumer<SampleBatch> a = s.ahead();
            if (a != null) {
                stages.add(a);
            }
        }
        if (stages.size() <= 1) {
            return stages.isEmpty() ? null : stages.get(0);
        }
        return b -> {
            for (Consumer<SampleBatch> a : stages) {
                a.accept(b);
            }
        };
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
