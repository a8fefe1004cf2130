package io.midback.mobility;

import io.midback.posture.Mounting;
import io.midback.posture.PostureFrame;
import io.midback.posture.TrunkAngles;

/**
 * The mobility stage: the orientation filter's quaternion in, flexion/extension, side bend and axial rotation
 * relative to a still upright pose out, with its own heading reference ({@link HeadingReference}).
 *
 * <p>The upright pose is the mean orientation over the first {@link MobilitySettings#neutralCaptureS()} of
 * stillness (or the first after {@link #requestCapture()}); the mounting is the posture stage's default mounting
 * found from gravity at that pose (any turn or tilt of the sensor in the plane of the back), or one given by
 * {@link #useMounting}. The angles are the posture stage's decomposition
 * ({@link TrunkAngles#decompose}) of {@code r = q_b0* ⊗ q_b}, {@code q_b = q ⊗ m}: the heading is never
 * re-zeroed ({@link HeadingReference}). Allocation-free per sample (a capture allocates its mounting once).
 */
public final class MobilityStage {
    private final MobilitySettings settings;
    private final HeadingReference heading;
    private final PostureFrame angles = new PostureFrame();
    private double[] givenMounting;
    private double mw = 1, mx, my, mz;
    private double nw = 1, nx, ny, nz;
    private boolean captured;
    private volatile boolean captureRequested;
    private double captureAtS = Double.NaN;
    // capture sums
    private int capN;
    private double capStartS = Double.NaN, capW, capX, capY, capZ;

    private double[] neutral;

    public MobilityStage(MobilitySettings settings) {
        this.settings = settings;
        this.heading = new HeadingReference();
    }

    /** Uses this body → sensor mounting {w, x, y, z} at the next capture (for example a forward-lean calibration's). */
    public void useMounting(double[] bodyToSensor) {
        givenMounting = bodyToSensor == null ? null : bodyToSensor.clone();
    }

    /** Captures the upright pose afresh from the next stillness (any thread). */
    public void requestCapture() {
        captureRequested = true;
    }

    /** The captured upright pose, sensor → ENU {w, x, y, z} (a copy); null before the capture. */
    public double[] neutral() {
        return neutral == null ? null : neutral.clone();
    }

    /** The body → sensor mounting of the capture {w, x, y, z}; null before the capture. */
    public double[] mounting() {
        return neutral == null ? null : new double[] {mw, mx, my, mz};
    }

    /** When the upright pose was captured (start of its window), s; NaN before. */
    public double captureAtS() {
        return captureAtS;
    }

    /** The heading change the filter showed while the trunk was still since the capture, degrees (residual drift). */
    public double headingChangeWhileStillDeg() {
        return Math.toDegrees(heading.stillChangeRad());
    }

    /**
     * One sample.
     *
     * @param tS    seconds from the first sample
     * @param qw    the filter's orientation, sensor → ENU (and qx, qy, qz)
     * @param still whether the trunk is still (see {@link Stillness})
     */
    public void update(double tS, double qw, double qx, double qy, double qz, boolean still,
                       MobilityFrame out) {
        if (captureRequested) {
            captureRequested = false;
            captured = false;
            resetCapture();
        }
        out.tS = tS;
        out.still = still;
        if (!captured) {
            capture(tS, qw, qx, qy, qz, still);
            out.captured = false;
            out.flexionDeg = out.sideBendDeg = out.rotationDeg = 0;
            return;
        }
        // q_b = q ⊗ m
        double bw = qw * mw - qx * mx - qy * my - qz * mz;
        double bx = qw * mx + qx * mw + qy * mz - qz * my;
        double by = qw * my - qx * mz + qy * mw + qz * mx;
        double bz = qw * mz + qx * my - qy * mx + qz * mw;
        // heading of q_b ⊗ q_b0*: the twist about the vertical
        double hw = bw * nw + bx * nx + by * ny + bz * nz;
        double hz = -bw * nz - bx * ny + by * nx + bz * nw;
        heading.update(2 * Math.atan2(hz, hw), still);
        // r = q_b0* ⊗ q_b
        double rw = nw * bw + nx * bx + ny * by + nz * bz;
        double rx = nw * bx - nx * bw - ny * bz + nz * by;
        double ry = nw * by + nx * bz - ny * bw - nz * bx;
        double rz = nw * bz - nx * by + ny * bx - nz * bw;
        TrunkAngles.decompose(rw, rx, ry, rz, angles);
        out.captured = true;
        out.flexionDeg = angles.flexionDeg;
        out.sideBendDeg = angles.lateralBendDeg;
        out.rotationDeg = angles.axialRotationDeg;
    }

    private void resetCapture() {
        capN = 0;
        capStartS = Double.NaN;
        capW = capX = capY = capZ = 0;
    }

    private void capture(double tS, double qw, double qx, double qy, double qz, boolean still) {
        if (!still) {
            resetCapture();
            return;
        }
        if (capN == 0) {
            capStartS = tS;
        }
        double sign = capN == 0 || qw * capW + qx * capX + qy * capY + qz * capZ >= 0 ? 1 : -1;
        capW += sign * qw;
        capX += sign * qx;
        capY += sign * qy;
        capZ += sign * qz;
        capN++;
        double spanS = tS - capStartS;
        if (spanS < settings.neutralCaptureS()) {
            return;
        }
        double n = Math.sqrt(capW * capW + capX * capX + capY * capY + capZ * capZ);
        double sw = capW / n, sx = capX / n, sy = capY / n, sz = capZ / n;
        double[] m = givenMounting;
        if (m == null) {
            // up in sensor coordinates: third row of R(q)
            m = Mounting.defaultBodyToSensor(2 * (sx * sz - sw * sy), 2 * (sy * sz + sw * sx),
                    1 - 2 * (sx * sx + sy * sy));
        }
        neutral = new double[] {sw, sx, sy, sz};
        mw = m[0];
        mx = m[1];
        my = m[2];
        mz = m[3];
        nw = sw * mw - sx * mx - sy * my - sz * mz;
        nx = sw * mx + sx * mw + sy * mz - sz * my;
        ny = sw * my - sx * mz + sy * mw + sz * mx;
        nz = sw * mz + sx * my - sy * mx + sz * mw;
        heading.restart();
        captureAtS = capStartS;
        captured = true;
        resetCapture();
    }
}
