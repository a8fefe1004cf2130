package io.midback.posture;

import io.midback.sensor.Quat;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Neutral capture and mounting: finds the neutral (upright, still) sensor orientation and how the sensor sits on
 * the back, and makes them a {@link Calibration}.
 *
 * <p>The neutral is the mean orientation over a window of {@code neutralWindowS}: the one starting at
 * {@code calibrateAtS}, by default the first still window, or at a run-time request. The mounting is the default
 * one (sensor flat on the back, forward = sensor −z, rotated in the plane of the back as gravity at neutral says)
 * unless a forward lean was recorded ({@code forwardAtS} or a run-time request), whose axis is then the
 * medio-lateral axis. Requests may come from any thread and take effect at the next sample.
 */
final class Calibrator {
    private final PostureTuning tuning;
    private PostureSettings settings;
    private Consumer<Calibration> listener = c -> { };

    private final Quat mount = new Quat(), neutralSensor = new Quat(), neutralBody = new Quat();
    private boolean calibrated;
    private Calibration calibration;
    private final NeutralCapture capture = new NeutralCapture();
    private double captureFromS;
    private String captureSource;
    private boolean captureFirstStill;
    /**
     * The requests from other threads ({@link #RECALIBRATE}, {@link #LEAN_START}, {@link #LEAN_END}) as bits:
     * one volatile read per sample rather than one per kind of request.
     */
    private volatile int requests;
    private static final int RECALIBRATE = 1, LEAN_START = 2, LEAN_END = 4;
    private static final VarHandle REQUESTS;

