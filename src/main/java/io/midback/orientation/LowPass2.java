package io.midback.orientation;

/**
 * A second-order Butterworth low-pass over a fixed number of channels, as VQF uses it: the cut-off is given by
 * the time constant {@code tauS} of the non-oscillating part of the step response, the coefficients are computed
 * once per sampling period (and adapted, state included, when the period changes), and the first {@code tauS}
 * seconds are the running mean of the input, which then becomes the filter's steady state, so that the output
 * does not hang on the first sample.
 *
 * <p>Per sample: {@link #begin()}, then {@link #step(int, double)} for every channel, then {@link #end()}.
 * Nothing allocates after construction.
 */
final class LowPass2 {
    private final int channels;
    private final double tauS;
    private double b0, b1, b2, a1, a2;
    private double tsS;
    private final double[] s0, s1; // the two states per channel (direct form II transposed)
    private final double[] last;  // last output per channel
    private final double[] sum;   // warm-up sums
    private int count;
    private boolean running;

    LowPass2(int channels, double tauS, double tsS) {
        this.channels = channels;
        this.tauS = tauS;
        this.s0 = new double[channels];
        this.s1 = new double[channels];
        this.last = new double[channels];
        this.sum = new double[channels];
        this.tsS = tsS;
        computeCoefficients(tsS);
    }

    private void computeCoefficients(double ts) {
        double fc = (Math.sqrt(2) / (2 * Math.PI)) / tauS;
        double c = Math.tan(Math.PI * fc * ts);
        double d = c * c + Math.sqrt(2) * c + 1;
        b0 = c * c / d;
        b1 = 2 * b0;
        b2 = b0;
        a1 = 2 * (c * c - 1) / d;
        a2 = (1 - Math.sqrt(2) * c + c * c) / d;
    }

    /** New sampling period: new coefficients, and the state adapted so the output continues smoothly. */
    void setPeriod(double ts) {
        double ob0 = b0, ob1 = b1, oa1 = a1;
        tsS = ts;
        computeCoefficients(ts);
        if (running) {
            for (int i = 0; i < channels; i++) {
                s0[i] += (ob0 - b0) * last[i];
                s1[i] += (ob1 - b1 - oa1 + a1) * last[i];
            }
        }
    }

    void reset() {
        count = 0;
        running = false;
        for (int i = 0; i < channels; i++) {
            sum[i] = 0;
            last[i] = 0;
            s0[i] = 0;
            s1[i] = 0;
        }
    }

    void begin() {
        if (!running) {
            count++;
        }
    }

    double step(int ch, double x) {
        double y;
        if (running) {
            y = b0 * x + s0[ch];
            s0[ch] = b1 * x - a1 * y + s1[ch];
            s1[ch] = b2 * x - a2 * y;
        } else {
            sum[ch] += x;
            y = sum[ch] / count;
        }
        last[ch] = y;
        return y;
    }

    void end() {
        if (!running && count * tsS >= tauS) {
            for (int i = 0; i < channels; i++) {
                double x0 = last[i];
                s0[i] = x0 * (1 - b0);
                s1[i] = x0 * (b2 - a2);
            }
            running = true;
        }
    }

    double last(int ch) {
        return last[ch];
    }
}
