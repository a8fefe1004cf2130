package io.midback.posture;

/**
 * The one definition of a slump, used by the posture state ({@code SLOUCHED}) and by the slump alerts.
 *
 * <p>A slump starts when flexion reaches the threshold (at or beyond it); it holds once flexion has stayed at or
 * above threshold − hysteresis for the dwell (a candidate that falls below threshold − hysteresis sooner is
 * forgotten), and lasts until flexion falls below threshold − hysteresis. With no dwell a slump holds from the
 * sample that reaches the threshold. What the alerts add (a recovery time before a slump counts as corrected,
 * the peak, cooldown, escalation) is theirs. Plain values in; allocation-free.
 */
public final class SlumpRule {
    /** What {@link #update} reports, as bits. */
    public static final int STARTED = 1, SLUMPED = 2, BELOW = 4;

    private double thresholdDeg, lowDeg, dwellS;
    private boolean pending, slumped;
    private double sinceS;

    /** @param hysteresisDeg a slump ends below {@code thresholdDeg − hysteresisDeg} */
    public SlumpRule(double thresholdDeg, double hysteresisDeg, double dwellS) {
        set(thresholdDeg, hysteresisDeg, dwellS);
    }

    /** The rule with the settings' threshold, hysteresis and dwell. */
    public SlumpRule(PostureSettings s) {
        use(s);
    }

    /** The settings' threshold, hysteresis and dwell from the next sample on (a candidate under way stays). */
    public void use(PostureSettings s) {
        set(s.slumpThresholdDeg(), s.slumpHysteresisDeg(), s.slumpDwellS());
    }

    private void set(double thresholdDeg, double hysteresisDeg, double dwellS) {
        this.thresholdDeg = thresholdDeg;
        this.lowDeg = thresholdDeg - hysteresisDeg;
        this.dwellS = dwellS;
    }

    /**
     * One sample.
     *
     * @return {@link #STARTED} (flexion reached the threshold here: a candidate from this sample),
     *         {@link #SLUMPED} (a slump holds at this sample), {@link #BELOW} (flexion is below
     *         threshold − hysteresis here), combined as bits, or 0
     */
    public int update(double tS, double flexionDeg) {
        boolean below = flexionDeg < lowDeg;
        int started = 0;
        if (slumped) {
            slumped = !below;
        } else if (pending) {
            if (below) {
                pending = false;
            } else if (tS - sinceS >= dwellS) {
                pending = false;
                slumped = true;
            }
        } else if (flexionDeg >= thresholdDeg) {
            started = STARTED;
            sinceS = tS;
            slumped = dwellS == 0;
            pending = !slumped;
        }
        return started | (slumped ? SLUMPED : 0) | (below ? BELOW : 0);
    }

    /** When the present slump (or candidate) reached the threshold, s. */
    public double sinceS() {
        return sinceS;
    }

    /** Forgets any candidate or slump (the wearer stopped being sedentary, or the data stopped). */
    public void reset() {
        pending = slumped = false;
    }
}
