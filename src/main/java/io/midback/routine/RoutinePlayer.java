package io.midback.routine;

import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityFrame;
import io.midback.mobility.MobilityListener;
import io.midback.mobility.MobilitySettings;
import io.midback.orientation.OrientationFilter;
import io.midback.posture.Mounting;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a routine on the live (or replayed) samples: a stage beside posture that reads the same samples through the
 * mobility check's pipeline ({@link MobilityCheck}: stillness, gyroscope bias, orientation, angles from quaternions
 * relative to a captured pose).
 *
 * <p>The routine starts with the wearer still, sitting or standing tall: that capture gives the gyroscope bias and
 * the mounting (how the sensor sits on the back), which every later exercise keeps. Each counted exercise then asks
 * for its start position and captures it as its own neutral (after the wearer has moved there, when the position
 * differs from the last one), and counts repetitions ({@link RepCounter}) along its angle relative to that neutral.
 * An exercise ends at its target repetitions, or after {@link #SETTLE_S} of stillness once at least one was done,
 * or after twice its planned time; a timed step ends after its duration. {@link #skip()}, {@link #repeat()} and
 * {@link #stopItHurts()} may be called from any thread; they act at the next sample.
 *
 * <p>Per sample nothing is allocated; prompts, feedback and results are made once per repetition or exercise.
 */
public final class RoutinePlayer implements SampleSink, MobilityListener {
    /** Still this long after at least one repetition: the wearer has finished the exercise, s. */
    public static final double SETTLE_S = 3;
    /**
     * Moving to another start position: the trunk turns further than this from the last neutral (standing up from a
     * chair leans forward 30–45°; getting down on hands and knees turns it 90°), degrees.
     */
    public static final double MOVED_DEG = 20;
    /** Said when the wearer stops because it hurts. */
    public static final String SAFETY_TEXT = "Stopped. Sharp pain, burning, tingling or nerve-like symptoms are red "
            + "flags: reduce the intensity next time, or consult a professional before going on.";

    private enum Phase { SETUP, POSITION, ACTIVE, DONE }

    private final Routine routine;
    private final RangeTargets targets;
    private final RoutineListener listener;
    private final OrientationFilter filter;
    private final MobilityCheck check;
    private final RepCounter counter;
    private final List<ExerciseResult> done = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Consumer<String> say = this::say;
    private volatile boolean skipRequested, repeatRequested, stopRequested, endRequested;

    private Phase phase = Phase.SETUP;
    private int index;
    private StartPosition lastPosition;
    private boolean moved, needMove, sawUncaptured;
    private double routineStartS = Double.NaN, activeStartS, stillSinceS = Double.NaN, lastTS;
    private long lastHalf;

    /**
     * @param settings the mobility check's settings (stillness, capture, the repetition rule)
     * @param rateHz   the samples' nominal rate (for the orientation filter)
     */
    public RoutinePlayer(Routine routine, RangeTargets targets, MobilitySettings settings, double rateHz,
                         RoutineListener listener) {
        this.routine = routine;
        this.targets = targets;
        this.listener = listener;
        this.filter = MobilityCheck.defaultFilter(rateHz);
        this.check = new MobilityCheck(settings, filter, this);
        this.counter = new RepCounter(settings);
    }

    public Routine routine() {
        return routine;
    }

    /** Ends the current exercise and goes on to the next (any thread). */
    public void skip() {
        skipRequested = true;
    }

    /** Does the current exercise again from its start position (any thread). */
    public void repeat() {
        repeatRequested = true;
    }

    /** "Stop: it hurts": the routine ends at once, says why it matters, and records it (any thread). */
    public void stopItHurts() {
        stopRequested = true;
    }

    /** Ends the routine at the next sample, keeping what was done (any thread; {@link #end()} on the feeding one). */
    public void requestEnd() {
        endRequested = true;
    }

    /** The current exercise, or null before the first and after the last. */
    public Exercise current() {
        return phase == Phase.POSITION || phase == Phase.ACTIVE ? routine.exercises().get(index) : null;
    }

    /** Ends the routine now if it is still going (the source ended): what was done is kept. */
    public void end() {
        if (phase == Phase.DONE) {
            return;
        }
        if (phase == Phase.ACTIVE || phase == Phase.POSITION) {
            finishAttempt("stopped");
        }
        finish(false, false);
    }

    @Override
    public void accept(SampleBatch batch) {
        check.accept(batch);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        check.gap(fromS, toS, reason);
    }

    @Override
    public void onFrame(MobilityFrame f) {
        lastTS = f.tS;
        if (phase == Phase.DONE) {
            return;
        }
        if (Double.isNaN(routineStartS)) {
            routineStartS = f.tS;
            listener.onPrompt(routine.title() + ". Sit or stand tall and hold still for 5 seconds.");
            listener.onEvent(RoutineEvents.routineStart(f.tS, routine));
        }
        if (endRequested) {
            end();
            return;
        }
        if (stopRequested) {
            if (phase != Phase.SETUP) {
                finishAttempt("stopped: it hurts");
            }
            listener.onPrompt(SAFETY_TEXT);
            listener.onEvent(new MobilityEvent(f.tS, RoutineEvents.STOP, RoutineEvents.HURTS));
            finish(false, true);
            return;
        }
        if (phase != Phase.SETUP && (skipRequested || repeatRequested)) {
            boolean again = repeatRequested;
            skipRequested = repeatRequested = false;
            finishAttempt(again ? "repeated" : "skipped");
            begin(again ? index : index + 1);
            return;
        }
        skipRequested = repeatRequested = false;
        switch (phase) {
            case SETUP:
                if (f.captured) {
                    useMountingOf(filter.qw(), filter.qx(), filter.qy(), filter.qz());
                    listener.onEvent(new MobilityEvent(f.tS, RoutineEvents.CAPTURE, ""));
                    lastPosition = routine.exercises().get(0).position() == StartPosition.SEATED
                            ? StartPosition.SEATED : StartPosition.STANDING;
                    begin(0);
                }
                break;
            case POSITION:
                position(f);
                break;
            case ACTIVE:
                active(f);
                break;
            default:
                break;
        }
    }

    /** The mounting from gravity at the still upright start: kept for every later capture, whatever the position. */
    private void useMountingOf(double w, double x, double y, double z) {
        check.stage().useMounting(Mounting.defaultBodyToSensor(2 * (x * z - w * y), 2 * (y * z + w * x),
                1 - 2 * (x * x + y * y)));
    }

    private void begin(int i) {
        if (i >= routine.exercises().size()) {
            finish(true, false);
            return;
        }
        index = i;
        Exercise e = routine.exercises().get(i);
        notes.clear();
        listener.onExerciseStart(i, e);
        listener.onPrompt(e.title() + ": get into position, " + e.position().description()
                + (e.timed() ? "." : ", and hold still."));
        if (e.timed()) {
            startActive(lastTS, e);
            return;
        }
        needMove = e.position() != lastPosition;
        moved = false;
        sawUncaptured = false;
        if (!needMove) {
            check.stage().requestCapture();
        }
        phase = Phase.POSITION;
    }

    private void position(MobilityFrame f) {
        Exercise e = routine.exercises().get(index);
        if (needMove && !moved) {
            // the last neutral still holds: the new position is reached through a large change from it
            if (Math.abs(f.flexionDeg) > MOVED_DEG || Math.abs(f.sideBendDeg) > MOVED_DEG
                    || Math.abs(f.rotationDeg) > MOVED_DEG) {
                moved = true;
                check.stage().requestCapture();
            }
            return;
        }
        if (!f.captured) {
            sawUncaptured = true;
        }
        if (f.captured && sawUncaptured) {
            lastPosition = e.position();
            counter.start(e.movement().side(), e.minDeg());
            startActive(f.tS, e);
        }
    }

    private void startActive(double tS, Exercise e) {
        phase = Phase.ACTIVE;
        activeStartS = tS;
        stillSinceS = Double.NaN;
        lastHalf = -1;
        listener.onEvent(RoutineEvents.exerciseStart(tS, e));
        listener.onPrompt(e.howTo() + (e.timed() ? "" : " " + e.reps() + " repetitions, to the pacer."));
    }

    private void active(MobilityFrame f) {
        Exercise e = routine.exercises().get(index);
        double elapsedS = f.tS - activeStartS;
        long half = (long) Math.floor(elapsedS / (e.paceS() / 2));
        if (half != lastHalf) {
            lastHalf = half;
            listener.onCue(half % 2 == 0 ? e.cueOut() : e.cueBack());
        }
        if (e.timed()) {
            if (elapsedS >= e.durationS()) {
                finishAttempt("timed");
                begin(index + 1);
            }
            return;
        }
        if (counter.update(f.tS, f.angleDeg(e.movement().axis()))) {
            int n = counter.count();
            if (n <= RepCounter.MAX_REPS) {
                listener.onRep(e, n, counter.rangeDeg(n - 1));
                listener.onEvent(RoutineEvents.rep(f.tS, e, counter.rangeDeg(n - 1)));
                Feedback.onRepetition(e, targets, counter, n - 1, say);
            }
        }
        if (f.still) {
            if (Double.isNaN(stillSinceS)) {
                stillSinceS = f.tS;
            }
        } else {
            stillSinceS = Double.NaN;
        }
        boolean settled = counter.count() > 0 && !Double.isNaN(stillSinceS) && f.tS - stillSinceS >= SETTLE_S;
        if (counter.count() >= e.reps() || settled || elapsedS > 2 * e.plannedS() + 30) {
            finishAttempt("done");
            begin(index + 1);
        }
    }

    private void say(String line) {
        notes.add(line);
        listener.onFeedback(line);
    }

    private void finishAttempt(String how) {
        Exercise e = routine.exercises().get(index);
        int kept = e.timed() || phase != Phase.ACTIVE ? 0 : counter.kept();
        double[] ranges = new double[kept], periods = new double[kept];
        for (int i = 0; i < kept; i++) {
            ranges[i] = counter.rangeDeg(i);
            periods[i] = counter.durationS(i);
        }
        double startS = phase == Phase.ACTIVE ? activeStartS : lastTS;
        ExerciseResult r = new ExerciseResult(e.name(), startS, lastTS, e.timed() ? 0 : kept, ranges, periods,
                notes, how, e.timed());
        done.add(r);
        listener.onEvent(RoutineEvents.exerciseEnd(lastTS, e.name(), how));
        listener.onExerciseEnd(r);
    }

    private void finish(boolean finished, boolean hurt) {
        phase = Phase.DONE;
        listener.onEnd(new RoutineResult(routine.name(), routineStartS, lastTS, done, finished, hurt));
    }
}
