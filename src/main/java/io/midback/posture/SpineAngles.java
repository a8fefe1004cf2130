package io.midback.posture;

import io.midback.sensor.Quat;

/**
 * The spine between two sensors: an upper one on the thoracic spine (the session's own) and a lower one on the
 * sacrum, each relative to its own calibrated upright. Calibration captures both: when the upper sensor's
 * neutral is made ({@link #calibrated}), the lower sensor's neutral is the mean of its orientations over the same
 * window (or, when it had too few samples then, over the next window of its own), and its mounting is found from
 * gravity at that neutral as the upper's is ({@link Mounting#fromUpAndForward}).
 *
 * <p>With {@code B = q ⊗ m} each sensor's segment (body → ENU, its own filter's frame) and {@code B0} its
 * neutral, the spine is {@code S = B_l* ⊗ (B_l0 ⊗ B_u0*) ⊗ B_u}: the upper back relative to the pelvis, with the
 * heading offset between the two filters' frames at calibration taken out; at upright it is the identity. It is
 * decomposed by the one ISB decomposition ({@link TrunkAngles#decompose}) into flexion, lateral bend and axial
 * rotation. The pelvic tilt is the lower segment's own forward tilt from its upright, from where "up" lies in
 * it: {@code atan2(−up_y, up_z)}, free of any heading. Plain values in; allocation-free per sample (a
 * calibration, rare, allocates).
 *
 * <p><b>The heading between the filters.</b> Without a magnetometer each filter's heading drifts on its own (the
 * gyroscopes' vertical bias, a few tenths of a degree per second), so the offset taken at calibration does not
 * hold: the difference of the two segments' headings ({@code ψ = twist(D ⊗ B_u) − twist(B_l)}) is the spine's
 * rotation plus that drift. Both filters of a two-sensor session run with settings that keep their vertical bias
 * from learning a wearer's slow turning ({@code VqfSettings.twoSensors()}), which leaves a drift of ψ of a tenth
 * of a degree per second or less, changing slowly. A second-order tracker (critically damped, time constant from
 * {@value #HEADING_TRACK_MIN_S} s after calibration lengthening to {@value #HEADING_TRACK_MAX_S} s) follows ψ with
 * its rate, so a steady drift is followed without lag while a rotation of the spine lasting seconds passes; the
 * spine is taken from {@code Rz(−ψ_ref) ⊗ D ⊗ B_u}. Rotation is therefore relative to the recent mean, as the
 * trunk's is without a magnetometer: of a turn held for a minute the tracker follows 38 % ({@code 1 − (1 + t/τ)
 * e^(−t/τ)}), which the rotation then lacks, and overshoots after it; rotation is measured to 3° for movements of
 * seconds, not for turns held for minutes. The tracker holds while either segment is tilted beyond
 * {@value #HEADING_TILT_LIMIT_DEG}° (its heading is then ill-defined).
 */
public final class SpineAngles {
    /** Lower orientations kept for the neutral capture (at 200 Hz, 20 s). */
    static final int RING = 4096;
    /** The share of the upper window the lower sensor must have covered for its neutral to come from it. */
    static final double MIN_COVER = 0.8;
    /** The heading tracker's time constant just after calibration and at most, s. */
    static final double HEADING_TRACK_MIN_S = 5, HEADING_TRACK_MAX_S = 45;
    /** The heading tracker holds while a segment tilts further than this from upright, degrees. */
    static final double HEADING_TILT_LIMIT_DEG = 60;
    private static final double COS_TILT_LIMIT = Math.cos(Math.toRadians(HEADING_TILT_LIMIT_DEG));

    private final double neutralWindowS;
    private final double[] ringT = new double[RING], ringW = new double[RING], ringX = new double[RING],
            ringY = new double[RING], ringZ = new double[RING];
    private int ringNext, ringCount;
    private final Quat upperMount = new Quat(), upperNeutralBody = new Quat();
    private final Quat lowerMount = new Quat(), lowerNeutralBody = new Quat(), offset = new Quat();
    private final Quat bu = new Quat(), bl = new Quat(), tmp = new Quat(), mean = new Quat();
    private final PostureFrame angles = new PostureFrame();
    private boolean upperCalibrated, lowerCalibrated;
    /** A lower neutral still to capture from this upper time on (NaN: none pending). */
    private double pendingFromS = Double.NaN;
    private double lastS = Double.NaN;
    /** The heading tracker: ψ continuous, its last wrapped value, the reference and its rate, since calibration. */
    private boolean headingPrimed;
    private double psiCont, psiLast, psiRef, psiRateRadPerS, trackedS;

