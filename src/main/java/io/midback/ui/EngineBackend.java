package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.PostureEngine;
import io.midback.alert.Snooze;
import io.midback.app.PostureSession;
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
 * the lean step checks that the wearer leans forward against that neutral.
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

    public EngineBackend(Clock clock) {
        this.clock = clock;
    }

    static PostureSettings toEngine(AlertSettings s) {
        SlumpPreset preset = switch (s.preset()) {
            case "gentle" -> SlumpPreset.GENTLE;
            case "strict" -> SlumpPreset.STRICT;
            default -> SlumpPreset.STANDARD;
        };
        PostureSettings p = PostureSettings.preset(preset).withSlumpThreshold(s.thresholdDeg())
                .withSlumpDwell(s.delayS());
        if (s.breakIntervalMin() > 0) {
            p = p.withBreakAfter(s.breakIntervalMin() * 60);
        } else {
            p = p.withBreakAfter(365 * 24 * 3600.0); // "never" within any session
        }
        return p;
    }

    @Override
    public SampleSink open(PostureListener frames, AlertListener alerts) {
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
        current = s;
        return s.start();
    }

    /** Takes effect from the next connection (the engine's settings are fixed for a session). */
    @Override
    public void apply(AlertSettings s) {
        settings = s;
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
        return new Progress(calibrations - calibrationsAtBegin, still, motion, leanMaxDeg);
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

    @Override
    public Result finish() {
        Step s = step;
        step = null;
        if (s != Step.LEAN_FORWARD) {
            return new Result(false, "The steps were not completed.");
        }
        if (leanMaxDeg < PostureTracker.MIN_LEAN_DEG) {
            return new Result(false, String.format(Locale.ROOT,
                    "Lean forward slowly by at least %.0f° (reached %.0f°), then try again.",
                    PostureTracker.MIN_LEAN_DEG, leanMaxDeg));
        }
        return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean %.0f°.",
                leanMaxDeg));
    }

    @Override
    public void cancel() {
        step = null;
    }
}
