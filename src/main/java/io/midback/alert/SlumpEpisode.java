package io.midback.alert;

/**
 * One slump as the detector saw it.
 *
 * @param startS          when flexion first crossed the threshold (for the crossing that then lasted the dwell),
 *                        seconds from the session's first sample
 * @param endS            when flexion went back below threshold − hysteresis for good (or the wearer stood up,
 *                        or the session ended)
 * @param peakFlexionDeg  the largest flexion in the episode, degrees beyond the calibrated upright
 * @param alerted         whether a slump alert was delivered for it (not when snoozed, in cooldown or stale)
 */
public record SlumpEpisode(double startS, double endS, double peakFlexionDeg, boolean alerted) {
    public SlumpEpisode {
        if (!(endS >= startS)) {
            throw new IllegalArgumentException("episode ends before it starts: " + startS + " .. " + endS);
        }
    }

    public double durationS() {
        return endS - startS;
    }
}
