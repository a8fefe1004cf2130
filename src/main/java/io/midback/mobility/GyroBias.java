package io.midback.mobility;

/**
 * The gyroscope bias for the check: the mean rate over the first {@link MobilitySettings#biasCaptureS()} of
 * stillness, then followed during every later stillness (a consumer sensor's bias drifts as it warms on the body).
 * Allocation-free.
 */
final class GyroBias {
    private final MobilitySettings settings;
    private final double[] biasRadPerS = {Double.NaN, Double.NaN, Double.NaN};
    private final double[] capturedRadPerS = {Double.NaN, Double.NaN, Double.NaN};
    private int n;
    private double startS = Double.NaN, sx, sy, sz;

    GyroBias(MobilitySettings settings) {
        this.settings = settings;
    }

    boolean isKnown() {
        return !Double.isNaN(biasRadPerS[0]);
    }

    double x() {
        return biasRadPerS[0];
    }

    double y() {
        return biasRadPerS[1];
    }

    double z() {
        return biasRadPerS[2];
    }

    /** Forgets the bias: the next stillness captures it afresh. */
    void restart() {
        for (int i = 0; i < 3; i++) {
            biasRadPerS[i] = Double.NaN;
        }
        n = 0;
    }

    /** The bias as captured at the start (rad/s, sensor axes) into out[0..2]. */
    void captured(double[] out) {
        System.arraycopy(capturedRadPerS, 0, out, 0, 3);
    }

    /** The bias now (rad/s, sensor axes) into out[0..2]. */
    void current(double[] out) {
        System.arraycopy(biasRadPerS, 0, out, 0, 3);
    }

    /**
     * One raw gyroscope sample. {@code stillNow} is the instantaneous stillness test, {@code stillHeld} the held one.
     *
     * @return true when this sample completed the initial capture
     */
    boolean update(double tS, double dtS, boolean stillNow, boolean stillHeld, double gx, double gy, double gz) {
        if (isKnown()) {
            if (stillHeld && dtS > 0) {
                double a = Math.min(1, dtS / settings.biasTrackTauS());
                biasRadPerS[0] += (gx - biasRadPerS[0]) * a;
                biasRadPerS[1] += (gy - biasRadPerS[1]) * a;
                biasRadPerS[2] += (gz - biasRadPerS[2]) * a;
            }
            return false;
        }
        if (!stillNow) {
            n = 0;
            return false;
        }
        if (n == 0) {
            startS = tS;
            sx = sy = sz = 0;
        }
        sx += gx;
        sy += gy;
        sz += gz;
        n++;
        if (tS - startS < settings.biasCaptureS()) {
            return false;
        }
        biasRadPerS[0] = sx / n;
        biasRadPerS[1] = sy / n;
        biasRadPerS[2] = sz / n;
        System.arraycopy(biasRadPerS, 0, capturedRadPerS, 0, 3);
        n = 0;
        return true;
    }
}
