package io.midback.posture;

import io.midback.sensor.Gap;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The posture stage for one session, composed of one class per concern: {@link Stillness}, {@link Calibrator}
 * (neutral capture and mounting), {@link TrunkAngles} (angles and the heading reference), {@link ActivityDetector}
 * (walking, transitions, micro-motion) and {@link StateClassifier} (the smoothed state and the sitting label).
 * Per sample it computes the sensor's up axis once and hands each part what it needs. Allocation-free per
 * sample (a calibration, which is rare, allocates its record).
 */
public final class PostureTracker {
    private final Stillness stillness;
    private final Calibrator calibrator;
    private final TrunkAngles angles;
    private final ActivityDetector activity;
    private final StateClassifier classifier;
    private double prevT = Double.NaN;
    private double dtS;

    public PostureTracker(PostureSettings settings) {
        PostureTuning tuning = settings.tuning();
        stillness = new Stillness(tuning);
        calibrator = new Calibrator(settings);
        angles = new TrunkAngles(tuning);
        activity = new ActivityDetector(tuning);
        classifier = new StateClassifier(settings);
    }

    /**
     * New settings from now on (the thresholds, dwell and hysteresis of the states; the calibration windows of a
     * capture already under way and the tuning are kept). Call on the thread that calls {@link #update}.
     */
    public void updateSettings(PostureSettings s) {
        Objects.requireNonNull(s, "settings");
        calibrator.updateSettings(s);
        classifier.updateSettings(s);
    }

    /** Told about every new calibration (captured, re-captured, or with a new mounting). */
    public void setCalibrationListener(Consumer<Calibration> listener) {
        calibrator.setListener(listener);
    }

    /** With a magnetometer the heading is absolute: no re-zeroing, and frames say so. */
    public void setRotationAbsolute(boolean absolute) {
        angles.setRotationAbsolute(absolute);
    }

    /** Captures a new neutral from the next {@code neutralWindowS} of samples (any thread). */
    public void requestRecalibration() {
        calibrator.requestRecalibration();
    }

    /**
     * Starts a forward-lean window at the next sample (any thread): the wearer leans forward slowly from the
     * calibrated upright; {@link #endForwardLean()} closes it, and the mounting is then rebuilt from the lean's
     * axis (a new calibration goes to the listener, mounting source "forward-lean", or the default mounting with a
     * warning when the lean was under {@code minLeanDeg}). The guided calibration's lean step.
     */
    public void requestForwardLean() {
        calibrator.requestForwardLean();
    }

    /** Closes a forward-lean window started by {@link #requestForwardLean()} at the next sample (any thread). */
    public void endForwardLean() {
        calibrator.endForwardLean();
    }

    /** Uses a stored calibration from now on (for example the one a recording carries). */
    public void useCalibration(Calibration c) {
        calibrator.use(c);
        angles.resetHeading();
    }

    public Calibration calibration() {
        return calibrator.calibration();
    }

    /**
     * One sample: time (s from the session's first sample), the filter's quaternion (sensor → ENU), gyroscope
     * (rad/s) and accelerometer (m/s²). Fills {@code out}.
     */
    public void update(double tS, double qw, double qx, double qy, double qz,
                       double gxRadPerS, double gyRadPerS, double gzRadPerS,
                       double axMps2, double ayMps2, double azMps2, PostureFrame out) {
        double dt = Double.isNaN(prevT) ? 0 : tS - prevT;
        if (dt < 0 || Gap.isGap(dt)) {
            dt = 0;
        }
        prevT = tS;
        dtS = dt;
        stillness.update(tS, dt, gxRadPerS, gyRadPerS, gzRadPerS, axMps2, ayMps2, azMps2);
        if (calibrator.update(tS, stillness.isStill(), qw, qx, qy, qz, gxRadPerS, gyRadPerS, gzRadPerS,
                axMps2, ayMps2, azMps2)) {
            angles.resetHeading();
        }
        out.tS = tS;
        out.qw = qw;
        out.qx = qx;
        out.qy = qy;
        out.qz = qz;
        out.calibrated = calibrator.isCalibrated();
        if (!out.calibrated) {
            out.flexionDeg = out.lateralBendDeg = out.axialRotationDeg = 0;
            out.state = PostureState.UNKNOWN;
            return;
        }
        angles.update(dt, qw, qx, qy, qz, calibrator.mount(), calibrator.neutralBody(), stillness.stillForS(), out);
        double cosInclination = angles.cosInclination();
        // Up (gravity opposite) in sensor coordinates: the third row of R(q).
        double upX = 2 * (qx * qz - qw * qy), upY = 2 * (qy * qz + qw * qx), upZ = 1 - 2 * (qx * qx + qy * qy);
        int transition = activity.update(tS, dt, upX, upY, upZ, axMps2, ayMps2, azMps2, cosInclination);
        PostureState before = classifier.state();
        out.state = classifier.classify(tS, dt, out.slumpFlexionDeg(), out.lateralBendDeg, cosInclination, transition,
                activity.isWalking(cosInclination), activity.noMicroMotion(tS));
        if (out.state.isSedentary() && !before.isSedentary() && before != PostureState.UNKNOWN) {
            angles.rezeroHeading(); // settled after walking or lying: from the next sample
        }
        SittingLabel label = classifier.label();
        out.sittingProbability = label.sittingProbability();
        out.sittingEvidence = label.evidence();
    }

    /** Samples are missing: forget short-term activity (velocity, step rhythm) and the micro-motion anchor. */
    public void gap(double fromS, double toS) {
        activity.gap();
        stillness.gap();
        calibrator.gap();
        prevT = Double.NaN;
    }

    /**
     * ISB decomposition of a rotation relative to the neutral (w, x, y, z) into the frame's three angles
     * (flexion, lateral bend, axial rotation); used by every stage that reports thoracic angles.
     */
    public static void decompose(double w, double x, double y, double z, PostureFrame out) {
        TrunkAngles.decompose(w, x, y, z, out);
    }

    /**
     * Seconds from the previous sample to the last one: 0 for the first, after a gap, for a step back or one long
     * enough to be a gap ({@link Gap}).
     */
    public double dtS() {
        return dtS;
    }

    /** Ordinary movement (more than breathing) shows in the gyroscope (staleness). */
    public boolean isMoving() {
        return stillness.isMoving();
    }

    /** The internal figures now, as one value (allocates: not for the per-sample path). */
    public PostureDiagnostics diagnostics() {
        SittingLabel label = classifier.label();
        return new PostureDiagnostics(stillness.isStill(), stillness.stillForS(), stillness.gyroStdRadPerS(),
                stillness.accelStdMps2(), calibrator.forwardLeanDeg(),
                Math.toDegrees(Math.acos(angles.cosInclination())), angles.headingDeg(),
                angles.headingReferenceDeg(), angles.headingDriftDegPerS(), activity.verticalVelocityMps(),
                activity.dynamicAccelStdMps2(), activity.stepRatePerS(), label.sittingProbability(),
                label.evidence(), label.evidenceAtS());
    }
}