    static {
        try {
            REQUESTS = MethodHandles.lookup().findVarHandle(Calibrator.class, "requests", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ForwardLean lean = new ForwardLean();
    private boolean leanDone;
    private double leanFromS, leanWindowS;
    private volatile double leanMaxDeg;

    Calibrator(PostureSettings settings) {
        this.settings = settings;
        this.tuning = settings.tuning();
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

    void updateSettings(PostureSettings s) {
        this.settings = s;
    }

    void setListener(Consumer<Calibration> l) {
        this.listener = l == null ? c -> { } : l;
    }

    void requestRecalibration() {
        REQUESTS.getAndBitwiseOr(this, RECALIBRATE);
    }

    void requestForwardLean() {
        REQUESTS.getAndBitwiseOr(this, LEAN_START);
    }

    void endForwardLean() {
        REQUESTS.getAndBitwiseOr(this, LEAN_END);
    }

    /** The largest rotation of the current or last forward-lean window, degrees (any thread: momentary). */
    double forwardLeanDeg() {
        return leanMaxDeg;
    }

    boolean isCalibrated() {
        return calibrated;
    }

    Calibration calibration() {
        return calibration;
    }

    /** Body → sensor. */
    Quat mount() {
        return mount;
    }

    /** The trunk's neutral orientation, body → ENU. */
    Quat neutralBody() {
        return neutralBody;
    }

    void use(Calibration c) {
        double[] n = c.neutral();
        double[] m = c.mounting();
        neutralSensor.set(n[0], n[1], n[2], n[3]);
        mount.set(m[0], m[1], m[2], m[3]);
        neutralBody.setProduct(neutralSensor, mount);
        calibration = c;
        calibrated = true;
        captureFromS = Double.POSITIVE_INFINITY;
        captureFirstStill = false;
        listener.accept(c);
    }

    /** Samples were missing: a first-still capture under way starts again. */
    void gap() {
        if (capture.started() && captureFirstStill) {
            capture.reset();
        }
    }

    /**
     * One sample. @return true when a new calibration was made at this sample
     */
    boolean update(double tS, boolean still, double qw, double qx, double qy, double qz, double gxRadPerS,
                   double gyRadPerS, double gzRadPerS, double axMps2, double ayMps2, double azMps2) {
        if (requests != 0) {
            takeRequests(tS);
        }
        boolean made = updateLean(tS, qw, qx, qy, qz);
        return updateCapture(tS, still, qw, qx, qy, qz, gxRadPerS, gyRadPerS, gzRadPerS, axMps2, ayMps2, azMps2)
                || made;
    }

    /** The requests made since the last sample, in the order recalibrate, lean start, lean end. */
    private void takeRequests(double tS) {
        int r = (int) REQUESTS.getAndSet(this, 0);
        if ((r & RECALIBRATE) != 0) {
            captureFromS = tS;
            captureFirstStill = false;
            captureSource = "requested";
            capture.reset();
        }
        if ((r & LEAN_START) != 0) {
            leanFromS = tS;
            leanWindowS = Double.POSITIVE_INFINITY;
            lean.reset();
            leanDone = false;
            leanMaxDeg = 0;
        }
        if ((r & LEAN_END) != 0 && !leanDone && !Double.isNaN(leanFromS) && tS >= leanFromS) {
            leanWindowS = tS - leanFromS;
        }
    }

    private boolean updateCapture(double tS, boolean still, double qw, double qx, double qy, double qz,
                                  double gxv, double gyv, double gzv, double axv, double ayv, double azv) {
        if (tS < captureFromS) {
            return false;
        }
        if (captureFirstStill && !still) {
            capture.reset();
            return false;
        }
        if (capture.full(tS, settings.neutralWindowS())) {
            finishCapture();
            return true;
        }
        capture.add(tS, qw, qx, qy, qz, gxv, gyv, gzv, axv, ayv, azv);
        return false;
    }

    private void finishCapture() {
        capture.meanInto(neutralSensor);
        double gStd = capture.gyroStdRadPerS();
        double aStd = capture.accelStdMps2();
        double atS = capture.startS();
        captureFromS = Double.POSITIVE_INFINITY;
        captureFirstStill = false;
        capture.reset();
        List<String> warnings = new ArrayList<>();
        if (gStd > tuning.captureGyroWarnRadPerS() || aStd > tuning.captureAccelWarnMps2()) {
            warnings.add(String.format(Locale.ROOT,
                    "moving during the neutral capture at %.1f s (gyroscope std %.3f rad/s, accelerometer std "
                            + "%.2f m/s²): sit upright and still, then recalibrate", atS, gStd, aStd));
        }
        build(atS, captureSource, gStd, aStd, warnings);
    }

    private boolean updateLean(double tS, double qw, double qx, double qy, double qz) {
        double f = leanFromS;
        if (Double.isNaN(f) || leanDone || tS < f) {
            return false;
        }
        if (tS >= f + leanWindowS) {
            leanDone = true;
            if (calibrated) { // neutral came first: keep it, redo the mounting
                List<String> warnings = new ArrayList<>(calibration.warnings());
                warnings.removeIf(w -> w.contains("default mounting"));
                build(calibration.atS(), calibration.source(), calibration.gyroStdRadPerS(),
                        calibration.accelStdMps2(), warnings);
                return true;
            }
            return false;
        }
        lean.add(qw, qx, qy, qz);
        leanMaxDeg = lean.maxDeg();
        return false;
    }

    private void build(double atS, String source, double gStd, double aStd, List<String> warnings) {
        Quat q = neutralSensor;
        // Up (gravity opposite) in sensor coordinates at neutral: the third row of R(q).
        double ux = 2 * (q.x * q.z - q.w * q.y), uy = 2 * (q.y * q.z + q.w * q.x), uz = 1 - 2 * (q.x * q.x + q.y * q.y);
        // Elevation of the default forward axis (sensor −z) above the horizontal.
        double elevationDeg = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -uz))));
        String mountingSource = "default";
        double leanDeg = Double.NaN, leanAxisTiltDeg = Double.NaN;
        if (leanDone) {
            leanDeg = lean.maxDeg();
            if (leanDeg < tuning.minLeanDeg()) {
                warnings.add(String.format(Locale.ROOT, "no forward lean found in the forward window "
                        + "(largest movement %.1f°, need %.0f°): default mounting assumed", leanDeg,
                        tuning.minLeanDeg()));
            } else {
                double horiz = Mounting.fromUpAndRight(ux, uy, uz, -lean.axisX(), -lean.axisY(), -lean.axisZ(), mount);
                leanAxisTiltDeg = Math.toDegrees(Math.acos(Math.min(1, horiz)));
                mountingSource = "forward-lean";
                if (leanAxisTiltDeg > tuning.leanAxisWarnDeg()) {
                    warnings.add(String.format(Locale.ROOT, "the forward lean turned about an axis %.0f° "
                            + "from horizontal (a twist or side bend?): lean straight forward and recalibrate",
                            leanAxisTiltDeg));
                }
            }
        }
        if (mountingSource.equals("default")) {
            double horiz = Mounting.fromUpAndForward(ux, uy, uz, Mounting.DEFAULT_FORWARD_X,
                    Mounting.DEFAULT_FORWARD_Y, Mounting.DEFAULT_FORWARD_Z, mount);
            if (Math.abs(elevationDeg) > tuning.backElevationWarnDeg() || horiz < 0.2) {
                warnings.add(String.format(Locale.ROOT, "the sensor's face points %.0f° %s the horizontal "
                        + "at neutral: not flat on an upright back as the default mounting assumes; sit upright, or "
                        + "record a forward lean (--forward-at)", Math.abs(elevationDeg),
                        elevationDeg > 0 ? "above" : "below"));
            }
        }
        neutralBody.setProduct(neutralSensor, mount);
        calibration = new Calibration(atS, source,
                new double[] {neutralSensor.w, neutralSensor.x, neutralSensor.y, neutralSensor.z},
                new double[] {mount.w, mount.x, mount.y, mount.z}, mountingSource, gStd, aStd, elevationDeg,
                leanDeg, leanAxisTiltDeg, warnings);
        calibrated = true;
        listener.accept(calibration);
    }
}
