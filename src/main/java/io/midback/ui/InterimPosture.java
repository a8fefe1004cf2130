package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.AlertListener;
import io.midback.orientation.MahonyFilter;
import io.midback.orientation.OrientationFilter;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.Locale;

/**
 * A small stand-in for the posture engine so the window works end to end before that engine is on main:
 * Mahony orientation → tilt of the sensor's "up" against the calibrated neutral (flexion along the forward
 * direction learnt from the lean step, side bend across it), heading change as rotation, a threshold state and a
 * dwell-time slump alert. The posture engine replaces it behind {@link PostureBackend}.
 */
public final class InterimPosture implements PostureBackend, PostureBackend.Calibration {
    /** Angular speed above which the wearer is not still, degrees/s. */
    static final double STILL_GYRO_DEG_PER_S = 8;
    /** Tilt change during the hold above which the wearer is not still, degrees. */
    static final double STILL_TILT_DEG = 4;
    /** The lean step needs at least this much forward tilt, degrees. */
    static final double MIN_LEAN_DEG = 8;

    private volatile AlertSettings settings = AlertSettings.defaults();
    private volatile Neutral neutral; // null until calibrated

    // Calibration: the wizard writes step/generation, the session thread accumulates and publishes.
    private volatile Step step;
    private volatile int generation;
    private volatile int calSamples, calMovingSamples;
    private volatile double calSumUx, calSumUy, calSumUz, calMaxTiltDeg, calMotionDegPerS;
    private volatile double calLeanUx, calLeanUy, calLeanUz, calLeanDeg;
    private volatile Neutral holdNeutral;

    @Override
    public SampleSink open(PostureListener frames, AlertListener alerts) {
        return new Pipeline(frames, alerts);
    }

    @Override
    public void apply(AlertSettings s) {
        settings = s;
    }

    @Override
    public Calibration calibration() {
        return this;
    }

    public boolean calibrated() {
        return neutral != null;
    }

    // ---- Calibration (event thread) ----

    @Override
    public void begin(Step s) {
        generation++;
        step = s;
    }

    @Override
    public Progress progress() {
        Step s = step;
        int n = calSamples;
        boolean still = n == 0 || (calMovingSamples <= n / 10 && calMaxTiltDeg <= STILL_TILT_DEG);
        return new Progress(n, s != Step.HOLD_UPRIGHT || still, calMotionDegPerS,
                s == Step.LEAN_FORWARD ? calLeanDeg : 0);
    }

    /** Judges the hold step: keeps its neutral "up" for the lean step when the wearer was still. */
    @Override
    public Result endStep() {
        if (step != Step.HOLD_UPRIGHT) {
            return new Result(true, "");
        }
        Progress p = progress();
        if (p.samples() < 10) {
            return new Result(false, "No samples arrived during the hold: is the sensor connected?");
        }
        if (!p.still()) {
            return new Result(false, String.format(Locale.ROOT,
                    "You moved during the hold (up to %.0f° of tilt). Sit upright and still, then try again.",
                    calMaxTiltDeg));
        }
        double n = Math.sqrt(calSumUx * calSumUx + calSumUy * calSumUy + calSumUz * calSumUz);
        holdNeutral = Neutral.of(calSumUx / n, calSumUy / n, calSumUz / n, Double.NaN, Double.NaN, Double.NaN);
        return new Result(true, "Upright pose recorded.");
    }

    @Override
    public Result finish() {
        Step s = step;
        if (s == Step.HOLD_UPRIGHT) {
            Result r = endStep();
            if (!r.ok()) {
                step = null;
                return r;
            }
        }
        step = null;
        if (holdNeutral == null) {
            return new Result(false, "The upright hold was not completed.");
        }
        if (s != Step.LEAN_FORWARD || calLeanDeg < MIN_LEAN_DEG) {
            return new Result(false, String.format(Locale.ROOT,
                    "Lean forward slowly by at least %.0f° (reached %.0f°), then try again.", MIN_LEAN_DEG,
                    s == Step.LEAN_FORWARD ? calLeanDeg : 0));
        }
        Neutral h = holdNeutral;
        neutral = Neutral.of(h.ux, h.uy, h.uz, calLeanUx, calLeanUy, calLeanUz);
        holdNeutral = null;
        return new Result(true, String.format(Locale.ROOT, "Calibrated: upright held still, forward lean %.0f°.",
                calLeanDeg));
    }

    @Override
    public void cancel() {
        step = null;
        holdNeutral = null;
    }

    /** The neutral "up" direction and the forward direction, both in the sensor frame. */
    private static final class Neutral {
        final double ux, uy, uz, fx, fy, fz, lx, ly, lz;

