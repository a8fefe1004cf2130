package io.midback.live;

import io.midback.sensor.SampleSink;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A live session: link → (raw recording) → decoder → timeline → {@link SourceProbe} → samples out (the pipeline,
 * the CSV recording), with device commands on connect, on a slump and at the end. What the samples go to may be
 * built only once the source is known ({@link Described}: its true rate, whether it has a gyroscope), so a
 * session that never receives a sample builds nothing. Bytes are decoded on the link's reader thread and
 * the pipeline runs there too, so an alert is decided before the next chunk is read; {@link #latency()} measures
 * how long that takes from each chunk's arrival. Session times count from the first sample.
 */
public final class LiveSession implements AutoCloseable {
    /** How {@link #await} describes a session that ended because the link was given up (then the reason). */
    public static final String GIVEN_UP = "link given up: ";

    /** A wire-format decoder as the session drives it: bytes in, samples to the sink it was made with. */
    public interface Decoder {
        void feed(byte[] bytes, int off, int len);

        /** The stream is over (delivers what is held back and ends the sink). */
        void end();
    }

    /** What the host sends the device; a device that takes no commands uses {@link #NONE}. */
    public interface DeviceControl {
        DeviceControl NONE = new DeviceControl() {
        };

        /** Sent after every (re)connection: e.g. set the rate, start streaming. */
        default List<byte[]> onConnect() {
            return List.of();
        }

        /** Sent when the session ends: e.g. stop streaming. */
        default List<byte[]> onStop() {
            return List.of();
        }

        /** The vibrate command for a slump alert, or null when the device has no motor. */
        default byte[] vibrate() {
            return null;
        }
    }

    /**
     * Told what the source is once its first samples arrived, and returns where the samples go (the session built
     * for this source); a stream that ends without a sample is told {@link #noSamples}. Called on the reader thread.
     */
    public interface Described {
        SampleSink start(SourceFacts facts);

        /** The stream ended without a sample: nothing was started. */
        default void noSamples() {
        }

        /** The rate the device was asked for or reports, Hz, or NaN; read when the source is described. */
        default double declaredRateHz() {
            return Double.NaN;
        }
    }

    /** Everything a session is made of. */
    public record Config(String name, Supplier<ByteTransport> transports, ReconnectingLink.Settings linkSettings,
                         Function<SampleSink, Decoder> decoders, LiveTimeline.Mode timing, double nominalRateHz,
                         DeviceControl control) {
        public Config {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(transports, "transports");
            Objects.requireNonNull(linkSettings, "linkSettings");
            Objects.requireNonNull(decoders, "decoders");
            Objects.requireNonNull(timing, "timing");
            Objects.requireNonNull(control, "control");
        }
    }

    private final Config config;
    private final LinkListener states;
    private final LiveRecorder recorder;
    private final LiveTimeline timeline;
    private final SourceProbe probe;
    private final Decoder decoder;
    private final ReconnectingLink link;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final CompletableFuture<String> stop = new CompletableFuture<>();
    private volatile long bytes;
    private volatile long vibrations;
    private boolean closed;

    /**
     * @param samples  where timed samples go (the pipeline); also gets gaps and the end
     * @param recorder records raw bytes and samples, or null
     * @param states   told about every link state change (e.g. prints it), or null
     */
    public LiveSession(Config config, SampleSink samples, LiveRecorder recorder, LinkListener states) {
        this(config, samples, recorder, states, SessionOrigin.now());
    }

    /**
     * As {@link #LiveSession(Config, SampleSink, LiveRecorder, LinkListener)}, on a timeline shared with other
     * links.
     */
    public LiveSession(Config config, SampleSink samples, LiveRecorder recorder, LinkListener states,
                       SessionOrigin origin) {
        this(config, new Described() {
            @Override
            public SampleSink start(SourceFacts facts) {
                return samples;
            }

            @Override
            public void noSamples() {
                samples.end();
            }
        }, recorder, states, origin);
    }

    /**
     * @param samples  told what the source is once its first samples arrived; gives where they go (the pipeline),
     *                 which also gets the gaps and the end
     * @param recorder records raw bytes and samples, or null; its CSV begins when the source is known
     * @param states   told about every link state change (e.g. prints it) and every chunk of bytes, or null
     */
    public LiveSession(Config config, Described samples, LiveRecorder recorder, LinkListener states) {
        this(config, samples, recorder, states, SessionOrigin.now());
    }

    /**
     * A link of a session with several ({@code origin} shared by them: one timeline, session time 0 at the first
     * sample of any of them); otherwise as {@link #LiveSession(Config, Described, LiveRecorder, LinkListener)}.
     */
    public LiveSession(Config config, Described samples, LiveRecorder recorder, LinkListener states,
                       SessionOrigin origin) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(samples, "samples");
        this.recorder = recorder;
        this.states = states;
        Described probed = new Described() {
            @Override
            public SampleSink start(SourceFacts facts) {
                SampleSink s = samples.start(facts);
                if (recorder == null) {
                    return s;
                }
                recorder.begin(facts);
                return new Tee(recorder, s);
            }

            @Override
            public void noSamples() {
                samples.noSamples();
            }

            @Override
            public double declaredRateHz() {
                return samples.declaredRateHz();
            }
        };
        this.probe = new SourceProbe(probed, config.nominalRateHz(), java.time.Clock.systemUTC());
        SampleSink out = new FromFirstSample(probe, origin);
        this.timeline = new LiveTimeline(out, config.timing(), config.nominalRateHz(), origin.startNanos());
        this.decoder = config.decoders().apply(timeline);
        this.link = new ReconnectingLink(config.name(), config.transports(), config.linkSettings(),
                new LinkListener() {
                    @Override
                    public void onBytes(byte[] buf, int off, int len) {
                        received(buf, off, len);
                    }

                    @Override
                    public void onState(LinkState state, String reason) {
                        stateChanged(state, reason);
                    }
                });
    }

    private void received(byte[] buf, int off, int len) {
        long arrival = System.nanoTime();
        bytes += len;
        if (recorder != null) {
            recorder.rawBytes(buf, off, len);
        }
        timeline.arrived(arrival);
        decoder.feed(buf, off, len);
        latency.record(System.nanoTime() - arrival);
        if (states != null) {
            states.onBytes(buf, off, len);
        }
    }

    private void stateChanged(LinkState state, String reason) {
        if (state == LinkState.DISCONNECTED) {
            timeline.linkDropped(reason);
        }
        if (states != null) {
            states.onState(state, reason);
        }
        if (state == LinkState.CONNECTED) {
            for (byte[] cmd : config.control().onConnect()) {
                link.write(cmd);
            }
        } else if (state == LinkState.GIVEN_UP) {
            stop.complete(GIVEN_UP + reason);
        }
    }

    /** Connects (a failure to connect the first time is thrown); the device commands of a connection follow. */
    public void start() throws IOException {
        link.start();
    }

    /** Asks the device to vibrate (on a slump); returns false when it cannot or the link is down. */
    public boolean vibrate() {
        byte[] cmd = config.control().vibrate();
        if (cmd == null) {
            return false;
        }
        boolean sent = link.write(cmd);
        if (sent) {
            vibrations++;
        }
        return sent;
    }

    /** Ends {@link #await} early (e.g. on Ctrl-C); any thread. */
    public void requestStop(String why) {
        stop.complete(why);
    }

    /**
     * Runs until {@code durationS} seconds have passed (≤ 0: no limit), the link gives up, or a stop is
     * requested; returns why it ended.
     */
    public String await(double durationS) throws InterruptedException {
        try {
            if (durationS > 0) {
                return stop.get(Math.round(durationS * 1000), TimeUnit.MILLISECONDS);
            }
            return stop.get();
        } catch (TimeoutException e) {
            return String.format(java.util.Locale.ROOT, "duration of %.0f s reached", durationS);
        } catch (ExecutionException e) {
            return "stopped: " + e.getCause();
        }
    }

    /** Chunk arrival → samples decoded and through the pipeline (the alert decided), per chunk. */
    public LatencyHistogram latency() {
        return latency;
    }

    public long bytesReceived() {
        return bytes;
    }

    public long vibrations() {
        return vibrations;
    }

    public int reconnects() {
        return link.reconnects();
    }

    public long gaps() {
        return timeline.gaps();
    }

    /** Tells the device to stop, closes the link, then ends the stream (the pipeline's end). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (link.state() == LinkState.CONNECTED) {
            for (byte[] cmd : config.control().onStop()) {
                link.write(cmd);
            }
        }
        link.close();
        decoder.end();
        if (recorder != null) {
            recorder.close();
        }
    }

    /**
     * Session times count from the first sample (as in a replay; with several links, the first of any:
     * {@link SessionOrigin}): shifts every time by the first sample's, in place, before the recording and the
     * pipeline see it.
     */
    private static final class FromFirstSample implements SampleSink {
        private final SampleSink out;
        private final SessionOrigin origin;

        FromFirstSample(SampleSink out, SessionOrigin origin) {
            this.out = out;
            this.origin = origin;
        }

        @Override
        public void accept(io.midback.sensor.SampleBatch batch) {
            int n = batch.size();
            if (n == 0) {
                return;
            }
            double[] t = batch.tS;
            for (int i = 0; i < n; i++) {
                t[i] = origin.sessionTime(t[i]);
            }
            out.accept(batch);
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            if (origin.started()) {
                out.gap(origin.sessionTime(fromS), origin.sessionTime(toS), reason);
            }
        }

        @Override
        public void end() {
            out.end();
        }
    }

    /** Hands every batch to the recorder first, then to the pipeline. */
    private static final class Tee implements SampleSink {
        private final SampleSink a;
        private final SampleSink b;

        Tee(SampleSink a, SampleSink b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void accept(io.midback.sensor.SampleBatch batch) {
            a.accept(batch);
            b.accept(batch);
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            a.gap(fromS, toS, reason);
            b.gap(fromS, toS, reason);
        }

        @Override
        public void end() {
            a.end();
            b.end();
        }
    }
}
