package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.Snooze;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.app.UserSettings;
import io.midback.history.HistoryStore;
import io.midback.live.LiveRecording;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureDiagnostics;
import io.midback.posture.PostureTuning;
import io.midback.sensor.SampleSink;

import java.time.Clock;
import java.util.Locale;

/**
 * The window's posture stage over the real engine: each connection is a session the source describes
 * ({@link SampleSource#spec}: a recording's own rate, magnetometer, start and calibration) with the window's
 * alert settings (the settings file's), built by {@link SessionBuilder} as {@code replay} and {@code live} build
 * theirs. The last calibration carries over to the next live or simulated session (a recording brings its own).
 * The wizard's hold step asks the engine to recalibrate (it captures the neutral from the next still seconds);
 * the lean step asks it to capture a forward lean, whose axis becomes the sensor's mounting when the step ends.
 * Alert settings apply to the running session at once.
 */
public final class EngineBackend implements PostureBackend, PostureBackend.Calibration {
    private static final PostureTuning TUNING = PostureTuning.DEFAULTS;
    private final Clock clock;
    private volatile AlertSettings settings = AlertSettings.defaults();
    private volatile PostureSettings override;
    private volatile SessionBuilder current;
    private volatile io.midback.posture.Calibration stored;
    private volatile int calibrations;
    private volatile Step step;
    private volatile int calibrationsAtBegin;
    private volatile double leanMaxDeg;
    private volatile int calibrationsAtLean;
    /** The session whose stream has ended (its sinks closed). */
    private volatile SessionBuilder ended;
    /**
     * The session's sample count when the wizard last looked ({@link #noteSamples}), and when it last grew: read
     * where the wizard asks, so nothing is added to the per-sample path.
     */
    private long seenSamples = -1, seenGrowNanos;

    private final HistoryAccess history;
    private volatile Runnable onHistoryWritten = () -> { };
    private volatile java.util.function.Consumer<String> notice = m -> { };

    public EngineBackend(Clock clock) {
        this(clock, null);
    }

    /** @param history where sessions of sources that are saved are saved (null: nowhere) */
    public EngineBackend(Clock clock, HistoryAccess history) {
        this.clock = clock;
        this.history = history;
    }

    /** Called (on the session thread) after a minute or a session end was written to the history. */
    public void onHistoryWritten(Runnable r) {
        onHistoryWritten = r == null ? () -> { } : r;
    }

    /** Told (on the session thread) what happened to a session's saving: already saved, or not saved and why. */
    public void onNotice(java.util.function.Consumer<String> n) {
        notice = n == null ? m -> { } : n;
    }

    /**
     * Posture settings for this run in place of the alert settings' (the command line's posture options), or
     * null for the alert settings'.
     */
    public void overridePosture(PostureSettings p) {
        override = p;
    }

    /** The posture settings a session gets now. */
    private PostureSettings posture() {
        PostureSettings p = override;
        return p != null ? p : toEngine(settings);
    }

    static PostureSettings toEngine(AlertSettings s) {
        return UserSettings.posture(s.preset(), s.thresholdDeg(), s.delayS(), s.breakIntervalMin());
    }

