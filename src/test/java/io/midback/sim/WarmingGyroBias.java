package io.midback.sim;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleSink;

/**
 * A gyroscope bias that drifts as a consumer sensor warms on the body: per axis it moves from a starting value
 * towards a warm value exponentially, {@code b(t) = warm + (start − warm)·exp(−t/τ)}, added to every sample passing
 * through to the next sink (in place: the batch is the producer's). Use with a simulator whose own constant bias
 * is zero.
 */
public final class WarmingGyroBias extends ForwardingSink {
    /** How far the bias may move while warming, per axis, °/s (a consumer MEMS gyroscope warming 10–15 °C). */
    public static final double WARMING_DRIFT_DEG_PER_S = 1.0;

    private final double[] startRadPerS = new double[3], warmRadPerS = new double[3];
    private final double tauS;

    /**
     * @param startDegPerS bias per sensor axis when put on, °/s
     * @param warmDegPerS  bias per axis once warm, °/s
     * @param tauS         warming time constant, s
     */
    public WarmingGyroBias(double[] startDegPerS, double[] warmDegPerS, double tauS, SampleSink next) {
        super(next);
        for (int i = 0; i < 3; i++) {
            startRadPerS[i] = Math.toRadians(startDegPerS[i]);
            warmRadPerS[i] = Math.toRadians(warmDegPerS[i]);
        }
        this.tauS = tauS;
    }

    /**
     * Start values uniform in ±maxDegPerS per axis, warm values within ±{@value #WARMING_DRIFT_DEG_PER_S} °/s of them
     * (and within ±maxDegPerS), τ uniform in 60–300 s, from the seed.
     */
    public static WarmingGyroBias random(long seed, double maxDegPerS, SampleSink next) {
        Rng r = Rng.forStream(seed, 23);
        double[] a = new double[3], b = new double[3];
        for (int i = 0; i < 3; i++) {
            a[i] = r.uniform(-maxDegPerS, maxDegPerS);
            b[i] = Math.max(-maxDegPerS, Math.min(maxDegPerS, a[i] + r.uniform(-WARMING_DRIFT_DEG_PER_S,
                    WARMING_DRIFT_DEG_PER_S)));
        }
        return new WarmingGyroBias(a, b, r.uniform(60, 300), next);
    }

    @Override
    public void accept(SampleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            double k = Math.exp(-b.tS[i] / tauS);
            b.gxRadPerS[i] += warmRadPerS[0] + (startRadPerS[0] - warmRadPerS[0]) * k;
            b.gyRadPerS[i] += warmRadPerS[1] + (startRadPerS[1] - warmRadPerS[1]) * k;
            b.gzRadPerS[i] += warmRadPerS[2] + (startRadPerS[2] - warmRadPerS[2]) * k;
        }
        next.accept(b);
    }
}
