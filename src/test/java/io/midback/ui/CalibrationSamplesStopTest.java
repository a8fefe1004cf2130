package io.midback.ui;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.ui.PostureBackend.Calibration;
import io.midback.ui.PostureBackend.Result;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration's hold, judged by the real engine: a stream that ends is said as such, not as the wearer moving. */
class CalibrationSamplesStopTest {

    private static final SampleSource SOURCE = new SampleSource() {
        @Override
        public String describe() {
            return "test stream";
        }

        @Override
        public void run(SampleSink sink) {
        }

        @Override
        public void stop() {
        }
    };

    @Test
    void aStreamThatEndsDuringTheHoldIsSaidNotBlamedOnTheWearer() {
        EngineBackend backend = new EngineBackend(Clock.systemDefaultZone());
        SampleSink pipeline = backend.open(SOURCE, f -> { }, a -> { });
        Calibration c = backend.calibration();
        c.begin(Calibration.Step.HOLD_UPRIGHT);
        SyntheticWearer.generate(0.5, 100, t -> 2, 1, pipeline); // the recording ends half a second in
        Result r = c.endStep();
        assertFalse(r.ok());
        assertTrue(r.samplesStopped(), r.message());
        assertFalse(r.message().contains("moved"), r.message());
        assertTrue(r.message().contains("samples stopped"), r.message());
    }

    @Test
    void aWearerWhoFidgetsWhileSamplesFlowIsStillToldSo() {
        EngineBackend backend = new EngineBackend(Clock.systemDefaultZone());
        SampleSink pipeline = backend.open(SOURCE, f -> { }, a -> { });
        Calibration c = backend.calibration();
        c.begin(Calibration.Step.HOLD_UPRIGHT);
        SyntheticWearer.generate(6, 100, t -> 15 * Math.sin(2 * Math.PI * t), 1, new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                pipeline.accept(b);
            }
            // the stream goes on: no end
        });
        Result r = c.endStep();
        assertFalse(r.ok());
        assertFalse(r.samplesStopped(), r.message());
        assertTrue(r.message().contains("moved"), r.message());
    }
}
