package io.midback.mobility;

import java.util.List;

/**
 * A block of repetitions of one movement: one direction ({@code flexion}, {@code sideBendLeft}, …) or both
 * alternating ({@code flexionExtension}, {@code sideBend}, {@code rotation}).
 *
 * @param movement the direction's or the plane's JSON name
 * @param startS   the first repetition's start (or the prompt's, with events), s
 * @param endS     the last repetition's end (or the prompt's), s
 * @param reps     its repetitions in time order
 */
public record Block(String movement, double startS, double endS, List<Rep> reps) {
    public Block {
        reps = List.copyOf(reps);
    }
}
