package io.midback.posture;

import io.midback.sensor.Quat;

/**
 * Thoracic angles relative to the neutral, and the heading reference they are measured from.
 *
 * <p>The trunk (body) orientation is {@code q_b = q ⊗ m} (filter quaternion, sensor → ENU, times the mounting,
 * body → sensor). Relative to the neutral {@code q_b0} and a heading reference {@code ψ_ref} about the vertical:
 * {@code r = q_b0* ⊗ Rz(−ψ_ref) ⊗ q_b}, decomposed in the ISB order as intrinsic rotations about the body's x
 * (medio-lateral), then y' (anterior), then z'' (the trunk's long axis): {@code r = Rx(−flexion) ·
 * Ry(lateralBend) · Rz(−axialRotation)}, flexion forward +, lateral bend right +, axial rotation right +. No
 * jumps while the lateral bend stays within ±90°.
 *
 * <p>Without a magnetometer the heading drifts. The heading change of the trunk since neutral ({@code ψ}, the
 * twist of {@code q_b ⊗ q_b0*} about the vertical) is followed by {@code ψ_ref}: while the wearer is still for
 * {@code headingRezeroAfterS} the reference re-zeroes to the current heading and the drift rate seen while still
 * is extrapolated while moving; a slow follow absorbs turning the chair. Axial rotation is therefore relative to
 * the recent heading ({@link PostureFrame#rotationAbsolute} false), and it re-zeroes when the wearer settles after
 * walking or lying ({@link #rezeroHeading()}). Each sample's angles are measured from the reference the sample
 * before foresaw for it (its reference plus its last step), so that the heading step and the angles need not wait
 * for each other. Plain values in; allocation-free.
 */
public final class TrunkAngles {
    private final Ema rezero;
    /** 1 / {@code headingDriftTauS} and 1 / {@code headingFollowTauS}: multiplied, not divided, per sample. */
    private final double perDriftTauS, perFollowTauS;
    /** {@code headingLearnAfterS} and {@code headingRezeroAfterS}, in fields of their own (one load each, not two). */
    private final double learnAfterS, rezeroAfterS;
    private boolean rotationAbsolute;
    private boolean headingPrimed;
    private double twistPrevW, twistPrevZ, psiCont, psiRef, driftRadPerS;
    /** cos and sin of −ψ_ref/2 for the reference used last (recomputed when it moves by more than 1e-5 rad). */
    private double refFor = Double.NaN, refCos = 1, refSin;
    /** Half-angle steps of the reference up to this are turned by a series ({@link #moveReference}), rad. */
    private static final double SMALL_STEP_RAD = 1e-4;
    /** … and every this many steps it is recomputed exactly. */
    private static final int EXACT_EVERY = 1024;
    private int stepsToExact;
    /** Cosine of the trunk's inclination from vertical (compared against cosines: no acos per sample). */
    private double cosInclination = 1;

    TrunkAngles(PostureTuning tuning) {
        this.rezero = new Ema(tuning.headingRezeroTauS());
        this.perDriftTauS = 1 / tuning.headingDriftTauS();
        this.perFollowTauS = 1 / tuning.headingFollowTauS();
        this.learnAfterS = tuning.headingLearnAfterS();
        this.rezeroAfterS = tuning.headingRezeroAfterS();
    }

    void setRotationAbsolute(boolean absolute) {
        this.rotationAbsolute = absolute;
    }

    /** A new neutral: the heading reference starts again from it. */
    void resetHeading() {
        headingPrimed = false;
    }

    /**
     * The wearer settles after moving about (walking, lying): the heading reference takes the current heading at
     * once. Without a magnetometer the heading drifts fastest while walking, and a wrong reference turns flexion
     * into lateral bend; one settles facing one's work.
     */
    void rezeroHeading() {
        if (headingPrimed && !rotationAbsolute) {
            psiRef = psiCont;
            moveReference(psiRef); // from the next sample's angles
        }
    }

