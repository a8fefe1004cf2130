package io.midback.routine;

import io.midback.mobility.MobilityEvent;

/**
 * What the routine player says, on the thread that feeds samples: prompts (get into position, the how-to, the
 * safety text), the pacer's cues, each repetition, feedback, and each exercise's and the routine's end. Keep the
 * callbacks short (hand them to another thread to print or draw).
 */
public interface RoutineListener {
    /** Exercise {@code index} (0-based, in the routine's order) begins: its position prompt follows. */
    default void onExerciseStart(int index, Exercise exercise) {
    }

    /** A prompt to show or say. */
    void onPrompt(String text);

    /** The pacer: the exercise's cue for this half of the tempo ("breathe in", "left"); the same string every time. */
    default void onCue(String cue) {
    }

    /** Repetition {@code n} (1-based) of the current exercise, with its range, degrees. */
    default void onRep(Exercise exercise, int n, double rangeDeg) {
    }

    /** A feedback line about the last repetition. */
    default void onFeedback(String line) {
    }

    default void onExerciseEnd(ExerciseResult result) {
    }

    /**
     * What happened, as a recording keeps it ({@link RoutineEvents}: a routine's start, the upright capture, each
     * exercise's start and end, each repetition, a stop because it hurt): written as {@code # event:} lines.
     */
    default void onEvent(MobilityEvent event) {
    }

    void onEnd(RoutineResult result);
}
