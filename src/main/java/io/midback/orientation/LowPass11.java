package io.midback.orientation;

/**
 * {@link LowPass2} for the eleven channels of VQF's motion bias estimation (the nine entries of the rotation
 * matrix and the two horizontal components of the rotated bias), unrolled with its state in fields: it runs
 * every sample. Same coefficients, warm-up and period change. Inputs and outputs are {@link #x}; between
 * samples it holds the last outputs, which a period change needs.
 */
final class LowPass11 {
    private final double tauS;
    private double b0, b1, b2, a1, a2;
    private double tsS;
    private int count;
    private boolean running;
    /** The inputs before {@link #step()}, the outputs after it. */
    final double[] x = new double[11];
    private final double[] sum = new double[11];
    private double s00, s01;
    private double s10, s11;
    private double s20, s21;
    private double s30, s31;
    private double s40, s41;
    private double s50, s51;
    private double s60, s61;
    private double s70, s71;
    private double s80, s81;
    private double s90, s91;
    private double s100, s101;

    LowPass11(double tauS, double tsS) {
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
            s00 += k0 * x[0];
            s01 += k1 * x[0];
            s10 += k0 * x[1];
            s11 += k1 * x[1];
            s20 += k0 * x[2];
            s21 += k1 * x[2];
            s30 += k0 * x[3];
            s31 += k1 * x[3];
            s40 += k0 * x[4];
            s41 += k1 * x[4];
            s50 += k0 * x[5];
            s51 += k1 * x[5];
            s60 += k0 * x[6];
            s61 += k1 * x[6];
            s70 += k0 * x[7];
            s71 += k1 * x[7];
            s80 += k0 * x[8];
            s81 += k1 * x[8];
            s90 += k0 * x[9];
            s91 += k1 * x[9];
            s100 += k0 * x[10];
            s101 += k1 * x[10];
        }
    }

    void reset() {
        running = false;
        count = 0;
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(x, 0);
        s00 = s01 = 0;
        s10 = s11 = 0;
        s20 = s21 = 0;
        s30 = s31 = 0;
        s40 = s41 = 0;
        s50 = s51 = 0;
        s60 = s61 = 0;
        s70 = s71 = 0;
        s80 = s81 = 0;
        s90 = s91 = 0;
        s100 = s101 = 0;
    }

    void step() {
        double[] v = x;
        if (running) {
            double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
            double x0 = v[0], y0 = c0 * x0 + s00;
            s00 = c1 * x0 - d1 * y0 + s01;
            s01 = c2 * x0 - d2 * y0;
            v[0] = y0;
            double x1 = v[1], y1 = c0 * x1 + s10;
            s10 = c1 * x1 - d1 * y1 + s11;
            s11 = c2 * x1 - d2 * y1;
            v[1] = y1;
            double x2 = v[2], y2 = c0 * x2 + s20;
            s20 = c1 * x2 - d1 * y2 + s21;
            s21 = c2 * x2 - d2 * y2;
            v[2] = y2;
            double x3 = v[3], y3 = c0 * x3 + s30;
            s30 = c1 * x3 - d1 * y3 + s31;
            s31 = c2 * x3 - d2 * y3;
            v[3] = y3;
            double x4 = v[4], y4 = c0 * x4 + s40;
            s40 = c1 * x4 - d1 * y4 + s41;
            s41 = c2 * x4 - d2 * y4;
            v[4] = y4;
            double x5 = v[5], y5 = c0 * x5 + s50;
            s50 = c1 * x5 - d1 * y5 + s51;
            s51 = c2 * x5 - d2 * y5;
            v[5] = y5;
            double x6 = v[6], y6 = c0 * x6 + s60;
            s60 = c1 * x6 - d1 * y6 + s61;
            s61 = c2 * x6 - d2 * y6;
            v[6] = y6;
            double x7 = v[7], y7 = c0 * x7 + s70;
            s70 = c1 * x7 - d1 * y7 + s71;
            s71 = c2 * x7 - d2 * y7;
            v[7] = y7;
            double x8 = v[8], y8 = c0 * x8 + s80;
            s80 = c1 * x8 - d1 * y8 + s81;
            s81 = c2 * x8 - d2 * y8;
            v[8] = y8;
            double x9 = v[9], y9 = c0 * x9 + s90;
            s90 = c1 * x9 - d1 * y9 + s91;
            s91 = c2 * x9 - d2 * y9;
            v[9] = y9;
            double x10 = v[10], y10 = c0 * x10 + s100;
            s100 = c1 * x10 - d1 * y10 + s101;
            s101 = c2 * x10 - d2 * y10;
            v[10] = y10;
            return;
        }
        // warm-up: the running mean, which becomes the steady state after tauS
        count++;
        for (int i = 0; i < 11; i++) {
            sum[i] += v[i];
            v[i] = sum[i] / count;
        }
        if (count * tsS >= tauS) {
            double k0 = 1 - b0, k1 = b2 - a2;
            s00 = v[0] * k0;
            s01 = v[0] * k1;
            s10 = v[1] * k0;
            s11 = v[1] * k1;
            s20 = v[2] * k0;
            s21 = v[2] * k1;
            s30 = v[3] * k0;
            s31 = v[3] * k1;
            s40 = v[4] * k0;
            s41 = v[4] * k1;
            s50 = v[5] * k0;
            s51 = v[5] * k1;
            s60 = v[6] * k0;
            s61 = v[6] * k1;
            s70 = v[7] * k0;
            s71 = v[7] * k1;
            s80 = v[8] * k0;
            s81 = v[8] * k1;
            s90 = v[9] * k0;
            s91 = v[9] * k1;
            s100 = v[10] * k0;
            s101 = v[10] * k1;
            running = true;
        }
    }
}
