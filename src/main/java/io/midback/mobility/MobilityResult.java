package io.midback.mobility;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A check's outcome: per direction the repetitions and the range (the median of their peaks from upright), the
 * blocks, left/right asymmetry, quality notes and what was corrected.
 *
 * @param anchorDriftDeg the largest heading drift the anchors (stillness back at upright) showed and the analysis
 *                       took out of rotation, degrees (signed)
 * @param segmentation   {@code events} (the guided check's prompts) or {@code automatic}
 */
public record MobilityResult(Map<Direction, List<Rep>> reps, List<Block> blocks, List<String> notes,
                             CheckDiagnostics diagnostics, double anchorDriftDeg, String segmentation) {
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    public MobilityResult {
        Map<Direction, List<Rep>> copy = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            copy.put(d, List.copyOf(reps.getOrDefault(d, List.of())));
        }
        reps = copy;
        blocks = List.copyOf(blocks);
        notes = List.copyOf(notes);
    }

    /** The peaks of a direction's repetitions, degrees, in time order. */
    public double[] peaksDeg(Direction d) {
        return reps.get(d).stream().mapToDouble(Rep::peakDeg).toArray();
    }

    /** The range: the median of the repetitions' peaks, degrees; NaN without repetitions. */
    public double romDeg(Direction d) {
        double[] p = peaksDeg(d);
        if (p.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(p);
        int m = p.length / 2;
        return p.length % 2 == 1 ? p[m] : (p[m - 1] + p[m]) / 2;
    }

    /** Largest minus smallest peak, degrees; NaN without repetitions. */
    public double spreadDeg(Direction d) {
        double[] p = peaksDeg(d);
        return p.length == 0 ? Double.NaN
                : Arrays.stream(p).max().getAsDouble() - Arrays.stream(p).min().getAsDouble();
    }

    /** Right range minus left range for side bend or rotation, degrees; NaN when a side is missing. */
    public double asymmetryDeg(Direction.Plane plane) {
        // of the ranges as they are shown (to 0.1°), so that the difference printed is the one of the figures beside it
        return round(romDeg(Direction.of(plane, 1))) - round(romDeg(Direction.of(plane, -1)));
    }

    /** One JSON object: directions, blocks, asymmetry, notes, segmentation and the corrections. */
    public String toJson() {
        return GSON.toJson(json(null));
    }

    /**
     * With two sensors, this result being the spine's ({@link SpineRanges}): one JSON object as {@link #toJson()},
     * {@code "sensors": 2}, and beside each direction's {@code romDeg} the upper sensor's trunk range
     * {@code trunkRomDeg} from {@code trunk}.
     */
    public String toJson(MobilityResult trunk) {
        return GSON.toJson(json(trunk));
    }

    private JsonObject json(MobilityResult trunk) {
        JsonObject root = new JsonObject();
        if (trunk != null) {
            root.addProperty("sensors", 2);
        }
        JsonObject dirs = new JsonObject();
        for (Direction d : Direction.values()) {
            JsonObject o = new JsonObject();
            o.add("romDeg", number(romDeg(d)));
            if (trunk != null) {
                o.add("trunkRomDeg", number(trunk.romDeg(d)));
            }
            o.addProperty("reps", reps.get(d).size());
            JsonArray peaks = new JsonArray();
            for (double p : peaksDeg(d)) {
                peaks.add(round(p));
            }
            o.add("repPeaksDeg", peaks);
            o.add("spreadDeg", number(spreadDeg(d)));
            dirs.add(d.jsonName(), o);
        }
        root.add("directions", dirs);
        JsonArray bl = new JsonArray();
        for (Block b : blocks) {
            JsonObject o = new JsonObject();
            o.addProperty("movement", b.movement());
            o.add("startS", number(b.startS()));
            o.add("endS", number(b.endS()));
            o.addProperty("reps", b.reps().size());
            bl.add(o);
        }
        root.add("blocks", bl);
        JsonObject asym = new JsonObject();
        for (Direction.Plane p : List.of(Direction.Plane.SIDE_BEND, Direction.Plane.ROTATION)) {
            JsonObject o = new JsonObject();
            double left = romDeg(Direction.of(p, -1)), right = romDeg(Direction.of(p, 1));
            o.add("leftDeg", number(left));
            o.add("rightDeg", number(right));
            o.add("rightMinusLeftDeg", number(asymmetryDeg(p)));
            o.add("percentOfLarger", number(100 * Math.abs(right - left) / Math.max(left, right)));
            asym.add(p.jsonName(), o);
        }
        root.add("asymmetry", asym);
        JsonArray n = new JsonArray();
        notes.forEach(n::add);
        root.add("notes", n);
        root.addProperty("segmentation", segmentation);
        if (diagnostics != null) {
            JsonObject c = new JsonObject();
            c.add("captureAtS", number(diagnostics.captureAtS()));
            c.add("gyroBiasAtCaptureDegPerS", numbers(diagnostics.gyroBiasAtCaptureDegPerS()));
            c.add("gyroBiasAtEndDegPerS", numbers(diagnostics.gyroBiasAtEndDegPerS()));
            c.add("headingDriftCorrectedDeg", number(diagnostics.headingCorrectionDeg()));
            c.add("headingChangeWhileStillDeg", number(diagnostics.headingChangeWhileStillDeg()));
            c.add("anchorDriftRemovedDeg", number(anchorDriftDeg));
            root.add("corrections", c);
        }
        return root;
    }

    /** A few lines for people. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("direction        range   reps  peaks (degrees from upright)");
        for (Direction d : Direction.values()) {
            double[] p = peaksDeg(d);
            StringBuilder sb = new StringBuilder();
            for (double v : p) {
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
            }
            lines.add(String.format(Locale.ROOT, "%-15s %6s  %4d  %s", d.jsonName(),
                    p.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f°", romDeg(d)), p.length, sb));
        }
        for (Direction.Plane p : List.of(Direction.Plane.SIDE_BEND, Direction.Plane.ROTATION)) {
            double a = asymmetryDeg(p);
            if (!Double.isNaN(a)) {
                lines.add(String.format(Locale.ROOT, "%s asymmetry: right − left = %+.1f°", p.jsonName(), a));
            }
        }
        lines.add("blocks (" + segmentation + "):");
        for (Block b : blocks) {
            lines.add(String.format(Locale.ROOT, "  %-17s %7.1f–%.1f s  %d reps", b.movement(), b.startS(), b.endS(),
                    b.reps().size()));
        }
        if (diagnostics != null) {
            lines.add(String.format(Locale.ROOT, "heading drift corrected by following the gyroscope bias: %.1f°; "
                    + "heading change left while still: %.1f°", diagnostics.headingCorrectionDeg(),
                    diagnostics.headingChangeWhileStillDeg()));
        }
        lines.add(String.format(Locale.ROOT, "heading drift taken out at the returns to upright: up to %.1f°",
                anchorDriftDeg));
        for (String s : notes) {
            lines.add("note: " + s);
        }
        return lines;
    }

    private static com.google.gson.JsonElement number(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(round(v)) : JsonNull.INSTANCE;
    }

    private static JsonArray numbers(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(Double.isFinite(x) ? new com.google.gson.JsonPrimitive(Math.round(x * 1000) / 1000.0) : JsonNull.INSTANCE);
        }
        return a;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
