package io.midback.posture;

/**
 * The one definition of a sedentary bout and of a break, used by the break reminders and the daily history.
 *
 * <p>A bout starts with the first sedentary sample ({@link PostureState#isSedentary()}: sitting, or standing
 * still) and lasts until a break. A break is movement for the break length: time not sedentary (walking, moving
 * about, and also lying or the sensor off) adding up to {@code breakS}, in which sedentary pauses shorter than
 * {@link #PAUSE_S} (a stop at the printer) neither count nor interrupt it; a longer sedentary pause starts the
 * count again. The bout ends where the break's movement began. Whether the wearer sat or stood does not matter,
 * so a missed sit-down neither hides a long sit nor fakes a break. {@code unknown} (not calibrated) neither sits
 * nor breaks. Plain values in; allocation-free.
 */
public final class SedentaryBouts {
    /** A sedentary pause shorter than this does not interrupt a break's movement, s. */
    public static final double PAUSE_S = 30;

    /** What {@link #update} reports, as bits. */
    public static final int BOUT_STARTED = 1, BREAK_STARTED = 2, BREAK_ENDED = 4;

    private double breakS;
    private boolean boutActive, onBreak;
    private double boutStartS;
    private double movementS, movementStartS = Double.NaN, pauseStartS = Double.NaN;
    /** An active break told ({@link #activeBreak}) and not yet applied: its span, or +∞. */
    private double activeFromS, activeToS = Double.POSITIVE_INFINITY;

    /** @param breakS the break length ({@link PostureSettings#breakEndsAfterS()}) */
    public SedentaryBouts(double breakS) {
        setBreakS(breakS);
    }

    public void setBreakS(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("break length must be positive: " + s);
        }
        this.breakS = s;
    }

    /**
     * One sample in the posture state {@code state}. The time since the previous sample counts for this
     * sample's state; {@code dtS} is 0 across a gap.
     *
     * @return {@link #BOUT_STARTED}, {@link #BREAK_STARTED} (the bout ended at {@link #breakStartS()}),
     *         {@link #BREAK_ENDED} (sedentary again after a break), combined as bits, or 0
     */
    public int update(double tS, double dtS, PostureState state) {
        if (tS >= activeToS) {
            activeToS = Double.POSITIVE_INFINITY;
            if (boutActive) {
                boutActive = false;
                onBreak = true;
                movementStartS = Math.max(activeFromS, boutStartS);
                pauseStartS = Double.NaN;
                return BREAK_STARTED;
            }
        }
        if (state == PostureState.UNKNOWN) {
            return 0;
        }
        int events = 0;
        if (state.isSedentary()) {
            if (onBreak) {
                onBreak = false;
                events |= BREAK_ENDED;
            }
            if (!boutActive) {
                boutActive = true;
                boutStartS = tS;
                movementS = 0;
                movementStartS = Double.NaN;
                pauseStartS = Double.NaN;
                return events | BOUT_STARTED;
            }
            if (!Double.isNaN(movementStartS)) {
                if (Double.isNaN(pauseStartS)) {
                    pauseStartS = tS;
                } else if (tS - pauseStartS >= PAUSE_S) {
                    movementS = 0;
                    movementStartS = Double.NaN;
                    pauseStartS = Double.NaN;
                }
            }
            return events;
        }
        pauseStartS = Double.NaN;
        if (!boutActive) {
            return 0;
        }
        if (Double.isNaN(movementStartS)) {
            movementStartS = tS;
            movementS = 0;
        } else {
            movementS += dtS;
        }
        if (movementS >= breakS - 1e-6) { // sums of sample steps: allow their rounding
            boutActive = false;
            onBreak = true;
            return BREAK_STARTED;
        }
        return 0;
    }

    /**
     * A movement routine done to its end, from {@code fromS} to {@code toS} (the desk routine a break reminder
     * offers), is a break whatever the states in it. At the first sample from {@code toS} on (the routine may be told
     * before the posture stage has seen its last samples), the bout going on ends where the routine began, and that
     * sample reports {@link #BREAK_STARTED} only; the next sedentary sample ends the break and starts a new bout (so
     * the next reminder is a whole interval away). Nothing happens when no bout is going on then (the routine's
     * movement already made the break, or nothing sat).
     */
    public void activeBreak(double fromS, double toS) {
        activeFromS = fromS;
        activeToS = toS;
    }

    /**
     * A gap of at least the break length ends a bout (no break is claimed: nothing is known of it).
     *
     * @return whether it did (the gap was at least the break length)
     */
    public boolean gap(double fromS, double toS) {
        if (toS - fromS >= breakS) {
            boutActive = false;
            onBreak = false;
            movementStartS = Double.NaN;
            pauseStartS = Double.NaN;
            return true;
        }
        return false;
    }

    public boolean boutActive() {
        return boutActive;
    }

    /** When the current (or last) bout started. */
    public double boutStartS() {
        return boutStartS;
    }

    /** Where the last break's movement began (the bout ended there). */
    public double breakStartS() {
        return movementStartS;
    }
}