        private Neutral(double ux, double uy, double uz, double fx, double fy, double fz) {
            this.ux = ux;
            this.uy = uy;
            this.uz = uz;
            this.fx = fx;
            this.fy = fy;
            this.fz = fz;
            // lateral = up × forward
            lx = uy * fz - uz * fy;
            ly = uz * fx - ux * fz;
            lz = ux * fy - uy * fx;
        }

        /** Forward = the lean direction projected perpendicular to up; a guess when no lean is known. */
        static Neutral of(double ux, double uy, double uz, double leanX, double leanY, double leanZ) {
            double dx = leanX - ux, dy = leanY - uy, dz = leanZ - uz;
            if (Double.isNaN(dx) || dx * dx + dy * dy + dz * dz < 1e-6) {
                // No lean: take the sensor axis least aligned with up.
                dx = Math.abs(ux) < 0.7 ? 1 : 0;
                dy = Math.abs(ux) < 0.7 ? 0 : 1;
                dz = 0;
            }
            double dot = dx * ux + dy * uy + dz * uz;
            dx -= dot * ux;
            dy -= dot * uy;
            dz -= dot * uz;
            double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
            return new Neutral(ux, uy, uz, dx / n, dy / n, dz / n);
        }
    }

    /** One session's stages; runs on the session thread. */
    private final class Pipeline implements SampleSink {
        private final PostureListener frames;
        private final AlertListener alerts;
        private final OrientationFilter filter = new MahonyFilter();
        private final PostureFrame frame = new PostureFrame();
        private double lastT = Double.NaN;
        private double firstT = Double.NaN;
        private Neutral auto; // uncalibrated: the first second's pose
        private double autoSx, autoSy, autoSz;
        private int autoN;
        private double yaw0 = Double.NaN;
        private int seenGeneration = -1;
        private double motionEma;
        // Alert state.
        private double slumpSinceS = Double.NaN;
        private boolean slumpAlerted;
        private double lastSlumpAlertS;
        private double sittingSinceS = Double.NaN;

        Pipeline(PostureListener frames, AlertListener alerts) {
            this.frames = frames;
            this.alerts = alerts;
        }

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                double t = b.tS[i];
                if (Double.isNaN(firstT)) {
                    firstT = t;
                }
                double dt = Double.isNaN(lastT) ? 0 : t - lastT;
                lastT = t;
                filter.update(dt, b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                        b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                double gyroDegPerS = Math.toDegrees(Math.sqrt(b.gxRadPerS[i] * b.gxRadPerS[i]
                        + b.gyRadPerS[i] * b.gyRadPerS[i] + b.gzRadPerS[i] * b.gzRadPerS[i]));
                motionEma += (gyroDegPerS - motionEma) * 0.1;
                process(t - firstT, gyroDegPerS);
            }
        }

        private void process(double tS, double gyroDegPerS) {
            double qw = filter.qw(), qx = filter.qx(), qy = filter.qy(), qz = filter.qz();
            // "Up" (ENU z) seen in the sensor frame: third row of R(q).
            double ux = 2 * (qx * qz - qw * qy);
            double uy = 2 * (qw * qx + qy * qz);
            double uz = qw * qw - qx * qx - qy * qy + qz * qz;
            calibrate(ux, uy, uz, gyroDegPerS);
            Neutral n = neutral;
            if (n == null) {
                if (autoN < 50) {
                    autoSx += ux;
                    autoSy += uy;
                    autoSz += uz;
                    if (++autoN == 50) {
                        double m = Math.sqrt(autoSx * autoSx + autoSy * autoSy + autoSz * autoSz);
                        auto = Neutral.of(autoSx / m, autoSy / m, autoSz / m, Double.NaN, Double.NaN, Double.NaN);
                    }
                }
                n = auto;
            }
            frame.tS = tS;
            frame.qw = qw;
            frame.qx = qx;
            frame.qy = qy;
            frame.qz = qz;
            frame.calibrated = neutral != null;
            frame.rotationAbsolute = false;
            if (n == null) {
                frame.flexionDeg = frame.lateralBendDeg = frame.axialRotationDeg = 0;
                frame.state = PostureState.UNKNOWN;
            } else {
                double along = ux * n.ux + uy * n.uy + uz * n.uz;
                frame.flexionDeg = Math.toDegrees(Math.atan2(ux * n.fx + uy * n.fy + uz * n.fz, along));
                frame.lateralBendDeg = Math.toDegrees(Math.atan2(ux * n.lx + uy * n.ly + uz * n.lz, along));
                // Heading of the forward axis in the world (ENU), relative to the session's first.
                double wx = (1 - 2 * (qy * qy + qz * qz)) * n.fx + 2 * (qx * qy - qw * qz) * n.fy
                        + 2 * (qx * qz + qw * qy) * n.fz;
                double wy = 2 * (qx * qy + qw * qz) * n.fx + (1 - 2 * (qx * qx + qz * qz)) * n.fy
                        + 2 * (qy * qz - qw * qx) * n.fz;
                double yaw = Math.toDegrees(Math.atan2(wx, wy));
                if (Double.isNaN(yaw0)) {
                    yaw0 = yaw;
                }
                double rot = yaw - yaw0;
                rot -= 360 * Math.rint(rot / 360);
                frame.axialRotationDeg = rot;
                frame.state = stateOf(frame.flexionDeg, frame.lateralBendDeg);
            }
            frames.onPosture(frame);
            decideAlerts(tS, frame.state);
        }

