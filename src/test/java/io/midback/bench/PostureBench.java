package io.midback.bench;

import io.midback.alert.PostureEngine;
import io.midback.alert.SessionSummary;
import io.midback.orientation.MahonyFilter;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The posture and alert stages alone (no filter): per sample, {@link PostureEngine#update} plus the
 * {@link SessionSummary}. Input: the 10-minute slump-demo at 100 Hz (60,000 samples) with its Mahony
 * quaternions precomputed. Each operation is one sample: scores are samples per second. Run:
 * {@code ./bench PostureBench} (add {@code -prof gc} to see that nothing is allocated per sample).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PostureBench {
    static final int SAMPLES = 60_000;
    final double[] t = new double[SAMPLES], qw = new double[SAMPLES], qx = new double[SAMPLES],
            qy = new double[SAMPLES], qz = new double[SAMPLES], gx = new double[SAMPLES], gy = new double[SAMPLES],
            gz = new double[SAMPLES], ax = new double[SAMPLES], ay = new double[SAMPLES], az = new double[SAMPLES];

    @Setup
    public void setUp() {
        Simulator sim = new Simulator(Scenario.load("slump-demo"), SimulatorConfig.defaults().withRate(100));
        MahonyFilter f = new MahonyFilter();
        sim.run(new SampleSink() {
            int i;

            @Override
            public void accept(SampleBatch b) {
                for (int j = 0; j < b.size() && i < SAMPLES; j++, i++) {
                    f.update(i == 0 ? 0 : 0.01, b.gxRadPerS[j], b.gyRadPerS[j], b.gzRadPerS[j], b.axMps2[j],
                            b.ayMps2[j], b.azMps2[j], Double.NaN, Double.NaN, Double.NaN);
                    t[i] = b.tS[j];
                    qw[i] = f.qw();
                    qx[i] = f.qx();
                    qy[i] = f.qy();
                    qz[i] = f.qz();
                    gx[i] = b.gxRadPerS[j];
                    gy[i] = b.gyRadPerS[j];
                    gz[i] = b.gzRadPerS[j];
                    ax[i] = b.axMps2[j];
                    ay[i] = b.ayMps2[j];
                    az[i] = b.azMps2[j];
                }
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void engine(Blackhole bh) {
        SessionSummary summary = new SessionSummary();
        PostureEngine e = new PostureEngine(PostureSettings.defaults(), summary);
        PostureFrame frame = new PostureFrame();
        for (int i = 0; i < SAMPLES; i++) {
            e.update(t[i], qw[i], qx[i], qy[i], qz[i], gx[i], gy[i], gz[i], ax[i], ay[i], az[i], frame);
            summary.onPosture(frame);
        }
        e.end(t[SAMPLES - 1]);
        bh.consume(summary.episodes().size());
    }
}
