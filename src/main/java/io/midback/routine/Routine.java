package io.midback.routine;

import java.util.List;

/** A routine: exercises in order, read from a routine file ({@link RoutineFile}). */
public record Routine(String name, String title, List<Exercise> exercises) {
    public Routine {
        exercises = List.copyOf(exercises);
        if (exercises.isEmpty()) {
            throw new IllegalArgumentException(name + ": a routine needs at least one exercise");
        }
    }

    /** Planned minutes: the exercises at the pacer's tempo plus 20 s per exercise to get into position. */
    public double plannedMinutes() {
        double s = 0;
        for (Exercise e : exercises) {
            s += e.plannedS() + 20;
        }
        return s / 60;
    }

    /** The same exercises in another order, or a selection (reordering and leaving out). */
    public Routine withExercises(List<Exercise> ordered) {
        return new Routine(name, title, ordered);
    }
}
