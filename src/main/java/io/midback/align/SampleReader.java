package io.midback.align;

/**
 * A stream of one sensor's samples as {@link LowerStream} reads them: one at a time, in time order, each read once.
 * {@link #next()} moves to the next sample when there is one now; the getters then hold it (its own clock's time,
 * rad/s, m/s², µT or NaN) until the next call. A recording's reader has every sample at once; a live link's has
 * those that arrived so far, and more may follow until {@link #ended()}.
 */
public interface SampleReader {
    /** Moves to the next sample: false when none is there now (a live link's may come later). */
    boolean next();

    /** Whether no sample will ever follow the current one (a recording's end, a live link closed). */
    boolean ended();

    double tS();

    double gx();

    double gy();

    double gz();

    double ax();

    double ay();

    double az();

    double mx();

    double my();

    double mz();
}
