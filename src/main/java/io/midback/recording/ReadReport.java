package io.midback.recording;

import java.util.List;

/**
 * What a read found besides the samples: nothing is dropped or smoothed over silently.
 *
 * @param samples          samples handed to the sink
 * @param dataLines        data lines seen (samples + every line dropped for one of the reasons below)
 * @param badLinesSkipped  malformed lines skipped (only with skip-bad-lines; otherwise the read stops)
 * @param backwardSteps    samples dropped because their time went backwards (or did not advance)
 * @param nanSamples       samples dropped because a gyroscope, accelerometer or time value was NaN or infinite
 * @param gaps             steps in time longer than the gap threshold (reported to the sink as gaps)
 * @param gapSeconds       total time inside those gaps
 * @param lastLineCut      the file ended in the middle of a data line (a recording cut short): that line was
 *                         dropped, every line before it read
 * @param problems         the first few problems, each naming file and line
 */
public record ReadReport(long samples, long dataLines, long badLinesSkipped, long backwardSteps, long nanSamples,
                         long gaps, double gapSeconds, boolean lastLineCut, List<String> problems) {
    public ReadReport {
        problems = List.copyOf(problems);
    }
}
