package io.midback.align;

import io.midback.orientation.OrientationFilter;
import io.midback.sensor.Gap;

import java.util.function.Consumer;

/**
 * A lower sensor's orientation on the upper sensor's timeline: its samples ({@link SampleTrack}, its own clock)
 * mapped through the {@link ClockFit} onto upper time, run through its own orientation filter with the corrected
 * periods, and read at each upper sample by interpolating (normalised linear, the shorter way) between the two
 * filter outputs around it. Before its first sample, inside a gap of its own ({@link Gap}) and after its last it
 * has no orientation; each time it stops, once, a notice says so and that the session goes on with the upper
 * sensor alone (and again when it is back). Allocation-free per call; upper times must not go back.
 */
public final class LowerStream {
    private final SampleTrack track;
    private final ClockFit clock;
    private final OrientationFilter filter;
    private final Consumer<String> notices;
    /** The next lower sample to run through the filter. */
    private int next;
    /** Upper times of the last two filtered samples, and the filter's quaternion at each. */
    private double prevT = Double.NaN, curT = Double.NaN;
    private double pw = 1, px, py, pz, cw = 1, cx, cy, cz;
    private boolean present, everPresent, endSaid;
    private double lastW = 1, lastX, lastY, lastZ;

    public LowerStream(SampleTrack track, ClockFit clock, OrientationFilter filter, Consumer<String> notices) {
        this.track = track;
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
        while (next < track.size() && !(curT >= upperS)) {
            step(next++);
        }
        boolean now = !Double.isNaN(prevT) && curT >= upperS && upperS >= prevT && !Gap.isGap(curT - prevT);
        if (now) {
            interpolate(curT > prevT ? (upperS - prevT) / (curT - prevT) : 1);
        }
        if (now != present) {
            if (!now && everPresent) {
                boolean ended = next >= track.size() && !(curT >= upperS);
                if (!ended || !endSaid) {
                    notices.accept(String.format(java.util.Locale.ROOT, ended
                            ? "lower sensor: its stream ends at %.1f s; the session goes on with the upper sensor alone"
                            : "lower sensor: no samples from %.1f s; the session goes on with the upper sensor alone",
                            ended ? curT : prevT));
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

    private void step(int i) {
        double t = clock.upperTimeS(track.tS(i));
        double dt = Double.isNaN(curT) ? 0 : t - curT;
        if (dt <= 0 || Gap.isGap(dt)) {
            dt = 0;
        }
        // The gyroscope measures true rates: with the periods on the upper (true) clock it needs no correction.
        filter.update(dt, track.gx(i), track.gy(i), track.gz(i), track.ax(i), track.ay(i), track.az(i), track.mx(i), track.my(i), track.mz(i));
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
