package io.midback.mobility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A check's ranges measured on the spine between two sensors: the repetitions and blocks found on the upper sensor
 * (the trunk, {@link MobilityAnalysis}), each repetition's peak taken again on the spine's angles over the same
 * span (the largest excursion of its direction's angle between its start and end; for rotation from the line
 * between the angle at its start and at its end, so that a heading drift over it is taken out). The notes and corrections are
 * the trunk analysis's.
 */
public final class SpineRanges {
    private SpineRanges() {
    }

    /** The trunk result's repetitions with their peaks on {@code spine}; a repetition without spine angles is dropped. */
    public static MobilityResult of(MobilityResult result, AngleSeries trunk, AngleSeries spine) {
        Map<Direction, List<Rep>> reps = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            List<Rep> list = new ArrayList<>();
            for (Rep r : result.reps().get(d)) {
                Rep s = onSpine(r, trunk, spine);
                if (s != null) {
                    list.add(s);
                }
            }
            reps.put(d, list);
        }
        List<Block> blocks = new ArrayList<>();
        for (Block b : result.blocks()) {
            List<Rep> list = new ArrayList<>();
            for (Rep r : b.reps()) {
                Rep s = onSpine(r, trunk, spine);
                if (s != null) {
                    list.add(s);
                }
            }
            blocks.add(new Block(b.movement(), b.startS(), b.endS(), list));
        }
        return new MobilityResult(reps, blocks, result.notes(), result.diagnostics(), result.anchorDriftDeg(),
                result.segmentation());
    }

    /**
     * Where the trunk passed upright next to a repetition: from {@code tS} going {@code dir} (−1 back, +1 on) for at
     * most {@code spanS}, the first time its angle along the repetition's direction is 0 or less, else the least.
     */
    private static double upright(AngleSeries trunk, int axis, double sign, double tS, int dir, double spanS) {
        double bestT = tS, best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trunk.size(); i++) {
            int k = dir > 0 ? i : trunk.size() - 1 - i;
            double t = trunk.tS(k);
            if (dir > 0 ? t < tS : t > tS) {
                continue;
            }
            if (Math.abs(t - tS) > spanS) {
                break;
            }
            double a = sign * trunk.angleDeg(axis, k);
            if (a < best) {
                best = a;
                bestT = t;
            }
            if (a <= 0) {
                break;
            }
        }
        return bestT;
    }

    /** The angle nearest in time to {@code tS}. */
    private static double at(AngleSeries s, int axis, double tS) {
        int best = -1;
        for (int i = 0; i < s.size(); i++) {
            if (best < 0 || Math.abs(s.tS(i) - tS) < Math.abs(s.tS(best) - tS)) {
                best = i;
            }
        }
        return best < 0 ? Double.NaN : s.angleDeg(axis, best);
    }

    /** The repetition with its peak on the spine's angle over [start, end]; null when the spine has none there. */
    static Rep onSpine(Rep r, AngleSeries trunk, AngleSeries spine) {
        int axis = r.direction().plane().axis();
        double sign = r.direction().sign();
        double best = Double.NaN, bestT = r.peakS();
        // Rotation: from the line between the angle at the repetition's start and at its end (both near upright),
        // which takes out the heading drift over the repetition.
        boolean rotation = r.direction().plane() == Direction.Plane.ROTATION;
        double from = rotation ? upright(trunk, axis, sign, r.startS(), -1, r.peakS() - r.startS()) : r.startS();
        double to = rotation ? upright(trunk, axis, sign, r.endS(), 1, r.endS() - r.peakS()) : r.endS();
        double a0 = rotation ? at(spine, axis, from) : 0, a1 = rotation ? at(spine, axis, to) : 0;
        for (int i = 0; i < spine.size(); i++) {
            double t = spine.tS(i);
            if (t < r.startS() || t > r.endS()) {
                continue;
            }
            double base = to > from ? a0 + (a1 - a0) * (t - from) / (to - from) : a0;
            double a = sign * (spine.angleDeg(axis, i) - base);
            if (!Double.isNaN(a) && !(a <= best)) {
                best = a;
                bestT = t;
            }
        }
        return Double.isNaN(best) ? null
                : new Rep(r.direction(), r.startS(), bestT, r.endS(), best, r.returnDeg(), r.mixDeg());
    }
}
