package io.midback.orientation;

/**
 * Midback's orientation filter ({@code --filter midback}): the VQF algorithm of D. Laidig and T. Seel, "VQF:
 * Highly Accurate IMU Orientation Estimation with Bias Estimation and Magnetic Disturbance Rejection",
 * Information Fusion 91:187–204, 2023 (doi:10.1016/j.inffus.2022.10.014), written afresh in Java after the paper
 * and its public reference implementation (github.com/dlaidig/vqf, MIT licence), which it follows step for step.
 *
 * <ol>
 * <li>The gyroscope, minus the estimated bias, is integrated exactly into a strapdown quaternion.</li>
 * <li>The accelerometer is rotated by it into an almost-inertial frame and low-passed there (second-order
 * Butterworth, {@link VqfSettings#tauAccS()}), which removes external accelerations without lag in the
 * attitude; a second quaternion turns the low-passed vector onto the vertical (inclination correction).</li>
 * <li>Rest is detected when gyroscope and accelerometer stay close to their low-passed values (and the rate
 * below the bias clip) for {@link VqfSettings#restMinTimeS()}; the gyroscope bias is estimated by a small Kalman
 * filter: at rest from the low-passed gyroscope, in motion from the inclination corrections (horizontal axes;
 * the vertical one only weakly).</li>
 * <li>With a magnetometer, a heading offset follows the horizontal field with {@link VqfSettings#tauMagS()};
 * a change of the field's norm or dip marks a disturbance, during which the magnetometer is ignored (at most
 * {@link VqfSettings#magMaxRejectionTimeS()}); a new steady field is accepted while turning.</li>
 * </ol>
 *
 * <p>Speed: the filter coefficients are computed for the sampling period and recomputed only when the measured
 * period drifts by more than {@value #PERIOD_TOLERANCE} of it; the gyroscope step and the inclination correction
 * use short series where their angles are small; the bias filter exploits the symmetry of its covariance and
 * divides once; the gyroscope step removes the bias estimate of the previous update (one sample behind, so the
 * next sample need not wait for the bias filter; on BROAD the results are unchanged to four decimals). With
 * {@link VqfSettings#biasUpdatePeriodS()} &gt; 0 (the defaults: 50 ms) the bias filter, which costs more than the
 * rest of the 6D update, runs once per that many samples on the means of its inputs (rotation matrix and
 * inclination correction), with its low-pass and Kalman coefficients for the longer period; with 0 (the paper)
 * it runs every sample exactly as in VQF. The
 * update allocates nothing. A period longer than {@link VqfSettings#maxGapS()} re-initialises the orientation (the bias estimate
 * is kept); a non-positive or NaN period (a repeated timestamp) drops the sample.
 */
public final class VqfFilter implements OrientationFilter {
    /** Relative drift of the measured sampling period that triggers new filter coefficients. */
    public static final double PERIOD_TOLERANCE = 0.05;
    private static final double DEG = Math.PI / 180;
    private static final double EPS = Math.ulp(1.0);
    private static final double PERIOD_SMOOTHING = 0.02;

    private final VqfSettings s;
    private final double nominalTsS;
    /**
     * A rest bias measurement is gated ({@link VqfSettings#restVerticalGateDegPerS()}) beyond the gate plus this
     * many standard deviations of the estimate along the vertical.
     */
    public static final double REST_GATE_SIGMAS = 3;
    /** The bias covariance's unit, 0.01 °/s, in rad/s. */
    private static final double BIAS_P_UNIT = 0.01 * Math.PI / 180;

    private final double biasClip, restVerticalGate, restThGyrSq, restThAccSq, magDipTh, magNewMinGyr;
    private final double tauAcc, tauMag;
    private final double leadS;

    // coefficients for the current period
    private double ts, invTs;
    private double periodEstS;
    private double biasP0, biasV, biasMotionW, biasVerticalW, biasRestW, kMag, kMagRef;
    private int biasBlock; // samples per bias filter update (1 = every sample)
    private final LowPass restGyrLp, restAccLp, accLp; // vectors (3)
    private final LowPass rLp; // R (9) and R·bias (2)
    private final LowPass magNormDipLp; // the field's norm and dip (2)

