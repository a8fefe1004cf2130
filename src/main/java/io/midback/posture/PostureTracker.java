package io.midback.posture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The posture stage for one session: calibration (neutral pose and mounting), thoracic angles relative to the
 * neutral, and the smoothed posture/activity state. Pure and allocation-free per sample (a calibration, which
 * is rare, allocates its record).
 *
 * <h2>Angles</h2>
 * The trunk (body) orientation is {@code q_b = q ⊗ m} (filter quaternion, sensor → ENU, times the mounting,
 * body → sensor). Relative to the neutral {@code q_b0} and a heading reference {@code ψ_ref} about the
 * vertical: {@code r = q_b0* ⊗ Rz(−ψ_ref) ⊗ q_b}, decomposed in the ISB order as intrinsic rotations about
 * the body's x (medio-lateral), then y' (anterior), then z'' (the trunk's long axis):
 * {@code r = Rx(−flexion) · Ry(lateralBend) · Rz(−axialRotation)}, flexion forward +, lateral bend right +,
 * axial rotation right +. No jumps while the lateral bend stays within ±90°.
 *
 * <p>Without a magnetometer the heading drifts. The heading change of the trunk since neutral ({@code ψ},
 * the twist of {@code q_b ⊗ q_b0*} about the vertical) is followed by {@code ψ_ref}: while the wearer is still
 * for {@value #REZERO_AFTER_S} s the reference re-zeroes to the current heading (time constant
 * {@value #REZERO_TAU_S} s) and the drift rate seen while still is extrapolated while moving; a slow follow
 * ({@value #FOLLOW_TAU_S} s) absorbs turning the chair. Axial rotation is therefore relative to the recent
 * heading, not absolute ({@link PostureFrame#rotationAbsolute} false).
 */
public final class PostureTracker {
    // Stillness
    static final double STILL_TAU_S = 1.0;
    /** Still: gyroscope std (summed over axes) below this, rad/s. */
    public static final double STILL_GYRO_RAD_PER_S = 0.05;
    /** Still: accelerometer std below this, m/s². */
    public static final double STILL_ACCEL_MPS2 = 0.3;
    /** Moving (for staleness): gyroscope std above this, rad/s. */
    public static final double MOVING_GYRO_RAD_PER_S = 0.05;
    /** Neutral capture warns above these. */
    public static final double CAPTURE_GYRO_WARN_RAD_PER_S = 0.1, CAPTURE_ACCEL_WARN_MPS2 = 0.5;
    /** Default mounting: the sensor's face more than this from vertical at neutral gets a warning. */
    public static final double BACK_ELEVATION_WARN_DEG = 45;
    /** Forward lean: smaller than this is not a lean; its axis more than this from horizontal warns. */
    public static final double MIN_LEAN_DEG = 8, LEAN_AXIS_WARN_DEG = 30;
    // Heading
    static final double REZERO_AFTER_S = 5, REZERO_TAU_S = 2, DRIFT_TAU_S = 20, FOLLOW_TAU_S = 300;
    // States
    /** Reclined: flexion at or below −this (leaning back), with 2° hysteresis. */
    public static final double RECLINE_DEG = 10;
    /** Leaning sideways: |lateral bend| at or above this, with 2° hysteresis. */
    public static final double SIDE_LEAN_DEG = 10;
    static final double STATE_HYSTERESIS_DEG = 2;
    /** Lying: trunk inclination from vertical above this. */
    public static final double LYING_INCLINATION_DEG = 60;
    /** Not worn: trunk upside down (inclination above this), or no micro-motion (breathing) for long. */
    public static final double UPSIDE_DOWN_DEG = 135;
    public static final double NOT_WORN_STILL_S = 60, NOT_WORN_MOTION_DEG = 0.2;
    /** Walking: dynamic acceleration (std of |a|) above this and steps at a walking rate. */
    public static final double WALK_ACCEL_STD_MPS2 = 0.8, WALK_MIN_STEPS_PER_S = 0.8, WALK_MAX_STEPS_PER_S = 3.5;
    static final double WALK_SCHMITT_MPS2 = 0.4, WALK_TAU_S = 2.0, WALK_MAX_INCLINATION_DEG = 45;
    /**
     * Standing up / sitting down: vertical trunk velocity (leaky integral of the vertical acceleration) beyond
     * ± this, within {@value #RISE_LEAN_WINDOW_S} s of a forward lean of at least {@value #RISE_LEAN_DEG}° (one
     * leans forward to stand up or sit down); the first such excursion decides, its rebound is ignored for
     * {@value #RISE_REFRACTORY_S} s.
     */
    public static final double RISE_VELOCITY_MPS = 0.15, RISE_LEAN_DEG = 15;
    static final double RISE_LEAN_WINDOW_S = 2.5, RISE_REFRACTORY_S = 2.5;
    static final double VELOCITY_LEAK_TAU_S = 1.0, GRAVITY_TAU_S = 5.0;
    /** A state must persist this long before it is reported (walking and lying longer). */
    public static final double STATE_HOLD_S = 1.0, WALK_HOLD_S = 2.0, LYING_HOLD_S = 2.0;
    static final double MAX_DT_S = 0.5;

    private PostureSettings settings;
    private Consumer<Calibration> calibrationListener = c -> { };
    private boolean rotationAbsolute;

    // Calibration state
    private final Quat mount = new Quat();
    private final Quat neutralSensor = new Quat();
    private final Quat neutralBody = new Quat();
    private boolean calibrated;
    private Calibration calibration;
    private double captureFromS;
    private String captureSource;
    private boolean captureFirstStill;
    private volatile boolean recalibrationRequested;
    private double capStartS = Double.NaN;
    private int capN;
    private double capW, capX, capY, capZ;
    private double capGx, capGy, capGz, capGxx, capGyy, capGzz;
    private double capAx, capAy, capAz, capAxx, capAyy, capAzz;
    // Forward lean
    private final Quat leanStart = new Quat();
    private boolean leanStarted, leanDone;
    /** Start and length of the forward-lean window: from the settings, or requested at run time. */
    private double leanFromS, leanWindowS;
    private volatile boolean leanStartRequested, leanEndRequested;
    private double leanMaxRad, leanAxX, leanAxY, leanAxZ;

    // Stillness
    private final Ema gx = new Ema(STILL_TAU_S), gy = new Ema(STILL_TAU_S), gz = new Ema(STILL_TAU_S);
    private final Ema ax = new Ema(STILL_TAU_S), ay = new Ema(STILL_TAU_S), az = new Ema(STILL_TAU_S);
    private double gyroStd, accelStd;
    private boolean still;
    private double stillSinceS = Double.NaN;

    // Heading
    private boolean headingPrimed;
    private double psiPrev, psiCont, psiRef, driftRadPerS;

    // Activity
    private final Ema gravity = new Ema(GRAVITY_TAU_S);
    private final Ema accNorm = new Ema(WALK_TAU_S);
    private final Ema dynEnergy = new Ema(WALK_TAU_S);
    private final Ema velocityLeak = new Ema(VELOCITY_LEAK_TAU_S), rezero = new Ema(REZERO_TAU_S);
    private double verticalVelocityMps;
    private boolean schmittHigh;
    private double stepRatePerS;
    private double upAnchorX, upAnchorY, upAnchorZ = Double.NaN, upAnchorSinceS;
    private boolean sitting = true;
    private double leanSeenS = Double.NEGATIVE_INFINITY, lastTransitionS = Double.NEGATIVE_INFINITY;
    private boolean slouchPending;
    private double slouchSinceS;
    /** Cosine of the trunk's inclination from vertical (compared against cosines: no acos per sample). */
    private double cosInclination = 1;
    private static final double COS_LYING = Math.cos(Math.toRadians(LYING_INCLINATION_DEG)),
            COS_UPSIDE_DOWN = Math.cos(Math.toRadians(UPSIDE_DOWN_DEG)),
            COS_WALK_MAX = Math.cos(Math.toRadians(WALK_MAX_INCLINATION_DEG)),
            COS_RISE_LEAN = Math.cos(Math.toRadians(RISE_LEAN_DEG)),
            COS_NOT_WORN_MOTION = Math.cos(Math.toRadians(NOT_WORN_MOTION_DEG));

    // States
    private boolean slouchedIn, reclinedIn, sidewaysIn;
    private PostureState current = PostureState.UNKNOWN;
    private PostureState candidate = PostureState.UNKNOWN;
    private double candidateSinceS;

    private double prevT = Double.NaN;
    private final Quat tmp = new Quat(), qb = new Quat(), r = new Quat();

    public PostureTracker(PostureSettings settings) {
        this.settings = settings;
        if (Double.isNaN(settings.calibrateAtS())) {
            captureFromS = 0;
            captureFirstStill = true;
            captureSource = "first-still";
        } else {
            captureFromS = settings.calibrateAtS();
            captureSource = "calibrate-at";
        }
        leanFromS = settings.forwardAtS();
        leanWindowS = settings.forwardWindowS();
        mount.set(0, 0, 0, 0);
        Mounting.fromUpAndForward(0, 1, 0, Mounting.DEFAULT_FORWARD_X, Mounting.DEFAULT_FORWARD_Y,
                Mounting.DEFAULT_FORWARD_Z, mount);
    }

    /**
     * New settings from now on (the thresholds, dwell and hysteresis of the states; the calibration windows of a
     * capture already under way are kept). Call on the thread that calls {@link #update}; from another thread use
     * {@code PostureEngine.updateSettings}.
     */
    public void updateSettings(PostureSettings s) {
        this.settings = java.util.Objects.requireNonNull(s, "settings");
    }

    /** Told about every new calibration (captured, re-captured, or with a new mounting). */
    public void setCalibrationListener(Consumer<Calibration> listener) {
        this.calibrationListener = listener == null ? c -> { } : listener;
    }

    /** With a magnetometer the heading is absolute: no re-zeroing, and frames say so. */
    public void setRotationAbsolute(boolean absolute) {
        this.rotationAbsolute = absolute;
    }

    /** Captures a new neutral from the next {@code neutralWindowS} of samples (any thread). */
    public void requestRecalibration() {
        recalibrationRequested = true;
    }

    /**
     * Starts a forward-lean window at the next sample (any thread): the wearer leans forward slowly from the
     * calibrated upright; {@link #endForwardLean()} closes it, and the mounting is then rebuilt from the lean's
     * axis (a new calibration goes to the listener, mounting source "forward-lean", or the default mounting
     * with a warning when the lean was under {@value #MIN_LEAN_DEG}°). The guided calibration's lean step.
     */
    public void requestForwardLean() {
        leanStartRequested = true;
    }

    /** Closes a forward-lean window started by {@link #requestForwardLean()} at the next sample (any thread). */
    public void endForwardLean() {
        leanEndRequested = true;
    }

    /** The largest rotation from the lean window's start so far, degrees (diagnostics; momentary across threads). */
    public double forwardLeanDeg() {
        return Math.toDegrees(leanMaxRad);
    }

    /** Uses a stored calibration from now on (for example the one a recording carries). */
    public void useCalibration(Calibration c) {
        double[] n = c.neutral();
        double[] m = c.mounting();
        neutralSensor.set(n[0], n[1], n[2], n[3]);
        mount.set(m[0], m[1], m[2], m[3]);
        neutralBody.mul(neutralSensor, mount);
        calibration = c;
        calibrated = true;
        captureFromS = Double.POSITIVE_INFINITY;
        captureFirstStill = false;
        headingPrimed = false;
        calibrationListener.accept(c);
    }

    public Calibration calibration() {
        return calibration;
    }

    public boolean isCalibrated() {
        return calibrated;
    }

    /**
     * One sample: time (s from the session's first sample), the filter's quaternion (sensor → ENU), gyroscope
     * (rad/s) and accelerometer (m/s²). Fills {@code out}.
     */
    public void update(double tS, double qw, double qx, double qy, double qz,
                       double gxRadPerS, double gyRadPerS, double gzRadPerS,
                       double axMps2, double ayMps2, double azMps2, PostureFrame out) {
        double dt = Double.isNaN(prevT) ? 0 : tS - prevT;
        if (dt > MAX_DT_S || dt < 0) {
            dt = 0;
        }
        prevT = tS;
        updateStillness(tS, dt, gxRadPerS, gyRadPerS, gzRadPerS, axMps2, ayMps2, azMps2);
        if (recalibrationRequested) {
            recalibrationRequested = false;
            captureFromS = tS;
            captureFirstStill = false;
            captureSource = "requested";
            resetCapture();
        }
        if (leanStartRequested) {
            leanStartRequested = false;
            leanFromS = tS;
            leanWindowS = Double.POSITIVE_INFINITY;
            leanStarted = false;
            leanDone = false;
            leanMaxRad = 0;
        }
        if (leanEndRequested) {
            leanEndRequested = false;
            if (!leanDone && !Double.isNaN(leanFromS) && tS >= leanFromS) {
                leanWindowS = tS - leanFromS;
            }
        }
        updateForwardLean(tS, qw, qx, qy, qz);
        updateCapture(tS, qw, qx, qy, qz, gxRadPerS, gyRadPerS, gzRadPerS, axMps2, ayMps2, azMps2);

        out.tS = tS;
        out.qw = qw;
        out.qx = qx;
        out.qy = qy;
        out.qz = qz;
        out.rotationAbsolute = rotationAbsolute;
        out.calibrated = calibrated;
        if (!calibrated) {
            out.flexionDeg = out.lateralBendDeg = out.axialRotationDeg = 0;
            out.state = PostureState.UNKNOWN;
            return;
        }
        computeAngles(tS, dt, qw, qx, qy, qz, out);
        updateActivity(tS, dt, qw, qx, qy, qz, axMps2, ayMps2, azMps2);
        out.state = classify(tS, out.flexionDeg, out.lateralBendDeg);
    }

    /** Samples are missing: forget short-term activity (velocity, step rhythm) and the micro-motion anchor. */
    public void gap(double fromS, double toS) {
        verticalVelocityMps = 0;
        stepRatePerS = 0;
        upAnchorZ = Double.NaN;
        stillSinceS = Double.NaN;
        still = false;
        if (!Double.isNaN(capStartS) && captureFirstStill) {
            resetCapture();
        }
        prevT = Double.NaN;
    }

    // ---- stillness ----

    private void updateStillness(double tS, double dt, double gxv, double gyv, double gzv,
                                 double axv, double ayv, double azv) {
        gx.add(gxv, dt);
        gy.add(gyv, dt);
        gz.add(gzv, dt);
        ax.add(axv, dt);
        ay.add(ayv, dt);
        az.add(azv, dt);
        gyroStd = Math.sqrt(gx.var + gy.var + gz.var);
        accelStd = Math.sqrt(ax.var + ay.var + az.var);
        boolean s = gyroStd < STILL_GYRO_RAD_PER_S && accelStd < STILL_ACCEL_MPS2;
        if (s && !still) {
            stillSinceS = tS;
        }
        still = s;
    }

    /** Seconds the wearer has been still (0 when moving). */
    public double stillForS() {
        return still && !Double.isNaN(stillSinceS) && !Double.isNaN(prevT) ? prevT - stillSinceS : 0;
    }

    public boolean isStill() {
        return still;
    }

    /** True while the gyroscope shows ordinary movement (not merely breathing). */
    public boolean isMoving() {
        return gyroStd > MOVING_GYRO_RAD_PER_S;
    }

    public double gyroStdRadPerS() {
        return gyroStd;
    }

    // ---- calibration ----

    private void resetCapture() {
        capStartS = Double.NaN;
        capN = 0;
        capW = capX = capY = capZ = 0;
        capGx = capGy = capGz = capGxx = capGyy = capGzz = 0;
        capAx = capAy = capAz = capAxx = capAyy = capAzz = 0;
    }

    private void updateCapture(double tS, double qw, double qx, double qy, double qz, double gxv, double gyv,
                               double gzv, double axv, double ayv, double azv) {
        if (tS < captureFromS) {
            return;
        }
        if (captureFirstStill && !still) {
            resetCapture();
            return;
        }
        if (Double.isNaN(capStartS)) {
            capStartS = tS;
        }
        double window = settings.neutralWindowS();
        if (tS - capStartS >= window && capN > 0) {
            finishCapture();
            return;
        }
        // Sign-aligned sum of quaternions: the mean orientation for the small spread of a still window.
        double sign = capN == 0 || (qw * capW + qx * capX + qy * capY + qz * capZ) >= 0 ? 1 : -1;
        capW += sign * qw;
        capX += sign * qx;
        capY += sign * qy;
        capZ += sign * qz;
        capGx += gxv;
        capGy += gyv;
        capGz += gzv;
        capGxx += gxv * gxv;
        capGyy += gyv * gyv;
        capGzz += gzv * gzv;
        capAx += axv;
        capAy += ayv;
        capAz += azv;
        capAxx += axv * axv;
        capAyy += ayv * ayv;
        capAzz += azv * azv;
        capN++;
    }

    private static double var(double sum, double sumSq, int n) {
        double m = sum / n;
        return Math.max(0, sumSq / n - m * m);
    }

    private void finishCapture() {
        neutralSensor.set(capW, capX, capY, capZ).normalize();
        double gStd = Math.sqrt(var(capGx, capGxx, capN) + var(capGy, capGyy, capN) + var(capGz, capGzz, capN));
        double aStd = Math.sqrt(var(capAx, capAxx, capN) + var(capAy, capAyy, capN) + var(capAz, capAzz, capN));
        double atS = capStartS;
        String source = captureSource;
        captureFromS = Double.POSITIVE_INFINITY;
        captureFirstStill = false;
        resetCapture();
        List<String> warnings = new ArrayList<>();
        if (gStd > CAPTURE_GYRO_WARN_RAD_PER_S || aStd > CAPTURE_ACCEL_WARN_MPS2) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "moving during the neutral capture at %.1f s (gyroscope std %.3f rad/s, accelerometer std "
                            + "%.2f m/s²): sit upright and still, then recalibrate", atS, gStd, aStd));
        }
        buildCalibration(atS, source, gStd, aStd, warnings);
    }

    /** Up (gravity opposite) in sensor coordinates for the sensor orientation q (third row of R(q)). */
    private static double upX(Quat q) {
        return 2 * (q.x * q.z - q.w * q.y);
    }

    private static double upY(Quat q) {
        return 2 * (q.y * q.z + q.w * q.x);
    }

    private static double upZ(Quat q) {
        return 1 - 2 * (q.x * q.x + q.y * q.y);
    }

    private void buildCalibration(double atS, String source, double gStd, double aStd, List<String> warnings) {
        double ux = upX(neutralSensor), uy = upY(neutralSensor), uz = upZ(neutralSensor);
        // Elevation of the default forward axis (sensor −z) above the horizontal.
        double elevationDeg = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -uz))));
        String mountingSource = "default";
        double leanDeg = Double.NaN, leanAxisTiltDeg = Double.NaN;
        if (leanDone) {
            leanDeg = Math.toDegrees(leanMaxRad);
            if (leanDeg < MIN_LEAN_DEG) {
                warnings.add(String.format(java.util.Locale.ROOT, "no forward lean found in the forward window "
                        + "(largest movement %.1f°, need %.0f°): default mounting assumed", leanDeg, MIN_LEAN_DEG));
            } else {
                double horiz = Mounting.fromUpAndRight(ux, uy, uz, -leanAxX, -leanAxY, -leanAxZ, mount);
                leanAxisTiltDeg = Math.toDegrees(Math.acos(Math.min(1, horiz)));
                mountingSource = "forward-lean";
                if (leanAxisTiltDeg > LEAN_AXIS_WARN_DEG) {
                    warnings.add(String.format(java.util.Locale.ROOT, "the forward lean turned about an axis %.0f° "
                            + "from horizontal (a twist or side bend?): lean straight forward and recalibrate",
                            leanAxisTiltDeg));
                }
            }
        }
        if (mountingSource.equals("default")) {
            double horiz = Mounting.fromUpAndForward(ux, uy, uz, Mounting.DEFAULT_FORWARD_X,
                    Mounting.DEFAULT_FORWARD_Y, Mounting.DEFAULT_FORWARD_Z, mount);
            if (Math.abs(elevationDeg) > BACK_ELEVATION_WARN_DEG || horiz < 0.2) {
                warnings.add(String.format(java.util.Locale.ROOT, "the sensor's face points %.0f° %s the horizontal "
                        + "at neutral: not flat on an upright back as the default mounting assumes; sit upright, or "
                        + "record a forward lean (--forward-at)", Math.abs(elevationDeg),
                        elevationDeg > 0 ? "above" : "below"));
            }
        }
        neutralBody.mul(neutralSensor, mount);
        calibration = new Calibration(atS, source,
                new double[] {neutralSensor.w, neutralSensor.x, neutralSensor.y, neutralSensor.z},
                new double[] {mount.w, mount.x, mount.y, mount.z}, mountingSource, gStd, aStd, elevationDeg,
                leanDeg, leanAxisTiltDeg, warnings);
        calibrated = true;
        headingPrimed = false;
        calibrationListener.accept(calibration);
    }

    private void updateForwardLean(double tS, double qw, double qx, double qy, double qz) {
        double f = leanFromS;
        if (Double.isNaN(f) || leanDone || tS < f) {
            return;
        }
        if (!leanStarted) {
            leanStart.set(qw, qx, qy, qz);
            leanStarted = true;
            leanMaxRad = 0;
        }
        if (tS >= f + leanWindowS) {
            leanDone = true;
            if (calibrated) { // neutral came first: keep it, redo the mounting
                List<String> warnings = new ArrayList<>(calibration.warnings());
                warnings.removeIf(w -> w.contains("default mounting"));
                buildCalibration(calibration.atS(), calibration.source(), calibration.gyroStdRadPerS(),
                        calibration.accelStdMps2(), warnings);
            }
            return;
        }
        tmp.mul(leanStart.w, -leanStart.x, -leanStart.y, -leanStart.z, qw, qx, qy, qz);
        double ang = tmp.angleRad();
        if (ang > leanMaxRad) {
            leanMaxRad = ang;
            double s = tmp.w < 0 ? -1 : 1;
            double n = Math.sqrt(tmp.x * tmp.x + tmp.y * tmp.y + tmp.z * tmp.z);
            leanAxX = s * tmp.x / n;
            leanAxY = s * tmp.y / n;
            leanAxZ = s * tmp.z / n;
        }
    }

    // ---- angles ----

    private static double wrap(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }

    private void computeAngles(double tS, double dt, double qw, double qx, double qy, double qz, PostureFrame out) {
        qb.mul(qw, qx, qy, qz, mount.w, mount.x, mount.y, mount.z);
        // Heading change since neutral: twist of q_b ⊗ q_b0* about the vertical.
        tmp.mulConj(qb, neutralBody);
        double psi = 2 * Math.atan2(tmp.z, tmp.w);
        if (!headingPrimed) {
            headingPrimed = true;
            psiPrev = psi;
            psiCont = psi;
            psiRef = 0;
            driftRadPerS = 0;
        } else {
            double dpsi = wrap(psi - psiPrev);
            psiPrev = psi;
            psiCont += dpsi;
            if (!rotationAbsolute && dt > 0) {
                double stillFor = stillForS();
                if (stillFor >= 1) {
                    driftRadPerS += (dpsi / dt - driftRadPerS) * (dt / DRIFT_TAU_S);
                }
                if (stillFor >= REZERO_AFTER_S) {
                    psiRef += (psiCont - psiRef) * rezero.alpha(dt);
                } else {
                    psiRef += driftRadPerS * dt + (psiCont - psiRef) * (dt / FOLLOW_TAU_S);
                }
            }
        }
        if (rotationAbsolute) {
            psiRef = 0;
        }
        double h = -psiRef / 2;
        // r = q_b0* ⊗ Rz(−ψ_ref) ⊗ q_b
        tmp.mul(Math.cos(h), 0, 0, Math.sin(h), qb.w, qb.x, qb.y, qb.z);
        r.conjMul(neutralBody, tmp);
        decompose(r.w, r.x, r.y, r.z, out);
        cosInclination = Math.max(-1, Math.min(1, 1 - 2 * (qb.x * qb.x + qb.y * qb.y)));
    }

    /**
     * ISB decomposition of the relative rotation (w, x, y, z) into the frame's three angles (flexion, lateral bend,
     * axial rotation); used by every stage that reports thoracic angles.
     */
    public static void decompose(double w, double x, double y, double z, PostureFrame out) {
        double r00 = 1 - 2 * (y * y + z * z);
        double r01 = 2 * (x * y - w * z);
        double r02 = 2 * (x * z + w * y);
        double r12 = 2 * (y * z - w * x);
        double r22 = 1 - 2 * (x * x + y * y);
        double alpha = Math.atan2(-r12, r22);
        double beta = Math.asin(Math.max(-1, Math.min(1, r02)));
        double gamma = Math.atan2(-r01, r00);
        out.flexionDeg = -Math.toDegrees(alpha);
        out.lateralBendDeg = Math.toDegrees(beta);
        out.axialRotationDeg = -Math.toDegrees(gamma);
    }

    /** Heading change of the trunk since neutral (unwrapped), and the reference it is measured from, degrees. */
    public double headingDeg() {
        return Math.toDegrees(psiCont);
    }

    public double headingReferenceDeg() {
        return Math.toDegrees(psiRef);
    }

    /** Heading drift rate seen while still, degrees per second. */
    public double headingDriftDegPerS() {
        return Math.toDegrees(driftRadPerS);
    }

    /** Angle of the trunk's long axis from the vertical, degrees (0 upright, 90 lying). */
    public double inclinationDeg() {
        return Math.toDegrees(Math.acos(cosInclination));
    }

    // ---- activity ----

    private void updateActivity(double tS, double dt, double qw, double qx, double qy, double qz,
                                double axv, double ayv, double azv) {
        // Vertical specific force in the earth frame, minus its slow mean (≈ g): the vertical acceleration.
        double aUp = 2 * (qx * qz - qw * qy) * axv + 2 * (qy * qz + qw * qx) * ayv
                + (1 - 2 * (qx * qx + qy * qy)) * azv;
        gravity.add(aUp, dt);
        if (dt > 0) {
            verticalVelocityMps = verticalVelocityMps * (1 - velocityLeak.alpha(dt))
                    + (aUp - gravity.mean) * dt;
        }
        double norm = Math.sqrt(axv * axv + ayv * ayv + azv * azv);
        accNorm.add(norm, dt);
        double dyn = norm - accNorm.mean;
        dynEnergy.add(dyn, dt);
        boolean crossed = false;
        if (!schmittHigh && dyn > WALK_SCHMITT_MPS2) {
            schmittHigh = true;
            crossed = true;
        } else if (schmittHigh && dyn < -WALK_SCHMITT_MPS2) {
            schmittHigh = false;
        }
        if (dt > 0) {
            stepRatePerS += ((crossed ? 1 : 0) - stepRatePerS * dt) / WALK_TAU_S;
        }
        // Micro-motion (breathing) of the tilt: no motion for long means the sensor lies somewhere.
        double ux = 2 * (qx * qz - qw * qy), uy = 2 * (qy * qz + qw * qx), uz = 1 - 2 * (qx * qx + qy * qy);
        if (Double.isNaN(upAnchorZ)
                || ux * upAnchorX + uy * upAnchorY + uz * upAnchorZ < COS_NOT_WORN_MOTION) {
            upAnchorX = ux;
            upAnchorY = uy;
            upAnchorZ = uz;
            upAnchorSinceS = tS;
        }
    }

    public double verticalVelocityMps() {
        return verticalVelocityMps;
    }

    /** Dynamic acceleration: std of |a| about its 2-s mean, m/s². */
    public double dynamicAccelStdMps2() {
        return Math.sqrt(dynEnergy.var + 0.0);
    }

    /** Upward crossings of the dynamic acceleration per second (about one per step while walking). */
    public double stepRatePerS() {
        return stepRatePerS;
    }

    public boolean isWalkingRaw() {
        double std = Math.sqrt(dynEnergy.var);
        return std > WALK_ACCEL_STD_MPS2 && stepRatePerS >= WALK_MIN_STEPS_PER_S
                && stepRatePerS <= WALK_MAX_STEPS_PER_S && cosInclination > COS_WALK_MAX;
    }

    // ---- states ----

    private PostureState classify(double tS, double flexDeg, double latDeg) {
        // Slouched: flexion at or beyond the threshold for the dwell (staying above threshold − hysteresis),
        // until it falls below threshold − hysteresis: the slump detector's rule, seen as a state.
        double thr = settings.slumpThresholdDeg();
        double low = thr - settings.slumpHysteresisDeg();
        if (!sitting) {
            slouchPending = slouchedIn = false;
        } else if (slouchedIn) {
            slouchedIn = flexDeg >= low;
        } else if (slouchPending) {
            if (flexDeg < low) {
                slouchPending = false;
            } else if (tS - slouchSinceS >= settings.slumpDwellS()) {
                slouchPending = false;
                slouchedIn = true;
            }
        } else if (flexDeg >= thr) {
            slouchPending = true;
            slouchSinceS = tS;
            slouchedIn = settings.slumpDwellS() == 0;
        }
        reclinedIn = reclinedIn ? flexDeg <= -RECLINE_DEG + STATE_HYSTERESIS_DEG : flexDeg <= -RECLINE_DEG;
        double absLat = Math.abs(latDeg);
        sidewaysIn = sidewaysIn ? absLat >= SIDE_LEAN_DEG - STATE_HYSTERESIS_DEG : absLat >= SIDE_LEAN_DEG;

        PostureState raw;
        double hold = STATE_HOLD_S;
        boolean noMicroMotion = !Double.isNaN(upAnchorZ) && tS - upAnchorSinceS >= NOT_WORN_STILL_S;
        if (noMicroMotion || cosInclination < COS_UPSIDE_DOWN) {
            raw = PostureState.NOT_WORN;
            hold = noMicroMotion ? 0 : LYING_HOLD_S;
        } else if (cosInclination < COS_LYING) {
            raw = PostureState.LYING;
            hold = LYING_HOLD_S;
        } else if (isWalkingRaw()) {
            raw = PostureState.WALKING;
            hold = WALK_HOLD_S;
        } else {
            if (cosInclination <= COS_RISE_LEAN) {
                leanSeenS = tS;
            }
            if (Math.abs(verticalVelocityMps) > RISE_VELOCITY_MPS && tS - leanSeenS <= RISE_LEAN_WINDOW_S
                    && tS - lastTransitionS >= RISE_REFRACTORY_S) {
                lastTransitionS = tS;
                sitting = verticalVelocityMps < 0;
            }
            if (!sitting) {
                raw = PostureState.STANDING;
            } else if (slouchedIn) {
                raw = PostureState.SLOUCHED;
            } else if (reclinedIn) {
                raw = PostureState.RECLINED;
            } else if (sidewaysIn) {
                raw = PostureState.LEANING_SIDEWAYS;
            } else {
                raw = PostureState.UPRIGHT;
            }
        }
        if (raw == PostureState.LYING || raw == PostureState.NOT_WORN) {
            sitting = true; // getting up from lying or putting the sensor on: sitting unless a rise says otherwise
        }
        if (raw != candidate) {
            candidate = raw;
            candidateSinceS = tS;
        }
        if (candidate != current && (tS - candidateSinceS >= hold || current == PostureState.UNKNOWN)) {
            current = candidate;
            if (current == PostureState.WALKING) {
                sitting = false; // one walks standing: after walking comes standing until a sit-down
            }
        }
        return current;
    }

    public PostureState state() {
        return current;
    }
}
