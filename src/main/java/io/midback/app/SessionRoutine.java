package io.midback.app;

import io.midback.history.HistoryRecorder;
import io.midback.mobility.MobilitySettings;
import io.midback.routine.Exercise;
import io.midback.routine.ExerciseResult;
import io.midback.routine.RangeTargets;
import io.midback.routine.Routine;
import io.midback.routine.RoutineListener;
import io.midback.routine.RoutinePlayer;
import io.midback.routine.RoutineResult;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sensor.TimeOrigin;

import java.util.ArrayList;
import java.util.List;

/**
 * The guided routine of a session ({@link SessionBuilder#routine()}): started from any thread (the window's), played
 * on the session thread by the one {@link RoutinePlayer} as a stage beside posture (it reads the raw samples). When
 * it ends (finished, skipped to its end, stopped, "stop: it hurts", or the stream's end) it is written in the
 * session's history, if the session is saved there; a routine done to its end counts as a break for the break
 * reminders and the history ({@link io.midback.posture.SedentaryBouts#activeBreak}). Displays read
 * {@link #snapshot()} (a value replaced on each prompt, cue, repetition or feedback line) and {@link #nowS()}.
 * Per batch with no routine: one volatile read and the clock.
 */
public final class SessionRoutine implements SampleSink {
    /** Feedback lines a snapshot keeps (the newest last). */
    public static final int FEEDBACK_SHOWN = 4;

    /**
     * What a display shows.
     *
     * @param version      goes up with every change (a display redraws when it differs)
     * @param routine      the routine playing (or last played), null before any
     * @param index        the current exercise's index in {@code routine}, −1 before the first
     * @param prompt       the latest prompt (position, how-to, the safety text…)
     * @param cue          the pacer's current half ("left", "breathe in"), null outside an exercise
     * @param cueAtS       when that half began, session time, s
     * @param repRangesDeg the current exercise's repetitions so far, each one's range, degrees
     * @param feedback     the current exercise's latest feedback lines
     * @param result       the routine's result once it has ended, else null
     */
    public record Snapshot(long version, Routine routine, int index, String prompt, String cue, double cueAtS,
                           List<Double> repRangesDeg, List<String> feedback, RoutineResult result) {
        public Snapshot {
            repRangesDeg = List.copyOf(repRangesDeg);
            feedback = List.copyOf(feedback);
        }

        public boolean running() {
            return routine != null && result == null;
        }

        /** The current exercise, or null. */
        public Exercise exercise() {
            return routine == null || index < 0 || index >= routine.exercises().size() ? null
                    : routine.exercises().get(index);
        }
    }

    /** Told the span of a routine done to its end (session times, s). */
    interface Break {
        void taken(double fromS, double toS);
    }

    private record Request(Routine routine, RangeTargets targets, RoutineListener listener) {
    }

    private static final Snapshot IDLE = new Snapshot(0, null, -1, null, null, Double.NaN, List.of(), List.of(), null);

    private final double rateHz;
    private final Break finishedIsABreak;
    private final TimeOrigin origin = new TimeOrigin();
    private HistoryRecorder history;
    private volatile Request requested;
    private volatile RoutinePlayer player;
    private volatile Snapshot snapshot = IDLE;
    private volatile double nowS = Double.NaN;

    /**
     * @param rateHz           the session's nominal rate
     * @param finishedIsABreak told (session thread) the span of a routine done to its end
     */
    SessionRoutine(double rateHz, Break finishedIsABreak) {
        this.rateHz = rateHz;
        this.finishedIsABreak = finishedIsABreak;
    }

    /** The routines are written in this session history (before the session starts). */
    void logTo(HistoryRecorder recorder) {
        this.history = recorder;
    }

    /**
     * Plays {@code routine} from the next batch on (a routine still playing ends first, kept as stopped).
     *
     * @param targets  the wearer's measured ranges (the routine never asks for more)
     * @param listener also told everything the player says, on the session thread (null: none)
     */
    public void start(Routine routine, RangeTargets targets, RoutineListener listener) {
        requested = new Request(routine, targets, listener);
    }

    /** Ends the current exercise and goes on to the next (any thread). */
    public void skip() {
        RoutinePlayer p = player;
        if (p != null) {
            p.skip();
        }
    }

    /** Does the current exercise again (any thread). */
    public void repeat() {
        RoutinePlayer p = player;
        if (p != null) {
            p.repeat();
        }
    }

