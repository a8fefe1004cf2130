package io.midback.routine;

import io.midback.mobility.Direction;

import java.util.EnumMap;
import java.util.Map;

/**
 * The wearer's measured ranges (the latest mobility check's), which cap what a routine asks for: the goal of an
 * exercise on one side is its file's target or the measured range there, whichever is smaller.
 */
public final class RangeTargets {
    private final Map<Direction, Double> measuredDeg;

    private RangeTargets(Map<Direction, Double> measuredDeg) {
        this.measuredDeg = measuredDeg;
    }

    /** No mobility check yet: the routine files' targets. */
    public static RangeTargets none() {
        return new RangeTargets(new EnumMap<>(Direction.class));
    }

    /** Given ranges, degrees per direction (from the command line, or a check kept in the history). */
    public static RangeTargets of(Map<Direction, Double> measuredDeg) {
        Map<Direction, Double> m = new EnumMap<>(Direction.class);
        m.putAll(measuredDeg);
        return new RangeTargets(m);
    }

    /** The measured range in this direction, degrees; NaN when none. */
    public double measuredDeg(Direction d) {
        Double v = measuredDeg.get(d);
        return v == null ? Double.NaN : v;
    }

    /** What the exercise asks for on this side (+1/−1), degrees: never more than the measured range. */
    public double goalDeg(Exercise e, int sign) {
        double m = measuredDeg(e.movement().direction(sign));
        return Double.isNaN(m) ? e.targetDeg() : Math.min(e.targetDeg(), m);
    }

    /** Whether the goal on this side is the measured range (so the feedback can say where it comes from). */
    public boolean goalIsMeasured(Exercise e, int sign) {
        double m = measuredDeg(e.movement().direction(sign));
        return !Double.isNaN(m) && m <= e.targetDeg();
    }
}
