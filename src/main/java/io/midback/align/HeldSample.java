package io.midback.align;

/** A {@link SampleReader}'s current sample, copied out of its stream by {@link #hold} (so the stream may move on). */
abstract class HeldSample implements SampleReader {
    private double t, gxv, gyv, gzv, axv, ayv, azv, mxv, myv, mzv;

    final void hold(double tS, double gx, double gy, double gz, double ax, double ay, double az, double mx,
                    double my, double mz) {
        t = tS;
        gxv = gx;
        gyv = gy;
        gzv = gz;
        axv = ax;
        ayv = ay;
        azv = az;
        mxv = mx;
        myv = my;
        mzv = mz;
    }

    @Override
    public final double tS() {
        return t;
    }

    @Override
    public final double gx() {
        return gxv;
    }

    @Override
    public final double gy() {
        return gyv;
    }

    @Override
    public final double gz() {
        return gzv;
    }

    @Override
    public final double ax() {
        return axv;
    }

    @Override
    public final double ay() {
        return ayv;
    }

    @Override
    public final double az() {
        return azv;
    }

    @Override
    public final double mx() {
        return mxv;
    }

    @Override
    public final double my() {
        return myv;
    }

    @Override
    public final double mz() {
        return mzv;
    }
}