    @Override
    public SampleSink open(SampleSource source, PostureListener frames, AlertListener alerts) {
        SessionSpec spec = source.spec(posture(), clock);
        io.midback.posture.Calibration last = stored;
        if (spec.calibration() == null && spec.kind() != SessionSpec.Kind.RECORDING
                && spec.kind() != SessionSpec.Kind.CAPTURE && last != null) {
            spec = spec.withCalibration(last);
        }
        SessionBuilder s = new SessionBuilder(spec);
        s.addPostureListener(new PostureListener() {
            @Override
            public void onPosture(PostureFrame f) {
                if (step == Step.LEAN_FORWARD && f.calibrated && f.flexionDeg > leanMaxDeg) {
                    leanMaxDeg = f.flexionDeg;
                }
                frames.onPosture(f);
            }
        });
        s.addAlertListener(new AlertListener() {
            @Override
            public void onAlert(Alert a) {
                alerts.onAlert(a);
            }

            @Override
            public void onCalibration(io.midback.posture.Calibration c) {
                stored = c;
                calibrations++;
            }
        });
        s.vibrateOnSlump(() -> settings.vibration(), source::vibrate);
        if (spec.recording() != null) {
            record(source, s);
        }
        HistoryStore store = source.savesHistory() && history != null ? history.store() : null;
        if (store != null) {
            try {
                io.midback.history.HistoryRecorder recorder;
                if (source instanceof PacedReplay replay) { // a recording already saved is not saved twice
                    SessionBuilder.Saving saving = s.saveHistoryOnce(store, replay.file(), false);
                    recorder = saving.recorder();
                    if (saving.savedBefore() != null) {
                        notice.accept(replay.file().getFileName() + " is in the history already (session "
                                + saving.savedBefore().describe().replaceAll(" +", " ") + "): not saved again.");
                    }
                } else {
                    recorder = s.saveHistory(store);
                }
                if (recorder != null) {
                    recorder.setCommitListener(m -> onHistoryWritten.run());
                    s.closing(() -> onHistoryWritten.run());
                }
            } catch (RuntimeException | java.io.IOException e) {
                notice.accept("This session is not saved in the history: " + e.getMessage());
            }
        }
        s.closing(() -> ended = s);
        current = s;
        return s.start();
    }

    /**
     * Opens the session's recording ("Record to") for the source to feed, and says where it records and, when the
     * stream ends, that it stopped. A file that cannot be written refuses the session: one line naming it and why.
     */
    private static final java.time.format.DateTimeFormatter STOPPED_AT =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private void record(SampleSource source, SessionBuilder s) {
        LiveRecording r;
        try {
            r = source.record(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage() + ". Choose another file in \"Record to\" on the "
                    + "Connect tab, or clear it, then try again.", e);
        }
        if (r == null) {
            return;
        }
        String files = r.samples() + (r.lowerSamples() == null ? "" : " and " + r.lowerSamples().getFileName());
        notice.accept("Recording to " + files);
        s.closing(() -> { // after the recording's own closing, which the builder added first
            String failure = r.failure();
            notice.accept(!r.begun() ? "Nothing recorded: no samples came (" + r.samples() + " not written)"
                    : "Recording stopped at " + STOPPED_AT.format(java.time.LocalTime.now(clock)) + ": " + files
                    + (failure == null ? "" : "; warning: " + failure));
        });
    }

    /** The builder of the current (or last) session: its summary and engine. Null before the first. */
    @Override
    public SessionBuilder session() {
        return current;
    }

    /** Takes effect at once in the running session (from its next sample) and in later ones. */
    @Override
    public void apply(AlertSettings s) {
        settings = s;
        SessionBuilder session = current;
        if (session != null) {
            session.engine().updateSettings(posture());
        }
    }

    @Override
    public void snooze(Snooze snooze) {
        SessionBuilder s = current;
        if (s == null) {
            return;
        }
        if (snooze == null) {
            s.engine().cancelSnooze();
        } else {
            s.engine().snooze(snooze);
        }
    }

    @Override
    public Calibration calibration() {
        return this;
    }

    @Override
    public void begin(Step s) {
        SessionBuilder session = current;
        noteSamples(session);
        if (s == Step.HOLD_UPRIGHT && session != null) {
            calibrationsAtBegin = calibrations;
            session.engine().recalibrate();
        }
        leanMaxDeg = 0;
        if (s == Step.LEAN_FORWARD && session != null) {
            calibrationsAtLean = calibrations;
            session.engine().captureForwardLean(); // the lean's axis becomes the mounting when the step ends
        }
        step = s;
    }

