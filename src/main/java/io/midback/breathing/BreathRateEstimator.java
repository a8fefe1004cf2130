package io.midback.breathing;

/**
 * The breathing rate from a back-worn accelerometer while the wearer keeps still: a stage on the sample path
 * (accelerometer in, rate out), pure and allocation-free after construction.
 *
 * <p>Two {@link BreathBand}s count breaths side by side: the wide band (4.8–42 breaths/min,
 * {@link BreathRateSettings#defaults()}) and the fast band (15–42 breaths/min, {@link BreathRateSettings#fastBand()}).
 * The fast band's high-pass edge lies above the slow sway of standing, so it tolerates more of it (it asks less of
 * the tilt to lie on one axis, and regular breaths instead). Its rate counts when it is at least
 * {@value #FAST_MIN_RATE_PER_MIN} breaths/min and its signal carries at least {@value #MIN_FAST_SHARE} of the wide
 * band's. The wide band's rate is given whenever it has one, unless the fast band's counts and the wide band's is
 * below {@value #LOCKED_ON_SWAY} of it (the wide band then counts sway); else the fast band's. Slow breathing under
 * sway cannot be told from the sway: it gets no rate, or a wrong one.
 */
public final class BreathRateEstimator {
    /** The fast band's rate is used from this rate up (well inside its band), breaths per minute. */
    public static final double FAST_MIN_RATE_PER_MIN = 18;
    /**
     * The fast band's rate counts only when its signal carries at least this share of the wide band's (RMS): less,
     * and what it counts is a ripple on slow breathing, not breaths.
     */
    public static final double MIN_FAST_SHARE = 0.3;
    /**
     * When the fast band has a rate and the wide band's is below this share of it, the wide band is counting the
     * slow sway of standing: the fast band's rate is given.
     */
    public static final double LOCKED_ON_SWAY = 0.75;

    private final BreathBand wide, fast;
    private final AccelBlocks blocks = new AccelBlocks();

    public BreathRateEstimator(BreathRateSettings wideBand, BreathRateSettings fastBand) {
        this.wide = new BreathBand(wideBand);
        this.fast = new BreathBand(fastBand);
    }

    public BreathRateEstimator(BreathRateSettings wideBand) {
        this(wideBand, BreathRateSettings.fastBand());
    }

    public BreathRateEstimator() {
        this(BreathRateSettings.defaults());
    }

    /** One accelerometer sample (sensor frame, m/s²) at {@code tS}; NaN values are passed over. */
    public void update(double tS, double axMps2, double ayMps2, double azMps2) {
        int added = blocks.add(tS, axMps2, ayMps2, azMps2);
        if (added == AccelBlocks.FINISHED) {
            wide.finishBlock(blocks);
            fast.finishBlock(blocks);
        } else if (added == AccelBlocks.RESTARTED) {
            wide.restart(tS);
            fast.restart(tS);
        }
    }

    /** The band whose rate is given now, or null. */
    private BreathBand inUse() {
        boolean fastHasOne = fast.ratePerMin() >= FAST_MIN_RATE_PER_MIN
                && fast.signalRmsDeg() >= MIN_FAST_SHARE * wide.signalRmsDeg();
        boolean wideOnSway = fastHasOne && wide.ratePerMin() < LOCKED_ON_SWAY * fast.ratePerMin();
        if (!Double.isNaN(wide.ratePerMin()) && !wideOnSway) {
            return wide;
        }
        return fastHasOne ? fast : null;
    }


    /** Breaths per minute, NaN while moving or before enough breaths were seen. */
    public double ratePerMin() {
        BreathBand b = inUse();
        return b == null ? Double.NaN : b.ratePerMin();
    }

    /** How regular the counted breaths are, 0..1 (0 when there is no rate). */
    public double quality() {
        BreathBand b = inUse();
        return b == null ? 0 : b.quality();
    }

    /** Whether the wearer is moving (or the stream just started or resumed after a gap). */
    public boolean isMoving() {
        return wide.isMoving();
    }

    /** The breathing signal (band-passed tilt on its main axis) of the band in use, degrees: for a trace. */
    public double signalDeg() {
        BreathBand b = inUse();
        return (b == null ? wide : b).signalDeg();
    }

    /** How much of the wide band's tilt lies on its main axis, 0..1 (see {@link BreathBand#axisShare()}). */
    public double axisShare() {
        return wide.axisShare();
    }

    /** Breaths the wide band counted since the start (across still stretches). */
    public long breathsCounted() {
        return wide.breathsCounted();
    }

    /** When the last counted breath started, s, in the band in use (else the wide band's); NaN when none. */
    public double lastBreathS() {
        BreathBand b = inUse();
        return (b == null ? wide : b).lastBreathS();
    }
}