    // state
    private boolean started;
    private boolean magSeen;
    private double gyrW = 1, gyrX, gyrY, gyrZ;   // strapdown quaternion
    private double accW = 1, accX, accY, accZ;   // inclination correction quaternion
    private double delta, deltaC = 1, deltaS;    // heading correction, its half-angle cosine and sine
    private double q6W = 1, q6X, q6Y, q6Z;       // accQuat ⊗ gyrQuat
    private double outW = 1, outX, outY, outZ;
    private double biasX, biasY, biasZ;          // rad/s
    private double intBiasX, intBiasY, intBiasZ; // the bias the gyroscope step removes: one update behind
    private double p00, p01, p02, p11, p12, p22; // bias covariance, (0.01 °/s)²
    // sums over the current block of the bias filter's inputs: rotation matrix, earth-frame acceleration
    private int blockCount;
    private double sr0, sr1, sr2, sr3, sr4, sr5, sr6, sr7, sr8, sAccEarthX, sAccEarthY;
    private boolean restDetected;
    private double restT;
    private double restGyrLpX, restGyrLpY, restGyrLpZ;
    private double kMagInit;
    private boolean magDistDetected;
    private double magRefNorm, magRefDip, magUndisturbedT, magRejectT;
    private double magCandidateNorm, magCandidateDip, magCandidateT;

    /** The default settings at a nominal sampling rate. */
    public VqfFilter(double rateHz) {
        this(VqfSettings.defaults(), rateHz);
    }

