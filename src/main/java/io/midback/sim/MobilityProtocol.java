package io.midback.sim;

import io.midback.posture.PostureState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The mobility check's movements as a scenario, seated: a still upright start, then blocks of flexion, extension,
 * side bend left and right and rotation left and right, three repetitions each with pauses at upright, or, for
 * a plane, one block where both directions alternate at a brisk cycle (forward-back-forward…, left-right-left…),
 * in a random order. Each repetition is one {@code pose} line (a minimum-jerk excursion out, a hold, and back), so
 * the trunk passes through upright between repetitions; the small slow movements of seated work ({@code micro}),
 * scaled by the person's sloppiness, wander around it. The true peak of every repetition comes from the body
 * model itself ({@link #truth}).
 */
public final class MobilityProtocol {
    /** Upright and still at the start (the capture) and at the end, s. */
    public static final double START_STILL_S = 6, END_STILL_S = 3;

    /**
     * A simulated person: ranges per direction (degrees from upright, trunk incl. hips), timing and habits.
     *
     * @param outS        time out to the peak (and back), s
     * @param holdS       hold at the peak, s
     * @param pauseS      pause at upright between repetitions of a one-direction block, s
     * @param cycleS      one forward-and-back (or left-and-right) cycle in an alternating block, s
     * @param coupleDeg   side bend that comes with a rotation (and 0.7 × it of rotation with a side bend), degrees
     * @param sloppiness  scale of the small slow movements around upright (0 perfectly still .. 1 fidgety)
     * @param scatter     repetition-to-repetition scatter of the peaks, as a fraction
     * @param alternating per plane (flexion/extension, side bend, rotation) whether its directions alternate
     */
    public record Person(double flexionDeg, double extensionDeg, double sideBendLeftDeg, double sideBendRightDeg,
                         double rotationLeftDeg, double rotationRightDeg, double outS, double holdS, double pauseS,
                         double cycleS, double coupleDeg, double sloppiness, double scatter, boolean[] alternating) {
        public Person {
            alternating = alternating.clone();
        }

        /**
         * A person drawn widely: flexion 45–95°, extension 10–35°, side bend 20–50° and rotation 25–65° each way
         * (each side on its own), 0.8–2.2 s out, 0–1.2 s holds, 0.5–3 s pauses, 3–5 s cycles, 0–12° of side bend
         * with rotation, sloppiness 0–0.6, scatter 0–8%, each plane alternating with probability 0.35.
         */
        public static Person random(long seed) {
            Rng r = Rng.forStream(seed, 21);
            boolean[] alt = {r.uniform(0, 1) < 0.35, r.uniform(0, 1) < 0.35, r.uniform(0, 1) < 0.35};
            return new Person(r.uniform(45, 95), r.uniform(10, 35), r.uniform(20, 50), r.uniform(20, 50),
                    r.uniform(25, 65), r.uniform(25, 65), r.uniform(0.8, 2.2), r.uniform(0, 1.2), r.uniform(0.5, 3),
                    r.uniform(3, 5), r.uniform(0, 12), r.uniform(0, 0.6), r.uniform(0, 0.08), alt);
        }

        /** This person with a rotation range of {@code deg} each way (as after weeks of work on it). */
        public Person withRotationDeg(double deg) {
            return new Person(flexionDeg, extensionDeg, sideBendLeftDeg, sideBendRightDeg, deg, deg, outS, holdS,
                    pauseS, cycleS, coupleDeg, sloppiness, scatter, alternating);
        }

        @Override
        public boolean[] alternating() {
            return alternating.clone();
        }

        double rangeDeg(String direction) {
            switch (direction) {
                case "flexion":
                    return flexionDeg;
                case "extension":
                    return extensionDeg;
                case "sideBendLeft":
                    return sideBendLeftDeg;
                case "sideBendRight":
                    return sideBendRightDeg;
                case "rotationLeft":
                    return rotationLeftDeg;
                default:
                    return rotationRightDeg;
            }
        }
    }

    /** A repetition as planned and, after {@link #truth}, with its true peak (degrees from upright, positive). */
    public record TruthRep(String block, String direction, double startS, double peakS, double endS, double peakDeg) {
    }

    /** A block as planned: its movement (a direction, or a plane when alternating) and time span. */
    public record PlannedBlock(String movement, double startS, double endS) {
    }

    private static final String[][] PLANES = {{"flexion", "extension"}, {"sideBendLeft", "sideBendRight"},
            {"rotationLeft", "rotationRight"}};
    private static final String[] PLANE_NAMES = {"flexionExtension", "sideBend", "rotation"};

    private final Scenario scenario;
    private final List<TruthRep> planned;
    private final List<PlannedBlock> blocks;
    private final List<Segment> repSegments;

    private MobilityProtocol(Scenario scenario, List<TruthRep> planned, List<PlannedBlock> blocks,
                             List<Segment> repSegments) {
        this.scenario = scenario;
        this.planned = planned;
        this.blocks = blocks;
        this.repSegments = repSegments;
    }

    /** The check for this person; the seed draws the block order and the scatter of the peaks. */
    public static MobilityProtocol of(Person p, long seed) {
        return plan(p, seed, true, 0);
    }

    /**
     * The check for this person with the pelvis moving with the trunk, as in a real seated check: in flexion and
     * extension the pelvis tilts by {@code pelvisShare} of the trunk's excursion (0.2–0.3 is typical), so the spine
     * between a sensor on the upper back and one on the sacrum moves the rest ({@link #spineTruth}).
     */
    public static MobilityProtocol of(Person p, long seed, double pelvisShare) {
        return plan(p, seed, true, pelvisShare);
    }

    /**
     * The person following the guided check: the six directions in its order (flexion, extension, side bend left
     * and right, rotation left and right), three repetitions each, none alternating.
     */
    public static MobilityProtocol guided(Person p, long seed) {
        return plan(new Person(p.flexionDeg(), p.extensionDeg(), p.sideBendLeftDeg(), p.sideBendRightDeg(),
                p.rotationLeftDeg(), p.rotationRightDeg(), p.outS(), p.holdS(), p.pauseS(), p.cycleS(), p.coupleDeg(),
                p.sloppiness(), p.scatter(), new boolean[3]), seed, false, 0);
    }

    private static MobilityProtocol plan(Person p, long seed, boolean shuffled, double pelvisShare) {
        Rng r = Rng.forStream(seed, 22);
        List<String[]> order = new ArrayList<>();
        boolean[] alt = p.alternating();
        for (int k = 0; k < 3; k++) {
            if (alt[k]) {
                order.add(new String[] {PLANE_NAMES[k], PLANES[k][0], PLANES[k][1]});
            } else {
                order.add(new String[] {PLANES[k][0], PLANES[k][0]});
                order.add(new String[] {PLANES[k][1], PLANES[k][1]});
            }
        }
        long shuffleSeed = r.nextLong();
        if (shuffled) {
            Collections.shuffle(order, new java.util.Random(shuffleSeed));
        }
        List<Segment> segs = new ArrayList<>();
        List<TruthRep> reps = new ArrayList<>();
        List<PlannedBlock> blocks = new ArrayList<>();
        List<Segment> repSegs = new ArrayList<>();
        double t = 0;
        t = pause(segs, t, START_STILL_S, 0);
        for (String[] b : order) {
            String movement = b[0];
            boolean alternating = b.length == 3;
            double blockStart = t;
            int count = alternating ? 5 + (r.uniform(0, 1) < 0.5 ? 1 : 0) : 3;
            boolean startSecond = alternating && r.uniform(0, 1) < 0.5;
            for (int i = 0; i < count; i++) {
                String dir = alternating ? b[1 + ((i + (startSecond ? 1 : 0)) % 2)] : b[1];
                double out = alternating ? p.cycleS() / 4 * 0.9 : p.outS() * r.uniform(0.85, 1.15);
                double hold = alternating ? p.cycleS() / 2 * 0.1 : p.holdS() * r.uniform(0.5, 1.5);
                double peak = p.rangeDeg(dir) * (1 + p.scatter() * r.uniform(-1, 1));
                Segment s = repSegment(t, dir, peak, out, hold, p, r, segs.size() + 1, pelvisShare);
                segs.add(s);
                repSegs.add(s);
                reps.add(new TruthRep(movement, dir, s.startS(), Double.NaN, s.endS(), peak));
                t = s.endS();
                if (!alternating && i < count - 1) {
                    t = pause(segs, t, p.pauseS() * r.uniform(0.6, 1.4), p.sloppiness());
                }
            }
            blocks.add(new PlannedBlock(movement, blockStart, t));
            t = pause(segs, t, r.uniform(3, 7), p.sloppiness());
        }
        pause(segs, t, END_STILL_S, 0);
        Scenario sc = new Scenario("mobility-check", 0, null, segs);
        return new MobilityProtocol(sc, reps, blocks, repSegs);
    }

    private static double pause(List<Segment> segs, double t, double d, double micro) {
        segs.add(new Segment(t, d, Activity.POSE, 0, 0, 0, 0, 0, micro, 0, 0, 0, Segment.Transitions.DEFAULT,
                PostureState.UPRIGHT,
                Activity.Mode.SITTING, Activity.Mode.SITTING, segs.size() + 1));
        return t + d;
    }

    /**
     * In a side bend or a rotation the pelvis shifts too: it tilts forward by this share of the pelvis's share of
     * the movement (so a sacral sensor feels every block, as in real checks).
     */
    static final double SHIFT_SHARE = 0.3;

    private static Segment repSegment(double t, String dir, double peak, double out, double hold, Person p, Rng r,
                                      int line, double pelvisShare) {
        double flex = 0, lat = 0, axial = 0;
        switch (dir) {
            case "flexion":
                flex = peak;
                lat = r.uniform(-2, 2);
                axial = r.uniform(-2, 2);
                break;
            case "extension":
                flex = -peak;
                lat = r.uniform(-2, 2);
                axial = r.uniform(-2, 2);
                break;
            case "sideBendLeft":
            case "sideBendRight":
                lat = dir.endsWith("Left") ? -peak : peak;
                axial = 0.7 * p.coupleDeg() * r.uniform(-1, 1);
                flex = r.uniform(-3, 3);
                break;
            default:
                axial = dir.endsWith("Left") ? -peak : peak;
                lat = p.coupleDeg() * r.uniform(-1, 1);
                flex = r.uniform(-3, 3);
                break;
        }
        boolean sagittal = dir.equals("flexion") || dir.equals("extension");
        return new Segment(t, 2 * out + hold, Activity.POSE, flex, lat, axial, out, out, p.sloppiness(), 0, 0, 0,
                Segment.Transitions.DEFAULT, null,
                Activity.Mode.SITTING, Activity.Mode.SITTING, line, sagittal ? pelvisShare * flex
                        : pelvisShare * SHIFT_SHARE * Math.abs(lat + axial));
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<PlannedBlock> blocks() {
        return blocks;
    }

    /**
     * Every repetition with its true peak: the largest excursion of its direction's angle over the repetition, from
     * the body model a simulator with this seed plays (breathing and the small movements included).
     */
    public List<TruthRep> truth(long simulatorSeed) {
        return truth(simulatorSeed, false);
    }

    /**
     * Every repetition with the true peak of the spine between the pelvis and the upper back (the trunk's angles
     * relative to the pelvis: flexion less the pelvic tilt, side bend and rotation as the trunk's, since the pelvis
     * only tilts).
     */
    public List<TruthRep> spineTruth(long simulatorSeed) {
        return truth(simulatorSeed, true);
    }

    /** Where {@link #writeRepetitions} puts the repetitions of the check recorded to {@code out}: NAME.reps.csv. */
    public static Path repetitionsPath(Path out) {
        return out.resolveSibling(SimulationFiles.baseName(out.getFileName().toString()) + ".reps.csv");
    }

    /**
     * Writes every repetition's truth beside a recording of this check ({@link #repetitionsPath}): its block, its
     * direction, its start, peak and end times (s) and its true peak (degrees from upright, positive); with
     * {@code spine}, also the spine's peak between the pelvis and the upper back. Returns the file.
     */
    public Path writeRepetitions(Path out, long simulatorSeed, boolean spine) throws IOException {
        Path file = repetitionsPath(out);
        List<TruthRep> trunk = truth(simulatorSeed);
        List<TruthRep> spineReps = spine ? spineTruth(simulatorSeed) : null;
        try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("block,direction,start_s,peak_s,end_s,peak_deg" + (spine ? ",spine_peak_deg" : "") + "\n");
            for (int i = 0; i < trunk.size(); i++) {
                TruthRep r = trunk.get(i);
                w.write(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.3f,%.2f%s%n", r.block(), r.direction(),
                        r.startS(), r.peakS(), r.endS(), r.peakDeg(),
                        spine ? String.format(Locale.ROOT, ",%.2f", spineReps.get(i).peakDeg()) : ""));
            }
        }
        return file;
    }

    private List<TruthRep> truth(long simulatorSeed, boolean spine) {
        BodyModel model = new BodyModel(scenario, simulatorSeed);
        BodyPose pose = new BodyPose();
        List<TruthRep> out = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            TruthRep p = planned.get(i);
            Segment s = repSegments.get(i);
            int sign = p.direction().equals("extension") || p.direction().endsWith("Left") ? -1 : 1;
            double best = Double.NEGATIVE_INFINITY, bestT = s.startS();
            for (double t = s.startS(); t <= s.endS(); t += 0.002) {
                model.evaluate(t, pose);
                double a = p.direction().startsWith("flex") || p.direction().equals("extension")
                        ? (spine ? pose.spineFlexionDeg : pose.flexionDeg)
                        : p.direction().startsWith("side") ? pose.lateralBendDeg : pose.axialRotationDeg;
                if (sign * a > best) {
                    best = sign * a;
                    bestT = t;
                }
            }
            out.add(new TruthRep(p.block(), p.direction(), p.startS(), bestT, p.endS(), best));
        }
        return out;
    }
}
