package io.midback.mobility;

import java.util.Arrays;

/**
 * A check's angles over time, kept for the analysis: every captured frame's time, three angles, speed and
 * stillness in primitive arrays that grow by doubling (no allocation per frame otherwise).
 */
public final class AngleSeries implements MobilityListener {
    private int n;
    private double[] t = new double[1024];
    private final double[][] angle = {new double[1024], new double[1024], new double[1024]};
    private double[] speed = new double[1024];

    @Override
    public void onFrame(MobilityFrame f) {
        if (!f.captured) {
            return;
        }
        if (n == t.length) {
            int cap = Math.max(1024, n * 2);
            t = Arrays.copyOf(t, cap);
            speed = Arrays.copyOf(speed, cap);
            for (int k = 0; k < 3; k++) {
                angle[k] = Arrays.copyOf(angle[k], cap);
            }
        }
        t[n] = f.tS;
        angle[0][n] = f.flexionDeg;
        angle[1][n] = f.sideBendDeg;
        angle[2][n] = f.rotationDeg;
        speed[n] = f.speedDegPerS;
        n++;
    }

    /**
     * Adds one frame from plain values (tests, other sources); its speed is the angles' rate of change since the
     * previous frame.
     */
    public void add(double tS, double flexionDeg, double sideBendDeg, double rotationDeg) {
        MobilityFrame f = new MobilityFrame();
        f.captured = true;
        f.tS = tS;
        f.flexionDeg = flexionDeg;
        f.sideBendDeg = sideBendDeg;
        f.rotationDeg = rotationDeg;
        if (n > 0 && tS > t[n - 1]) {
            double df = flexionDeg - angle[0][n - 1], ds = sideBendDeg - angle[1][n - 1];
            double dr = rotationDeg - angle[2][n - 1];
            f.speedDegPerS = Math.sqrt(df * df + ds * ds + dr * dr) / (tS - t[n - 1]);
        }
        onFrame(f);
    }

    /** A copy with {@code driftDeg[i]} taken from every frame's rotation (the heading drift the anchors show). */
    AngleSeries withRotationLess(double[] driftDeg) {
        AngleSeries c = new AngleSeries();
        c.n = n;
        c.t = Arrays.copyOf(t, n);
        c.speed = Arrays.copyOf(speed, n);
        c.angle[0] = Arrays.copyOf(angle[0], n);
        c.angle[1] = Arrays.copyOf(angle[1], n);
        c.angle[2] = new double[n];
        for (int i = 0; i < n; i++) {
            c.angle[2][i] = angle[2][i] - driftDeg[i];
        }
        return c;
    }

    public int size() {
        return n;
    }

    public double tS(int i) {
        return t[i];
    }

    /** Angle along axis 0 flexion, 1 side bend, 2 rotation, degrees. */
    public double angleDeg(int axis, int i) {
        return angle[axis][i];
    }

    /** The trunk's angular speed at frame i, °/s. */
    public double speedDegPerS(int i) {
        return speed[i];
    }
}
