package io.midback.breathing;

/**
 * A second-order Butterworth section (low-pass or high-pass, bilinear transform) over three channels, direct
 * form II transposed. {@link #settle} puts it in the steady state of a constant input, so that it starts (or
 * starts again after a movement) without a transient. Nothing allocates after construction.
 */
final class Biquad {
    private final double b0, b1, b2, a1, a2;
    private final double dcGain;
    private final double[] s1 = new double[3], s2 = new double[3];

    private Biquad(double b0, double b1, double b2, double a1, double a2, double dcGain) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
        this.dcGain = dcGain;
    }

    static Biquad lowPass(double cutoffHz, double rateHz) {
        double c = Math.tan(Math.PI * cutoffHz / rateHz);
        double d = c * c + Math.sqrt(2) * c + 1;
        double b0 = c * c / d;
        return new Biquad(b0, 2 * b0, b0, 2 * (c * c - 1) / d, (c * c - Math.sqrt(2) * c + 1) / d, 1);
    }

    static Biquad highPass(double cutoffHz, double rateHz) {
        double c = Math.tan(Math.PI * cutoffHz / rateHz);
        double d = c * c + Math.sqrt(2) * c + 1;
        double b0 = 1 / d;
        return new Biquad(b0, -2 * b0, b0, 2 * (c * c - 1) / d, (c * c - Math.sqrt(2) * c + 1) / d, 0);
    }

    double step(int channel, double x) {
        double y = b0 * x + s1[channel];
        s1[channel] = b1 * x - a1 * y + s2[channel];
        s2[channel] = b2 * x - a2 * y;
        return y;
    }

    /** The steady state for a constant input {@code x} on {@code channel}. */
    void settle(int channel, double x) {
        double y = dcGain * x;
        s2[channel] = b2 * x - a2 * y;
        s1[channel] = b1 * x - a1 * y + s2[channel];
    }
}
