package io.midback.ui;

import io.midback.alert.AlertListener;
import io.midback.alert.Snooze;
import io.midback.posture.PostureListener;
import io.midback.sensor.SampleSink;

/**
 * What the window needs from the posture and alert stages; {@link EngineBackend} fills it with the posture
 * engine. An interface so the window's calibration wizard and settings do not depend on the engine's shape.
 */
public interface PostureBackend {

    /**
     * The pipeline for one session of {@code source} (orientation filter → posture → alerts, and the history when
     * the source is saved): samples in; every sample's frame to {@code frames}, alerts to {@code alerts}; a slump
     * alert makes the source's device vibrate when the settings say so. Called and then fed on the session
     * thread; the returned sink closes the session's sinks at its end.
     */
    SampleSink open(SampleSource source, PostureListener frames, AlertListener alerts);

    /** The current (or last) session, for what the window reads of it (its breathing); null when none. */
    default io.midback.app.SessionBuilder session() {
        return null;
    }

    /** Applies alert settings from now on (any thread). */
    void apply(AlertSettings settings);

    /** Snoozes the engine's alerts, or resumes them with null (any thread). */
    default void snooze(Snooze snooze) {
    }

    /** The calibration the wizard drives. */
    Calibration calibration();

    /** The guided calibration, driven by the wizard on the event thread; samples are judged on the session thread. */
    interface Calibration {
        enum Step { HOLD_UPRIGHT, LEAN_FORWARD }

        /** Starts collecting for a step; earlier data of that step is discarded. */
        void begin(Step step);

        /** How the current step goes so far (cheap; the wizard polls it 10 times a second). */
        Progress progress();

        /** Judges the current step (the hold: was the wearer still?) without leaving it. */
        Result endStep();

        /** Ends the guided steps; on success the new neutral pose is in use from the next sample. */
        Result finish();

        /** Abandons the steps; the previous calibration stays. */
        void cancel();
    }

    /**
     * @param samples      samples collected in the current step
     * @param still        the wearer has been still enough so far (hold step)
     * @param motionDegPerS recent angular speed, degrees/s
     * @param leanDeg      forward lean reached so far (lean step), degrees
     */
    record Progress(int samples, boolean still, double motionDegPerS, double leanDeg) {
    }

    /**
     * @param ok             true when calibrated; otherwise {@code message} says what to do differently
     * @param samplesStopped not calibrated because the samples stopped (the stream ended or went quiet), not
     *                       because of the wearer: trying again needs a source that streams
     */
    record Result(boolean ok, String message, boolean samplesStopped) {
        Result(boolean ok, String message) {
            this(ok, message, false);
        }
    }
}
