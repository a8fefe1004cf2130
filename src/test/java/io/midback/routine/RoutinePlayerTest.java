package io.midback.routine;

import io.midback.mobility.Direction;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilitySettings;
import io.midback.sim.RoutineSession;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutinePlayerTest {
    /** A brisk person: quick repetitions (a two-sided cycle in under 3 s), no sloppy ones. */
    static final RoutineSession.Person BRISK = new RoutineSession.Person(0.5, 0.1, 0.3, 0, 0, 0.1);
    static final RoutineSession.Person STEADY = new RoutineSession.Person(1.4, 0.6, 0.8, 0.02, 0, 0.1);

    /** The desk routine: rotation 25° each way, extension 14°, squats tipping the trunk 28°. */
    static List<RoutineSession.Set> deskSets(int rotationReps) {
        return List.of(new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, rotationReps, 25, 25, 0),
                new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 14, 0),
                new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 6, 28, 0, 0));
    }

    static final class Run implements RoutineListener {
        final List<String> prompts = new ArrayList<>(), feedback = new ArrayList<>();
        final List<String> cues = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        RoutineResult result;
        RoutinePlayer player;
        BiConsumer<Exercise, Integer> onRep = (e, n) -> { };

        @Override
        public void onPrompt(String text) {
            prompts.add(text);
        }

        @Override
        public void onCue(String cue) {
            cues.add(cue);
        }

        @Override
        public void onRep(Exercise exercise, int n, double rangeDeg) {
            onRep.accept(exercise, n);
        }

        @Override
        public void onFeedback(String line) {
            feedback.add(line);
        }

        @Override
        public void onEvent(MobilityEvent e) {
            events.add(e.kind() + (e.detail().isEmpty() ? "" : " " + e.detail()));
        }

        @Override
        public void onEnd(RoutineResult r) {
            result = r;
        }

        Run play(Routine routine, List<RoutineSession.Set> sets, RoutineSession.Person person, RangeTargets targets) {
            RoutineSession session = RoutineSession.of("seated", sets, person, 7);
            player = new RoutinePlayer(routine, targets, MobilitySettings.defaults(), 100, this);
            new Simulator(session.scenario(), SimulatorConfig.defaults().withRate(100).withSeed(7)).run(player);
            player.end();
            return this;
        }
    }

    static List<String> names(RoutineResult r) {
        return r.exercises().stream().map(e -> e.name() + ":" + e.ended()).collect(Collectors.toList());
    }

    @Test
    void aBriskPersonShortOfTheMeasuredRangeHearsWhatToChange() throws IOException {
        Map<Direction, Double> measured = new EnumMap<>(Direction.class);
        measured.put(Direction.ROTATION_LEFT, 36.0);
        measured.put(Direction.ROTATION_RIGHT, 50.0); // more than the routine's 40°: the routine's 40° stays
        Run run = new Run().play(RoutineFile.load("desk"), deskSets(6), BRISK, RangeTargets.of(measured));
        assertTrue(run.result.finished());
        assertEquals(List.of("seated-rotation:done", "chair-extension:done", "wall-squat:done"), names(run.result));
        assertTrue(run.feedback.stream().anyMatch(l -> l.matches(
                "rotate a little further left: 2[3-7]° of the 36° from your last mobility check")), run.feedback.toString());
        assertTrue(run.feedback.stream().anyMatch(l -> l.matches(
                "rotate a little further right: 2[3-7]° of the 40° this exercise aims for")), run.feedback.toString());
        assertTrue(run.feedback.stream().anyMatch(l -> l.startsWith("slower: that one took ")), run.feedback.toString());
        assertTrue(run.feedback.stream().anyMatch(l -> l.matches(
                "keep your chest tall: your trunk tipped 2[6-9]° in the squats")), run.feedback.toString());
        // the chair extension (14° of 15°) is within the goal: nothing said about its range
        assertFalse(run.feedback.stream().anyMatch(l -> l.startsWith("extend")), run.feedback.toString());
        assertTrue(run.cues.containsAll(List.of("left", "right", "back", "up", "down")), run.cues.toString());
        assertEquals(18, run.result.totalReps());
        // what a recording keeps: the start, the capture, each exercise's start, repetitions and end, in order
        assertEquals(List.of("routine-start desk", "capture", "exercise-start seated-rotation"),
                run.events.subList(0, 3));
        assertEquals(18, run.events.stream().filter(e -> e.startsWith("rep ")).count());
        assertTrue(run.events.get(3).matches("rep seated-rotation \\d+\\.\\d"), run.events.get(3));
        assertEquals(List.of("exercise-end seated-rotation done", "exercise-start chair-extension"),
                run.events.subList(9, 11));
        assertEquals("exercise-end wall-squat done", run.events.get(run.events.size() - 1));
        assertTrue(run.result.minutes() > 1 && run.result.minutes() < 2, run.result.minutes() + " min");
    }

    @Test
    void aSteadyPersonWithinTheGoalHearsNothingToCorrect() throws IOException {
        List<RoutineSession.Set> sets = List.of(
                new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 6, 38, 36, 0),
                new RoutineSession.Set("chair-extension", "seated", 0, 0, -1, 6, 0, 14, 0),
                new RoutineSession.Set("wall-squat", "standing", 0, 0, 1, 6, 12, 0, 0));
        Run run = new Run().play(RoutineFile.load("desk"), sets, STEADY, RangeTargets.of(Map.of()));
        assertTrue(run.result.finished());
        assertEquals(List.of(), run.feedback);
        assertEquals(18, run.result.totalReps());
    }

    @Test
    void stopItHurtsEndsTheRoutineAtOnceRecordsItAndSaysWhatTheRedFlagsAre() throws IOException {
        Run run = new Run();
        run.onRep = (e, n) -> {
            if (n == 2) {
                run.player.stopItHurts();
            }
        };
        run.play(RoutineFile.load("desk"), deskSets(6), STEADY, RangeTargets.of(Map.of()));
        assertTrue(run.result.stoppedForPain());
        assertFalse(run.result.finished());
        assertEquals(List.of("seated-rotation:stopped: it hurts"), names(run.result));
        assertEquals(2, run.result.exercises().get(0).reps());
        assertEquals(RoutinePlayer.SAFETY_TEXT, run.prompts.get(run.prompts.size() - 1));
        assertEquals(List.of("exercise-end seated-rotation stopped: it hurts", "stop hurts"),
                run.events.subList(run.events.size() - 2, run.events.size()));
        assertTrue(RoutinePlayer.SAFETY_TEXT.contains("tingling"));
    }

    @Test
    void skipAndRepeatKeepEachAttempt() throws IOException {
        Run run = new Run();
        int[] seen = {0};
        run.onRep = (e, n) -> {
            if (e.name().equals("seated-rotation") && n == 2 && seen[0]++ == 0) {
                run.player.repeat();
            } else if (e.name().equals("chair-extension") && n == 1) {
                run.player.skip();
            }
        };
        // the person does the rotations twice over: 2 then the full 6 after the repeat
        List<RoutineSession.Set> sets = new ArrayList<>();
        sets.add(new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 2, 30, 30, 0));
        sets.addAll(deskSets(6));
        run.play(RoutineFile.load("desk"), sets, STEADY, RangeTargets.of(Map.of()));
        List<String> n = names(run.result);
        assertEquals("seated-rotation:repeated", n.get(0));
        assertEquals("seated-rotation:done", n.get(1));
        assertEquals("chair-extension:skipped", n.get(2));
        assertEquals(2, run.result.exercises().get(0).reps());
        assertEquals(6, run.result.exercises().get(1).reps());
        assertEquals(1, run.result.exercises().get(2).reps());
        assertEquals("wall-squat", run.result.exercises().get(3).name());
    }

    /**
     * A counted exercise stopped before its first repetition (the session's --duration ran out) reads "0 reps", not
     * "timed": only a timed step reads "timed".
     */
    @Test
    void aCountedExerciseStoppedWithNoRepetitionReadsZeroRepsNotTimed() throws IOException {
        List<RoutineSession.Set> none = List.of(new RoutineSession.Set("seated-rotation", "seated", 0, 2, 0, 0, 25, 25,
                0));
        Run run = new Run().play(RoutineFile.load("desk"), none, STEADY, RangeTargets.of(Map.of()));
        assertFalse(run.result.finished());
        ExerciseResult r = run.result.exercises().get(0);
        assertEquals(0, r.reps());
        assertTrue(r.describe().startsWith("seated-rotation: 0 reps, "), r.describe());
        assertFalse(r.describe().contains("timed"), r.describe());
        assertTrue(run.result.describe().contains("seated-rotation: 0 reps"), run.result.describe());
        ExerciseResult timed = new ExerciseResult("breathing", 0, 120, 0, new double[0], new double[0], List.of(),
                "timed", true);
        assertEquals("breathing: timed, 2.0 min (timed)", timed.describe());
    }
}
