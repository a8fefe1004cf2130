package io.midback.routine;

import io.midback.mobility.MobilitySettings;
import io.midback.posture.Mounting;
import io.midback.sim.RoutineSession;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated person doing a routine, played through the {@link RoutinePlayer} and compared with the truth: a
 * person drawn by seed (ranges per exercise, repetitions a little short of the target or on it, tempo, sloppy
 * repetitions), a rate and a mounting.
 */
final class SimulatedRoutine {
    final Routine routine;
    final RoutineSession session;
    final List<RoutineSession.TruthRep> truth;
    final RoutineResult result;
    final List<String> feedback = new ArrayList<>();
    /** Per counted set: true repetitions, counted, and the worst range error of its repetitions (NaN if counts differ). */
    final List<int[]> counts = new ArrayList<>();
    final List<Double> worstRangeErrorDeg = new ArrayList<>();

    SimulatedRoutine(Routine routine, long seed, double rateHz, String mounting) {
        this.routine = routine;
        SplittableRandom r = new SplittableRandom(seed);
        List<RoutineSession.Set> sets = new ArrayList<>();
        for (Exercise e : routine.exercises()) {
            double base = baseFlexionDeg(e.position());
            if (e.timed()) {
                sets.add(new RoutineSession.Set(e.name(), e.position().fileName(), base, 0, 0, 0, 0, 0,
                        e.durationS()));
                continue;
            }
            // a range each side: from just above the counting minimum's margin to beyond the target
            double lo = Math.max(e.minDeg() + 6, 0.6 * e.targetDeg()), hi = 1.4 * e.targetDeg() + 5;
            int reps = e.reps() - r.nextInt(3);
            sets.add(new RoutineSession.Set(e.name(), e.position().fileName(), base, e.movement().axis(),
                    e.movement().side(), reps, lo + r.nextDouble() * (hi - lo), lo + r.nextDouble() * (hi - lo), 0));
        }
        String start = routine.exercises().get(0).position() == StartPosition.SEATED ? "seated" : "standing";
        session = RoutineSession.of(start, sets, RoutineSession.Person.random(seed), seed);
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(rateHz).withSeed(seed)
                .withMounting(Mounting.parse(mounting));
        Simulator sim = new Simulator(session.scenario(), cfg);
        RoutineResult[] end = new RoutineResult[1];
        RoutinePlayer player = new RoutinePlayer(routine, RangeTargets.of(Map.of()), MobilitySettings.defaults(), rateHz,
                new RoutineListener() {
                    @Override
                    public void onPrompt(String text) {
                    }

                    @Override
                    public void onFeedback(String line) {
                        feedback.add(line);
                    }

                    @Override
                    public void onEnd(RoutineResult result) {
                        end[0] = result;
                    }
                });
        sim.run(player);
        player.end();
        result = end[0];
        truth = session.truth(seed);
        for (int k = 0; k < sets.size(); k++) {
            if (sets.get(k).timedS() > 0) {
                continue;
            }
            int set = k;
            List<RoutineSession.TruthRep> tr = truth.stream().filter(t -> t.set() == set).toList();
            ExerciseResult got = k < result.exercises().size() ? result.exercises().get(k) : null;
            int counted = got == null ? -1 : got.reps();
            counts.add(new int[] {tr.size(), counted});
            double worst = Double.NaN;
            if (counted == tr.size()) {
                worst = 0;
                double[] ranges = got.repRangesDeg();
                for (int i = 0; i < ranges.length; i++) {
                    worst = Math.max(worst, Math.abs(ranges[i] - tr.get(i).rangeDeg()));
                }
            }
            worstRangeErrorDeg.add(worst);
        }
    }

    static double baseFlexionDeg(StartPosition p) {
        switch (p) {
            case HANDS_AND_KNEES:
            case PRONE:
                return 90;
            case LYING:
                return -90;
            default:
                return 0;
        }
    }
}
