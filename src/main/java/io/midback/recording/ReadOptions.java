package io.midback.recording;

import java.util.List;

/**
 * How to read a recording.
 *
 * @param skipBadLines  skip (and count) malformed lines instead of stopping at the first
 * @param extraColumns  further columns to hand out beside the samples, by name (e.g. BROAD's qw,qx,qy,qz,movement);
 *                      each must be present in the header
 * @param gapFactor     a step in time longer than this many nominal periods is reported as a gap
 * @param batchSize     samples per batch handed to the sink
 */
public record ReadOptions(boolean skipBadLines, List<String> extraColumns, double gapFactor, int batchSize) {
    public static final ReadOptions DEFAULT = new ReadOptions(false, List.of(), 5.0, 1024);

    public ReadOptions {
        extraColumns = List.copyOf(extraColumns);
        if (!(gapFactor > 1)) {
            throw new IllegalArgumentException("gapFactor must be > 1: " + gapFactor);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
    }

    public ReadOptions withSkipBadLines(boolean skip) {
        return new ReadOptions(skip, extraColumns, gapFactor, batchSize);
    }

    public ReadOptions withExtraColumns(String... names) {
        return new ReadOptions(skipBadLines, List.of(names), gapFactor, batchSize);
    }
}
