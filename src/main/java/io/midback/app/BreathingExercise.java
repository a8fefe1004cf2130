package io.midback.app;

import io.midback.breathing.BreathPacer;
import io.midback.breathing.BreathRateEstimator;
import io.midback.breathing.PacedBreathing;
import io.midback.history.HistoryRecorder;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The paced-breathing exercise of a session ({@link SessionBuilder#exercise()}): started and stopped from any
 * thread (the window's, the command line's), run on the session thread from the next sample on, where it follows
 * the session's breathing stage with a {@link PacedBreathing}. When it ends (asked, its minutes over, or the
 * stream's end) it is written in the session's history, if the session is saved there, and handed to the
 * listeners. Displays read {@link #snapshot()}. Per sample, with no exercise running: one volatile read.
 */
public final class BreathingExercise implements PostureListener {

    /** What a display shows: the guide (null when no exercise runs) and the latest figures. */
    public record Snapshot(BreathPacer pacer, double guideS, double durationS, double ratePerMin,
                           double coherence, double signalDeg) {
        public boolean running() {
            return pacer != null;
        }
    }

    private static final Snapshot IDLE = new Snapshot(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    private final BreathRateEstimator breathing;
    private final List<Consumer<PacedBreathing.Result>> listeners = new ArrayList<>();
    private HistoryRecorder history;

    private volatile BreathPacer requested;
    private volatile double requestedDurationS;
    private volatile boolean stopRequested;

    private PacedBreathing running;
    private double durationS;
    private volatile BreathPacer shownPacer;
    private volatile double guideS = Double.NaN, ratePerMin = Double.NaN, coherence = Double.NaN;
    private volatile double signalDeg = Double.NaN, shownDurationS = Double.NaN;
    private volatile PacedBreathing.Result lastResult;

    BreathingExercise(BreathRateEstimator breathing) {
        this.breathing = breathing;
    }

    /** The exercises are written in this session history (before the session starts). */
    void logTo(HistoryRecorder recorder) {
        this.history = recorder;
    }

    /** Told each exercise's result when it ends, on the session thread (add before the session starts). */
    public synchronized void addListener(Consumer<PacedBreathing.Result> l) {
        listeners.add(l);
    }

    /** Starts an exercise at the next sample (ending any running one), for {@code durationS} (infinite: until stopped). */
    public void start(BreathPacer pacer, double durationS) {
        if (!(durationS > 0)) {
            throw new IllegalArgumentException("an exercise lasts more than 0 s, not " + durationS);
        }
        requestedDurationS = durationS;
        requested = pacer;
    }

    /** Ends the running exercise at the next sample. */
    public void stop() {
        stopRequested = true;
    }

    @Override
    public void onPosture(PostureFrame f) {
        BreathPacer asked = requested;
        if (asked != null) {
            requested = null;
            if (running != null) {
                finish(f.tS);
            }
            running = new PacedBreathing(asked, f.tS);
            durationS = requestedDurationS;
            stopRequested = false;
            shownDurationS = durationS;
            shownPacer = asked;
        }
        if (running == null) {
            return;
        }
        running.update(f.tS, breathing.lastBreathS(), breathing.ratePerMin());
        guideS = f.tS - running.startS();
        ratePerMin = running.ratePerMin();
        coherence = running.coherence();
        signalDeg = breathing.signalDeg();
        if (stopRequested || f.tS - running.startS() >= durationS) {
            stopRequested = false;
            finish(f.tS);
        }
    }

    /** The stream ended at {@code lastS}: a running exercise ends there. */
    void end(double lastS) {
        if (running != null) {
            finish(lastS);
        }
    }

    private void finish(double endS) {
        PacedBreathing done = running;
        running = null;
        shownPacer = null;
        PacedBreathing.Result r = done.result();
        lastResult = r;
        if (history != null) {
            history.onBreathingExercise(done.startS(), endS, r.describe());
        }
        List<Consumer<PacedBreathing.Result>> ls;
        synchronized (this) {
            ls = List.copyOf(listeners);
        }
        ls.forEach(l -> l.accept(r));
    }

    /** How the last exercise that ended went, or null (any thread). */
    public PacedBreathing.Result lastResult() {
        return lastResult;
    }

    /** The latest state, for a display (any thread). */
    public Snapshot snapshot() {
        BreathPacer p = shownPacer;
        return p == null ? IDLE : new Snapshot(p, guideS, shownDurationS, ratePerMin, coherence, signalDeg);
    }
}
