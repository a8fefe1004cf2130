package io.midback.ui;

import io.midback.app.SessionSpec;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.time.Clock;

/**
 * The simulated wearer ({@link Simulator}) as a source: a built-in scenario (slump-demo, workday) or a scenario
 * file, paced ({@link Pacing}) at {@code speed} times real time (infinity: as fast as it computes). Samples are
 * made on the session's thread in blocks of at most 50 ms of wall time.
 */
public final class SimulatorSource extends PacedSource {
    private final String scenario;

    public SimulatorSource(String scenario, double speed) {
        super(speed);
        this.scenario = scenario;
    }

    @Override
    public String describe() {
        return "simulator " + scenario + " " + atSpeed();
    }

    @Override
    public SessionSpec spec(PostureSettings posture, Clock clock) {
        SimulatorConfig c = SimulatorConfig.defaults();
        return SessionSpec.simulator(scenario, c.rateHz(), c.magnetometer(), clock.instant(), clock.getZone(),
                OrientationFilters.DEFAULT, posture);
    }

    @Override
    public void run(SampleSink sink) {
        Simulator sim = Simulator.of(scenario, SimulatorConfig.defaults());
        double rateHz = sim.config().rateHz();
        Pacing pacing = pacing();
        int block = pacing.paced() ? (int) Math.max(1, Math.min(4096, rateHz * speed() * 0.05)) : 4096;
        SampleBatch batch = new SampleBatch(Math.max(block, 16));
        long produced = 0;
        while (sim.hasNext() && pacing.waitUntil(produced / rateHz)) {
            batch.clear();
            produced += sim.fill(batch, block);
            sink.accept(batch);
        }
        sink.end();
    }
}
