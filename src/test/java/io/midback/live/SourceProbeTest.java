package io.midback.live;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a live source is, from its first samples: the rate its times follow, its sensors; nothing before. */
class SourceProbeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    /** Records what it was told. */
    static final class Told implements LiveSession.Described, SampleSink {
        final List<SourceFacts> facts = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        final double declaredHz;
        boolean ended;
        boolean noSamples;

        Told(double declaredHz) {
            this.declaredHz = declaredHz;
        }

        @Override
        public SampleSink start(SourceFacts f) {
            facts.add(f);
            return this;
        }

        @Override
        public void noSamples() {
            noSamples = true;
        }

        @Override
        public double declaredRateHz() {
            return declaredHz;
        }

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                times.add(b.tS[i]);
            }
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    /** Feeds {@code n} samples at {@code rateHz} in batches of {@code perBatch}; gyroscope NaN when {@code gyro} false. */
    static void feed(SourceProbe p, int n, double rateHz, int perBatch, boolean gyro) {
        feed(p, 0, n, rateHz, perBatch, gyro);
    }

    static void feed(SourceProbe p, int from, int n, double rateHz, int perBatch, boolean gyro) {
        SampleBatch b = new SampleBatch(perBatch);
        double g = gyro ? 0.01 : Double.NaN;
        for (int i = 0; i < n; i++) {
            b.add((from + i) / rateHz, g, g, g, 0, 9.81, 0, Double.NaN, Double.NaN, Double.NaN);
            if (b.isFull() || i == n - 1) {
                p.accept(b);
                b.clear();
            }
        }
    }

    @Test
    void a200HzStreamIsDescribedAt200HzWhateverTheNominalRate() {
        Told told = new Told(Double.NaN);
        SourceProbe p = new SourceProbe(told, 100, CLOCK);
        feed(p, 10, 200, 10, true); // 45 ms: not yet enough to tell
        assertTrue(told.facts.isEmpty(), "held until 0.1 s of samples");
        assertTrue(told.times.isEmpty());
        feed(p, 10, 20, 200, 10, true);
        assertEquals(1, told.facts.size());
        SourceFacts f = told.facts.get(0);
        assertEquals(200.0, f.rateHz());
        assertEquals("200", f.rateText());
        assertTrue(f.gyroscope());
        assertFalse(f.magnetometer());
        assertEquals(CLOCK.instant(), f.firstSampleAt());
        assertEquals(30, told.times.size(), "the held samples went on, then the rest, in order");
        p.end();
        assertTrue(told.ended);
        assertFalse(told.noSamples);
    }

    @Test
    void anAccelerometerOnlyStreamIsDescribedAsSuch() {
        Told told = new Told(Double.NaN);
        SourceProbe p = new SourceProbe(told, 100, CLOCK);
        feed(p, 40, 50, 1, false);
        assertEquals(1, told.facts.size());
        assertFalse(told.facts.get(0).gyroscope());
        assertEquals(50.0, told.facts.get(0).rateHz());
    }

    @Test
    void theDeclaredRateIsTakenWhenTheMeasurementAgreesWithIt() {
        assertEquals(200, SourceFacts.rateHz(199.2, 200, 100));
        assertEquals(50, SourceFacts.rateHz(50.0, 200, 100), "the device reported 200 Hz but streams 50");
        assertEquals(104.2, SourceFacts.rateHz(104.17, Double.NaN, 100));
        assertEquals(119.3, SourceFacts.rateHz(119.26, Double.NaN, 100));
        assertEquals("200", new SourceFacts(SourceFacts.rateHz(200.001, Double.NaN, 100), true, false,
                CLOCK.instant()).rateText());
        assertEquals(100, SourceFacts.rateHz(Double.NaN, Double.NaN, 100), "one sample: the nominal rate");
        assertEquals(25, SourceFacts.rateHz(Double.NaN, 25, 100), "one sample: the declared rate");
        assertEquals("104.2", new SourceFacts(104.2, true, false, CLOCK.instant()).rateText());
    }

    @Test
    void aStreamWithoutSamplesDescribesNothing() {
        Told told = new Told(Double.NaN);
        SourceProbe p = new SourceProbe(told, 100, CLOCK);
        p.gap(0, 1, "link dropped");
        p.end();
        assertTrue(told.facts.isEmpty());
        assertTrue(told.noSamples);
        assertFalse(told.ended);
    }

    @Test
    void aStreamShorterThanTheProbeIsDescribedAtItsEnd() {
        Told told = new Told(Double.NaN);
        SourceProbe p = new SourceProbe(told, 100, CLOCK);
        feed(p, 5, 200, 5, true);
        assertTrue(told.facts.isEmpty());
        p.gap(0.02, 0.5, "link dropped");
        assertEquals(1, told.facts.size(), "a gap tells what was seen so far");
        assertEquals(5, told.times.size());
        p.end();
        assertTrue(told.ended);
    }
}
