package io.midback.ui;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.concurrent.locks.LockSupport;

/**
 * The simulated wearer ({@link Simulator}) as a source: a built-in scenario (slump-demo, workday) or a scenario
 * file, paced at {@code speed} times real time (infinity: as fast as it computes). Samples are made on the
 * session's thread in blocks of at most 50 ms of wall time.
 */
public final class SimulatorSource implements SampleSource {
    private final String scenario;
    private final double speed;
    private volatile boolean stopped;

    public SimulatorSource(String scenario, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.scenario = scenario;
        this.speed = speed;
    }

    @Override
    public String describe() {
        return "simulator " + scenario + " at " + PacedReplay.speedLabel(speed);
    }

    @Override
    public boolean realTime() {
        return !Double.isInfinite(speed);
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void run(SampleSink sink) {
        Simulator sim = Simulator.of(scenario, SimulatorConfig.defaults());
        double rateHz = sim.config().rateHz();
        int block = Double.isInfinite(speed) ? 4096 : (int) Math.max(1, Math.min(4096, rateHz * speed * 0.05));
        SampleBatch batch = new SampleBatch(Math.max(block, 16));
        long startNanos = System.nanoTime();
        long produced = 0;
        while (sim.hasNext() && !stopped) {
            if (!Double.isInfinite(speed)) {
                long due = startNanos + (long) (produced / rateHz / speed * 1e9);
                long now;
                while ((now = System.nanoTime()) < due && !stopped) {
                    LockSupport.parkNanos(Math.min(due - now, 50_000_000L));
                }
            }
            batch.clear();
            produced += sim.fill(batch, block);
            sink.accept(batch);
        }
        sink.end();
    }
}