    /**
     * The angles of one sample into {@code out} (flexion, lateral bend, axial rotation).
     *
     * @param mount       body → sensor
     * @param neutralBody the trunk's neutral orientation, body → ENU
     * @param stillForS   how long the wearer has been still (heading re-zeroing)
     */
    void update(double dtS, double qw, double qx, double qy, double qz, Quat mount, Quat neutralBody,
                double stillForS, PostureFrame out) {
        // q_b = q ⊗ m, the terms and their order as Quat.setProduct (the same bits), in locals
        double mw = mount.w, mx = mount.x, my = mount.y, mz = mount.z;
        double bw = qw * mw - qx * mx - qy * my - qz * mz;
        double bx = qw * mx + qx * mw + qy * mz - qz * my;
        double by = qw * my - qx * mz + qy * mw + qz * mx;
        double bz = qw * mz + qx * my - qy * mx + qz * mw;
        double c = 1 - 2 * (bx * bx + by * by);
        cosInclination = c > 1 ? 1 : c < -1 ? -1 : c;
        // Heading change since neutral: twist of q_b ⊗ q_b0* about the vertical (its w and z only; the terms
        // and their order as Quat.setProductConjugate, with its negations folded in exactly: the same bits).
        double nw = neutralBody.w, nx = neutralBody.x, ny = neutralBody.y, nz = neutralBody.z;
        double twistW = bw * nw + bx * nx + by * ny + bz * nz;
        double twistZ = -(bw * nz) - bx * ny + by * nx + bz * nw;
        if (!headingPrimed) { // a new neutral: the reference starts at once
            followHeading(dtS, twistW, twistZ, stillForS);
            relativeToNeutral(bw, bx, by, bz, nw, nx, ny, nz, out);
        } else {
            // The angles use the reference the last sample foresaw for this one, and this sample's heading step
            // foresees the next: the heading step (a division and a series) and the angles (three more divisions)
            // are then two independent chains the processor runs side by side, not one after the other.
            relativeToNeutral(bw, bx, by, bz, nw, nx, ny, nz, out);
            followHeading(dtS, twistW, twistZ, stillForS);
        }
        out.rotationAbsolute = rotationAbsolute;
    }

    /** r = q_b0* ⊗ Rz(−ψ_ref) ⊗ q_b, decomposed into {@code out}'s angles. */
    private void relativeToNeutral(double bw, double bx, double by, double bz, double nw, double nx, double ny,
                                   double nz, PostureFrame out) {
        // Rz(−ψ_ref) ⊗ q_b, Rz having no x or y part (the zero terms of Quat.setProduct dropped: the same values)
        double hw = refCos * bw - refSin * bz;
        double hx = refCos * bx - refSin * by;
        double hy = refCos * by + refSin * bx;
        double hz = refCos * bz + refSin * bw;
        // q_b0* ⊗ that, as Quat.setConjugateProduct with its negations folded in exactly (the same bits)
        decompose(nw * hw + nx * hx + ny * hy + nz * hz,
                nw * hx - nx * hw - ny * hz + nz * hy,
                nw * hy + nx * hz - ny * hw - nz * hx,
                nw * hz - nx * hy + ny * hx - nz * hw, out);
    }

    /**
     * The heading ψ from the twist (w, z) of this sample, and its reference ψ_ref (and the cos and sin of −ψ_ref/2
     * the next sample's angles use).
     */
    private void followHeading(double dtS, double twistW, double twistZ, double stillForS) {
        double psiRefBefore = psiRef;
        if (!headingPrimed) {
            headingPrimed = true;
            twistPrevW = twistW;
            twistPrevZ = twistZ;
            psiCont = 2 * Angles.atan2(twistZ, twistW);
            psiRef = psiRefBefore = 0;
            driftRadPerS = 0;
        } else {
            double dpsi = headingStep(twistW, twistZ);
            psiCont += dpsi;
            if (!rotationAbsolute && dtS > 0) {
                if (stillForS >= learnAfterS) {
                    // (dpsi / dt − drift) · dt / τ, written without the division
                    driftRadPerS += dpsi * perDriftTauS - driftRadPerS * (dtS * perDriftTauS);
                }
                if (stillForS >= rezeroAfterS) {
                    psiRef += (psiCont - psiRef) * rezero.alpha(dtS);
                } else {
                    psiRef += driftRadPerS * dtS + (psiCont - psiRef) * (dtS * perFollowTauS);
                }
            }
        }
        if (rotationAbsolute) {
            psiRef = psiRefBefore = 0;
        }
        // The next sample's reference, foreseen by this sample's step: it errs by the change of the step from one
        // sample to the next (the reference moves smoothly), not by a whole step.
        double next = psiRef + (psiRef - psiRefBefore);
        if (!(Math.abs(next - refFor) <= 1e-5)) {
            moveReference(next);
        }
    }

