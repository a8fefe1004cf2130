package io.midback.mobility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A check's ranges measured on the spine between two sensors: the repetitions and blocks found on the upper sensor
 * (the trunk, {@link MobilityAnalysis}), each repetition's peak taken again on the spine's angles over the same
 * span (the largest excursion of its direction's angle between its start and end). The notes and corrections are
 * the trunk analysis's.
 */
public final class SpineRanges {
    private SpineRanges() {
    }

    /** The trunk result's repetitions with their peaks on {@code spine}; a repetition without spine angles is dropped. */
    public static MobilityResult of(MobilityResult trunk, AngleSeries spine) {
        Map<Direction, List<Rep>> reps = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            List<Rep> list = new ArrayList<>();
            for (Rep r : trunk.reps().get(d)) {
                Rep s = onSpine(r, spine);
                if (s != null) {
                    list.add(s);
                }
            }
            reps.put(d, list);
        }
        List<Block> blocks = new ArrayList<>();
        for (Block b : trunk.blocks()) {
            List<Rep> list = new ArrayList<>();
            for (Rep r : b.reps()) {
                Rep s = onSpine(r, spine);
                if (s != null) {
                    list.add(s);
                }
            }
            blocks.add(new Block(b.movement(), b.startS(), b.endS(), list));
        }
        return new MobilityResult(reps, blocks, trunk.notes(), trunk.diagnostics(), trunk.anchorDriftDeg(),
                trunk.segmentation());
    }

    /** The repetition with its peak on the spine's angle over [start, end]; null when the spine has none there. */
    static Rep onSpine(Rep r, AngleSeries spine) {
        int axis = r.direction().plane().axis();
        double sign = r.direction().sign();
        double best = Double.NaN, bestT = r.peakS();
        for (int i = 0; i < spine.size(); i++) {
            double t = spine.tS(i);
            if (t < r.startS() || t > r.endS()) {
                continue;
            }
            double a = sign * spine.angleDeg(axis, i);
            if (!Double.isNaN(a) && !(a <= best)) {
                best = a;
                bestT = t;
            }
        }
        return Double.isNaN(best) ? null
                : new Rep(r.direction(), r.startS(), bestT, r.endS(), best, r.returnDeg(), r.mixDeg());
    }
}
