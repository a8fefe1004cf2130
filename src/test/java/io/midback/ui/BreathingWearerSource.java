package io.midback.ui;

import io.midback.app.SessionSpec;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.time.Clock;

/**
 * A simulated wearer from a scenario's text, paced at {@code speed} times real time and saved in the history as a
 * live sensor is (the built-in simulator source is not saved): the window's sessions, faster than real time.
 */
final class BreathingWearerSource extends PacedSource {
    private final String scenarioText;

    BreathingWearerSource(String scenarioText, double speed) {
        super(speed);
        this.scenarioText = scenarioText;
    }

    @Override
    public String describe() {
        return "simulated wearer " + atSpeed();
    }

    @Override
    public SessionSpec spec(PostureSettings posture, Clock clock) {
        return SessionSpec.simulator("wearer", 50, false, clock.instant(), clock.getZone(), OrientationFilters.DEFAULT,
                posture);
    }

    @Override
    public boolean savesHistory() {
        return true;
    }

    @Override
    public void run(SampleSink sink) {
        Simulator sim = new Simulator(Scenario.parse("wearer", scenarioText, "wearer"),
                SimulatorConfig.defaults().withRate(50).withSeed(8));
        Pacing pacing = pacing();
        int block = (int) Math.max(1, 50 * speed() * 0.05);
        SampleBatch batch = new SampleBatch(Math.max(block, 16));
        long produced = 0;
        while (sim.hasNext() && pacing.waitUntil(produced / 50.0)) {
            batch.clear();
            produced += sim.fill(batch, block);
            sink.accept(batch);
        }
        sink.end();
    }
}