    /** @param neutralWindowS the length of a neutral capture, s (the posture settings') */
    public SpineAngles(double neutralWindowS) {
        this.neutralWindowS = neutralWindowS;
    }

    /**
     * The upper sensor was calibrated at the current sample (or a stored calibration is used): its neutral and
     * mounting from now on, and the lower sensor's neutral captured over the same window.
     */
    public void calibrated(Calibration c) {
        double[] n = c.neutral(), m = c.mounting();
        upperMount.set(m[0], m[1], m[2], m[3]);
        upperNeutralBody.setProduct(n[0], n[1], n[2], n[3], m[0], m[1], m[2], m[3]);
        upperCalibrated = true;
        lowerCalibrated = false;
        headingPrimed = false;
        double from = Double.isNaN(lastS) ? Double.NEGATIVE_INFINITY : Math.min(c.atS(), lastS);
        if (Double.isNaN(lastS) || !captureLower(from, lastS)) {
            pendingFromS = Double.isNaN(lastS) ? Double.NEGATIVE_INFINITY : lastS;
        }
    }

    /** True once both sensors have their upright. */
    public boolean isCalibrated() {
        return upperCalibrated && lowerCalibrated;
    }

    /**
     * One upper sample at session time {@code tS}: the upper filter's quaternion, and the lower one's at the same
     * time when {@code lowerPresent}. Fills {@code out}'s spine angles, pelvic tilt and {@code spineValid}.
     */
    public void update(double tS, double qw, double qx, double qy, double qz, boolean lowerPresent, double lw,
                       double lx, double ly, double lz, PostureFrame out) {
        double dt = Double.isNaN(lastS) || tS < lastS ? 0 : Math.min(tS - lastS, 1);
        lastS = tS;
        if (lowerPresent) {
            ringT[ringNext] = tS;
            ringW[ringNext] = lw;
            ringX[ringNext] = lx;
            ringY[ringNext] = ly;
            ringZ[ringNext] = lz;
            ringNext = (ringNext + 1) % RING;
            ringCount = Math.min(ringCount + 1, RING);
            if (!Double.isNaN(pendingFromS) && tS - Math.max(pendingFromS, firstLowerAfter(pendingFromS))
                    >= neutralWindowS) {
                if (captureLower(pendingFromS, tS)) {
                    pendingFromS = Double.NaN;
                }
            }
        }
        if (!lowerPresent || !isCalibrated()) {
            out.spineValid = false;
            out.spineFlexionDeg = out.spineLateralBendDeg = out.spineAxialRotationDeg = Double.NaN;
            out.pelvicTiltDeg = Double.NaN;
            return;
        }
        bu.setProduct(qw, qx, qy, qz, upperMount.w, upperMount.x, upperMount.y, upperMount.z);
        bl.setProduct(lw, lx, ly, lz, lowerMount.w, lowerMount.x, lowerMount.y, lowerMount.z);
        tmp.setProduct(offset, bu);
        trackHeading(dt);
        // Rz(−ψ_ref) ⊗ (D ⊗ B_u), then B_l* ⊗ that
        double c = Math.cos(-psiRef / 2), sn = Math.sin(-psiRef / 2);
        tmp.setProduct(c, 0, 0, sn, tmp.w, tmp.x, tmp.y, tmp.z);
        tmp.setConjugateProduct(bl, tmp);
        TrunkAngles.decompose(tmp.w, tmp.x, tmp.y, tmp.z, angles);
        out.spineFlexionDeg = angles.flexionDeg;
        out.spineLateralBendDeg = angles.lateralBendDeg;
        out.spineAxialRotationDeg = angles.axialRotationDeg;
        // Up in the pelvis's body frame: the third row of R(B_l).
        double upY = 2 * (bl.y * bl.z + bl.w * bl.x), upZ = 1 - 2 * (bl.x * bl.x + bl.y * bl.y);
        out.pelvicTiltDeg = Math.toDegrees(Angles.atan2(-upY, upZ));
        out.spineValid = true;
    }

