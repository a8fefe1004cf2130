package io.midback.ui;

import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A wearer for tests, with the sensor mounted the default way (sensor x = the wearer's right, y = up along the
 * spine, z = out of the back): flexion tips the sensor's top forward, a rotation about its x axis, so "up" seen
 * in the sensor frame moves from +y toward +z. Samples are consistent: the gyroscope's x rate is the negative
 * rate of change of the flexion angle, the accelerometer reads gravity in the tilted frame, plus a little noise. {@code main} writes an office day for the window's measurements.
 */
public final class SyntheticWearer {
    static final double G = 9.80665;

    private SyntheticWearer() {
    }

    /** Emits samples at {@code rateHz} from t=0 to durationS, flexion (degrees) given by {@code flexionDeg(t)}. */
    static void generate(double durationS, double rateHz, DoubleUnaryOperator flexionDeg, long seed, SampleSink sink) {
        Random rnd = new Random(seed);
        SampleBatch b = new SampleBatch(1024);
        double dt = 1 / rateHz;
        long n = Math.round(durationS * rateHz);
        double prev = Math.toRadians(flexionDeg.applyAsDouble(0));
        for (long i = 0; i < n; i++) {
            double t = i * dt;
            double th = Math.toRadians(flexionDeg.applyAsDouble(t));
            double rate = i == 0 ? 0 : (th - prev) / dt;
            prev = th;
            b.add(t, -rate + rnd.nextGaussian() * 0.002, rnd.nextGaussian() * 0.002, rnd.nextGaussian() * 0.002,
                    rnd.nextGaussian() * 0.02, G * Math.cos(th) + rnd.nextGaussian() * 0.02,
                    G * Math.sin(th) + rnd.nextGaussian() * 0.02, Double.NaN, Double.NaN, Double.NaN);
            if (b.isFull()) {
                sink.accept(b);
                b.clear();
            }
        }
        if (b.size() > 0) {
            sink.accept(b);
        }
        sink.end();
    }

    static void write(Path file, double durationS, double rateHz, DoubleUnaryOperator flexionDeg) {
        try (CsvSampleWriter w = CsvSampleWriter.create(file,
                new RecordingMetadata(Map.of(RecordingMetadata.DEVICE, "synthetic wearer (test)",
                        RecordingMetadata.RATE_HZ, String.valueOf(rateHz))), false)) {
            generate(durationS, rateHz, flexionDeg, 42, w);
        }
    }

    /** Smooth step from a to b over [t0, t0 + rampS]. */
    static double ramp(double t, double t0, double rampS, double a, double b) {
        if (t <= t0) {
            return a;
        }
        if (t >= t0 + rampS) {
            return b;
        }
        double x = (t - t0) / rampS;
        return a + (b - a) * (3 * x * x - 2 * x * x * x);
    }

    /**
     * An office day: repeating 20-minute cycles of upright sitting, a slow slide into a 35° slump for a few
     * minutes, sitting up again, and small fidgets.
     */
    static double officeDay(double t) {
        double c = t % 1200;
        double base = 5 * Math.sin(t / 37.0) + 2 * Math.sin(t / 5.3);
        if (c < 600) {
            return base;
        }
        if (c < 900) {
            return ramp(c, 600, 60, base, 35 + base / 2);
        }
        return ramp(c, 900, 10, 35 + base / 2, base);
    }

    /** {@code SyntheticWearer FILE HOURS}: writes an office day at 100 Hz (a .gz name compresses). */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "target/office-day.csv.gz");
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        write(file, hours * 3600, 100, SyntheticWearer::officeDay);
        System.out.println("wrote " + file + ": " + hours + " h at 100 Hz");
    }
}
