package io.midback.ui;

/**
 * A source paced at {@code speed} times real time ({@link Pacing}): a replay or the simulator. Stopping and the
 * speed's meaning are the same for both.
 */
abstract class PacedSource implements SampleSource {
    private final double speed;
    private volatile boolean stopped;

    /** @param speed 1 = real time; {@link Double#POSITIVE_INFINITY} = as fast as it goes */
    PacedSource(double speed) {
        this.speed = Pacing.requireSpeed(speed);
    }

    public double speed() {
        return speed;
    }

    /** The pacing of one run: it ends when {@link #stop()} is called. */
    Pacing pacing() {
        return new Pacing(speed, () -> stopped);
    }

    /** "at 4×", "at max speed": for {@link #describe()}. */
    String atSpeed() {
        return "at " + Pacing.label(speed);
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