    /**
     * ψ as it is, untracked and continuous (the upper segment's heading less the lower's, with the offset at
     * calibration taken out), degrees: over a few seconds the filters drift little, so its change over a short
     * movement is the spine's rotation in it. NaN before both sensors are calibrated.
     */
    public double headingDifferenceDeg() {
        return headingPrimed ? Math.toDegrees(psiCont) : Double.NaN;
    }

    /** Follows ψ, the heading of {@code tmp} (= D ⊗ B_u) less that of {@code bl}, into ψ_ref. */
    private void trackHeading(double dtS) {
        double d = Angles.wrapRad(2 * Angles.atan2(tmp.z, tmp.w) - 2 * Angles.atan2(bl.z, bl.w));
        if (!headingPrimed) {
            headingPrimed = true;
            psiCont = psiLast = d;
            psiRef = d;
            psiRateRadPerS = 0;
            trackedS = 0;
            return;
        }
        psiCont += Angles.wrapRad(d - psiLast);
        psiLast = d;
        boolean upright = 1 - 2 * (tmp.x * tmp.x + tmp.y * tmp.y) > COS_TILT_LIMIT
                && 1 - 2 * (bl.x * bl.x + bl.y * bl.y) > COS_TILT_LIMIT;
        if (dtS <= 0 || !upright) {
            psiRef += psiRateRadPerS * dtS;
            return;
        }
        trackedS += dtS;
        double omega = 1 / Math.min(HEADING_TRACK_MIN_S + trackedS, HEADING_TRACK_MAX_S);
        double e = psiCont - psiRef;
        psiRateRadPerS += omega * omega * e * dtS;
        psiRef += (psiRateRadPerS + 2 * omega * e) * dtS;
    }

    /** The upper time of the first kept lower sample at or after {@code fromS} (+∞ when none). */
    private double firstLowerAfter(double fromS) {
        for (int k = ringCount; k >= 1; k--) {
            int i = Math.floorMod(ringNext - k, RING);
            if (ringT[i] >= fromS) {
                return ringT[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The lower neutral as the mean of its kept orientations in [fromS, toS]; false when they cover too little. */
    private boolean captureLower(double fromS, double toS) {
        double sw = 0, sx = 0, sy = 0, sz = 0, first = Double.NaN, last = Double.NaN;
        int n = 0;
        for (int k = ringCount; k >= 1; k--) {
            int i = Math.floorMod(ringNext - k, RING);
            if (ringT[i] < fromS || ringT[i] > toS) {
                continue;
            }
            double sign = n == 0 || ringW[i] * sw + ringX[i] * sx + ringY[i] * sy + ringZ[i] * sz >= 0 ? 1 : -1;
            sw += sign * ringW[i];
            sx += sign * ringX[i];
            sy += sign * ringY[i];
            sz += sign * ringZ[i];
            first = n == 0 ? ringT[i] : first;
            last = ringT[i];
            n++;
        }
        double span = Double.isInfinite(fromS) ? neutralWindowS : Math.min(toS - fromS, neutralWindowS);
        if (n < 2 || last - first < MIN_COVER * span) {
            return false;
        }
        mean.set(sw, sx, sy, sz).normalize();
        Quat q = mean;
        double ux = 2 * (q.x * q.z - q.w * q.y), uy = 2 * (q.y * q.z + q.w * q.x), uz = 1 - 2 * (q.x * q.x + q.y * q.y);
        Mounting.fromUpAndForward(ux, uy, uz, Mounting.DEFAULT_FORWARD_X, Mounting.DEFAULT_FORWARD_Y,
                Mounting.DEFAULT_FORWARD_Z, lowerMount);
        lowerNeutralBody.setProduct(mean, lowerMount);
        offset.setProductConjugate(lowerNeutralBody, upperNeutralBody);
        lowerCalibrated = true;
        return true;
    }
}
