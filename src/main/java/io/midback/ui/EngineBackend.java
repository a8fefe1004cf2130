package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.PostureEngine;
import io.midback.alert.Snooze;
import io.midback.app.PostureSession;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureTracker;
import io.midback.posture.SlumpPreset;
import io.midback.sensor.SampleSink;

import java.time.Clock;
import java.util.Locale;

/**
 * The window's posture stage over the real engine: each connection is a {@link PostureSession} (filter → posture
 * engine → alerts) built with the window's alert settings; the last calibration carries over to the next session.
 * The wizard's hold step asks the engine to recalibrate (it captures the neutral from the next still seconds);
 * the lean step asks it to capture a forward lean, whose axis becomes the sensor's mounting when the step ends.
 * Alert settings apply to the running session at once.
 */
public final class EngineBackend implements PostureBackend, PostureBackend.Calibration {
    private final Clock clock;
    private volatile AlertSettings settings = AlertSettings.defaults();
    private volatile PostureSession current;
    private volatile io.midback.posture.Calibration stored;
    private volatile int calibrations;
    private volatile Step step;
    private volatile int calibrationsAtBegin;
    private volatile double leanMaxDeg;
    private volatile int calibrationsAtLean;

    private final HistoryAccess history;
    private volatile Runnable onHistoryWritten = () -> { };

    public EngineBackend(Clock clock) {
        this(clock, null);
    }

    /** @param history where sessions opened with a {@link HistoryTarget} are saved (null: nowhere) */
    public EngineBackend(Clock clock, HistoryAccess history) {
        this.clock = clock;
        this.history = history;
    }

    /** Called (on the session thread) after a minute or a session end was written to the history. */
    public void onHistoryWritten(Runnable r) {
        onHistoryWritten = r == null ? () -> { } : r;
    }

    @Override
    public SampleSink open(PostureListener frames, AlertListener alerts, HistoryTarget target) {
        HistoryStore store = target == null || history == null ? null : history.store();
        if (store == null) {
            return open(frames, alerts);
        }
        HistoryRecorder rec;
        try {
            rec = store.beginSession(new SessionInfo(target.start() != null ? target.start() : clock.instant(),
                    clock.getZone(), target.device(), target.source()));
        } catch (RuntimeException e) {
            return open(frames, alerts);
        }
        rec.setCommitListener(m -> onHistoryWritten.run());
        SampleSink in = open(frames, alerts, rec);
        return new SampleSink() {
            @Override
            public void accept(io.midback.sensor.SampleBatch b) {
                in.accept(b);
            }

            @Override
            public void gap(double fromS, double toS, String reason) {
                in.gap(fromS, toS, reason);
            }

            @Override
            public void end() {
                try {
                    in.end();
                } finally {
                    rec.close();
                    onHistoryWritten.run();
                }
            }
        };
    }

    static PostureSettings toEngine(AlertSettings s) {
        SlumpPreset preset = switch (s.preset()) {
            case "gentle" -> SlumpPreset.GENTLE;
            case "strict" -> SlumpPreset.STRICT;
            default -> SlumpPreset.STANDARD;
        };
        PostureSettings p = PostureSettings.preset(preset).withSlumpThreshold(s.thresholdDeg())
                .withSlumpDwell(s.delayS());
        return p.withBreakReminderMinutes(s.breakIntervalMin());
    }

    @Override
    public SampleSink open(PostureListener frames, AlertListener alerts) {
        return open(frames, alerts, (HistoryRecorder) null);
    }

    private SampleSink open(PostureListener frames, AlertListener alerts, HistoryRecorder rec) {
        PostureSession s = new PostureSession(new PostureSession.Config(OrientationFilters.DEFAULT, 100,
                toEngine(settings), false, clock.instant(), clock.getZone(), stored));
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
        if (rec != null) {
            s.addPostureListener(rec).addAlertListener(rec).addStreamListener(
                    new io.midback.app.Pipeline.StreamListener() {
                        @Override
                        public void gap(double fromS, double toS, String reason) {
                            rec.onGap(fromS, toS, reason);
                        }
                    });
        }
        current = s;
        return s.start();
    }

    /** Takes effect at once in the running session (from its next sample) and in later ones. */
    @Override
    public void apply(AlertSettings s) {
        settings = s;
        PostureSession session = current;
        if (session != null) {
            session.engine().updateSettings(toEngine(s));
        }
    }

    @Override
    public void snooze(String what) {
        PostureSession s = current;
        if (s == null) {
            return;
        }
        PostureEngine e = s.engine();
        switch (what) {
            case "30" -> e.snooze(Snooze.MINUTES_30);
            case "60" -> e.snooze(Snooze.HOUR_1);
            case "tomorrow" -> e.snooze(Snooze.UNTIL_TOMORROW);
            default -> e.cancelSnooze();
        }
    }

    @Override
    public Calibration calibration() {
        return this;
    }

    @Override
    public void begin(Step s) {
        PostureSession session = current;
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
        PostureSession s = current;
        if (s == null) {
            return new Progress(0, true, 0, 0);
        }
        PostureTracker t = s.engine().tracker(); // diagnostics read across threads: momentary values
        double motion = Math.toDegrees(t.gyroStdRadPerS());
        boolean still = step != Step.HOLD_UPRIGHT || t.gyroStdRadPerS() < PostureTracker.CAPTURE_GYRO_WARN_RAD_PER_S;
        double lean = step == Step.LEAN_FORWARD ? Math.max(leanMaxDeg, t.forwardLeanDeg()) : leanMaxDeg;
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
        io.midback.posture.Calibration c = stored;
        if (calibrations == calibrationsAtBegin || c == null) {
            return new Result(false, "You moved during the hold. Sit upright and still, then try again.");
        }
        if (c.gyroStdRadPerS() > PostureTracker.CAPTURE_GYRO_WARN_RAD_PER_S
                || c.accelStdMps2() > PostureTracker.CAPTURE_ACCEL_WARN_MPS2) {
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
        PostureSession session = current;
        if (session == null) {
            return new Result(false, "Not connected: connect the sensor first.");
        }
        double reached = Math.max(leanMaxDeg, session.engine().tracker().forwardLeanDeg());
        session.engine().endForwardLean();
        long deadline = System.nanoTime() + 250_000_000L;
        while (calibrations == calibrationsAtLean && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        io.midback.posture.Calibration c = stored;
        if (calibrations != calibrationsAtLean && c != null && !Double.isNaN(c.leanDeg())) {
            reached = c.leanDeg();
        }
        if (reached < PostureTracker.MIN_LEAN_DEG) {
            return new Result(false, String.format(Locale.ROOT,
                    "Lean forward slowly by at least %.0f° (reached %.0f°), then try again.",
                    PostureTracker.MIN_LEAN_DEG, reached));
        }
        if (c != null && "forward-lean".equals(c.mountingSource())) {
            return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean "
                    + "%.0f° sets the sensor's mounting.", reached));
        }
        return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean %.0f° "
                + "(the mounting applies with the next samples).", reached));
    }

    @Override
    public void cancel() {
        step = null;
    }
}
