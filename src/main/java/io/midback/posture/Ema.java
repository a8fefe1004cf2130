package io.midback.posture;

/** An exponentially weighted mean and variance with a time constant, correct for uneven sample spacing. */
final class Ema {
    private final double tauS;
    private double lastDtS = -1;
    private double lastAlpha;
    double mean;
    double var;
    boolean primed;

    Ema(double tauS) {
        this.tauS = tauS;
    }

    /** 1 − exp(−dt/τ), recomputed only when dt changes by more than a part in a million (steady rates). */
    double alpha(double dtS) {
        if (Math.abs(dtS - lastDtS) > 1e-6 * lastDtS || lastDtS <= 0) {
            lastDtS = dtS;
            lastAlpha = dtS <= 0 ? 0 : 1 - Math.exp(-dtS / tauS);
        }
        return lastAlpha;
    }

    void add(double x, double dtS) {
        if (!primed) {
            mean = x;
            var = 0;
            primed = true;
            return;
        }
        double a = alpha(dtS);
        double d = x - mean;
        mean += a * d;
        var = (1 - a) * (var + a * d * d);
    }

    void reset() {
        primed = false;
        mean = 0;
        var = 0;
    }
}
