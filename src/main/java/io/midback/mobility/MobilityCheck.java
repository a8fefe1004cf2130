package io.midback.mobility;

import io.midback.sensor.Gap;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.VqfFilter;
import io.midback.orientation.VqfSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

/**
 * One mobility check's pipeline from raw samples: stillness, the gyroscope bias ({@link GyroBias}), the orientation
 * filter on bias-corrected rates, and the {@link MobilityStage}; every frame goes to the listener.
 *
 * <p>The filter is reset when the bias has been captured, so the upright pose is taken from an estimate that never
 * saw the bias. The filter runs without the magnetometer, whatever the samples carry: the check's heading comes
 * from its own reference, so a magnet near the sensor cannot disturb rotation. Allocation-free per sample.
 */
public final class MobilityCheck implements SampleSink {
    /** Longer steps than this are gaps: stillness and the time step start over. */

    private final OrientationFilter filter;
    private final MobilityListener listener;
    private final Stillness stillness;
    private final GyroBias bias;
    private final MobilityStage stage;
    private final MobilityFrame frame = new MobilityFrame();
    private volatile boolean restartRequested;
    private double prevT = Double.NaN;
    private final double[] capturedBias = new double[3];
    private double correctionRad;

    /**
     * @param filter   a fresh orientation filter for this check (it is reset once the bias is known)
     * @param listener every frame, on the feeding thread
     */
    public MobilityCheck(MobilitySettings settings, OrientationFilter filter, MobilityListener listener) {
        this.filter = filter;
        this.listener = listener;
        this.stillness = new Stillness(settings);
        this.bias = new GyroBias(settings);
        this.stage = new MobilityStage(settings);
    }

    /**
     * The filter a check uses by default: Midback's VQF-based filter with its own gyroscope bias estimation off,
     * since the check removes the bias itself from stillness (VQF's estimate in motion, learnt from the
     * accelerometer during brisk trunk movements, would turn into heading drift).
     */
    public static OrientationFilter defaultFilter(double rateHz) {
        return new VqfFilter(VqfSettings.defaults().withBiasEstimation(false, false), rateHz);
    }

    public MobilityStage stage() {
        return stage;
    }

    /** Captures the bias and the upright pose afresh at the next stillness (any thread). */
    public void requestCapture() {
        restartRequested = true;
    }

    @Override
    public void accept(SampleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            sample(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        stillness.reset();
        prevT = Double.NaN;
    }

    /** One raw sample: time (s), gyroscope (rad/s), accelerometer (m/s²). */
    public void sample(double tS, double gx, double gy, double gz, double ax, double ay, double az) {
        double dt = Double.isNaN(prevT) ? 0 : tS - prevT;
        if (dt < 0 || Gap.isGap(dt)) {
            dt = 0;
            stillness.reset();
        }
        prevT = tS;
        if (restartRequested) {
            restartRequested = false;
            bias.restart();
            stage.requestCapture();
        }
        stillness.update(tS, dt, gx, gy, gz, ax, ay, az, bias.x(), bias.y(), bias.z());
        if (bias.update(tS, dt, stillness.isStillNow(), stillness.isStill(), gx, gy, gz)) {
            filter.reset();
            bias.captured(capturedBias);
            correctionRad = 0;
        }
        frame.tS = tS;
        frame.biasKnown = bias.isKnown();
        if (!bias.isKnown()) {
            frame.captured = false;
            frame.still = stillness.isStill();
            frame.flexionDeg = frame.sideBendDeg = frame.rotationDeg = frame.headingCorrectionDeg = 0;
            frame.speedDegPerS = Math.toDegrees(Math.sqrt(gx * gx + gy * gy + gz * gz));
            listener.onFrame(frame);
            return;
        }
        double cx = gx - bias.x(), cy = gy - bias.y(), cz = gz - bias.z();
        filter.update(dt, cx, cy, cz, ax, ay, az, Double.NaN, Double.NaN, Double.NaN);
        double qw = filter.qw(), qx = filter.qx(), qy = filter.qy(), qz = filter.qz();
        stage.update(tS, qw, qx, qy, qz, stillness.isStill(), frame);
        frame.qw = qw;
        frame.qx = qx;
        frame.qy = qy;
        frame.qz = qz;
        // Heading drift the followed bias took out: the vertical part (third row of R(q)) of the bias change.
        double ex = bias.x() - capturedBias[0], ey = bias.y() - capturedBias[1], ez = bias.z() - capturedBias[2];
        correctionRad += dt * (2 * (qx * qz - qw * qy) * ex + 2 * (qy * qz + qw * qx) * ey
                + (1 - 2 * (qx * qx + qy * qy)) * ez);
        frame.headingCorrectionDeg = Math.toDegrees(correctionRad);
        frame.speedDegPerS = Math.toDegrees(Math.sqrt(cx * cx + cy * cy + cz * cz));
        listener.onFrame(frame);
    }

    /** What was corrected so far (allocates: call at the end, not per sample). */
    public CheckDiagnostics diagnostics() {
        double[] a = new double[3], e = new double[3];
        bias.captured(a);
        bias.current(e);
        for (int i = 0; i < 3; i++) {
            a[i] = Math.toDegrees(a[i]);
            e[i] = Math.toDegrees(e[i]);
        }
        return new CheckDiagnostics(stage.captureAtS(), a, e, Math.toDegrees(correctionRad),
                stage.headingChangeWhileStillDeg());
    }
}
