package io.midback.routine;

import io.midback.app.SampleFanout;
import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilitySettings;
import io.midback.posture.Mounting;
import io.midback.sim.RoutineSession;
import io.midback.sim.SensorErrors;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated person doing a routine, played through the {@link RoutinePlayer} and compared with the truth: a
 * person drawn by seed (ranges per exercise, repetitions a little short of the target or on it, tempo, sloppy
 * repetitions), a rate and a mounting. With {@code variety}, also a gyroscope bias of 0.3–2°/s per axis (σ) and
 * sloppy start positions: the trunk in each position off its ideal tilt by up to ±12° (horizontal positions),
 * 0–10° forward (upright) and ±10° (on the back). The samples also go to a {@link RoutineTrack} for the analysis, with
 * the events the player wrote.
 */
final class SimulatedRoutine {
    final Routine routine;
    final RoutineSession session;
    final List<RoutineSession.TruthRep> truth;
    final RoutineResult result;
    final List<String> feedback = new ArrayList<>();
    final List<MobilityEvent> events = new ArrayList<>();
    final RoutineTrack track;
    final List<RoutineSession.Set> sets = new ArrayList<>();
    /** Per counted set: true repetitions, counted, and the worst range error of its repetitions (NaN if counts differ). */
    final List<int[]> counts = new ArrayList<>();
    final List<Double> worstRangeErrorDeg = new ArrayList<>();

    SimulatedRoutine(Routine routine, long seed, double rateHz, String mounting) {
        this(routine, seed, rateHz, mounting, false);
    }

    SimulatedRoutine(Routine routine, long seed, double rateHz, String mounting, boolean variety) {
        this.routine = routine;
        SplittableRandom r = new SplittableRandom(seed);
        Map<StartPosition, Double> offsetDeg = new EnumMap<>(StartPosition.class);
        double horizontal = variety ? r.nextDouble(-12, 12) : 0, upright = variety ? r.nextDouble(0, 10) : 0;
        double onBack = variety ? r.nextDouble(-10, 10) : 0;
        for (StartPosition p : StartPosition.values()) {
            offsetDeg.put(p, p.trunkFlexionDeg() > 45 ? horizontal : p.trunkFlexionDeg() < -45 ? onBack : upright);
        }
        for (Exercise e : routine.exercises()) {
            double base = e.position().trunkFlexionDeg() + offsetDeg.get(e.position());
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
        if (variety) {
            SensorErrors e = SensorErrors.REALISTIC;
            cfg = cfg.withErrors(new SensorErrors(r.nextDouble(0.3, 2), e.gyroBiasWalkDegPerSqrtS(),
                    e.gyroNoiseDegPerSPerSqrtHz(), e.accelNoiseMicroGPerSqrtHz(), e.magNoiseMicroT()));
        }
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
                    public void onEvent(MobilityEvent e) {
                        events.add(e);
                    }

                    @Override
                    public void onEnd(RoutineResult result) {
                        end[0] = result;
                    }
                });
        var filter = MobilityCheck.defaultFilter(rateHz);
        track = new RoutineTrack(filter);
        MobilityCheck recorded = new MobilityCheck(MobilitySettings.defaults(), filter, track);
        sim.run(new SampleFanout(List.of(player, recorded)));
        player.end();
        result = end[0];
        truth = session.truth(seed);
        compare(result.exercises(), counts, worstRangeErrorDeg);
    }

    /** The analysis of what was recorded: from the player's events, or (false) recognised from the motion alone. */
    RoutineAnalysis.Result analysed(boolean withEvents) {
        return analysed(withEvents, routine);
    }

    /** The same, told that the routine was {@code expected} (another order, say). */
    RoutineAnalysis.Result analysed(boolean withEvents, Routine expected) {
        return RoutineAnalysis.analyse(track, withEvents ? events : List.of(), expected, RangeTargets.none(),
                MobilitySettings.defaults());
    }

    /**
     * The counted sets against the truth: each set's exercise found by name (in order: the k-th of that name for
     * the k-th such set), its count beside the true one, and its repetitions' worst range error when they agree.
     */
    void compare(List<ExerciseResult> found, List<int[]> counts, List<Double> worst) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int k = 0; k < sets.size(); k++) {
            if (sets.get(k).timedS() > 0) {
                continue;
            }
            int set = k;
            List<RoutineSession.TruthRep> tr = truth.stream().filter(t -> t.set() == set).toList();
            int nth = seen.merge(sets.get(k).name(), 1, Integer::sum);
            ExerciseResult got = found.stream().filter(x -> x.name().equals(sets.get(set).name())).skip(nth - 1)
                    .findFirst().orElse(null);
            int counted = got == null ? -1 : got.reps();
            counts.add(new int[] {tr.size(), counted});
            double w = Double.NaN;
            if (counted == tr.size()) {
                w = 0;
                double[] ranges = got.repRangesDeg();
                for (int i = 0; i < ranges.length; i++) {
                    w = Math.max(w, Math.abs(ranges[i] - tr.get(i).rangeDeg()));
                }
            }
            worst.add(w);
        }
    }
}
