package io.midback.orientation;

/** A filter whose estimate is its output quaternion as it stands (no frame turned on the way out). */
abstract class QuatOutputFilter implements OrientationFilter {
    /** The estimate, scalar first; the identity until the filter starts. */
    protected double qw = 1, qx, qy, qz;

    @Override
    public final double qw() {
        return qw;
    }

    @Override
    public final double qx() {
        return qx;
    }

    @Override
    public final double qy() {
        return qy;
    }

    @Override
    public final double qz() {
        return qz;
    }

    /** Back to the identity (for {@link #reset}). */
    protected final void resetQuat() {
        qw = 1;
        qx = qy = qz = 0;
    }
}
