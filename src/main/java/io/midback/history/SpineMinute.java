package io.midback.history;

/**
 * One minute of the spine between two sensors (an upper one on the thoracic spine, a lower one on the sacrum):
 * over the minute's calibrated, worn samples that had both, the spine's flexion percentiles and the pelvis's mean
 * forward tilt from its upright.
 *
 * @param samples            the samples with spine angles
 * @param flexionP50Deg      the spine's flexion (upper relative to lower), median, degrees
 * @param flexionP90Deg      its 90th percentile, degrees
 * @param pelvicTiltMeanDeg  the pelvis's forward tilt from its upright, mean, degrees
 */
public record SpineMinute(int samples, double flexionP50Deg, double flexionP90Deg, double pelvicTiltMeanDeg) {
    public SpineMinute {
        if (samples <= 0) {
            throw new IllegalArgumentException("a spine minute needs samples: " + samples);
        }
    }

    /** Two rows of the same minute (overlapping sessions): the one with more samples, the tilt weighted. */
    SpineMinute merge(SpineMinute o) {
        if (o == null) {
            return this;
        }
        SpineMinute major = samples >= o.samples ? this : o;
        int n = samples + o.samples;
        return new SpineMinute(n, major.flexionP50Deg, major.flexionP90Deg,
                (pelvicTiltMeanDeg * samples + o.pelvicTiltMeanDeg * o.samples) / n);
    }
}
