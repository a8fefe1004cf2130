package io.midback.bench;

import io.midback.protocol.ImuDecoder;
import io.midback.protocol.MidbackDecoder;
import io.midback.protocol.MidbackDeviceEncoder;
import io.midback.protocol.WitMotionDecoder;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decoding throughput. Each operation is one sample: scores are samples per second. The Midback stream is
 * 10,000 samples at 100 Hz, {@code perFrame} samples per IMU batch frame (6-axis), fed in 4 KiB chunks as a
 * transport would; the sink touches every sample. Run: {@code ./bench ProtocolBench} (add {@code -prof gc}
 * for allocation per operation).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ProtocolBench {
    static final int SAMPLES = 10_000;
    static final int CHUNK = 4096;

    @Param({"10", "40"})
    public int perFrame;

    private byte[] midback;
    private byte[] witmotion;
    private ImuDecoder midbackDecoder;
    private ImuDecoder witDecoder;
    private Blackhole bh;

    /** Consumes every sample so the decoding is not optimised away. */
    static final class ConsumingSink implements SampleSink {
        Blackhole bh;

        @Override
        public void accept(SampleBatch b) {
            double acc = 0;
            for (int i = 0, n = b.size(); i < n; i++) {
                acc += b.tS[i] + b.axMps2[i] + b.gzRadPerS[i];
            }
            bh.consume(acc);
        }
    }

    @Setup
    public void setup(Blackhole bh) {
        this.bh = bh;
        Random r = new Random(1);
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short[] raw = new short[perFrame * 6];
        for (int s = 0; s < SAMPLES; s += perFrame) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (short) r.nextInt(65536);
            }
            out.writeBytes(enc.imuBatch(s, s * 10_000L, 10_000, 4, 500, 0, raw, perFrame, false));
        }
        midback = out.toByteArray();
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        for (int s = 0; s < SAMPLES; s++) {
            w.writeBytes(wit(0x51, r));
            w.writeBytes(wit(0x52, r));
            w.writeBytes(wit(0x53, r));
        }
        witmotion = w.toByteArray();
        ConsumingSink sink = new ConsumingSink();
        sink.bh = bh;
        midbackDecoder = new MidbackDecoder(sink);
        witDecoder = new WitMotionDecoder(sink, 100);
    }

    private static byte[] wit(int type, Random r) {
        byte[] f = new byte[11];
        f[0] = 0x55;
        f[1] = (byte) type;
        for (int i = 2; i < 10; i++) {
            f[i] = (byte) r.nextInt(256);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += f[i];
        }
        f[10] = (byte) sum;
        return f;
    }

    private static void feed(ImuDecoder d, byte[] bytes) {
        for (int i = 0; i < bytes.length; i += CHUNK) {
            d.feed(bytes, i, Math.min(CHUNK, bytes.length - i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void midbackSamples() {
        // the stream restarts its counters each round: the decoder sees a "restart" gap once per 10,000 samples
        feed(midbackDecoder, midback);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void witmotionSamples() {
        feed(witDecoder, witmotion);
    }
}
