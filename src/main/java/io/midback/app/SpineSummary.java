package io.midback.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.midback.align.ClockFit;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a two-sensor session adds to its summary: how long both sensors gave spine angles, the spine's flexion,
 * lateral bend and axial rotation and the pelvic tilt (mean, lowest, highest), the lower clock found against the
 * upper one, and what the lower link said (dropped, back). Listens on the session thread; allocation-free per
 * frame (a notice, rare, allocates).
 */
public final class SpineSummary implements PostureListener {
    private final ClockFit clock;
    private final Stats flexion = new Stats(), lateralBend = new Stats(), rotation = new Stats(),
            pelvicTilt = new Stats();
    private final List<String> notices = new ArrayList<>();
    private double prevT = Double.NaN, twoSensorsS;

    SpineSummary(ClockFit clock) {
        this.clock = clock;
    }

    @Override
    public void onPosture(PostureFrame f) {
        double dt = Double.isNaN(prevT) ? 0 : f.tS - prevT;
        prevT = f.tS;
        if (!f.spineValid) {
            return;
        }
        if (dt > 0 && dt < 1) {
            twoSensorsS += dt;
        }
        flexion.add(f.spineFlexionDeg);
        lateralBend.add(f.spineLateralBendDeg);
        rotation.add(f.spineAxialRotationDeg);
        pelvicTilt.add(f.pelvicTiltDeg);
    }

    void notice(String text) {
        notices.add(text);
    }

    /** {@code "sensors": 2, "twoSensorsS", "lowerClock": {offsetS, driftPct, windows}, "spine": {flexionDeg: {mean,
     * minDeg, maxDeg}, lateralBendDeg, axialRotationDeg}, "pelvicTiltDeg", "lowerNotices"}. */
    public void addTo(JsonObject o) {
        o.addProperty("sensors", 2);
        o.addProperty("twoSensorsS", round(twoSensorsS, 1));
        JsonObject c = new JsonObject();
        c.addProperty("offsetS", round(clock.offsetS(), 3));
        c.addProperty("driftPct", round(clock.driftPct(), 3));
        c.addProperty("windows", clock.windows());
        o.add("lowerClock", c);
        JsonObject spine = new JsonObject();
        spine.add("flexionDeg", flexion.json());
        spine.add("lateralBendDeg", lateralBend.json());
        spine.add("axialRotationDeg", rotation.json());
        o.add("spine", spine);
        o.add("pelvicTiltDeg", pelvicTilt.json());
        JsonArray n = new JsonArray();
        notices.forEach(n::add);
        o.add("lowerNotices", n);
    }

    public void printHuman(PrintWriter out) {
        out.printf(Locale.ROOT, "two sensors: spine angles for %.1f min (lower clock %+.3f s, %+.2f %% drift, from %d "
                + "windows)%n", twoSensorsS / 60, clock.offsetS(), clock.driftPct(), clock.windows());
        out.println("  spine flexion        " + flexion.text());
        out.println("  spine lateral bend   " + lateralBend.text());
        out.println("  spine axial rotation " + rotation.text());
        out.println("  pelvic tilt          " + pelvicTilt.text());
        notices.forEach(n -> out.println("  " + n));
    }

    private static double round(double v, int decimals) {
        double p = Math.pow(10, decimals);
        return Math.round(v * p) / p;
    }

    /** Mean, lowest and highest of one angle, degrees. */
    private static final class Stats {
        private double sum, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        private long n;

        void add(double v) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }

        JsonObject json() {
            JsonObject o = new JsonObject();
            o.addProperty("mean", n == 0 ? null : round(sum / n, 2));
            o.addProperty("min", n == 0 ? null : round(min, 2));
            o.addProperty("max", n == 0 ? null : round(max, 2));
            return o;
        }

        String text() {
            return n == 0 ? "none" : String.format(Locale.ROOT, "mean %6.1f°  range %6.1f° .. %6.1f°", sum / n, min,
                    max);
        }
    }
}
