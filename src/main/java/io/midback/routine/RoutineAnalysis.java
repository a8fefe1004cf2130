package io.midback.routine;

import io.midback.mobility.Direction;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityFrame;
import io.midback.mobility.MobilitySettings;
import io.midback.mobility.MobilityStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of a recorded routine: its exercises, each one's repetitions with their ranges and durations, and the
 * quality notes ({@link Feedback}, as the player gives them).
 *
 * <p>Every exercise is measured as the player measures it: its own neutral captured by a fresh {@link MobilityStage}
 * from the first {@link MobilitySettings#neutralCaptureS()} of stillness at its start (the mounting kept from the
 * upright start), and its repetitions counted by a {@link RepCounter} along its angle.
 *
 * <p>With the player's {@code # event:} lines ({@link RoutineEvents}) the exercises are where the events put them.
 * Without them they are recognised: the recording splits at still stretches of at least {@link #QUIET_S} into
 * spans of movement; a span whose start and end positions differ by more than {@link #MOVE_DEG} is a move to a new
 * position; otherwise its position comes from the trunk's tilt from the upright start (horizontal face down: hands
 * and knees or prone; upright: standing or seated; on the back) and its exercise from the angle that moves most
 * (and, for flexion, which way): the first exercise of the routine, from the one expected next on, with that
 * position and angle. A span of a two-sided exercise that goes one way only is counted one way (a mobility check's
 * block); a movement of no exercise of the routine is named by its direction or plane ({@code sideBendLeft},
 * {@code rotation}). Spans with fewer than {@link #MIN_REPS} repetitions (standing up, settling) are not exercises.
 * A still stretch of at least {@link #TIMED_MIN_S} is the timed step (breathing, foam rolling) of its position.
 */
public final class RoutineAnalysis {
    /** Still this long separates two exercises' movements, s. */
    public static final double QUIET_S = 3;
    /** A span of movement whose position changes by more than this is a move to a new position, degrees. */
    public static final double MOVE_DEG = 30;
    /** A position is recognised when the trunk is within this of the position's tilt, degrees. */
    public static final double POSITION_TOLERANCE_DEG = 35;
    /** Fewer repetitions than this in a span: not an exercise (standing up, settling). */
    public static final int MIN_REPS = 2;
    /** A still stretch this long is a timed step, s. */
    public static final double TIMED_MIN_S = 30;
    /** A movement of no listed exercise has no pacer: "slower" only under 0.6 s. */
    static final double UNLISTED_PACE_S = 1;
    /** The counting goes on this long into the stillness after a span, for its last return to be seen, s. */
    static final double TAIL_S = 1;

    /**
     * The result.
     *
     * @param exercises each exercise found, in time order
     * @param found     {@code events} (from the player's event lines) or {@code recognised}
     * @param notes     what could not be analysed (no upright start, unknown exercises, unrecognised movement)
     */
    public record Result(List<ExerciseResult> exercises, String found, List<String> notes) {
        public Result {
            exercises = List.copyOf(exercises);
            notes = List.copyOf(notes);
        }
    }

    private RoutineAnalysis() {
    }

    /**
     * @param routine  the routine recorded: its exercises' movements and order (recognition follows its order)
     * @param events   the recording's {@code # event:} lines, in time order (empty: recognise)
     * @param targets  the goals for the notes (an empty {@link RangeTargets#of}: the routine's)
     */
    public static Result analyse(RoutineTrack track, List<MobilityEvent> events, Routine routine, RangeTargets targets,
                                 MobilitySettings settings) {
        List<String> notes = new ArrayList<>();
        if (track.mounting() == null || track.size() == 0) {
            notes.add("no still upright start found to measure from: sit or stand tall and still for "
                    + String.format(Locale.ROOT, "%.1f", settings.biasCaptureS() + settings.neutralCaptureS())
                    + " s at the start");
            return new Result(List.of(), "none", notes);
        }
        boolean fromEvents = events.stream().anyMatch(e -> e.kind().equals(RoutineEvents.EXERCISE_START));
        List<ExerciseResult> out = fromEvents ? fromEvents(track, events, routine, targets, settings, notes)
                : recognise(track, routine, targets, settings, notes);
        return new Result(out, fromEvents ? "events" : "recognised", notes);
    }

    private static List<ExerciseResult> fromEvents(RoutineTrack track, List<MobilityEvent> events, Routine routine,
                                                   RangeTargets targets, MobilitySettings settings,
                                                   List<String> notes) {
        List<ExerciseResult> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            MobilityEvent start = events.get(i);
            if (!start.kind().equals(RoutineEvents.EXERCISE_START)) {
                continue;
            }
            String name = RoutineEvents.exerciseOf(start);
            double endS = track.tS(track.size() - 1);
            String ended = "stopped";
            for (int j = i + 1; j < events.size(); j++) {
                MobilityEvent e = events.get(j);
                if (e.kind().equals(RoutineEvents.EXERCISE_END) || e.kind().equals(RoutineEvents.EXERCISE_START)) {
                    endS = e.tS();
                    if (e.kind().equals(RoutineEvents.EXERCISE_END)) {
                        String d = e.detail();
                        ended = d.length() > name.length() ? d.substring(name.length()).strip() : "done";
                    }
                    break;
                }
            }
            Exercise x = byName(routine, name);
            if (x == null) {
                notes.add(String.format(Locale.ROOT, "%s at %.1f s: not an exercise of the routine %s (give its "
                        + "routine with --routine)", name, start.tS(), routine.name()));
                continue;
            }
            out.add(x.timed() ? timed(x, start.tS(), endS, ended)
                    : count(track, x, x.movement().side(), start.tS() - settings.neutralCaptureS(), endS, targets,
                    settings, ended));
        }
        return out;
    }

    private static Exercise byName(Routine routine, String name) {
        for (Exercise e : routine.exercises()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static ExerciseResult timed(Exercise x, double startS, double endS, String ended) {
        return new ExerciseResult(x.name(), startS, endS, 0, new double[0], new double[0], List.of(), ended,
                true);
    }

    /**
     * One exercise measured from its own neutral, captured from the first stillness after {@code captureFromS}, up
     * to {@code endS}: its repetitions, ranges, durations and notes.
     */
    static ExerciseResult count(RoutineTrack track, Exercise x, int side, double captureFromS, double endS,
                                RangeTargets targets, MobilitySettings settings, String ended) {
        Counted c = follow(track, x.movement().axis(), side, x.minDeg(), captureFromS, endS, settings);
        List<String> notes = new ArrayList<>();
        RepCounter counter = c.counter;
        int kept = counter.kept();
        double[] ranges = new double[kept], durations = new double[kept];
        for (int i = 0; i < kept; i++) {
            ranges[i] = counter.rangeDeg(i);
            durations[i] = counter.durationS(i);
            Feedback.onRepetition(x, targets, counter, i, notes::add);
        }
        if (Double.isNaN(c.startS)) {
            notes.add("no still start position found to measure from");
        }
        return new ExerciseResult(x.name(), Double.isNaN(c.startS) ? captureFromS : c.startS, endS, counter.count(),
                ranges, durations, notes, ended, false);
    }

    /** A span followed along one angle: the counter, when its neutral was captured, and each angle's extremes. */
    private static final class Counted {
        final RepCounter counter;
        double startS = Double.NaN;
        final double[] maxDeg = new double[3], minDeg = new double[3];

        Counted(MobilitySettings settings) {
            counter = new RepCounter(settings);
        }
    }

    private static Counted follow(RoutineTrack track, int axis, int side, double minDeg, double captureFromS,
                                  double endS, MobilitySettings settings) {
        MobilityStage stage = new MobilityStage(settings);
        stage.useMounting(track.mounting());
        MobilityFrame f = new MobilityFrame();
        Counted c = new Counted(settings);
        c.counter.start(side, minDeg);
        for (int i = track.indexAt(captureFromS); i < track.size() && track.tS(i) <= endS; i++) {
            stage.update(track.tS(i), track.qw(i), track.qx(i), track.qy(i), track.qz(i), track.still(i), f);
            if (!f.captured) {
                continue;
            }
            if (Double.isNaN(c.startS)) {
                c.startS = f.tS;
            }
            for (int k = 0; k < 3; k++) {
                c.maxDeg[k] = Math.max(c.maxDeg[k], f.angleDeg(k));
                c.minDeg[k] = Math.min(c.minDeg[k], f.angleDeg(k));
            }
            c.counter.update(f.tS, f.angleDeg(axis));
        }
        return c;
    }

    // ---------------------------------------------------------------- recognition

    private static List<ExerciseResult> recognise(RoutineTrack track, Routine routine, RangeTargets targets,
                                                  MobilitySettings settings, List<String> notes) {
        List<int[]> quiet = quietStretches(track, settings);
        List<ExerciseResult> out = new ArrayList<>();
        int expected = 0;
        for (int k = 0; k < quiet.size(); k++) {
            int[] q = quiet.get(k);
            double quietS = track.tS(q[1] - 1) - track.tS(q[0]);
            int window = (int) Math.round(settings.neutralCaptureS() / meanStepS(track));
            double base = track.meanBaseFlexionDeg(q[1] - window, q[1]);
            if (quietS >= TIMED_MIN_S) {
                int e = match(routine, expected, base, -1, 0, true);
                if (e >= 0) {
                    out.add(timed(routine.exercises().get(e), track.tS(q[0]), track.tS(q[1] - 1), "timed"));
                    expected = Math.max(expected, e + 1);
                }
            }
            if (k + 1 == quiet.size()) {
                break;
            }
            int[] next = quiet.get(k + 1);
            double after = track.meanBaseFlexionDeg(next[0], next[0] + window);
            if (Math.abs(after - base) > MOVE_DEG) {
                continue; // a move to a new position
            }
            double fromS = track.tS(q[1] - 1) - settings.neutralCaptureS() - 0.2;
            double endS = track.tS(next[0]) + TAIL_S;
            Counted probe = follow(track, 0, 0, settings.repMinDeg(), fromS, endS, settings);
            int axis = 0;
            for (int a = 1; a < 3; a++) {
                if (probe.maxDeg[a] - probe.minDeg[a] > probe.maxDeg[axis] - probe.minDeg[axis]) {
                    axis = a;
                }
            }
            int sign = probe.maxDeg[axis] >= -probe.minDeg[axis] ? 1 : -1;
            int e = match(routine, expected, base, axis, sign, false);
            boolean oneWay = Math.min(probe.maxDeg[axis], -probe.minDeg[axis]) < settings.repMinDeg();
            Exercise x = e >= 0 ? routine.exercises().get(e) : unlisted(axis, sign, oneWay, base, settings);
            int side = x.movement().twoSided() && oneWay ? sign : x.movement().side();
            ExerciseResult r = count(track, x, side, fromS, endS, targets, settings, "done");
            if (r.reps() < MIN_REPS) {
                continue;
            }
            out.add(r);
            expected = Math.max(expected, e + 1);
        }
        return out;
    }

    /**
     * A movement no exercise of the routine matches (a side bend sitting, a mobility check's blocks): named by its
     * direction when it goes one way ({@code sideBendLeft}, {@code flexion}), by its plane when both
     * ({@code rotation}), counted by the same rule, with no goal to fall short of.
     */
    private static Exercise unlisted(int axis, int sign, boolean oneWay, double baseDeg, MobilitySettings settings) {
        Direction.Plane plane = Direction.Plane.values()[axis];
        Movement m = axis == 0 ? (oneWay ? (sign > 0 ? Movement.FLEXION : Movement.EXTENSION)
                : Movement.FLEXION_EXTENSION) : axis == 1 ? Movement.SIDE_BEND : Movement.ROTATION;
        String name = oneWay ? Direction.of(plane, sign).jsonName() : plane.jsonName();
        StartPosition p = baseDeg > 45 ? StartPosition.HANDS_AND_KNEES : baseDeg < -45 ? StartPosition.LYING
                : StartPosition.SEATED;
        return new Exercise(name, name, "", p, m, 1, 0, UNLISTED_PACE_S, Double.NaN, settings.repMinDeg(),
                Double.NaN, "out", "back");
    }

    /**
     * The exercise of the routine in this position that moves this angle (this way, if one-sided), the first from
     * the one expected next, else the first before it; −1 when none.
     */
    private static int match(Routine routine, int expected, double baseDeg, int axis, int sign, boolean timed) {
        List<Exercise> all = routine.exercises();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = pass == 0 ? expected : 0; i < (pass == 0 ? all.size() : Math.min(expected, all.size())); i++) {
                Exercise x = all.get(i);
                if (x.timed() != timed
                        || Math.abs(x.position().trunkFlexionDeg() - baseDeg) > POSITION_TOLERANCE_DEG) {
                    continue;
                }
                if (timed || x.movement().axis() == axis && (x.movement().twoSided() || x.movement().side() == sign)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The still stretches of at least {@link #QUIET_S} ({start, end) frame indices, in order); the first one, from
     * the start of the track (the still upright start), needs only enough for a neutral.
     */
    private static List<int[]> quietStretches(RoutineTrack track, MobilitySettings settings) {
        List<int[]> out = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= track.size(); i++) {
            boolean still = i < track.size() && track.still(i);
            if (still && from < 0) {
                from = i;
            } else if (!still && from >= 0) {
                double minS = from == 0 ? settings.neutralCaptureS() + 0.3 : QUIET_S;
                if (track.tS(i - 1) - track.tS(from) >= minS) {
                    out.add(new int[] {from, i});
                }
                from = -1;
            }
        }
        return out;
    }

    private static double meanStepS(RoutineTrack track) {
        int n = track.size();
        return n < 2 ? 0.01 : (track.tS(n - 1) - track.tS(0)) / (n - 1);
    }
}
