package io.midback.align;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.Arrays;

/**
 * A whole stream of samples in primitive arrays, in time order (a recording read once, before the session): what a
 * second sensor's stream is aligned from. A {@link SampleSink}, so a reader fills it; growing happens while it is
 * filled, never on the session's per-sample path. As a {@link SampleSource}, each {@link #reader()} reads it from
 * its first sample to its end.
 */
public final class SampleTrack implements SampleSink, SampleSource {
    private double[] tS = new double[1024];
    private double[] gx = new double[1024], gy = new double[1024], gz = new double[1024];
    private double[] ax = new double[1024], ay = new double[1024], az = new double[1024];
    private double[] mx = new double[1024], my = new double[1024], mz = new double[1024];
    private int size;

    @Override
    public void accept(SampleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i],
                    b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
        }
    }

    /** Appends one sample (its own clock's time, rad/s, m/s², µT or NaN). */
    public void add(double t, double gxv, double gyv, double gzv, double axv, double ayv, double azv,
                    double mxv, double myv, double mzv) {
        if (size == tS.length) {
            int n = size * 2;
            tS = Arrays.copyOf(tS, n);
            gx = Arrays.copyOf(gx, n);
            gy = Arrays.copyOf(gy, n);
            gz = Arrays.copyOf(gz, n);
            ax = Arrays.copyOf(ax, n);
            ay = Arrays.copyOf(ay, n);
            az = Arrays.copyOf(az, n);
            mx = Arrays.copyOf(mx, n);
            my = Arrays.copyOf(my, n);
            mz = Arrays.copyOf(mz, n);
        }
        tS[size] = t;
        gx[size] = gxv;
        gy[size] = gyv;
        gz[size] = gzv;
        ax[size] = axv;
        ay[size] = ayv;
        az[size] = azv;
        mx[size] = mxv;
        my[size] = myv;
        mz[size] = mzv;
        size++;
    }

    public int size() {
        return size;
    }

    public double tS(int i) {
        return tS[i];
    }

    public double gx(int i) {
        return gx[i];
    }

    public double gy(int i) {
        return gy[i];
    }

    public double gz(int i) {
        return gz[i];
    }

    public double ax(int i) {
        return ax[i];
    }

    public double ay(int i) {
        return ay[i];
    }

    public double az(int i) {
        return az[i];
    }

    public double mx(int i) {
        return mx[i];
    }

    public double my(int i) {
        return my[i];
    }

    public double mz(int i) {
        return mz[i];
    }

    /** The gyroscope's magnitude at sample i, rad/s. */
    public double gyroNormRadPerS(int i) {
        return Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i]);
    }

    /** A reader of the whole track, from its first sample; the track is complete (it ends at its last sample). */
    @Override
    public SampleReader reader() {
        return new HeldSample() {
            private int next;

            @Override
            public boolean next() {
                if (next >= size) {
                    return false;
                }
                int i = next++;
                hold(tS[i], gx[i], gy[i], gz[i], ax[i], ay[i], az[i], mx[i], my[i], mz[i]);
                return true;
            }

            @Override
            public boolean ended() {
                return next >= size;
            }
        };
    }
}
