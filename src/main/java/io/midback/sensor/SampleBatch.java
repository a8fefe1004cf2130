package io.midback.sensor;

import java.util.Arrays;

/**
 * A reusable block of samples held column by column in primitive arrays: how samples travel on the hot path
 * (reader or decoder → filter → posture) without an allocation per sample. The producer fills it, hands it to a
 * {@link SampleSink}, and clears it for the next block; a sink must copy whatever it wants to keep.
 *
 * <p>Units as in {@link ImuSample}: seconds, rad/s, m/s², µT ({@code NaN} magnetometer = none).
 */
public final class SampleBatch {
    public static final int DEFAULT_CAPACITY = 1024;

    public final double[] tS;
    public final double[] gxRadPerS, gyRadPerS, gzRadPerS;
    public final double[] axMps2, ayMps2, azMps2;
    public final double[] mxMicroT, myMicroT, mzMicroT;
    /**
     * Further per-sample columns a source hands out beside the samples (e.g. ground truth read from a file):
     * {@code extra[c][i]}; empty unless the batch was made with extra columns. {@link #add} leaves them to the
     * producer, which sets {@code extra[c][size() - 1]} after adding.
     */
    public final double[][] extra;
    private int size;
    private OrientationColumns orientation;

    public SampleBatch() {
        this(DEFAULT_CAPACITY);
    }

    public SampleBatch(int capacity) {
        this(capacity, 0);
    }

    public SampleBatch(int capacity, int extraColumns) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        tS = new double[capacity];
        gxRadPerS = new double[capacity];
        gyRadPerS = new double[capacity];
        gzRadPerS = new double[capacity];
        axMps2 = new double[capacity];
        ayMps2 = new double[capacity];
        azMps2 = new double[capacity];
        mxMicroT = new double[capacity];
        myMicroT = new double[capacity];
        mzMicroT = new double[capacity];
        extra = new double[extraColumns][capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return tS.length;
    }

    public boolean isFull() {
        return size == tS.length;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    /** Appends one sample; magnetometer components may be {@code NaN}. */
    public void add(double t, double gx, double gy, double gz, double ax, double ay, double az,
                    double mx, double my, double mz) {
        if (size == tS.length) {
            throw new IllegalStateException("batch is full (" + size + " samples)");
        }
        int i = size++;
        tS[i] = t;
        gxRadPerS[i] = gx;
        gyRadPerS[i] = gy;
        gzRadPerS[i] = gz;
        axMps2[i] = ax;
        ayMps2[i] = ay;
        azMps2[i] = az;
        mxMicroT[i] = mx;
        myMicroT[i] = my;
        mzMicroT[i] = mz;
    }

    public void add(ImuSample s) {
        add(s.tS(), s.gxRadPerS(), s.gyRadPerS(), s.gzRadPerS(), s.axMps2(), s.ayMps2(), s.azMps2(),
                s.mxMicroT(), s.myMicroT(), s.mzMicroT());
    }

    /** Sample {@code i} as a value (allocates: for tests and tools, not the hot path). */
    public ImuSample get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return new ImuSample(tS[i], gxRadPerS[i], gyRadPerS[i], gzRadPerS[i], axMps2[i], ayMps2[i], azMps2[i],
                mxMicroT[i], myMicroT[i], mzMicroT[i]);
    }

    /**
     * The samples' orientation, for the orientation stage to fill and the posture stage to read (made on first
     * use, then kept with the batch; {@link #clear()} leaves it to be overwritten).
     */
    public OrientationColumns orientation() {
        OrientationColumns o = orientation;
        if (o == null) {
            o = new OrientationColumns(tS.length);
            orientation = o;
        }
        return o;
    }

    public boolean hasMagnetometer(int i) {
        return !Double.isNaN(mxMicroT[i]) && !Double.isNaN(myMicroT[i]) && !Double.isNaN(mzMicroT[i]);
    }

    @Override
    public String toString() {
        return "SampleBatch[size=" + size + ", t=" + (size == 0 ? "[]"
                : Arrays.toString(new double[] {tS[0], tS[size - 1]})) + "]";
    }
}
