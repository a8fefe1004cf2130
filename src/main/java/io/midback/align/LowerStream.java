package io.midback.align;

import io.midback.orientation.OrientationFilter;
import io.midback.sensor.Gap;

import java.util.function.Consumer;

/**
 * A lower sensor's orientation on the upper sensor's timeline: its samples ({@link SampleSource}: a recording's
 * track, or a live link's ring; its own clock) mapped through the {@link ClockFit} onto upper time, run through its
 * own orientation filter with the corrected periods, and read at each upper sample by interpolating (normalised
 * linear, the shorter way) between the two filter outputs around it. A live stream whose next sample has not
 * arrived yet holds its latest orientation, for as long as that is no gap ({@link Gap}) behind. Before its first
 * sample, inside a gap of its own and after its last it has no orientation; each time it stops, once, a notice says
 * so and that the session goes on with the upper sensor alone, its spine angles paused (and again when it is
 * back). Allocation-free per call; upper times must not go back.
 */
public final class LowerStream {
    private final SampleReader samples;
    private final ClockFit clock;
    private final OrientationFilter filter;
    private final Consumer<String> notices;
    /** Upper times of the last two filtered samples, and the filter's quaternion at each. */
    private double prevT = Double.NaN, curT = Double.NaN;
    private double pw = 1, px, py, pz, cw = 1, cx, cy, cz;
    private boolean present, everPresent, endSaid;
    private double lastW = 1, lastX, lastY, lastZ;

    public LowerStream(SampleSource source, ClockFit clock, OrientationFilter filter, Consumer<String> notices) {
        this.samples = source.reader();
        this.clock = clock;
        this.filter = filter;
        this.notices = notices;
    }

    /**
     * Brings the lower stream to upper time {@code upperS}: true when it has an orientation there (then
     * {@link #qw()}… hold it, lower sensor → ENU of its own filter).
     */
    public boolean advanceTo(double upperS) {
        // Filter up to the first lower sample at or after upperS (one ahead), then interpolate back to upperS.
        while (!(curT >= upperS) && samples.next()) {
            step();
        }
        boolean ahead = curT >= upperS;
        boolean ended = !ahead && samples.ended();
        boolean usable = !Double.isNaN(prevT) && !Gap.isGap(curT - prevT);
        // Live, the sample after upperS may not have arrived yet: the latest stands in while it is recent.
        boolean held = usable && !ahead && !ended && !Gap.isGap(upperS - curT);
        boolean now = usable && (ahead && upperS >= prevT || held);
        if (now) {
            interpolate(held ? 1 : curT > prevT ? (upperS - prevT) / (curT - prevT) : 1);
        }
        if (now != present) {
            if (!now && everPresent) {
                if (!ended || !endSaid) {
                    // After the latest sample (a live link quiet), or inside a gap between two samples.
                    double lastS = ahead ? prevT : curT;
                    notices.accept(String.format(java.util.Locale.ROOT, ended
                            ? "lower sensor: its stream ends at %.1f s; the session goes on with the upper sensor "
                                    + "alone, spine angles paused"
                            : "lower sensor: no samples from %.1f s; the session goes on with the upper sensor "
                                    + "alone, spine angles paused", lastS));
                    endSaid |= ended;
                }
            } else if (now && everPresent) {
                notices.accept(String.format(java.util.Locale.ROOT,
                        "lower sensor: back at %.1f s; spine angles again", upperS));
            }
            present = now;
            everPresent |= now;
        }
        return now;
    }

    private void step() {
        double t = clock.upperTimeS(samples.tS());
        double dt = Double.isNaN(curT) ? 0 : t - curT;
        if (dt <= 0 || Gap.isGap(dt)) {
            dt = 0;
        }
        // The gyroscope measures true rates: with the periods on the upper (true) clock it needs no correction.
        filter.update(dt, samples.gx(), samples.gy(), samples.gz(), samples.ax(), samples.ay(), samples.az(),
                samples.mx(), samples.my(), samples.mz());
        prevT = curT;
        pw = cw;
        px = cx;
        py = cy;
        pz = cz;
        curT = t;
        cw = filter.qw();
        cx = filter.qx();
        cy = filter.qy();
        cz = filter.qz();
    }

    private void interpolate(double f) {
        double s = pw * cw + px * cx + py * cy + pz * cz < 0 ? -1 : 1;
        double w = pw + f * (s * cw - pw), x = px + f * (s * cx - px), y = py + f * (s * cy - py),
                z = pz + f * (s * cz - pz);
        double n = 1 / Math.sqrt(w * w + x * x + y * y + z * z);
        lastW = w * n;
        lastX = x * n;
        lastY = y * n;
        lastZ = z * n;
    }

    public double qw() {
        return lastW;
    }

    public double qx() {
        return lastX;
    }

    public double qy() {
        return lastY;
    }

    public double qz() {
        return lastZ;
    }

    public ClockFit clock() {
        return clock;
    }
}
