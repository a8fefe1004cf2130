package io.midback.live;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.transport.LinkListener;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A second sensor's link beside a live session's (the lower sensor, on the sacrum), for {@code midback live} and the
 * window alike: a {@link LiveSession} of its own over its {@link SensorLink} (its own reader thread, decoder and
 * reconnection), on the session's one timeline ({@link SessionOrigin}), its samples recorded when a recorder is
 * given and handed to {@code out} (the session's hand-off to its thread), which also gets the end. A sensor without
 * a gyroscope is said once to {@code notices} (spine angles need one): its samples are recorded, not handed on.
 */
public final class LowerSensorLink implements AutoCloseable {
    private final LiveSession session;
    private final SensorLink link;
    private volatile boolean sampled;

    /**
     * @param recorder       records its samples (and raw bytes), or null
     * @param states         told about its link's states and bytes, or null
     * @param declaredRateHz the rate asked of it or reported by it, or NaN
     * @param notices        told, once, when it turns out to have no gyroscope
     */
    public LowerSensorLink(SensorLink link, SampleSink out, LiveRecorder recorder, LinkListener states,
                           SessionOrigin origin, DoubleSupplier declaredRateHz, Consumer<String> notices) {
        this.link = Objects.requireNonNull(link, "link");
        Objects.requireNonNull(out, "out");
        this.session = new LiveSession(link.config(), new LiveSession.Described() {
            @Override
            public SampleSink start(SourceFacts facts) {
                sampled = true;
                if (facts.gyroscope()) {
                    return out;
                }
                notices.accept("lower sensor " + link.config().name() + ": it sends no gyroscope, which spine angles "
                        + "need: the session goes on with the upper sensor alone (the lower one is still recorded)");
                out.end();
                return new SampleSink() {
                    @Override
                    public void accept(SampleBatch batch) {
                    }
                };
            }

            @Override
            public void noSamples() {
                out.end();
            }

            @Override
            public double declaredRateHz() {
                return declaredRateHz.getAsDouble();
            }
        }, recorder, states, origin);
    }

    /** Connects (a failure the first time is thrown). */
    public void start() throws IOException {
        session.start();
    }

    /** Whether a sample ever came. */
    public boolean sampled() {
        return sampled;
    }

    /** Its session's figures: bytes, reconnects, gaps. */
    public LiveSession session() {
        return session;
    }

    /** The decoder of its current connection, or null before the first. */
    public LiveDecoder decoder() {
        return link.decoder();
    }

    /** Closes its link; {@code out} then gets the end, the recording is closed. */
    @Override
    public void close() {
        session.close();
    }
}
