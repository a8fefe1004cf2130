package io.midback.breathing;

import io.midback.sensor.Gap;

/**
 * The accelerometer averaged into blocks of 0.1 s ({@value BreathRateSettings#INTERNAL_RATE_HZ} Hz whatever the
 * sensor's rate), once for every {@link BreathBand} that reads them: per sample it adds the sample to the block its
 * time falls in, and says when that finished the block before (whose sums it then holds) or when a gap or time
 * going backwards starts a new stretch (the unfinished block is dropped). NaN samples are passed over. Pure and
 * allocation-free after construction.
 */
final class AccelBlocks {
    /** What a sample did besides being added. */
    static final int ADDED = 0, FINISHED = 1, RESTARTED = 2;

    /** The length of a block, s. */
    static final double BLOCK_S = 1 / BreathRateSettings.INTERNAL_RATE_HZ;

    private long block = Long.MIN_VALUE;
    private int blockSamples;
    private double sx, sy, sz, sxx, syy, szz;
    private double lastSampleS = Double.NaN;

    /** The block finished by the last sample that returned {@link #FINISHED}: its end, sample count and sums. */
    double finishedEndS;
    int finishedSamples;
    double finishedSx, finishedSy, finishedSz, finishedSxx, finishedSyy, finishedSzz;

    /**
     * One accelerometer sample (sensor frame, m/s²) at {@code tS}: {@link #FINISHED} when it finished a block
     * (read it from the {@code finished} fields), {@link #RESTARTED} after a gap or a step back in time, else
     * {@link #ADDED} (also for a NaN sample, which is passed over).
     */
    int add(double tS, double axMps2, double ayMps2, double azMps2) {
        if (Double.isNaN(tS) || Double.isNaN(axMps2) || Double.isNaN(ayMps2) || Double.isNaN(azMps2)) {
            return ADDED;
        }
        int result = ADDED;
        if (!Double.isNaN(lastSampleS) && (tS <= lastSampleS || Gap.isGap(tS - lastSampleS))) {
            // A gap or time going backwards: what follows is a new stretch.
            blockSamples = 0;
            block = Long.MIN_VALUE;
            result = RESTARTED;
        }
        lastSampleS = tS;
        long b = WholeSeconds.floor(tS / BLOCK_S);
        if (b != block) {
            if (blockSamples > 0) {
                finishedEndS = (block + 1) * BLOCK_S;
                finishedSamples = blockSamples;
                finishedSx = sx;
                finishedSy = sy;
                finishedSz = sz;
                finishedSxx = sxx;
                finishedSyy = syy;
                finishedSzz = szz;
                result = FINISHED;
            }
            block = b;
            blockSamples = 0;
            sx = sy = sz = sxx = syy = szz = 0;
        }
        blockSamples++;
        sx += axMps2;
        sy += ayMps2;
        sz += azMps2;
        sxx += axMps2 * axMps2;
        syy += ayMps2 * ayMps2;
        szz += azMps2 * azMps2;
        return result;
    }
}
