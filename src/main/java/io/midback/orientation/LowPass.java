package io.midback.orientation;

import java.util.Arrays;

/**
 * A second-order Butterworth low-pass over a fixed number of channels, as VQF uses it: the cut-off is given by
 * the time constant {@code tauS} of the non-oscillating part of the step response, the coefficients are computed
 * once per sampling period (and adapted, state included, when the period changes), and the first {@code tauS}
 * seconds are the running mean of the input, which then becomes the filter's steady state, so that the output
 * does not hang on the first sample.
 *
 * <p>Per sample: write the inputs into {@link #x}, call {@link #step()}, read the outputs from {@link #x}; between
 * samples it holds the last outputs, which a period change needs. Nothing allocates after construction.
 *
 * <p>One class serves VQF's uses (3 channels three times per sample, 11 for the bias filter, 2 for the field's
 * norm and dip). The copies it replaced, written out per channel count with the state in fields, were faster:
 * the whole 6D update took 10–20 % less CPU with them (140 against 155–167 ns per update, 9D 278 against 300,
 * both versions run in turns in one JVM on the loaded build machine, where JMH was too noisy to tell), about
 * 2–4 % of a whole replay: not worth 280 lines of three copies of one filter.
 */
final class LowPass {
    private final double tauS;
    private double b0, b1, b2, a1, a2;
    private double tsS;
    private int count;
    private boolean running;
    /** The inputs before {@link #step()}, the outputs after it. */
    final double[] x;
    private final double[] z;      // the two states per channel, side by side (direct form II transposed)
    private final double[] sum;    // warm-up sums

    LowPass(int channels, double tauS, double tsS) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        this.tauS = tauS;
        x = new double[channels];
        z = new double[2 * channels];
        sum = new double[channels];
        setPeriod(tsS);
    }

    /** New sampling period: new coefficients, and the state adapted so the output continues smoothly. */
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
            for (int i = 0; i < x.length; i++) {
                z[2 * i] += k0 * x[i];
                z[2 * i + 1] += k1 * x[i];
            }
        }
    }

    void reset() {
        running = false;
        count = 0;
        Arrays.fill(x, 0);
        Arrays.fill(z, 0);
        Arrays.fill(sum, 0);
    }

    /**
     * A vector's step (three channels): {@link #x} ← the outputs for the inputs {@code (x0, x1, x2)}. The same
     * operations as {@link #step()}, written out per channel: a loop of three trips costs the compiled update more
     * than the filter's arithmetic (its unrolled main loop never runs, the pre- and post-loops do).
     */
    void step(double x0, double x1, double x2) {
        final double[] v = x;
        if (v.length != 3) {
            throw new IllegalStateException("a three-channel step on a " + v.length + "-channel low-pass");
        }
        if (!running) {
            v[0] = x0;
            v[1] = x1;
            v[2] = x2;
            warmUp();
            return;
        }
        final double[] st = z;
        final double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
        double y0 = c0 * x0 + st[0];
        st[0] = c1 * x0 - d1 * y0 + st[1];
        st[1] = c2 * x0 - d2 * y0;
        double y1 = c0 * x1 + st[2];
        st[2] = c1 * x1 - d1 * y1 + st[3];
        st[3] = c2 * x1 - d2 * y1;
        double y2 = c0 * x2 + st[4];
        st[4] = c1 * x2 - d1 * y2 + st[5];
        st[5] = c2 * x2 - d2 * y2;
        v[0] = y0;
        v[1] = y1;
        v[2] = y2;
    }

    /** {@link #x} ← the filter's outputs for the inputs in {@link #x}. */
    void step() {
        if (running) {
            final double[] v = x, st = z;
            final double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
            for (int i = 0, j = 0; i < v.length; i++, j += 2) {
                double in = v[i];
                double y = c0 * in + st[j];
                st[j] = c1 * in - d1 * y + st[j + 1];
                st[j + 1] = c2 * in - d2 * y;
                v[i] = y;
            }
            return;
        }
        warmUp();
    }

    /** The running mean, which becomes the steady state after tauS (apart, so that {@link #step} inlines). */
    private void warmUp() {
        final double[] v = x;
        count++;
        for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
            v[i] = sum[i] / count;
        }
        if (count * tsS >= tauS) {
            double k0 = 1 - b0, k1 = b2 - a2;
            for (int i = 0; i < v.length; i++) {
                z[2 * i] = v[i] * k0;
                z[2 * i + 1] = v[i] * k1;
            }
            running = true;
        }
    }
}