        private PostureState stateOf(double flexionDeg, double bendDeg) {
            AlertSettings s = settings;
            if (flexionDeg > 70 || flexionDeg < -60) {
                return PostureState.LYING;
            }
            if (flexionDeg > s.thresholdDeg()) {
                return PostureState.SLOUCHED;
            }
            if (flexionDeg < -15) {
                return PostureState.RECLINED;
            }
            if (Math.abs(bendDeg) > 15) {
                return PostureState.LEANING_SIDEWAYS;
            }
            return PostureState.UPRIGHT;
        }

        private void decideAlerts(double tS, PostureState state) {
            AlertSettings s = settings;
            if (state == PostureState.SLOUCHED) {
                if (Double.isNaN(slumpSinceS)) {
                    slumpSinceS = tS;
                }
                double held = tS - slumpSinceS;
                if (!slumpAlerted && held >= s.delayS()) {
                    slumpAlerted = true;
                    lastSlumpAlertS = tS;
                    alerts.onAlert(new Alert(tS, AlertKind.SLUMP, String.format(Locale.ROOT,
                            "You have been slumping for %.0f s (flexion %.0f°). Sit up tall.", held,
                            frame.flexionDeg)));
                } else if (slumpAlerted && tS - lastSlumpAlertS >= Math.max(60, 4 * s.delayS())) {
                    lastSlumpAlertS = tS;
                    alerts.onAlert(new Alert(tS, AlertKind.SLUMP_ESCALATION,
                            "Still slumping. Roll your shoulders back and lift your chest."));
                }
            } else if (state != PostureState.UNKNOWN) {
                if (slumpAlerted) {
                    alerts.onAlert(new Alert(tS, AlertKind.CORRECTED, "Posture corrected. Well done."));
                }
                slumpSinceS = Double.NaN;
                slumpAlerted = false;
            }
            if (state.isSitting()) {
                if (Double.isNaN(sittingSinceS)) {
                    sittingSinceS = tS;
                }
                if (s.breakIntervalMin() > 0 && tS - sittingSinceS >= s.breakIntervalMin() * 60) {
                    sittingSinceS = tS;
                    alerts.onAlert(new Alert(tS, AlertKind.BREAK,
                            "Time for a break: stand up, then rotate your upper back gently left and right."));
                }
            } else if (state != PostureState.UNKNOWN) {
                sittingSinceS = Double.NaN;
            }
        }

        private void calibrate(double ux, double uy, double uz, double gyroDegPerS) {
            Step s = step;
            if (s == null) {
                return;
            }
            if (seenGeneration != generation) {
                seenGeneration = generation;
                calSamples = 0;
                calMovingSamples = 0;
                calSumUx = calSumUy = calSumUz = 0;
                calMaxTiltDeg = 0;
                calLeanDeg = 0;
            }
            int n = calSamples + 1;
            calMotionDegPerS = motionEma;
            if (s == Step.HOLD_UPRIGHT) {
                if (gyroDegPerS > STILL_GYRO_DEG_PER_S) {
                    calMovingSamples++;
                }
                calSumUx += ux;
                calSumUy += uy;
                calSumUz += uz;
                double m = Math.sqrt(calSumUx * calSumUx + calSumUy * calSumUy + calSumUz * calSumUz);
                double cos = (ux * calSumUx + uy * calSumUy + uz * calSumUz) / m;
                double tilt = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                if (n > 5 && tilt > calMaxTiltDeg) {
                    calMaxTiltDeg = tilt;
                }
            } else if (holdNeutral != null) {
                Neutral h = holdNeutral;
                double cos = ux * h.ux + uy * h.uy + uz * h.uz;
                double lean = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                if (lean > calLeanDeg) {
                    calLeanDeg = lean;
                    calLeanUx = ux;
                    calLeanUy = uy;
                    calLeanUz = uz;
                }
            }
            calSamples = n;
        }
    }
}
