package io.midback.breathing;

import io.midback.sensor.Gap;

/**
 * The breathing rate in one frequency band, from a back-worn accelerometer while the wearer keeps still (the
 * {@link BreathRateEstimator} runs two): pure and allocation-free after construction.
 *
 * <p>Each breath tips the upper back by a fraction of a degree, so the direction of gravity in the sensor frame
 * swings with it. The accelerometer is averaged into blocks of 0.1 s ({@value
 * BreathRateSettings#INTERNAL_RATE_HZ} Hz whatever the sensor's rate; {@link AccelBlocks}, shared by the bands); per
 * block:
 * <ol>
 *   <li>the direction of the mean (a unit vector: the mounting and the wearer's posture do not matter) is
 *       band-passed, 0.08–0.7 Hz (second-order Butterworth low-pass then high-pass, each channel);</li>
 *   <li>moving is the accelerometer's fast jitter (walking, typing, gestures) or a band-passed tilt larger than
 *       a breath (a posture shift); while moving nothing is reported, and after it the filters restart from the
 *       new posture and breaths count only after {@code settleS} of stillness;</li>
 *   <li>the band-passed direction is projected on its principal axis (the largest eigenvector of its covariance
 *       over the last ~20 s of stillness, by power iteration): the breathing signal, in degrees;</li>
 *   <li>a breath is counted when that signal, having been below −{@code hysteresis} × its RMS, rises above
 *       +{@code hysteresis} × its RMS; its time is the zero crossing before (interpolated);</li>
 *   <li>the rate is whole breaths over the time they span, over the breaths of the last {@code windowS} (at least
 *       {@code minBreaths}, looking back up to {@code maxWindowS}); an interval about k times the median counts
 *       as k breaths (a missed shallow breath), and none when the last breath is older than 2.5 median
 *       intervals (a pause, or breathing lost).</li>
 * </ol>
 * The quality is 1 − the spread (standard deviation over median) of the breath intervals, 0..1; below
 * {@code minQuality} there is no rate.
 */
final class BreathBand {
    private static final int RING = 64;
    private static final double JITTER_TAU_S = 1.0, AXIS_TAU_S = 20, RMS_TAU_S = 10;
    private static final double STALE_INTERVALS = 2.5;

    private final BreathRateSettings settings;
    private static final double BLOCK_S = AccelBlocks.BLOCK_S;
    private final Biquad lowPass, highPass;

    private boolean started;

    private double jitterOfGravity;
    private boolean moving = true;
    private double stillSinceS = Double.NaN;
    private final double[] low = new double[3], band = new double[3];
    private final double[] cov = new double[6];
    private final double[] axis = new double[3];
    private long stillBlocks;
    private double signalDeg, previousSignalDeg, meanSquareDeg2, previousBlockS;
    private boolean armed;
    private double zeroUpS = Double.NaN;

    private final double[] onsetS = new double[RING];
    private int onsets;
    private final double[] scratch = new double[RING];
    private double ratePerMin = Double.NaN, quality;
    private long breathsCounted;

    BreathBand(BreathRateSettings settings) {
        this.settings = settings;
        lowPass = Biquad.lowPass(settings.bandHighHz(), BreathRateSettings.INTERNAL_RATE_HZ);
        highPass = Biquad.highPass(settings.bandLowHz(), BreathRateSettings.INTERNAL_RATE_HZ);
        resetAxis();
    }

    /** A gap or a step back in time at {@code tS}: what follows is a new stretch. */
    void restart(double tS) {
        startMoving(tS);
    }

