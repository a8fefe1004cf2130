package io.midback.sim;

/**
 * A simulated sensor's own clock against true time (the upper sensor's, taken as the reference): it starts
 * {@code startOffsetS} after true time 0 and runs {@code fastFraction} fast (0.02: 2 % fast, so at a nominal
 * 100 Hz it samples 102 times per true second). Its samples carry its own timestamps, {@code k / rate}: device
 * time {@code τ = (t − startOffsetS) × (1 + fastFraction)}.
 */
public record SensorClock(double startOffsetS, double fastFraction) {
    /** The reference clock: starts at true 0, runs true. */
    public static final SensorClock IDEAL = new SensorClock(0, 0);

    public SensorClock {
        if (!Double.isFinite(startOffsetS) || !(Math.abs(fastFraction) < 0.5)) {
            throw new IllegalArgumentException("a sensor clock starts at a finite offset and runs within 50 % of "
                    + "true: " + startOffsetS + " s, " + fastFraction);
        }
    }

    /** True time of device time {@code deviceS}. */
    public double trueTimeS(double deviceS) {
        return startOffsetS + deviceS / (1 + fastFraction);
    }

    /** Device time at true time {@code trueS}. */
    public double deviceTimeS(double trueS) {
        return (trueS - startOffsetS) * (1 + fastFraction);
    }
}
