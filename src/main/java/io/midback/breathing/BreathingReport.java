package io.midback.breathing;

import java.util.List;

/**
 * A session's breathing: the median rate over its seconds with a valid rate (null when there are fewer than
 * {@value BreathingTally#MIN_VALID_S_PER_MINUTE}, as for a minute), how many
 * seconds those were, and the median rate of each minute (from the session's first sample) that held at least
 * {@value BreathingTally#MIN_VALID_S_PER_MINUTE} of them.
 */
public record BreathingReport(Double ratePerMin, double validS, List<Minute> perMinute) {

    public BreathingReport {
        perMinute = List.copyOf(perMinute);
    }

    /** One minute's median rate, breaths per minute. */
    public record Minute(long minute, double ratePerMin) {
    }
}