    /** A block of the accelerometer ended: the one {@code blocks} holds as finished. */
    void finishBlock(AccelBlocks blocks) {
        double tS = blocks.finishedEndS;
        double n = blocks.finishedSamples;
        double mx = blocks.finishedSx / n, my = blocks.finishedSy / n, mz = blocks.finishedSz / n;
        double variance = Math.max(0, blocks.finishedSxx / n - mx * mx + blocks.finishedSyy / n - my * my
                + blocks.finishedSzz / n - mz * mz);
        double dt = started ? Math.min(tS - previousBlockS, Gap.MAX_STEP_S) : BLOCK_S;
        previousBlockS = tS;
        double norm = Math.sqrt(mx * mx + my * my + mz * mz);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            startMoving(tS);
            return;
        }
        jitterOfGravity += (Math.sqrt(variance) / norm - jitterOfGravity) * Math.min(1, dt / JITTER_TAU_S);
        double ux = mx / norm, uy = my / norm, uz = mz / norm;
        if (!started) {
            started = true;
            lowPass.settle(0, ux);
            lowPass.settle(1, uy);
            lowPass.settle(2, uz);
        }
        low[0] = lowPass.step(0, ux);
        low[1] = lowPass.step(1, uy);
        low[2] = lowPass.step(2, uz);
        for (int i = 0; i < 3; i++) {
            band[i] = highPass.step(i, low[i]);
        }
        double tiltDeg = Math.toDegrees(Math.sqrt(band[0] * band[0] + band[1] * band[1] + band[2] * band[2]));
        if (jitterOfGravity > settings.jitterOfGravity() || tiltDeg > settings.maxTiltDeg()) {
            startMoving(tS);
            return;
        }
        if (moving) {
            moving = false;
            stillSinceS = tS;
        }
        stillBlocks++;
        updateAxis();
        signalDeg = Math.toDegrees(band[0] * axis[0] + band[1] * axis[1] + band[2] * axis[2]);
        double a = Math.max(1.0 / stillBlocks, BLOCK_S / RMS_TAU_S);
        meanSquareDeg2 += (signalDeg * signalDeg - meanSquareDeg2) * a;
        if (tS - stillSinceS >= settings.settleS()) {
            detectBreath(tS);
            estimateRate(tS);
        }
        previousSignalDeg = signalDeg;
    }

    /** The covariance of the band-passed direction (a running mean, then ~20 s of memory) and its main axis. */
    private void updateAxis() {
        double a = Math.max(1.0 / stillBlocks, BLOCK_S / AXIS_TAU_S);
        double x = band[0], y = band[1], z = band[2];
        cov[0] += (x * x - cov[0]) * a;
        cov[1] += (x * y - cov[1]) * a;
        cov[2] += (x * z - cov[2]) * a;
        cov[3] += (y * y - cov[3]) * a;
        cov[4] += (y * z - cov[4]) * a;
        cov[5] += (z * z - cov[5]) * a;
        for (int k = 0; k < 2; k++) {
            double vx = cov[0] * axis[0] + cov[1] * axis[1] + cov[2] * axis[2];
            double vy = cov[1] * axis[0] + cov[3] * axis[1] + cov[4] * axis[2];
            double vz = cov[2] * axis[0] + cov[4] * axis[1] + cov[5] * axis[2];
            double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
            if (!(len > 1e-30)) {
                return;
            }
            axis[0] = vx / len;
            axis[1] = vy / len;
            axis[2] = vz / len;
        }
    }

    private void detectBreath(double tS) {
        double rmsDeg = Math.sqrt(meanSquareDeg2);
        if (rmsDeg < settings.minSignalDeg()) {
            armed = false;
            return;
        }
        double h = settings.hysteresis() * rmsDeg;
        if (previousSignalDeg <= 0 && signalDeg > 0) {
            zeroUpS = tS - BLOCK_S * signalDeg / (signalDeg - previousSignalDeg);
        }
        if (signalDeg < -h) {
            armed = true;
        } else if (armed && signalDeg > h && !Double.isNaN(zeroUpS)) {
            armed = false;
            onsetS[onsets % RING] = zeroUpS;
            onsets++;
            breathsCounted++;
        }
    }

    private void estimateRate(double tS) {
        ratePerMin = Double.NaN;
        quality = 0;
        int available = Math.min(onsets, RING);
        int used = 0;
        while (used < available) {
            double t = onsetS[(onsets - 1 - used) % RING];
            boolean inWindow = t >= tS - settings.windowS();
            boolean needMore = used < settings.minBreaths() && t >= tS - settings.maxWindowS();
            if (!inWindow && !needMore) {
                break;
            }
            used++;
        }
        if (used < settings.minBreaths()) {
            return;
        }
        int intervals = used - 1;
        int first = onsets - used;
        for (int k = 0; k < intervals; k++) {
            scratch[k] = onsetS[(first + k + 1) % RING] - onsetS[(first + k) % RING];
        }
        double median = median(scratch, intervals);
        double last = onsetS[(onsets - 1) % RING];
        if (tS - last > STALE_INTERVALS * median) {
            return;
        }
        double span = last - onsetS[first % RING];
        long breaths = 0;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < intervals; k++) {
            double iv = onsetS[(first + k + 1) % RING] - onsetS[(first + k) % RING];
            long whole = Math.max(1, Math.round(iv / median));
            breaths += whole;
            double per = iv / whole;
            sum += per;
            sumSq += per * per;
        }
        double mean = sum / intervals;
        double sd = Math.sqrt(Math.max(0, sumSq / intervals - mean * mean));
        if (axisShare() < settings.minAxisShare()) {
            return;
        }
        double q = Math.max(0, Math.min(1, 1 - sd / median));
        if (q < settings.minQuality()) {
            return;
        }
        ratePerMin = 60 * breaths / span;
        quality = q;
    }

    /** Median of the first n values of a (reorders them; insertion sort: n is small). */
    private static double median(double[] a, int n) {
        for (int i = 1; i < n; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    private void startMoving(double tS) {
        if (started) {
            for (int i = 0; i < 3; i++) {
                highPass.settle(i, low[i]);
            }
        }
        moving = true;
        stillSinceS = Double.NaN;
        stillBlocks = 0;
        onsets = 0;
        armed = false;
        zeroUpS = Double.NaN;
        signalDeg = previousSignalDeg = 0;
        meanSquareDeg2 = 0;
        ratePerMin = Double.NaN;
        quality = 0;
        java.util.Arrays.fill(cov, 0);
        resetAxis();
        previousBlockS = tS;
    }

    private void resetAxis() {
        // Any start not orthogonal to the main axis will do; this one almost surely is not.
        double n = Math.sqrt(0.36 + 0.49 + 0.16);
        axis[0] = 0.6 / n;
        axis[1] = 0.7 / n;
        axis[2] = 0.4 / n;
    }

    /** Breaths per minute, NaN while moving or before enough breaths were seen. */
    public double ratePerMin() {
        return ratePerMin;
    }

    /** How regular the counted breaths are, 0..1 (0 when there is no rate). */
    public double quality() {
        return quality;
    }

    /** Whether the wearer is moving (or the stream just started or resumed after a gap). */
    public boolean isMoving() {
        return moving;
    }

    /** The breathing signal (band-passed tilt on its main axis), degrees: for a trace. 0 while moving. */
    public double signalDeg() {
        return signalDeg;
    }

    /**
     * How much of the band-passed tilt lies on its main axis, 0..1: near 1 for breathing alone (one axis), lower
     * when slow movements in other directions mix in.
     */
    public double axisShare() {
        double trace = cov[0] + cov[3] + cov[5];
        if (!(trace > 0)) {
            return 0;
        }
        double x = axis[0], y = axis[1], z = axis[2];
        double along = x * (cov[0] * x + cov[1] * y + cov[2] * z) + y * (cov[1] * x + cov[3] * y + cov[4] * z)
                + z * (cov[2] * x + cov[4] * y + cov[5] * z);
        return along / trace;
    }

    /** The breathing signal's RMS over the last ~10 s of stillness, degrees (0 while moving). */
    public double signalRmsDeg() {
        return Math.sqrt(meanSquareDeg2);
    }

    /** Breaths counted since the start (across still stretches). */
    public long breathsCounted() {
        return breathsCounted;
    }

    /** When the last counted breath started (its signal's upward zero crossing), s; NaN when none this stretch. */
    public double lastBreathS() {
        return onsets == 0 ? Double.NaN : onsetS[(onsets - 1) % RING];
    }
}
