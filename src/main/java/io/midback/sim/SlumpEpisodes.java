package io.midback.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The true slump episodes of a scenario, from the body model alone (no sensor, no noise).
 *
 * <p><b>Definition.</b> While the wearer is sedentary (sitting, or standing still: {@link BodyPose#sedentary}),
 * an episode starts the moment true flexion rises above {@code thresholdDeg} (relative to the upright neutral)
 * and ends the moment it falls below {@code thresholdDeg − hysteresisDeg} or the wearer stops being sedentary. It counts as
 * a true slump episode when it lasts at least {@code dwellS}; shorter excursions (reaches, a quick bend) are not
 * slumps. A posture engine with the same threshold and dwell should alert at {@code startS + dwellS}.
 * Defaults: 15° threshold, 20 s dwell, 3° hysteresis. Crossing times are located to 1 ms by bisection on the
 * body model; the peak is the highest flexion on a 0.05 s grid.
 *
 * @param thresholdDeg  flexion beyond the neutral that counts as slumped
 * @param dwellS        how long it must last
 * @param hysteresisDeg how far below the threshold flexion must fall to end the episode
 */
public record SlumpEpisodes(double thresholdDeg, double dwellS, double hysteresisDeg) {
    public static final SlumpEpisodes DEFAULT = new SlumpEpisodes(15, 20, 3);
    static final double SCAN_STEP_S = 0.05;

    public SlumpEpisodes {
        if (!(thresholdDeg > 0) || !(dwellS >= 0) || !(hysteresisDeg >= 0) || hysteresisDeg >= thresholdDeg) {
            throw new IllegalArgumentException("bad slump definition: threshold " + thresholdDeg + "°, dwell "
                    + dwellS + " s, hysteresis " + hysteresisDeg + "°");
        }
    }

    /** The true episodes of the scenario the model plays, in time order. */
    public List<SlumpEpisode> find(BodyModel model) {
        return find(model, false);
    }

    /**
     * The true episodes by the flexion of the spine between a sacral and an upper-back sensor ({@code spine}), or
     * by the upper back's own flexion: the same rule, on the flexion two sensors see or one.
     */
    public List<SlumpEpisode> find(BodyModel model, boolean spine) {
        List<SlumpEpisode> found = new ArrayList<>();
        BodyPose p = new BodyPose();
        double end = model.durationS();
        long n = (long) Math.ceil(end / SCAN_STEP_S);
        boolean in = false;
        double start = 0, peak = 0, prevT = 0;
        for (long k = 0; k <= n; k++) {
            double t = Math.min(k * SCAN_STEP_S, end);
            model.evaluate(t, p);
            boolean sitting = p.sedentary;
            double flex = flexion(p, spine);
            if (!in) {
                if (sitting && flex > thresholdDeg) {
                    in = true;
                    start = k == 0 ? 0 : bisect(model, p, prevT, t, true, spine);
                    peak = flexion(p, spine);
                }
            } else {
                if (!sitting || flex < thresholdDeg - hysteresisDeg) {
                    double stop = bisect(model, p, prevT, t, false, spine);
                    add(found, start, stop, peak);
                    in = false;
                } else {
                    peak = Math.max(peak, flex);
                }
            }
            prevT = t;
        }
        if (in) {
            add(found, start, end, peak);
        }
        return found;
    }

    private void add(List<SlumpEpisode> found, double start, double stop, double peak) {
        if (stop - start >= dwellS) {
            found.add(new SlumpEpisode(start, stop, peak));
        }
    }

    /** The time in (lo, hi] where the start (or continuation) condition flips, to 1 ms. */
    private static double flexion(BodyPose p, boolean spine) {
        return spine ? p.spineFlexionDeg : p.flexionDeg;
    }

    private double bisect(BodyModel model, BodyPose p, double lo, double hi, boolean starting, boolean spine) {
        while (hi - lo > 1e-3) {
            double mid = (lo + hi) / 2;
            model.evaluate(mid, p);
            boolean sitting = p.sedentary;
            double flex = flexion(p, spine);
            boolean flipped = starting ? sitting && flex > thresholdDeg
                    : !sitting || flex < thresholdDeg - hysteresisDeg;
            if (flipped) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
