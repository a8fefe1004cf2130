package io.midback.routine;

import java.util.List;
import java.util.Locale;

/**
 * One exercise as done: its repetitions with each one's range and period, and the quality notes.
 *
 * @param name         the exercise's name
 * @param startS       when it started (after its neutral was captured), s from the session's first sample
 * @param endS         when it ended, s
 * @param reps         repetitions counted
 * @param repRangesDeg each repetition's range, degrees (a one-sided peak, or a two-sided cycle's arc)
 * @param repDurationsS each repetition's duration ({@link RepCounter#durationS}), s
 * @param notes        the feedback given, one line each
 * @param ended        how it ended: {@code done}, {@code skipped}, {@code repeated}, {@code stopped: it hurts},
 *                     {@code stopped}, {@code timed}
 * @param timed        whether the exercise is a timed step ({@link Exercise#timed}: nothing counted), not a counted
 *                     exercise that got no repetition
 */
public record ExerciseResult(String name, double startS, double endS, int reps, double[] repRangesDeg,
                             double[] repDurationsS, List<String> notes, String ended, boolean timed) {
    public ExerciseResult {
        repRangesDeg = repRangesDeg.clone();
        repDurationsS = repDurationsS.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] repRangesDeg() {
        return repRangesDeg.clone();
    }

    @Override
    public double[] repDurationsS() {
        return repDurationsS.clone();
    }

    public double minutes() {
        return (endS - startS) / 60;
    }

    /**
     * One line: {@code seated-rotation: 6 reps, ranges 52 48 50 49 51 47°, 0.8 min (done)}; a counted exercise that
     * got none {@code seated-rotation: 0 reps, 0.2 min (stopped)}; a timed step {@code breathing: timed, 2.0 min
     * (timed)}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        if (timed) {
            sb.append("timed");
        } else {
            sb.append(reps).append(reps == 1 ? " rep" : " reps");
            if (repRangesDeg.length > 0) {
                sb.append(", ranges");
                for (double r : repRangesDeg) {
                    sb.append(String.format(Locale.ROOT, " %.0f", r));
                }
                sb.append("°");
            }
        }
        return sb.append(String.format(Locale.ROOT, ", %.1f min (%s)", minutes(), ended)).toString();
    }
}