    /**
     * cos and sin of −ψ/2 for a new reference ψ. The reference moves by a small step most samples (it follows the
     * heading), so the pair is turned by the half-angle step with its Taylor series (exact to double precision for
     * steps up to {@link #SMALL_STEP_RAD}: the first terms left out, d⁵/120 and d⁴/24, are below 1e-17) rather than
     * recomputed; a large step, and every {@link #EXACT_EVERY}th, recomputes it with {@link Math#cos} and
     * {@link Math#sin} so rounding cannot accumulate.
     */
    private void moveReference(double psi) {
        double d = -(psi - refFor) / 2;
        if (Math.abs(d) <= SMALL_STEP_RAD && --stepsToExact > 0) {
            double d2 = d * d;
            double sinD = d - d * d2 * (1.0 / 6);
            double cosD = 1 - d2 * 0.5;
            double c = refCos * cosD - refSin * sinD;
            refSin = refSin * cosD + refCos * sinD;
            refCos = c;
        } else {
            refCos = Math.cos(-psi / 2);
            refSin = Math.sin(-psi / 2);
            stepsToExact = EXACT_EVERY;
        }
        refFor = psi;
    }

    /**
     * The heading change since the last sample, rad in (−π, π]: twice the angle from the last twist (w, z) to this
     * one, from their cross and dot products. Between two samples it is small, so its arctangent is a short
     * series ({@link Angles#atanSmall}); a large step takes the full {@link Angles#atan2}.
     */
    private double headingStep(double twistW, double twistZ) {
        double cross = twistZ * twistPrevW - twistW * twistPrevZ;
        double dot = twistW * twistPrevW + twistZ * twistPrevZ;
        twistPrevW = twistW;
        twistPrevZ = twistZ;
        if (dot > 0 && Math.abs(cross) <= Angles.SMALL_TAN * dot) {
            return 2 * Angles.atanSmall(cross / dot);
        }
        return Angles.wrapRad(2 * Angles.atan2(cross, dot));
    }

    /** ISB decomposition of the relative rotation (w, x, y, z) into the frame's three angles. */
    public static void decompose(double w, double x, double y, double z, PostureFrame out) {
        double r00 = 1 - 2 * (y * y + z * z);
        double r01 = 2 * (x * y - w * z);
        double r02 = 2 * (x * z + w * y);
        double r12 = 2 * (y * z - w * x);
        double r22 = 1 - 2 * (x * x + y * y);
        double alpha = Angles.atan2(-r12, r22);
        double beta = Angles.asin(r02);
        double gamma = Angles.atan2(-r01, r00);
        out.flexionDeg = -Math.toDegrees(alpha);
        out.lateralBendDeg = Math.toDegrees(beta);
        out.axialRotationDeg = -Math.toDegrees(gamma);
    }

    /** Cosine of the trunk's inclination from vertical at the last sample. */
    double cosInclination() {
        return cosInclination;
    }

    double headingDeg() {
        return Math.toDegrees(psiCont);
    }

    double headingReferenceDeg() {
        return Math.toDegrees(psiRef);
    }

    double headingDriftDegPerS() {
        return Math.toDegrees(driftRadPerS);
    }
}