    /** "Stop: it hurts" (any thread): the routine stops, says why it matters, and is recorded so. */
    public void stopItHurts() {
        RoutinePlayer p = player;
        if (p != null) {
            p.stopItHurts();
        }
    }

    /** Stops the routine at the next batch, keeping what was done (any thread). */
    public void stop() {
        requested = null;
        RoutinePlayer p = player;
        if (p != null) {
            p.requestEnd();
        }
    }

    /** The latest state, for a display (any thread). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Session time of the newest sample, s (NaN before the first; any thread). */
    public double nowS() {
        return nowS;
    }

    @Override
    public void accept(SampleBatch b) {
        int n = b.size();
        if (n == 0) {
            return;
        }
        origin.sessionTime(b.tS[0]);
        nowS = origin.sessionTime(b.tS[n - 1]);
        Request r = requested;
        if (r != null) {
            requested = null;
            begin(r);
        }
        RoutinePlayer p = player;
        if (p != null) {
            p.accept(b);
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        RoutinePlayer p = player;
        if (p != null) {
            p.gap(fromS, toS, reason);
        }
    }

    /** The stream ended: a routine still playing ends there, with what was done. */
    @Override
    public void end() {
        requested = null;
        RoutinePlayer p = player;
        if (p != null) {
            p.end();
        }
    }

    private void begin(Request r) {
        RoutinePlayer old = player;
        if (old != null) {
            old.end();
        }
        Tracker t = new Tracker(r);
        snapshot = new Snapshot(snapshot.version() + 1, r.routine(), -1, null, null, Double.NaN, List.of(),
                List.of(), null);
        player = new RoutinePlayer(r.routine(), r.targets(), MobilitySettings.defaults(), rateHz, t);
    }

    /** Keeps the snapshot, writes the end, and passes everything on (session thread). */
    private final class Tracker implements RoutineListener {
        private final RoutineListener next;
        private final List<Double> ranges = new ArrayList<>();
        private final List<String> feedback = new ArrayList<>();
        private int index = -1;
        private String prompt, cue;
        private double cueAtS = Double.NaN;

        Tracker(Request r) {
            this.next = r.listener() == null ? new RoutineListener() {
                @Override
                public void onPrompt(String text) {
                }

                @Override
                public void onEnd(RoutineResult result) {
                }
            } : r.listener();
        }

        private void publish(Routine routine, RoutineResult result) {
            snapshot = new Snapshot(snapshot.version() + 1, routine, index, prompt, cue, cueAtS, ranges,
                    feedback, result);
        }

        private Routine routine() {
            return snapshot.routine();
        }

        @Override
        public void onExerciseStart(int i, Exercise exercise) {
            index = i;
            ranges.clear();
            feedback.clear();
            cue = null;
            publish(routine(), null);
            next.onExerciseStart(i, exercise);
        }

        @Override
        public void onPrompt(String text) {
            prompt = text;
            publish(routine(), null);
            next.onPrompt(text);
        }

        @Override
        public void onCue(String c) {
            cue = c;
            cueAtS = nowS;
            publish(routine(), null);
            next.onCue(c);
        }

        @Override
        public void onRep(Exercise exercise, int n, double rangeDeg) {
            ranges.add(rangeDeg);
            publish(routine(), null);
            next.onRep(exercise, n, rangeDeg);
        }

        @Override
        public void onFeedback(String line) {
            feedback.add(line);
            if (feedback.size() > FEEDBACK_SHOWN) {
                feedback.remove(0);
            }
            publish(routine(), null);
            next.onFeedback(line);
        }

        @Override
        public void onExerciseEnd(ExerciseResult result) {
            cue = null;
            next.onExerciseEnd(result);
        }

        @Override
        public void onEnd(RoutineResult r) {
            player = null;
            double startS = Double.isNaN(r.startS()) ? nowS : origin.sessionTime(r.startS());
            double endS = Double.isNaN(r.endS()) ? nowS : origin.sessionTime(r.endS());
            if (history != null && !Double.isNaN(startS)) {
                history.onRoutine(startS, endS, r.describe());
            }
            if (r.finished() && !Double.isNaN(startS)) {
                finishedIsABreak.taken(startS, endS);
            }
            cue = null;
            publish(routine(), r);
            next.onEnd(r);
        }
    }
}
