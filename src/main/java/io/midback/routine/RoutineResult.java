package io.midback.routine;

import java.util.List;

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

    public int totalReps() {
        return exercises.stream().mapToInt(ExerciseResult::reps).sum();
    }
}
