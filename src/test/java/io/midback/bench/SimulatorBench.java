package io.midback.bench;

import io.midback.sensor.SampleBatch;
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
 * How fast the simulator produces samples (body model, sensor model, noise; no file writing): one hour of the
 * workday at 100 Hz per invocation, reported per sample. Run: {@code ./bench SimulatorBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SimulatorBench {
    private static final int SAMPLES = 360_000;
    private Scenario hour;
    private final SampleBatch batch = new SampleBatch();

    @Setup
    public void setUp() {
        hour = Scenario.load("workday").truncated(3600);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void workdayHourAt100Hz(Blackhole bh) {
        Simulator sim = new Simulator(hour, SimulatorConfig.defaults());
        while (sim.hasNext()) {
            batch.clear();
            sim.fill(batch, batch.capacity());
            bh.consume(batch.azMps2[batch.size() - 1]);
        }
    }
}
