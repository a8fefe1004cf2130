package io.midback.orientation;

/**
 * {@link LowPass2} for exactly three channels (a vector), with its state in fields rather than arrays: the
 * accelerometer and rest-detection filters run it every sample. Same coefficients, warm-up and period change.
 * After {@link #step} the outputs are {@link #y0}, {@link #y1}, {@link #y2}.
 */
final class LowPass3 {
    private final double tauS;
    private double b0, b1, b2, a1, a2;
    private double tsS;
    private double s00, s01, s10, s11, s20, s21;
    private double sum0, sum1, sum2;
    private int count;
    private boolean running;
    double y0, y1, y2;

    LowPass3(double tauS, double tsS) {
        this.tauS = tauS;
        setPeriod(tsS);
    }

    void setPeriod(double ts) {
        double ob0 = b0, ob1 = b1, oa1 = a1;
        tsS = ts;
        double fc = (Math.sqrt(2) / (2 * Math.PI)) / tauS;
        double c = Math.tan(Math.PI * fc * ts);
        double d = c * c + Math.sqrt(2) * c + 1;
        b0 = c * c / d;
        b1 = 2 * b0;
        b2 = b0;
        a1 = 2 * (c * c - 1) / d;
        a2 = (1 - Math.sqrt(2) * c + c * c) / d;
        if (running) {
            double k0 = ob0 - b0, k1 = ob1 - b1 - oa1 + a1;
            s00 += k0 * y0;
            s01 += k1 * y0;
            s10 += k0 * y1;
            s11 += k1 * y1;
            s20 += k0 * y2;
            s21 += k1 * y2;
        }
    }

    void reset() {
        running = false;
        count = 0;
        sum0 = sum1 = sum2 = 0;
        s00 = s01 = s10 = s11 = s20 = s21 = 0;
        y0 = y1 = y2 = 0;
    }

    void step(double x0, double x1, double x2) {
        if (running) {
            double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
            double o0 = c0 * x0 + s00, o1 = c0 * x1 + s10, o2 = c0 * x2 + s20;
            s00 = c1 * x0 - d1 * o0 + s01;
            s01 = c2 * x0 - d2 * o0;
            s10 = c1 * x1 - d1 * o1 + s11;
            s11 = c2 * x1 - d2 * o1;
            s20 = c1 * x2 - d1 * o2 + s21;
            s21 = c2 * x2 - d2 * o2;
            y0 = o0;
            y1 = o1;
            y2 = o2;
            return;
        }
        warmUp(x0, x1, x2);
    }

    /** The running mean, which becomes the steady state after tauS (apart, so that {@link #step} inlines). */
    private void warmUp(double x0, double x1, double x2) {
        count++;
        sum0 += x0;
        sum1 += x1;
        sum2 += x2;
        y0 = sum0 / count;
        y1 = sum1 / count;
        y2 = sum2 / count;
        if (count * tsS >= tauS) {
            s00 = y0 * (1 - b0);
            s01 = y0 * (b2 - a2);
            s10 = y1 * (1 - b0);
            s11 = y1 * (b2 - a2);
            s20 = y2 * (1 - b0);
            s21 = y2 * (b2 - a2);
            running = true;
        }
    }
}
