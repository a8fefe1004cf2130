package io.midback.routine;

import java.util.List;
import java.util.Locale;

/**
 * A routine as played: every exercise attempt in order (a repeated exercise appears twice), whether it was
 * finished, and whether it was stopped because it hurt.
 */
public record RoutineResult(String routine, double startS, double endS, List<ExerciseResult> exercises,
                            boolean finished, boolean stoppedForPain) {
    public RoutineResult {
        exercises = List.copyOf(exercises);
    }

    public double minutes() {
        return (endS - startS) / 60;
    }

    /** How it ended: {@code finished}, {@code stopped: it hurts} or {@code stopped}. */
    public String how() {
        return finished ? "finished" : stoppedForPain ? "stopped: it hurts" : "stopped";
    }

    /** One line for the history: the routine, how it ended, its minutes, then each exercise ({@link ExerciseResult#describe}). */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %s, %.1f min", routine, how(), minutes()));
        for (ExerciseResult e : exercises) {
            sb.append("; ").append(e.describe());
        }
        return sb.toString();
    }

    public int totalReps() {
        return exercises.stream().mapToInt(ExerciseResult::reps).sum();
    }
}
