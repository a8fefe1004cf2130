package io.midback.routine;

import io.midback.mobility.MobilityFrame;
import io.midback.mobility.MobilityListener;
import io.midback.orientation.OrientationFilter;
import io.midback.posture.Mounting;

import java.util.Arrays;

/**
 * A recorded routine's orientation over time, kept for the analysis ({@link RoutineAnalysis}): every frame of the
 * mobility check's pipeline once its gyroscope bias is known (its filter running), with the filter's quaternion (sensor → ENU), whether
 * the trunk was still, and its flexion from the still upright start (0 upright, about 90° on hands and knees or prone,
 * about −90° on the back). The mounting is found from gravity at that start, as the player finds it. Primitive
 * arrays that grow by doubling: nothing else is allocated per frame.
 */
public final class RoutineTrack implements MobilityListener {
    private final OrientationFilter filter;
    private int n;
    private double[] t = new double[4096], qw = new double[4096], qx = new double[4096], qy = new double[4096],
            qz = new double[4096], baseDeg = new double[4096];
    private boolean[] still = new boolean[4096];
    private double[] mounting;

    /** @param filter the filter of the {@link io.midback.mobility.MobilityCheck} this listens to */
    public RoutineTrack(OrientationFilter filter) {
        this.filter = filter;
    }

    @Override
    public void onFrame(MobilityFrame f) {
        if (f.captured && mounting == null) {
            double w = filter.qw(), x = filter.qx(), y = filter.qy(), z = filter.qz();
            mounting = Mounting.defaultBodyToSensor(2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y));
        }
        if (!f.biasKnown) {
            return;
        }
        if (n == t.length) {
            int cap = n * 2;
            t = Arrays.copyOf(t, cap);
            qw = Arrays.copyOf(qw, cap);
            qx = Arrays.copyOf(qx, cap);
            qy = Arrays.copyOf(qy, cap);
            qz = Arrays.copyOf(qz, cap);
            baseDeg = Arrays.copyOf(baseDeg, cap);
            still = Arrays.copyOf(still, cap);
        }
        t[n] = f.tS;
        qw[n] = filter.qw();
        qx[n] = filter.qx();
        qy[n] = filter.qy();
        qz[n] = filter.qz();
        baseDeg[n] = f.flexionDeg; // 0 until the upright start is captured: still upright
        still[n] = f.still;
        n++;
    }

    public int size() {
        return n;
    }

    /** The body → sensor mounting {w, x, y, z} found at the upright start; null when there was none. */
    public double[] mounting() {
        return mounting == null ? null : mounting.clone();
    }

    public double tS(int i) {
        return t[i];
    }

    public double qw(int i) {
        return qw[i];
    }

    public double qx(int i) {
        return qx[i];
    }

    public double qy(int i) {
        return qy[i];
    }

    public double qz(int i) {
        return qz[i];
    }

    public boolean still(int i) {
        return still[i];
    }

    /** The first index at or after time tS (size() when none). */
    public int indexAt(double tS) {
        int i = Arrays.binarySearch(t, 0, n, tS);
        return i >= 0 ? i : -i - 1;
    }

    /** The mean base flexion over frames [from, to), degrees (NaN when empty). */
    public double meanBaseFlexionDeg(int from, int to) {
        double sum = 0;
        int k = 0;
        for (int i = Math.max(0, from); i < Math.min(n, to); i++, k++) {
            sum += baseDeg[i];
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
