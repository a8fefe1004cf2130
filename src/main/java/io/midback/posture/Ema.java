package io.midback.posture;

/** An exponentially weighted mean and variance with a time constant, correct for uneven sample spacing. */
public final class Ema {
    private final double tauS;
    private double lastDtS = -1;
    private double lastAlpha;
    /** The running mean and variance (read them; {@link #add} writes them). */
    public double mean;
    public double var;
    boolean primed;

    public Ema(double tauS) {
        this.tauS = tauS;
    }

    /** 1 − exp(−dt/τ), recomputed only when dt changes by more than a part in a million (steady rates). */
    public double alpha(double dtS) {
        if (Math.abs(dtS - lastDtS) > 1e-6 * lastDtS || lastDtS <= 0) {
            lastDtS = dtS;
            lastAlpha = dtS <= 0 ? 0 : 1 - Math.exp(-dtS / tauS);
        }
        return lastAlpha;
    }

    public void add(double x, double dtS) {
        addWithAlpha(x, alpha(dtS));
    }

    /** As {@link #add} with {@code a = alpha(dt)} computed once for several means of the same time constant. */
    public void addWithAlpha(double x, double a) {
        if (prime(x)) {
            return;
        }
        double d = x - mean;
        mean += a * d;
        var = (1 - a) * (var + a * d * d);
    }

    /**
     * As {@link #addWithAlpha} for the mean alone (the same mean, to the bit; {@link #var} is left as it is): for a
     * mean whose spread nobody reads, four operations fewer per sample.
     */
    public void addMeanWithAlpha(double x, double a) {
        if (prime(x)) {
            return;
        }
        mean += a * (x - mean);
    }

    /** The first value starts the mean (spread 0): true when it did. */
    private boolean prime(double x) {
        if (primed) {
            return false;
        }
        mean = x;
        var = 0;
        primed = true;
        return true;
    }

    public void reset() {
        primed = false;
        mean = 0;
        var = 0;
    }
}