    @Override
    public Progress progress() {
        SessionBuilder s = current;
        if (s == null) {
            return new Progress(0, true, 0, 0);
        }
        noteSamples(s);
        PostureDiagnostics d = s.engine().diagnostics(); // read across threads: momentary values
        double motion = Math.toDegrees(d.gyroStdRadPerS());
        boolean still = step != Step.HOLD_UPRIGHT || d.gyroStdRadPerS() < TUNING.captureGyroWarnRadPerS();
        double lean = step == Step.LEAN_FORWARD ? Math.max(leanMaxDeg, d.forwardLeanDeg()) : leanMaxDeg;
        return new Progress(calibrations - calibrationsAtBegin, still, motion, lean);
    }

    @Override
    public Result endStep() {
        if (step != Step.HOLD_UPRIGHT) {
            return new Result(true, "");
        }
        if (current == null) {
            return new Result(false, "Not connected: connect the sensor first.");
        }
        if (calibrations == calibrationsAtBegin && samplesStopped(current)) {
            return SAMPLES_STOPPED;
        }
        io.midback.posture.Calibration c = stored;
        if (calibrations == calibrationsAtBegin || c == null) {
            return new Result(false, "You moved during the hold. Sit upright and still, then try again.");
        }
        if (c.gyroStdRadPerS() > TUNING.captureGyroWarnRadPerS()
                || c.accelStdMps2() > TUNING.captureAccelWarnMps2()) {
            return new Result(false, "You moved during the hold. Sit upright and still, then try again.");
        }
        return new Result(true, "Upright pose recorded.");
    }

    /**
     * Ends the lean: the engine rebuilds the mounting from the lean's axis at the next sample; this waits for
     * that calibration (a sample or two, at most 250 ms) and judges it.
     */
    @Override
    public Result finish() {
        Step s = step;
        step = null;
        if (s != Step.LEAN_FORWARD) {
            return new Result(false, "The steps were not completed.");
        }
        SessionBuilder session = current;
        if (session == null) {
            return new Result(false, "Not connected: connect the sensor first.");
        }
        if (samplesStopped(session)) {
            return SAMPLES_STOPPED;
        }
        double reached = Math.max(leanMaxDeg, session.engine().diagnostics().forwardLeanDeg());
        session.engine().endForwardLean();
        long deadline = System.nanoTime() + 250_000_000L;
        while (calibrations == calibrationsAtLean && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        io.midback.posture.Calibration c = stored;
        if (calibrations != calibrationsAtLean && c != null && !Double.isNaN(c.leanDeg())) {
            reached = c.leanDeg();
        }
        if (reached < TUNING.minLeanDeg()) {
            return new Result(false, String.format(Locale.ROOT,
                    "Lean forward slowly by at least %.0f° (reached %.0f°), then try again.",
                    TUNING.minLeanDeg(), reached));
        }
        if (c != null && "forward-lean".equals(c.mountingSource())) {
            return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean "
                    + "%.0f° sets the sensor's mounting.", reached));
        }
        return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean %.0f° "
                + "(the mounting applies with the next samples).", reached));
    }

    private static final Result SAMPLES_STOPPED = new Result(false, "The samples stopped during calibration (the "
            + "recording ended or the sensor stopped sending): nothing to calibrate from. Connect again on the "
            + "Connect tab, then calibrate.", true);

    /** Whether {@code s}'s samples stopped: its stream ended, or none came for as long as the window says so. */
    private boolean samplesStopped(SessionBuilder s) {
        noteSamples(s);
        return ended == s || (System.nanoTime() - seenGrowNanos) / 1e9 >= MidbackWindow.NO_DATA_SHOWN_AFTER_S;
    }

    /** Notes {@code s}'s sample count now, and when it last grew (the wizard's thread). */
    private synchronized void noteSamples(SessionBuilder s) {
        long n = s == null ? 0 : s.samples();
        if (n != seenSamples) {
            seenSamples = n;
            seenGrowNanos = System.nanoTime();
        }
    }

    @Override
    public void cancel() {
        step = null;
    }
}
