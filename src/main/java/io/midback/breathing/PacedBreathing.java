package io.midback.breathing;

/**
 * How the wearer's breathing follows a {@link BreathPacer}: a stage on the sample path beside the
 * {@link BreathRateEstimator} (it reads the estimator's breaths; allocation-free).
 *
 * <p><b>Coherence</b> ({@link #coherence(BreathPacer, double[], int)}, the one definition): each counted breath
 * starts at some point of the guide's cycle, an angle 2π × cycle; the coherence is the length of the mean of
 * those angles' unit vectors over the last {@value #COHERENCE_BREATHS} breaths (of the last
 * {@value #COHERENCE_CYCLES} cycles): 1 when every breath starts at the same point of the guide's cycle, near 0
 * when the breaths drift through it (another rate) or scatter (no rhythm). A steady offset does not lower it: the
 * breath times the estimator gives come late by its filters' delay, which depends on the rate. With fewer than
 * {@value #MIN_BREATHS} recent breaths there is none (NaN).
 *
 * <p>The exercise as a whole: the median rate over its seconds with a rate ({@link BreathingTally}), and the mean
 * of the coherence over its seconds with a coherence.
 */
public final class PacedBreathing {
    /** The breaths the coherence is taken over (the most recent ones). */
    public static final int COHERENCE_BREATHS = 6;
    /** Fewer recent breaths give no coherence. */
    public static final int MIN_BREATHS = 3;
    /** Breaths older than this many of the guide's cycles are not recent. */
    public static final double COHERENCE_CYCLES = 8;
    /** The coherence from which the breathing is said to follow the guide. */
    public static final double FOLLOWS_FROM = 0.7;

    private final BreathPacer pacer;
    private final double startS;
    private final double[] onsetS = new double[COHERENCE_BREATHS];
    private final double[] recent = new double[COHERENCE_BREATHS];
    private int onsets;
    private double lastOnsetS = Double.NaN;
    private double coherence = Double.NaN, ratePerMin = Double.NaN;
    private final BreathingTally rates = new BreathingTally();
    private long second = Long.MIN_VALUE;
    private double secondCoherence = Double.NaN;
    private double coherenceSum;
    private long coherenceSeconds;
    private long breaths;
    private double lastS = Double.NaN;

    /** @param startS session time at which the guide starts its first inhalation */
    public PacedBreathing(BreathPacer pacer, double startS) {
        this.pacer = pacer;
        this.startS = startS;
    }

    /**
     * One sample: session time, the estimator's last breath start (NaN when none) and its rate (NaN when none).
     * Times before the start are passed over.
     */
    public void update(double tS, double lastBreathS, double estimatedRatePerMin) {
        if (!(tS >= startS)) {
            return;
        }
        lastS = tS;
        if (!Double.isNaN(lastBreathS) && lastBreathS >= startS
                && (Double.isNaN(lastOnsetS) || lastBreathS > lastOnsetS)) {
            lastOnsetS = lastBreathS;
            onsetS[onsets % COHERENCE_BREATHS] = lastBreathS - startS;
            onsets++;
            breaths++;
        }
        ratePerMin = estimatedRatePerMin;
        coherence = recentCoherence(tS - startS);
        rates.add(tS - startS, estimatedRatePerMin);
        long s = (long) Math.floor(tS - startS);
        if (s != second) {
            closeSecond();
            second = s;
        }
        secondCoherence = coherence;
    }

    private void closeSecond() {
        if (!Double.isNaN(secondCoherence)) {
            coherenceSum += secondCoherence;
            coherenceSeconds++;
        }
        secondCoherence = Double.NaN;
    }

    private double recentCoherence(double nowS) {
        int n = 0;
        double oldest = nowS - COHERENCE_CYCLES * pacer.periodS();
        for (int k = 0; k < Math.min(onsets, COHERENCE_BREATHS); k++) {
            double t = onsetS[(onsets - 1 - k) % COHERENCE_BREATHS];
            if (t < oldest) {
                break;
            }
            recent[n++] = t;
        }
        return n < MIN_BREATHS ? Double.NaN : coherence(pacer, recent, n);
    }

    /**
     * The coherence of breaths starting at {@code onsetS[0..n)} (seconds from the guide's start) with the guide:
     * the length of the mean unit vector at angle 2π × {@link BreathPacer#cycle} of each, 0..1.
     */
    public static double coherence(BreathPacer pacer, double[] onsetS, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        double c = 0, s = 0;
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * pacer.cycle(onsetS[i]);
            c += Math.cos(angle);
            s += Math.sin(angle);
        }
        return Math.hypot(c, s) / n;
    }

    /** The coherence over the recent breaths, NaN when there are too few. */
    public double coherence() {
        return coherence;
    }

    /** The estimator's rate at the last sample, NaN when none. */
    public double ratePerMin() {
        return ratePerMin;
    }

    /** Whether breathing of this coherence follows the guide: at least {@link #FOLLOWS_FROM} (NaN: no). */
    public static boolean follows(double coherence) {
        return coherence >= FOLLOWS_FROM;
    }

    public BreathPacer pacer() {
        return pacer;
    }

    /** Session time the guide started at. */
    public double startS() {
        return startS;
    }

    /** The exercise so far (the time of the last sample is its end; the last second's rate is not in yet). */
    public Result result() {
        boolean current = !Double.isNaN(secondCoherence);
        long seconds = coherenceSeconds + (current ? 1 : 0);
        double mean = seconds == 0 ? Double.NaN : (coherenceSum + (current ? secondCoherence : 0)) / seconds;
        Double rate = rates.validSeconds() == 0 ? null : Math.round(rates.medianRatePerMin() * 10) / 10.0;
        return new Result(pacer.ratePerMin(), Double.isNaN(lastS) ? 0 : lastS - startS, rate,
                Double.isNaN(mean) ? null : Math.round(mean * 100) / 100.0, breaths, rates.validSeconds());
    }

    /**
     * A paced-breathing exercise as it went.
     *
     * @param targetRatePerMin the guide's pace
     * @param durationS        how long it ran
     * @param ratePerMin       the median measured rate over its seconds with a rate (null: none)
     * @param coherence        the mean coherence over its seconds with one (null: none)
     * @param breaths          breaths counted during it
     * @param ratedS           seconds with a measured rate
     */
    public record Result(double targetRatePerMin, double durationS, Double ratePerMin, Double coherence,
                         long breaths, long ratedS) {

        /** One line, as the terminal, the history and the window show it. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "paced at %s/min for %s: measured %s, coherence %s, "
                            + "%d breaths", trim(targetRatePerMin), minutesAndSeconds(durationS),
                    ratePerMin == null ? "no rate" : trim(ratePerMin) + "/min",
                    coherence == null ? "none" : String.format(java.util.Locale.ROOT, "%.2f", coherence), breaths);
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }

        private static String minutesAndSeconds(double s) {
            long t = Math.round(s);
            return t / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", t % 60);
        }
    }
}