    /**
     * @param settings the parameters
     * @param rateHz   nominal sampling rate, Hz: the coefficients start from it and follow the measured period
     */
    public VqfFilter(VqfSettings settings, double rateHz) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive: " + rateHz);
        }
        this.s = settings;
        this.nominalTsS = 1 / rateHz;
        this.biasClip = s.biasClipDegPerS() * DEG;
        this.restVerticalGate = s.restVerticalGateDegPerS() * DEG;
        this.restThGyrSq = square(s.restThresholdGyrDegPerS() * DEG);
        this.restThAccSq = square(s.restThresholdAccMps2());
        this.magDipTh = s.magDipThresholdDeg() * DEG;
        this.magNewMinGyr = s.magNewMinGyrDegPerS() * DEG;
        this.tauAcc = s.tauAccS();
        this.tauMag = s.tauMagS();
        this.leadS = s.latencyCompensationS();
        restGyrLp = new LowPass(3, s.restFilterTauS(), nominalTsS);
        restAccLp = new LowPass(3, s.restFilterTauS(), nominalTsS);
        accLp = new LowPass(3, tauAcc, nominalTsS);
        rLp = new LowPass(11, tauAcc, nominalTsS);
        magNormDipLp = new LowPass(2, s.magCurrentTauS(), nominalTsS);
        periodEstS = nominalTsS;
        setPeriod(nominalTsS);
        reset();
    }

    public VqfSettings settings() {
        return s;
    }

    private void setPeriod(double t) {
        ts = t;
        invTs = 1 / t;
        restGyrLp.setPeriod(t);
        restAccLp.setPeriod(t);
        accLp.setPeriod(t);
        biasBlock = Math.max(1, (int) Math.round(s.biasUpdatePeriodS() / t));
        // the bias filter runs once per block: its coefficients are for the block's duration
        double bt = biasBlock * t;
        rLp.setPeriod(bt);
        magNormDipLp.setPeriod(t);
        kMag = gainFromTau(tauMag, t);
        kMagRef = gainFromTau(s.magRefTauS(), t);
        biasP0 = square(s.biasSigmaInitDegPerS() * 100);
        // the system noise increases the variance from 0 to (0.1 °/s)² in biasForgettingTime
        biasV = square(0.1 * 100) * bt / s.biasForgettingTimeS();
        double pMotion = square(s.biasSigmaMotionDegPerS() * 100);
        biasMotionW = square(pMotion) / biasV + pMotion;
        biasVerticalW = biasMotionW / Math.max(s.biasVerticalForgettingFactor(), 1e-10);
        double pRest = square(s.biasSigmaRestDegPerS() * 100);
        biasRestW = square(pRest) / biasV + pRest;
    }

    private static double gainFromTau(double tau, double t) {
        if (tau < 0) {
            return 0;
        }
        if (tau == 0) {
            return 1;
        }
        return 1 - Math.exp(-t / tau);
    }

    @Override
    public void reset() {
        restartOrientation();
        biasX = biasY = biasZ = 0;
        intBiasX = intBiasY = intBiasZ = 0;
        p00 = p11 = p22 = biasP0;
        p01 = p02 = p12 = 0;
        clearBlock();
        magSeen = false;
        started = false;
    }

    /** Everything but the bias estimate starts afresh (after a gap). */
    private void restartOrientation() {
        gyrW = accW = q6W = outW = 1;
        gyrX = gyrY = gyrZ = accX = accY = accZ = q6X = q6Y = q6Z = outX = outY = outZ = 0;
        delta = 0;
        deltaC = 1;
        deltaS = 0;
        restDetected = false;
        restT = 0;
        restGyrLpX = restGyrLpY = restGyrLpZ = 0;
        restGyrLp.reset();
        restAccLp.reset();
        accLp.reset();
        rLp.reset();
        clearBlock();
        magNormDipLp.reset();
        kMagInit = 1;
        magDistDetected = true;
        magRefNorm = magRefDip = magUndisturbedT = 0;
        magRejectT = s.magMaxRejectionTimeS();
        magCandidateNorm = -1;
        magCandidateDip = 0;
        magCandidateT = 0;
    }

    @Override
    public void update(double dtS, double gx, double gy, double gz, double ax, double ay, double az,
                       double mx, double my, double mz) {
        if (!(dtS > 0)) {
            if (started) {
                return; // repeated or disordered timestamp: drop the sample
            }
            dtS = ts;
        } else if (dtS > s.maxGapS()) {
            if (started) {
                restartOrientation();
            }
            dtS = ts;
        } else {
            periodEstS += PERIOD_SMOOTHING * (dtS - periodEstS);
            if (Math.abs(periodEstS - ts) > PERIOD_TOLERANCE * ts) {
                setPeriod(periodEstS);
            }
        }
        started = true;
        updateGyr(dtS, gx, gy, gz);
        // "any axis non-zero" as one comparison (a sum of magnitudes is 0 only when all are): with one test per
        // axis, an exact 0 in one axis (rare, so never seen while the code was profiled) sends the compiled
        // update back to the interpreter
        if (Math.abs(ax) + Math.abs(ay) + Math.abs(az) != 0) {
            updateAcc(dtS, ax, ay, az);
        }
        quat6D();
        if (s.motionBiasEstimation() || s.restBiasEstimation()) {
            updateBias();
        }
        boolean useMag = Math.abs(mx) + Math.abs(my) + Math.abs(mz) != 0 && !Double.isNaN(mx + my + mz);
        if (useMag) {
            magSeen = true;
            updateMag(dtS, mx, my, mz);
        }
        if (leadS > 0) {
            predictOutput(gx - biasX, gy - biasY, gz - biasZ);
        }
        if (magSeen) {
            // out = [cos δ/2, 0, 0, sin δ/2] ⊗ q6
            outW = deltaC * q6W - deltaS * q6Z;
            outX = deltaC * q6X - deltaS * q6Y;
            outY = deltaC * q6Y + deltaS * q6X;
            outZ = deltaC * q6Z + deltaS * q6W;
        } else {
            outW = q6W;
            outX = q6X;
            outY = q6Y;
            outZ = q6Z;
        }
    }

    /** q6 ← q6 ⊗ exp(ω·lead/2): the orientation {@link VqfSettings#latencyCompensationS()} ahead. */
    private void predictOutput(double wx, double wy, double wz) {
        double half = 0.5 * leadS;
        double h2 = (wx * wx + wy * wy + wz * wz) * half * half;
        double c, sn;
        if (h2 < 0.01) {
            c = 1 - h2 * (1.0 / 2 - h2 * (1.0 / 24 - h2 * (1.0 / 720 - h2 / 40320)));
            sn = (1 - h2 * (1.0 / 6 - h2 * (1.0 / 120 - h2 * (1.0 / 5040 - h2 / 362880)))) * half;
        } else {
            double h = Math.sqrt(h2);
            c = Math.cos(h);
            sn = Math.sin(h) / h * half;
        }
        double dx = wx * sn, dy = wy * sn, dz = wz * sn;
        double w = q6W, x = q6X, y = q6Y, z = q6Z;
        q6W = w * c - x * dx - y * dy - z * dz;
        q6X = w * dx + x * c + y * dz - z * dy;
        q6Y = w * dy - x * dz + y * c + z * dx;
        q6Z = w * dz + x * dy - y * dx + z * c;
    }

    private void updateGyr(double dt, double gx, double gy, double gz) {
        if (s.restBiasEstimation() || s.magDisturbanceRejection()) {
            restGyrLp.step(gx, gy, gz);
            double[] v = restGyrLp.x;
            double lx = v[0], ly = v[1], lz = v[2];
            restGyrLpX = lx;
            restGyrLpY = ly;
            restGyrLpZ = lz;
            double dev = square(gx - lx) + square(gy - ly) + square(gz - lz);
            if (dev >= restThGyrSq || Math.abs(lx) > biasClip || Math.abs(ly) > biasClip
                    || Math.abs(lz) > biasClip) {
                restT = 0;
                restDetected = false;
            }
        }
        double wx = gx - intBiasX, wy = gy - intBiasY, wz = gz - intBiasZ;
        double h2 = (wx * wx + wy * wy + wz * wz) * (dt * dt * 0.25); // (half the rotation angle)²
        double c, sn;
        if (h2 < 1e-3) {
            // cos h and sin(h)/h by their series to h⁶ (the next terms are below 3e-17 for h < 0.032 rad,
            // 1800 °/s at 285 Hz), evaluated in two levels (Estrin) to keep the dependency chain short
            double h4 = h2 * h2;
            c = (1 - 0.5 * h2) + h4 * (1.0 / 24 - h2 * (1.0 / 720));
            double sinc = (1 - h2 * (1.0 / 6)) + h4 * (1.0 / 120 - h2 * (1.0 / 5040));
            sn = sinc * (dt * 0.5);
        } else {
            double h = Math.sqrt(h2);
            c = Math.cos(h);
            sn = Math.sin(h) / h * dt * 0.5;
        }
        double dx = wx * sn, dy = wy * sn, dz = wz * sn;
        double qw = gyrW, qx = gyrX, qy = gyrY, qz = gyrZ;
        // the step is a unit quaternion, so the norm stays within rounding of 1: one Newton step on the old
        // norm renormalises, computed beside the product
        double f = 1.5 - 0.5 * (qw * qw + qx * qx + qy * qy + qz * qz);
        c *= f;
        dx *= f;
        dy *= f;
        dz *= f;
        gyrW = qw * c - qx * dx - qy * dy - qz * dz;
        gyrX = qw * dx + qx * c + qy * dz - qz * dy;
        gyrY = qw * dy - qx * dz + qy * c + qz * dx;
        gyrZ = qw * dz + qx * dy - qy * dx + qz * c;
    }

    // the horizontal components of the last normalised, low-passed acceleration in the 6D earth frame
    private double accEarthX, accEarthY;
    private boolean accUpdated;

    private void updateAcc(double dt, double ax, double ay, double az) {
        if (s.restBiasEstimation()) {
            restAccLp.step(ax, ay, az);
            double[] v = restAccLp.x;
            double lx = v[0], ly = v[1], lz = v[2];
            double dev = square(ax - lx) + square(ay - ly) + square(az - lz);
            if (dev >= restThAccSq) {
                restT = 0;
                restDetected = false;
            } else {
                restT += dt;
                if (restT >= s.restMinTimeS()) {
                    restDetected = true;
                }
            }
        }
        // acceleration into the almost-inertial frame of the strapdown quaternion, low-passed there
        double w = gyrW, x = gyrX, y = gyrY, z = gyrZ;
        // v' = v + w t + q⃗ × t with t = 2 q⃗ × v (a unit quaternion's rotation, in fewer operations)
        double tx = 2 * (y * az - z * ay), ty = 2 * (z * ax - x * az), tz = 2 * (x * ay - y * ax);
        double ix = ax + w * tx + (y * tz - z * ty);
        double iy = ay + w * ty + (z * tx - x * tz);
        double iz = az + w * tz + (x * ty - y * tx);
        accLp.step(ix, iy, iz);
        double[] av = accLp.x;
        ix = av[0];
        iy = av[1];
        iz = av[2];
        // into the 6D earth frame, normalised: the rotation keeps the norm, so the normalisation factor comes
        // from the low-passed vector, off the dependency chain through accQuat
        double l2 = ix * ix + iy * iy + iz * iz;
        double inv = l2 > EPS * EPS ? 1 / Math.sqrt(l2) : 1;
        w = accW;
        x = accX;
        y = accY;
        z = accZ;
        double qq = w * w + x * x + y * y + z * z;
        tx = 2 * (y * iz - z * iy);
        ty = 2 * (z * ix - x * iz);
        tz = 2 * (x * iy - y * ix);
        double ex = (ix + w * tx + (y * tz - z * ty)) * inv;
        double ey = (iy + w * ty + (z * tx - x * tz)) * inv;
        double ez = (iz + w * tz + (x * ty - y * tx)) * inv;
        // inclination correction: the shortest rotation taking (ex, ey, ez) onto (0, 0, 1), which is
        // (1 + ez, ey, -ex, 0) / sqrt(2 (1 + ez)); applied before normalising, and accQuat's own norm corrected
        // to first order on the way
        double cw = 1 + ez;
        double nw, nx, ny, nz, f;
        if (cw > 2e-12) {
            double cx = ey, cy = -ex;
            nw = cw * w - cx * x - cy * y;
            nx = cw * x + cx * w + cy * z;
            ny = cw * y - cx * z + cy * w;
            nz = cw * z + cx * y - cy * x;
            // 1 / sqrt(2 (1 + ez)) = 1 / (2 sqrt(1 + u)) with u = (ez - 1) / 2: a short series for the usual
            // small corrections (|u| < 1e-4, about 1.6°; error below 4e-17), the exact form otherwise
            double u = 0.5 * (ez - 1);
            double r;
            if (u > -1e-4) {
                double u2 = u * u;
                r = (0.5 - 0.25 * u) + u2 * (0.1875 - 0.15625 * u);
            } else {
                r = 1 / Math.sqrt(2 * cw);
            }
            f = (1.5 - 0.5 * qq) * r;
        } else { // (ex, ey, ez) within 0.0001° of straight down: turn 180° about x
            nw = -x;
            nx = w;
            ny = -z;
            nz = y;
            f = 1.5 - 0.5 * qq;
        }
        accW = nw * f;
        accX = nx * f;
        accY = ny * f;
        accZ = nz * f;
        accEarthX = ex;
        accEarthY = ey;
        accUpdated = true;
    }

    private void quat6D() {
        double aw = accW, ax = accX, ay = accY, az = accZ;
        double bw = gyrW, bx = gyrX, by = gyrY, bz = gyrZ;
        q6W = aw * bw - ax * bx - ay * by - az * bz;
        q6X = aw * bx + ax * bw + ay * bz - az * by;
        q6Y = aw * by - ax * bz + ay * bw + az * bx;
        q6Z = aw * bz + ax * by - ay * bx + az * bw;
    }

    private void clearBlock() {
        blockCount = 0;
        sr0 = sr1 = sr2 = sr3 = sr4 = sr5 = sr6 = sr7 = sr8 = sAccEarthX = sAccEarthY = 0;
    }

    private void updateBias() {
        if (!accUpdated) {
            return;
        }
        accUpdated = false;
        intBiasX = biasX;
        intBiasY = biasY;
        intBiasZ = biasZ;
        double aex = accEarthX, aey = accEarthY;
        double w = q6W, x = q6X, y = q6Y, z = q6Z;
        double r0 = 1 - 2 * y * y - 2 * z * z;
        double r1 = 2 * (y * x - w * z);
        double r2 = 2 * (w * y + z * x);
        double r3 = 2 * (w * z + y * x);
        double r4 = 1 - 2 * x * x - 2 * z * z;
        double r5 = 2 * (y * z - x * w);
        double r6 = 2 * (z * x - w * y);
        double r7 = 2 * (w * x + z * y);
        double r8 = 1 - 2 * x * x - 2 * y * y;
        if (biasBlock > 1) {
            // decimated: sum the inputs; once per block, run the filter on their means (the low-pass of R and
            // the Kalman filter are linear in them and their time constants are seconds)
            sr0 += r0;
            sr1 += r1;
            sr2 += r2;
            sr3 += r3;
            sr4 += r4;
            sr5 += r5;
            sr6 += r6;
            sr7 += r7;
            sr8 += r8;
            sAccEarthX += aex;
            sAccEarthY += aey;
            if (++blockCount < biasBlock) {
                return;
            }
            double inv = 1.0 / blockCount;
            r0 = sr0 * inv;
            r1 = sr1 * inv;
            r2 = sr2 * inv;
            r3 = sr3 * inv;
            r4 = sr4 * inv;
            r5 = sr5 * inv;
            r6 = sr6 * inv;
            r7 = sr7 * inv;
            r8 = sr8 * inv;
            aex = sAccEarthX * inv;
            aey = sAccEarthY * inv;
            clearBlock();
        }
        biasFilterStep(r0, r1, r2, r3, r4, r5, r6, r7, r8, aex, aey);
    }

    /**
     * One step of the bias filter on the rotation matrix {@code r} of the 6D quaternion and the normalised
     * earth-frame acceleration {@code (aex, aey)} (apart from {@link #updateBias}, so that the per-sample part
     * stays small enough to inline).
     */
    private void biasFilterStep(double r0, double r1, double r2, double r3, double r4, double r5, double r6,
                                double r7, double r8, double aex, double aey) {
        double bx = biasX, by = biasY, bz = biasZ;
        double rb0 = r0 * bx + r1 * by + r2 * bz;
        double rb1 = r3 * bx + r4 * by + r5 * bz;
        double[] rv = rLp.x;
        rv[0] = r0;
        rv[1] = r1;
        rv[2] = r2;
        rv[3] = r3;
        rv[4] = r4;
        rv[5] = r5;
        rv[6] = r6;
        rv[7] = r7;
        rv[8] = r8;
        rv[9] = rb0;
        rv[10] = rb1;
        rLp.step();
        r0 = rv[0];
        r1 = rv[1];
        r2 = rv[2];
        r3 = rv[3];
        r4 = rv[4];
        r5 = rv[5];
        r6 = rv[6];
        r7 = rv[7];
        r8 = rv[8];
        rb0 = rv[9];
        rb1 = rv[10];

        double e0, e1, e2, w0, w1, w2;
        boolean measure;
        if (restDetected && s.restBiasEstimation()) {
            e0 = restGyrLpX - bx;
            e1 = restGyrLpY - by;
            e2 = restGyrLpZ - bz;
            w0 = w1 = w2 = biasRestW;
            measure = true;
            // the vertical part of the disagreement, rad/s, and the estimate's variance along it, (0.01 °/s)²
            double ev = r6 * e0 + r7 * e1 + r8 * e2;
            double pv = r6 * (p00 * r6 + p01 * r7 + p02 * r8) + r7 * (p01 * r6 + p11 * r7 + p12 * r8)
                    + r8 * (p02 * r6 + p12 * r7 + p22 * r8);
            if (restVerticalGate > 0 && Math.abs(ev) > restVerticalGate
                    + REST_GATE_SIGMAS * Math.sqrt(Math.max(pv, 0)) * BIAS_P_UNIT) {
                // the earth frame's horizontal part only, as the motion update measures it
                double h0 = r0 * e0 + r1 * e1 + r2 * e2, h1 = r3 * e0 + r4 * e1 + r5 * e2;
                e0 = h0;
                e1 = h1;
                e2 = 0;
                w2 = biasVerticalW;
            } else {
                r0 = r4 = r8 = 1;
                r1 = r2 = r3 = r5 = r6 = r7 = 0;
            }
        } else if (s.motionBiasEstimation()) {
            e0 = -aey * invTs + rb0 - r0 * bx - r1 * by - r2 * bz;
            e1 = aex * invTs + rb1 - r3 * bx - r4 * by - r5 * bz;
            e2 = -r6 * bx - r7 * by - r8 * bz;
            w0 = w1 = biasMotionW;
            w2 = biasVerticalW;
            measure = true;
        } else {
            e0 = e1 = e2 = w0 = w1 = w2 = 0;
            measure = false;
        }

        // Kalman filter. Step 1: P = P + V (also without a measurement)
        if (p00 < biasP0) {
            p00 += biasV;
        }
        if (p11 < biasP0) {
            p11 += biasV;
        }
        if (p22 < biasP0) {
            p22 += biasV;
        }
        if (!measure) {
            return;
        }
        e0 = clip(e0, biasClip);
        e1 = clip(e1, biasClip);
        e2 = clip(e2, biasClip);
        // M = P Rᵀ
        double m00 = p00 * r0 + p01 * r1 + p02 * r2;
        double m01 = p00 * r3 + p01 * r4 + p02 * r5;
        double m02 = p00 * r6 + p01 * r7 + p02 * r8;
        double m10 = p01 * r0 + p11 * r1 + p12 * r2;
        double m11 = p01 * r3 + p11 * r4 + p12 * r5;
        double m12 = p01 * r6 + p11 * r7 + p12 * r8;
        double m20 = p02 * r0 + p12 * r1 + p22 * r2;
        double m21 = p02 * r3 + p12 * r4 + p22 * r5;
        double m22 = p02 * r6 + p12 * r7 + p22 * r8;
        // S = R M + W (symmetric)
        double s00 = r0 * m00 + r1 * m10 + r2 * m20 + w0;
        double s01 = r0 * m01 + r1 * m11 + r2 * m21;
        double s02 = r0 * m02 + r1 * m12 + r2 * m22;
        double s11 = r3 * m01 + r4 * m11 + r5 * m21 + w1;
        double s12 = r3 * m02 + r4 * m12 + r5 * m22;
        double s22 = r6 * m02 + r7 * m12 + r8 * m22 + w2;
        // S⁻¹ = C / det with the (symmetric) cofactor matrix C
        double c00 = s11 * s22 - s12 * s12;
        double c01 = s02 * s12 - s01 * s22;
        double c02 = s01 * s12 - s02 * s11;
        double c11 = s00 * s22 - s02 * s02;
        double c12 = s01 * s02 - s00 * s12;
        double c22 = s00 * s11 - s01 * s01;
        double det = s00 * c00 + s01 * c01 + s02 * c02;
        if (det >= -EPS && det <= EPS) {
            return;
        }
        // K = M S⁻¹ = (M C) / det: the division runs beside the products
        double k00 = m00 * c00 + m01 * c01 + m02 * c02;
        double k01 = m00 * c01 + m01 * c11 + m02 * c12;
        double k02 = m00 * c02 + m01 * c12 + m02 * c22;
        double k10 = m10 * c00 + m11 * c01 + m12 * c02;
        double k11 = m10 * c01 + m11 * c11 + m12 * c12;
        double k12 = m10 * c02 + m11 * c12 + m12 * c22;
        double k20 = m20 * c00 + m21 * c01 + m22 * c02;
        double k21 = m20 * c01 + m21 * c11 + m22 * c12;
        double k22 = m20 * c02 + m21 * c12 + m22 * c22;
        double id = 1 / det;
        // bias += K e;  P -= K R P = K Mᵀ
        biasX = clip(bx + (k00 * e0 + k01 * e1 + k02 * e2) * id, biasClip);
        biasY = clip(by + (k10 * e0 + k11 * e1 + k12 * e2) * id, biasClip);
        biasZ = clip(bz + (k20 * e0 + k21 * e1 + k22 * e2) * id, biasClip);
        p00 -= (k00 * m00 + k01 * m01 + k02 * m02) * id;
        p01 -= (k00 * m10 + k01 * m11 + k02 * m12) * id;
        p02 -= (k00 * m20 + k01 * m21 + k02 * m22) * id;
        p11 -= (k10 * m10 + k11 * m11 + k12 * m12) * id;
        p12 -= (k10 * m20 + k11 * m21 + k12 * m22) * id;
        p22 -= (k20 * m20 + k21 * m21 + k22 * m22) * id;
    }

    private void updateMag(double dt, double mx, double my, double mz) {
        double w = q6W, x = q6X, y = q6Y, z = q6Z;
        double ex = (1 - 2 * y * y - 2 * z * z) * mx + 2 * my * (y * x - w * z) + 2 * mz * (w * y + z * x);
        double ey = 2 * mx * (w * z + y * x) + my * (1 - 2 * x * x - 2 * z * z) + 2 * mz * (y * z - x * w);
        double ez = 2 * mx * (z * x - w * y) + 2 * my * (w * x + z * y) + mz * (1 - 2 * x * x - 2 * y * y);

        if (s.magDisturbanceRejection()) {
            double horizontal2 = ex * ex + ey * ey;
            double norm = Math.sqrt(horizontal2 + ez * ez);
            // the dip angle, −asin(ez / norm), as an atan2 of the two components: the same angle, faster
            double dip = -Math.atan2(ez, Math.sqrt(horizontal2));
            double[] nd = magNormDipLp.x;
            nd[0] = norm;
            nd[1] = dip;
            magNormDipLp.step();
            norm = nd[0];
            dip = nd[1];

            double normTh = s.magNormThreshold();
            if (Math.abs(norm - magRefNorm) < normTh * magRefNorm && Math.abs(dip - magRefDip) < magDipTh) {
                magUndisturbedT += dt;
                if (magUndisturbedT >= s.magMinUndisturbedTimeS()) {
                    magDistDetected = false;
                    magRefNorm += kMagRef * (norm - magRefNorm);
                    magRefDip += kMagRef * (dip - magRefDip);
                }
            } else {
                magUndisturbedT = 0;
                magDistDetected = true;
            }
            // acceptance of a new field
            if (Math.abs(norm - magCandidateNorm) < normTh * magCandidateNorm
                    && Math.abs(dip - magCandidateDip) < magDipTh) {
                double gyrLpSq = restGyrLpX * restGyrLpX + restGyrLpY * restGyrLpY + restGyrLpZ * restGyrLpZ;
                if (gyrLpSq >= magNewMinGyr * magNewMinGyr) {
                    magCandidateT += dt;
                }
                magCandidateNorm += kMagRef * (norm - magCandidateNorm);
                magCandidateDip += kMagRef * (dip - magCandidateDip);
                if (magDistDetected && (magCandidateT >= s.magNewTimeS()
                        || (magRefNorm == 0 && magCandidateT >= s.magNewFirstTimeS()))) {
                    magRefNorm = magCandidateNorm;
                    magRefDip = magCandidateDip;
                    magDistDetected = false;
                    magUndisturbedT = s.magMinUndisturbedTimeS();
                }
            } else {
                magCandidateT = 0;
                magCandidateNorm = norm;
                magCandidateDip = dip;
            }
        }

        // disagreement between the heading of the field and the current correction, in [-π, π]
        double dis = Math.atan2(ex, ey) - delta;
        if (dis > Math.PI) {
            dis -= 2 * Math.PI;
        } else if (dis < -Math.PI) {
            dis += 2 * Math.PI;
        }
        double k = kMag;
        if (s.magDisturbanceRejection()) {
            if (magDistDetected) {
                if (magRejectT <= s.magMaxRejectionTimeS()) {
                    magRejectT += dt;
                    k = 0;
                } else {
                    k /= s.magRejectionFactor();
                }
            } else {
                magRejectT = Math.max(magRejectT - s.magRejectionFactor() * dt, 0);
            }
        }
        // fast initial convergence: the gain is at least 1/N over the first tauMag seconds
        if (kMagInit != 0) {
            if (k < kMagInit) {
                k = kMagInit;
            }
            kMagInit = kMagInit / (kMagInit + 1);
            if (kMagInit * tauMag < ts) {
                kMagInit = 0;
            }
        }
        double step = k * dis;
        if (step == 0) {
            return;
        }
        delta += step;
        rotateDeltaHalfAngle(step * 0.5);
        if (delta > Math.PI) {
            delta -= 2 * Math.PI;
            deltaC = -deltaC;
            deltaS = -deltaS;
        } else if (delta < -Math.PI) {
            delta += 2 * Math.PI;
            deltaC = -deltaC;
            deltaS = -deltaS;
        }
    }

    /** (deltaC, deltaS) ← rotated by h: keeps cos(δ/2), sin(δ/2) without a sine per sample. */
    private void rotateDeltaHalfAngle(double h) {
        double c, sn;
        double h2 = h * h;
        if (h2 < 0.01) {
            c = 1 - h2 * (1.0 / 2 - h2 * (1.0 / 24 - h2 * (1.0 / 720 - h2 * (1.0 / 40320 - h2 / 3628800))));
            sn = h * (1 - h2 * (1.0 / 6 - h2 * (1.0 / 120 - h2 * (1.0 / 5040 - h2 * (1.0 / 362880
                    - h2 / 39916800)))));
        } else {
            c = Math.cos(h);
            sn = Math.sin(h);
        }
        double nc = deltaC * c - deltaS * sn;
        double ns = deltaS * c + deltaC * sn;
        double f = 1.5 - 0.5 * (nc * nc + ns * ns);
        deltaC = nc * f;
        deltaS = ns * f;
    }

    private static double clip(double v, double lim) {
        return Math.max(-lim, Math.min(lim, v)); // branch-free: values near the limit would mispredict
    }

    private static double square(double v) {
        return v * v;
    }

    @Override
    public double qw() {
        return outW;
    }

    @Override
    public double qx() {
        return outX;
    }

    @Override
    public double qy() {
        return outY;
    }

    @Override
    public double qz() {
        return outZ;
    }

    @Override
    public String name() {
        return "midback";
    }
}
