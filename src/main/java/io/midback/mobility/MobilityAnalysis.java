package io.midback.mobility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis of a check from its angles: repetitions, blocks, ranges, asymmetry and quality notes.
 *
 * <p>With the guided check's prompts ({@code block-start}/{@code block-end} events) each block is the prompt's
 * window and its repetitions are those of the prompted movement peaking inside it. Without them the analysis
 * segments on its own: each angle's candidate repetitions ({@link RepFinder}) compete where they overlap in time,
 * the one largest against its direction's typical range winning (a rotation that bends the trunk sideways a little
 * stays a rotation); consecutive repetitions of one plane form a block, a new block starting when the plane
 * changes, after {@link MobilitySettings#blockGapS()} without a repetition, or when a run of one direction is
 * followed by the other (flexion ×3 then extension ×3 are two blocks; flexion, extension, flexion… is one
 * alternating block).
 */
public final class MobilityAnalysis {
    private MobilityAnalysis() {
    }

    public static MobilityResult analyse(AngleSeries series, List<MobilityEvent> events, MobilitySettings settings,
                                         CheckDiagnostics diagnostics) {
        // First pass: where the repetitions are, so that what lies outside them can anchor the heading.
        List<RepFinder.Candidate> first = new ArrayList<>();
        for (Direction.Plane p : Direction.Plane.values()) {
            first.addAll(RepFinder.find(series, p, settings));
        }
        double[] driftDeg = AnchorDrift.driftDeg(series, AnchorDrift.anchors(series, first, settings), settings);
        AngleSeries corrected = series.withRotationLess(driftDeg);
        Map<Direction.Plane, List<RepFinder.Candidate>> byPlane = new EnumMap<>(Direction.Plane.class);
        for (Direction.Plane p : Direction.Plane.values()) {
            byPlane.put(p, RepFinder.withoutOvershoots(RepFinder.find(corrected, p, settings), corrected, settings));
        }
        List<Block> blocks = hasBlockEvents(events) ? blocksFromEvents(byPlane, events)
                : blocksOnTheirOwn(byPlane, settings);
        List<String> notes = new ArrayList<>();
        if (series.size() == 0) {
            notes.add("no still upright pose found to measure from: sit upright and still for "
                    + fmt(settings.biasCaptureS() + settings.neutralCaptureS()) + " s at the start");
        }
        Map<Direction, List<Rep>> reps = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            reps.put(d, new ArrayList<>());
        }
        for (Block b : blocks) {
            for (Rep r : b.reps()) {
                List<Rep> list = reps.get(r.direction());
                list.add(r);
                repNotes(r, list.size(), settings, notes);
            }
        }
        for (Direction d : Direction.values()) {
            if (reps.get(d).isEmpty() && series.size() > 0) {
                notes.add("no " + d.jsonName() + " repetitions found");
            }
        }
        double anchorDeg = 0;
        for (double d : driftDeg) {
            anchorDeg = Math.abs(d) > Math.abs(anchorDeg) ? d : anchorDeg;
        }
        return new MobilityResult(reps, blocks, notes, diagnostics, anchorDeg,
                hasBlockEvents(events) ? "events" : "automatic");
    }

    private static void repNotes(Rep r, int number, MobilitySettings s, List<String> notes) {
        String who = String.format(Locale.ROOT, "%s repetition %d (peak at %.1f s)", r.direction().jsonName(), number,
                r.peakS());
        double notBack = Math.max(s.notBackMinDeg(), s.notBackFraction() * r.peakDeg());
        if (r.returnDeg() > notBack) {
            notes.add(String.format(Locale.ROOT, "%s: not back to neutral (turned out again %.0f° from upright; "
                    + "limit %.0f°, the larger of %.0f° and %.0f%% of the peak)", who, r.returnDeg(), notBack,
                    s.notBackMinDeg(), 100 * s.notBackFraction()));
        }
        if (r.mixDeg() > s.mixLimitDeg()) {
            boolean sideBend = r.direction().plane() == Direction.Plane.SIDE_BEND;
            notes.add(String.format(Locale.ROOT, "%s: %s of %.0f° mixed in (limit %.0f°)", who,
                    sideBend ? "rotation" : "side bend", r.mixDeg(), s.mixLimitDeg()));
        }
        if (r.durationS() < s.tooFastS()) {
            notes.add(String.format(Locale.ROOT, "%s: too fast to be trusted (out and back in %.2f s; at least "
                    + "%.1f s)", who, r.durationS(), s.tooFastS()));
        }
    }

    private static boolean hasBlockEvents(List<MobilityEvent> events) {
        return events.stream().anyMatch(e -> e.kind().equals(MobilityEvent.BLOCK_START));
    }

    private static List<Block> blocksFromEvents(Map<Direction.Plane, List<RepFinder.Candidate>> byPlane,
                                                List<MobilityEvent> events) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            MobilityEvent e = events.get(i);
            if (!e.kind().equals(MobilityEvent.BLOCK_START)) {
                continue;
            }
            double end = Double.POSITIVE_INFINITY;
            for (int j = i + 1; j < events.size(); j++) {
                String k = events.get(j).kind();
                if (k.equals(MobilityEvent.BLOCK_END) || k.equals(MobilityEvent.BLOCK_START)
                        || k.equals(MobilityEvent.STOP)) {
                    end = events.get(j).tS();
                    break;
                }
            }
            Direction single = Direction.byJsonName(e.detail());
            Direction.Plane plane = single != null ? single.plane() : planeByName(e.detail());
            if (plane == null) {
                continue;
            }
            List<Rep> reps = new ArrayList<>();
            for (RepFinder.Candidate c : byPlane.get(plane)) {
                Rep r = c.rep();
                if (r.peakS() >= e.tS() && r.peakS() < end && (single == null || r.direction() == single)) {
                    reps.add(r);
                }
            }
            double endS = Double.isInfinite(end) ? (reps.isEmpty() ? e.tS() : reps.get(reps.size() - 1).endS()) : end;
            blocks.add(new Block(e.detail(), e.tS(), endS, reps));
        }
        return blocks;
    }

    private static Direction.Plane planeByName(String name) {
        for (Direction.Plane p : Direction.Plane.values()) {
            if (p.jsonName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    private static List<Block> blocksOnTheirOwn(Map<Direction.Plane, List<RepFinder.Candidate>> byPlane,
                                                MobilitySettings settings) {
        List<RepFinder.Candidate> all = new ArrayList<>();
        byPlane.values().forEach(all::addAll);
        all.sort(Comparator.comparingDouble(RepFinder.Candidate::score).reversed());
        List<RepFinder.Candidate> kept = new ArrayList<>();
        for (RepFinder.Candidate c : all) {
            boolean beaten = false;
            for (RepFinder.Candidate k : kept) {
                if (k.rep().direction().plane() != c.rep().direction().plane() && k.overlaps(c)) {
                    beaten = true;
                    break;
                }
            }
            if (!beaten) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingDouble(c -> c.rep().peakS()));
        List<Block> blocks = new ArrayList<>();
        List<Rep> current = new ArrayList<>();
        for (RepFinder.Candidate c : kept) {
            Rep r = c.rep();
            if (!current.isEmpty() && startsNewBlock(current, r, settings)) {
                blocks.add(block(current));
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            blocks.add(block(current));
        }
        return blocks;
    }

    private static boolean startsNewBlock(List<Rep> block, Rep next, MobilitySettings settings) {
        Rep last = block.get(block.size() - 1);
        if (last.direction().plane() != next.direction().plane() || next.startS() - last.endS() > settings.blockGapS()) {
            return true;
        }
        if (block.size() < 2) {
            return false;
        }
        boolean alternating = block.get(0).direction() != block.get(1).direction();
        return alternating == (next.direction() == last.direction());
    }

    private static Block block(List<Rep> reps) {
        Direction first = reps.get(0).direction();
        boolean alternating = reps.stream().anyMatch(r -> r.direction() != first);
        String movement = alternating ? first.plane().jsonName() : first.jsonName();
        return new Block(movement, reps.get(0).startS(), reps.get(reps.size() - 1).endS(), reps);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
