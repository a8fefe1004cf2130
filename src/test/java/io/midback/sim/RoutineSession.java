package io.midback.sim;

import io.midback.posture.PostureState;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated person doing a routine, as a scenario (for the routine's tests: the player, the analysis, the
 * window): a still upright start (the capture of the bias and the
 * mounting), then per exercise set the move to its start position (the base flexion ramps to the new position, or,
 * in the same base, a standing-up lean), a still hold there (its neutral), the repetitions (each side one
 * {@code pose} excursion out, a hold and back, at the person's tempo with scatter, and a share of sloppy ones: quicker
 * and smaller), and a still hold after the last; a timed step is a still hold. The true range of every repetition
 * comes from the body model ({@link #truth}).
 */
public final class RoutineSession {
    /** Still at the start (bias and neutral capture), after arriving in a position, after a set's last repetition, s. */
    public static final double START_STILL_S = 8, ARRIVE_STILL_S = 5, END_STILL_S = 8;
    /** Moving into a new base position (hands and knees, prone, lying) takes this long, s. */
    public static final double MOVE_S = 3;

    /**
     * One exercise set as the person does it.
     *
     * @param name           the exercise's name
     * @param position       its start position's name (a move happens when it differs from the previous one)
     * @param baseFlexionDeg the trunk's base flexion in that position: 0 upright, 90 on hands and knees or prone,
     *                       −90 lying on the back
     * @param axis           the angle moved: 0 flexion, 1 side bend, 2 rotation
     * @param side           +1 or −1 for one-sided excursions, 0 for two-sided cycles
     * @param reps           repetitions done (0 for a timed step)
     * @param positiveDeg    the person's range on the positive side (forward, right), degrees
     * @param negativeDeg    on the negative side (back, left), degrees
     * @param timedS         a timed step's length, s (0 for counted sets)
     */
    public record Set(String name, String position, double baseFlexionDeg, int axis, int side, int reps,
                      double positiveDeg, double negativeDeg, double timedS) {
    }

    /**
     * The person's habits.
     *
     * @param outS        time out to the peak (and back), s
     * @param holdS       hold at the peak, s
     * @param pauseS      pause at the neutral between excursions, s
     * @param scatter     repetition-to-repetition scatter of the peaks, as a fraction
     * @param sloppyShare share of sloppy repetitions: out in 45% of the time, to 70% of the range
     * @param sloppiness  scale of the small slow movements around the neutral (0 still .. 1 fidgety)
     */
    public record Person(double outS, double holdS, double pauseS, double scatter, double sloppyShare,
                         double sloppiness) {
        /** Drawn: 0.8–1.8 s out, 0.2–1 s holds, 0.3–1 s pauses, 0–8% scatter, 0–20% sloppy, sloppiness 0–0.4. */
        public static Person random(long seed) {
            Rng r = Rng.forStream(seed, 31);
            return new Person(r.uniform(0.8, 1.8), r.uniform(0.2, 1), r.uniform(0.3, 1), r.uniform(0, 0.08),
                    r.uniform(0, 0.2), r.uniform(0, 0.4));
        }
    }

    /**
     * A repetition as done: its set, time span and true range (a one-sided peak from the neutral, or a two-sided
     * cycle's arc, each side's peak added), with each side's peak (NaN when it has none).
     */
    public record TruthRep(int set, String name, double startS, double endS, double rangeDeg, double positiveDeg,
                           double negativeDeg) {
    }

    private record Excursion(int set, int rep, int sign, Segment segment) {
    }

    private final Scenario scenario;
    private final List<Set> sets;
    private final List<Excursion> excursions;

    private RoutineSession(Scenario scenario, List<Set> sets, List<Excursion> excursions) {
        this.scenario = scenario;
        this.sets = List.copyOf(sets);
        this.excursions = excursions;
    }

    /** The session: {@code startPosition} is where the person sits or stands at the start. */
    public static RoutineSession of(String startPosition, List<Set> sets, Person p, long seed) {
        Rng r = Rng.forStream(seed, 32);
        List<Segment> segs = new ArrayList<>();
        List<Excursion> exc = new ArrayList<>();
        List<double[]> moves = new ArrayList<>();
        double t = pause(segs, 0, START_STILL_S, 0);
        String position = startPosition;
        double base = 0;
        for (int k = 0; k < sets.size(); k++) {
            Set s = sets.get(k);
            if (s.baseFlexionDeg() != base) {
                moves.add(new double[] {t, MOVE_S, s.baseFlexionDeg()});
                t = pause(segs, t, MOVE_S, p.sloppiness());
                base = s.baseFlexionDeg();
            } else if (!s.position().equals(position)) {
                Segment lean = excursion(segs, t, 0, 25, 1, 0.3, r);
                t = lean.endS();
            }
            position = s.position();
            t = pause(segs, t, ARRIVE_STILL_S, p.sloppiness());
            if (s.timedS() > 0) {
                t = pause(segs, t, s.timedS() + END_STILL_S, p.sloppiness());
                continue;
            }
            int firstSign = s.side() != 0 ? s.side() : r.uniform(0, 1) < 0.5 ? 1 : -1;
            for (int i = 0; i < s.reps(); i++) {
                boolean sloppy = r.uniform(0, 1) < p.sloppyShare();
                for (int half = 0; half < (s.side() == 0 ? 2 : 1); half++) {
                    int sign = half == 0 ? firstSign : -firstSign;
                    double range = (sign > 0 ? s.positiveDeg() : s.negativeDeg())
                            * (1 + p.scatter() * r.uniform(-1, 1)) * (sloppy ? 0.7 : 1);
                    double out = p.outS() * r.uniform(0.85, 1.15) * (sloppy ? 0.45 : 1);
                    double hold = p.holdS() * r.uniform(0.5, 1.5) * (sloppy ? 0.3 : 1);
                    Segment e = excursion(segs, t, s.axis(), sign * range, out, hold, r);
                    exc.add(new Excursion(k, i, sign, e));
                    t = pause(segs, e.endS(), p.pauseS() * r.uniform(0.6, 1.4), p.sloppiness());
                }
            }
            t = pause(segs, t, END_STILL_S, p.sloppiness());
        }
        double[] startS = new double[moves.size()], durationS = new double[moves.size()], toDeg = new double[moves.size()];
        for (int i = 0; i < moves.size(); i++) {
            startS[i] = moves.get(i)[0];
            durationS[i] = moves.get(i)[1];
            toDeg[i] = moves.get(i)[2];
        }
        Scenario sc = new Scenario("routine", 0, null, segs, List.of(), BaseFlexion.of(startS, durationS, toDeg));
        return new RoutineSession(sc, sets, exc);
    }

    private static double pause(List<Segment> segs, double t, double d, double micro) {
        segs.add(new Segment(t, d, Activity.POSE, 0, 0, 0, 0, 0, micro, 0, 0, 0, Segment.Transitions.DEFAULT,
                PostureState.UPRIGHT, Activity.Mode.SITTING, Activity.Mode.SITTING, segs.size() + 1));
        return t + d;
    }

    /** One excursion along an axis (with a little of the other two), out, hold and back. */
    private static Segment excursion(List<Segment> segs, double t, int axis, double deg, double outS, double holdS,
                                     Rng r) {
        double[] a = {r.uniform(-2, 2), r.uniform(-2, 2), r.uniform(-2, 2)};
        a[axis] = deg;
        Segment s = new Segment(t, 2 * outS + holdS, Activity.POSE, a[0], a[1], a[2], outS, outS, 0, 0, 0, 0,
                Segment.Transitions.DEFAULT, null, Activity.Mode.SITTING, Activity.Mode.SITTING, segs.size() + 1);
        segs.add(s);
        return s;
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Every repetition with its true range: each excursion's largest value of its angle relative to the position's
     * base, from the body model a simulator with this seed plays (breathing and the small movements included).
     */
    public List<TruthRep> truth(long simulatorSeed) {
        BodyModel model = new BodyModel(scenario, simulatorSeed);
        BodyPose pose = new BodyPose();
        List<TruthRep> out = new ArrayList<>();
        double pos = Double.NaN, neg = Double.NaN, startS = Double.NaN;
        for (int i = 0; i < excursions.size(); i++) {
            Excursion e = excursions.get(i);
            Set set = sets.get(e.set());
            double best = Double.NEGATIVE_INFINITY;
            for (double t = e.segment().startS(); t <= e.segment().endS(); t += 0.002) {
                model.evaluate(t, pose);
                double a = set.axis() == 0 ? pose.flexionDeg - scenario.baseFlexion().flexionDeg(t)
                        : set.axis() == 1 ? pose.lateralBendDeg : pose.axialRotationDeg;
                best = Math.max(best, e.sign() * a);
            }
            if (Double.isNaN(startS)) {
                startS = e.segment().startS();
            }
            if (e.sign() > 0) {
                pos = best;
            } else {
                neg = best;
            }
            boolean complete = set.side() != 0 || !Double.isNaN(pos) && !Double.isNaN(neg);
            if (complete) {
                double range = set.side() > 0 ? pos : set.side() < 0 ? neg : pos + neg;
                out.add(new TruthRep(e.set(), set.name(), startS, e.segment().endS(), range, pos, neg));
                pos = neg = startS = Double.NaN;
            }
        }
        return out;
    }
}
