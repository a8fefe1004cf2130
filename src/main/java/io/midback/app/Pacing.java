package io.midback.app;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Paces a stream at {@code speed} times real time (the window's replay and simulator, {@code midback mobility}'s
 * sources, through {@link PacedSink}): stream
 * time is measured from the first time asked about, wall time from that moment; {@link #waitUntil} parks the
 * session thread until a stream time is due, waking at least every 50 ms to notice a stop. Speed infinity: no
 * waiting at all.
 */
public class Pacing {
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private final double speed;
    private final BooleanSupplier stopped;
    private double firstS = Double.NaN;
    private long startNanos;

    /** @param speed 1 = real time; {@link Double#POSITIVE_INFINITY} = no pacing */
    public Pacing(double speed, BooleanSupplier stopped) {
        this.speed = requireSpeed(speed);
        this.stopped = stopped;
    }

    public static double requireSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        return speed;
    }

    public double speed() {
        return speed;
    }

    public boolean paced() {
        return !Double.isInfinite(speed);
    }

    /** Waits until stream time {@code tS} is due; false when stopped meanwhile. */
    public boolean waitUntil(double tS) {
        if (!paced()) {
            return !stopped.getAsBoolean();
        }
        if (Double.isNaN(firstS)) {
            firstS = tS;
            startNanos = System.nanoTime();
        }
        long due = startNanos + (long) ((tS - firstS) / speed * 1e9);
        long now;
        while ((now = System.nanoTime()) < due) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(due - now, MAX_PARK_NANOS));
        }
        return !stopped.getAsBoolean();
    }

    /** "4×", "0.5×", "max speed". */
    public static String label(double speed) {
        if (Double.isInfinite(speed)) {
            return "max speed";
        }
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "×";
    }
}
