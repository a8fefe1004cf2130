package io.midback.mobility;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the candidate repetitions along one angle: the angle's turning points (a zig-zag that turns once the angle
 * has come back by {@link MobilitySettings#reversalMinDeg()} or {@link MobilitySettings#reversalFraction()} of the
 * turning point's distance from upright, whichever is larger), of which those at least
 * {@link MobilitySettings#repMinDeg()} from upright are repetitions. A repetition that never comes back fully (a
 * sloppy return) still ends where the angle turns out again, so two excursions are never merged as long as the
 * dip between them is deep enough to turn.
 */
final class RepFinder {
    private RepFinder() {
    }

    /** A repetition with its sample indices and how strongly it stands out (peak over the typical range). */
    record Candidate(Rep rep, int startIndex, int endIndex, double score) {
        boolean overlaps(Candidate o) {
            return startIndex <= o.endIndex && o.startIndex <= endIndex;
        }
    }

    static List<Candidate> find(AngleSeries s, Direction.Plane plane, MobilitySettings settings) {
        int axis = plane.axis();
        List<Integer> pivots = turningPoints(s, axis, settings);
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < pivots.size(); k++) {
            int p = pivots.get(k);
            double v = s.angleDeg(axis, p);
            if (Math.abs(v) < settings.repMinDeg()) {
                continue;
            }
            int sign = v > 0 ? 1 : -1;
            boolean isMax = k + 1 < pivots.size() ? s.angleDeg(axis, pivots.get(k + 1)) < v
                    : k > 0 && s.angleDeg(axis, pivots.get(k - 1)) < v;
            if (isMax != (sign > 0)) {
                continue; // a turning point on the way back towards upright, not an excursion's peak
            }
            int lo = k > 0 ? pivots.get(k - 1) : 0;
            int hi = k + 1 < pivots.size() ? pivots.get(k + 1) : s.size() - 1;
            double level = 0.2 * Math.abs(v);
            int start = p;
            while (start > lo && sign * s.angleDeg(axis, start) > level) {
                start--;
            }
            int end = p;
            while (end < hi && sign * s.angleDeg(axis, end) > level) {
                end++;
            }
            double back = k + 1 < pivots.size() ? s.angleDeg(axis, hi) : s.angleDeg(axis, s.size() - 1);
            double returnDeg = Math.max(0, sign * back);
            double mix = Double.NaN;
            if (plane != Direction.Plane.FLEXION_EXTENSION) {
                int other = plane == Direction.Plane.SIDE_BEND ? 2 : 1;
                mix = 0;
                for (int i = start; i <= end; i++) {
                    mix = Math.max(mix, Math.abs(s.angleDeg(other, i)));
                }
            }
            Direction d = Direction.of(plane, sign);
            Rep rep = new Rep(d, s.tS(start), s.tS(p), s.tS(end), Math.abs(v), returnDeg, mix);
            out.add(new Candidate(rep, start, end, Math.abs(v) / d.typicalRangeDeg()));
        }
        return out;
    }

    /**
     * The candidates of one movement without the overshoots: a turn past upright into the other direction straight
     * out of a repetition's return (no stillness between), smaller than
     * {@link MobilitySettings#overshootFraction()} of it, with the trunk settling after it (stillness before the next
     * candidate). A repetition that itself came straight out of another one belongs to an alternating run, whose
     * small side is a repetition, however stiff that side is.
     */
    static List<Candidate> withoutOvershoots(List<Candidate> in, AngleSeries s, MobilitySettings settings) {
        List<Candidate> out = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            Candidate c = in.get(k);
            if (k > 0 && isOvershoot(k, in, s, settings)) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static boolean isOvershoot(int k, List<Candidate> in, AngleSeries s, MobilitySettings settings) {
        Candidate c = in.get(k), p = in.get(k - 1);
        if (c.rep().direction() == p.rep().direction()
                || c.rep().peakDeg() >= settings.overshootFraction() * p.rep().peakDeg()
                || stillBetween(s, p.endIndex(), c.startIndex(), settings)) {
            return false;
        }
        boolean previousSettledBefore = k < 2 || stillBetween(s, in.get(k - 2).endIndex(), p.startIndex(), settings);
        boolean settlesAfter = k + 1 >= in.size() || stillBetween(s, c.endIndex(), in.get(k + 1).startIndex(), settings);
        return previousSettledBefore && settlesAfter;
    }

    /** Whether the trunk is still (under the still rate) for at least the hold time somewhere in [from, to]. */
    private static boolean stillBetween(AngleSeries s, int from, int to, MobilitySettings settings) {
        double sinceS = Double.NaN;
        for (int i = Math.max(0, from); i <= to && i < s.size(); i++) {
            if (s.speedDegPerS(i) >= settings.stillRateDegPerS()) {
                sinceS = Double.NaN;
            } else if (Double.isNaN(sinceS)) {
                sinceS = s.tS(i);
            } else if (s.tS(i) - sinceS >= settings.stillHoldS()) {
                return true;
            }
        }
        return false;
    }

    /** Indices of the angle's turning points, in time order (the first and last samples excluded). */
    static List<Integer> turningPoints(AngleSeries s, int axis, MobilitySettings settings) {
        List<Integer> pivots = new ArrayList<>();
        int n = s.size();
        if (n == 0) {
            return pivots;
        }
        int trend = 0;
        int hi = 0, lo = 0, ext = 0;
        for (int i = 1; i < n; i++) {
            double x = s.angleDeg(axis, i);
            if (trend == 0) {
                if (x > s.angleDeg(axis, hi)) {
                    hi = i;
                }
                if (x < s.angleDeg(axis, lo)) {
                    lo = i;
                }
                double span = s.angleDeg(axis, hi) - s.angleDeg(axis, lo);
                if (span >= settings.reversalMinDeg()) {
                    trend = hi > lo ? 1 : -1;
                    ext = hi > lo ? hi : lo;
                    if (Math.abs(s.angleDeg(axis, hi > lo ? lo : hi)) >= settings.repMinDeg()) {
                        pivots.add(hi > lo ? lo : hi); // the recording starts inside an excursion
                    }
                }
                continue;
            }
            double e = s.angleDeg(axis, ext);
            double turn = Math.max(settings.reversalMinDeg(), settings.reversalFraction() * Math.abs(e));
            if (trend > 0) {
                if (x >= e) {
                    ext = i;
                } else if (e - x >= turn) {
                    pivots.add(ext);
                    trend = -1;
                    ext = i;
                }
            } else {
                if (x <= e) {
                    ext = i;
                } else if (x - e >= turn) {
                    pivots.add(ext);
                    trend = 1;
                    ext = i;
                }
            }
        }
        if (trend != 0) {
            pivots.add(ext);
        }
        return pivots;
    }
}
