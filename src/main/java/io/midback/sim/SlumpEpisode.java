package io.midback.sim;

/**
 * One true slump episode (see {@link SlumpEpisodes} for the definition), times in seconds from t = 0.
 *
 * @param startS          when true flexion first rose above the threshold
 * @param endS            when it fell below threshold − hysteresis, or the wearer stopped sitting
 * @param peakFlexionDeg  the highest true flexion within the episode
 */
public record SlumpEpisode(double startS, double endS, double peakFlexionDeg) {
    public double durationS() {
        return endS - startS;
    }
}
