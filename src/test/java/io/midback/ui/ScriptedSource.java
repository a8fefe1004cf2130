package io.midback.ui;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * A live source for tests (sensor mounted as in {@link SyntheticWearer}): a wearer streaming at 100 Hz in real time whose flexion follows a target the test sets
 * ({@link #lean}), moving at most {@code maxRateDegPerS}, with optional fidgeting ({@link #fidget}).
 */
final class ScriptedSource implements SampleSource {
    private volatile boolean stopped;
    private volatile double targetDeg;
    private volatile boolean fidget;
    private volatile boolean paused;
    private volatile long sent;
    private final double maxRateDegPerS = 15;

    void lean(double deg) {
        targetDeg = deg;
    }

    void fidget(boolean on) {
        fidget = on;
    }

    /** Stops sending (as a sensor that goes quiet) or sends again; the time stamps run on meanwhile. */
    void pause(boolean on) {
        paused = on;
    }

    long sent() {
        return sent;
    }

    @Override
    public String describe() {
        return "scripted wearer (test)";
    }

    @Override
    public void run(SampleSink sink) {
        Random rnd = new Random(7);
        SampleBatch b = new SampleBatch(64);
        double dt = 0.01, th = 0;
        long start = System.nanoTime();
        long i = 0;
        while (!stopped) {
            long due = start + i * 10_000_000L;
            b.clear();
            while (System.nanoTime() >= due && b.size() < 50) {
                double t = i * dt;
                double target = targetDeg + (fidget ? 12 * Math.sin(2 * Math.PI * 0.8 * t) : 0);
                double step = Math.max(-maxRateDegPerS * dt, Math.min(maxRateDegPerS * dt, target - th));
                if (fidget) {
                    step = target - th;
                }
                th += step;
                double rate = Math.toRadians(step) / dt;
                double r = Math.toRadians(th);
                b.add(t, -rate, rnd.nextGaussian() * 0.002, rnd.nextGaussian() * 0.002,
                        rnd.nextGaussian() * 0.02, SyntheticWearer.G * Math.cos(r), SyntheticWearer.G * Math.sin(r),
                        Double.NaN, Double.NaN, Double.NaN);
                i++;
                due = start + i * 10_000_000L;
            }
            if (b.size() > 0 && !paused) {
                sink.accept(b);
                sent += b.size();
            }
            LockSupport.parkNanos(Math.max(1_000_000L, due - System.nanoTime()));
        }
        sink.end();
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
