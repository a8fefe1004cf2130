package io.midback.breathing;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Activity;
import io.midback.sim.Breathing;
import io.midback.posture.Mounting;
import io.midback.sim.Scenario;
import io.midback.sim.SensorErrors;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulated sessions played through a {@link BreathRateEstimator}, scored against the simulator's true breaths:
 * every 5 s, the 30 s window before is scored when the wearer sat or stood still through it and the truth was
 * steady in it (no change of the asked rate, no sigh or pause); walking is scored as "any rate reported".
 */
final class BreathingSessions {
    static final double WINDOW_S = 30, STEP_S = 5;
    static final List<Double> goodQ = new ArrayList<>(), goodShare = new ArrayList<>();
    static boolean DEBUG = Boolean.getBoolean("debug");

    /** What one session gave. */
    static final class Score {
        final String name;
        int windows, withRate;
        double absErrorSum, worstError;
        long walkingSamples, walkingWithRate;

        Score(String name) {
            this.name = name;
        }

        double mae() {
            return withRate == 0 ? Double.NaN : absErrorSum / withRate;
        }

        double coverage() {
            return windows == 0 ? Double.NaN : (double) withRate / windows;
        }

        void add(Score o) {
            windows += o.windows;
            withRate += o.withRate;
            absErrorSum += o.absErrorSum;
            worstError = Math.max(worstError, o.worstError);
            walkingSamples += o.walkingSamples;
            walkingWithRate += o.walkingWithRate;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-40s windows %4d  with a rate %5.1f %%  MAE %5.2f/min  worst %5.2f"
                            + "  walking samples with a rate %d/%d", name, windows, 100 * coverage(), mae(),
                    worstError, walkingWithRate, walkingSamples);
        }
    }

    private BreathingSessions() {
    }

    /** Plays {@code scenarioText} at the given rate and mounting and scores it: {seated, standing}. */
    static Score[] play(String name, String scenarioText, double rateHz, String mounting, long seed,
                      SensorErrors errors, BreathRateSettings settings) {
        Scenario scenario = Scenario.parse(name, scenarioText, name);
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(rateHz).withSeed(seed)
                .withMounting(Mounting.parse(mounting)).withErrors(errors);
        Simulator sim = new Simulator(scenario, cfg);
        Breathing truth = sim.newBodyModel().breathing();
        BreathRateEstimator est = new BreathRateEstimator(settings);
        Score score = new Score(name + " " + (int) rateHz + " Hz " + mounting);
        Score standing = new Score(name + " " + (int) rateHz + " Hz " + mounting + " standing");
        List<double[]> rates = new ArrayList<>(); // (t, rate) at each scoring time
        double[] nextScoreS = {WINDOW_S};
        sim.run(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    double t = b.tS[i];
                    est.update(t, b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
                    Activity a = activityAt(scenario, t);
                    if (a == Activity.WALK && t > segmentStart(scenario, t) + 3) {
                        score.walkingSamples++;
                        if (!Double.isNaN(est.ratePerMin())) {
                            score.walkingWithRate++;
                        }
                    }
                    if (t >= nextScoreS[0]) {
                        rates.add(new double[] {nextScoreS[0], est.ratePerMin(), est.quality(), est.axisShare()});
                        nextScoreS[0] += STEP_S;
                    }
                }
            }
        });
        for (double[] r : rates) {
            double to = r[0], from = to - WINDOW_S;
            Activity kind = stillThrough(scenario, from, to);
            if (kind == null || irregularWithin(truth, from - 10, to)
                    || Math.abs(truth.targetRateAt(from - 10) - truth.targetRateAt(to)) > 1e-9) {
                continue;
            }
            Score sc = kind == Activity.STILL ? score : standing;
            sc.windows++;
            if (!Double.isNaN(r[1])) {
                double err = Math.abs(r[1] - meanRatePerMin(truth, from, to));
                sc.withRate++;
                if (DEBUG && err <= 1) {
                    goodQ.add(r[2]);
                    goodShare.add(r[3]);
                }
                sc.absErrorSum += err;
                sc.worstError = Math.max(sc.worstError, err);
                if (DEBUG && err > 1) {
                    System.out.printf(Locale.ROOT, "  t %.0f est %.2f truth %.2f target %.2f q %.2f share %.2f%n",
                            to, r[1], meanRatePerMin(truth, from, to), truth.targetRateAt(to), r[2], r[3]);
                }
            }
        }
        return new Score[] {score, standing};
    }

    static Activity activityAt(Scenario s, double t) {
        for (var seg : s.segments()) {
            if (t >= seg.startS() && t < seg.endS()) {
                return seg.activity();
            }
        }
        return s.segments().get(s.segments().size() - 1).activity();
    }

    private static double segmentStart(Scenario s, double t) {
        for (var seg : s.segments()) {
            if (t >= seg.startS() && t < seg.endS()) {
                return seg.startS();
            }
        }
        return 0;
    }

    /**
     * {@link Activity#STILL} when the wearer sits still through [from, to], {@link Activity#STAND} when they stand
     * (not rising or sitting down) through it, else null.
     */
    static Activity stillThrough(Scenario s, double from, double to) {
        Activity kind = null;
        for (var seg : s.segments()) {
            if (seg.endS() > from && seg.startS() < to) {
                Activity a = seg.activity();
                if (a != Activity.STILL && a != Activity.STAND || kind != null && kind != a) {
                    return null;
                }
                if (a == Activity.STAND && (from < seg.startS() + BodyModelRise.S || to > seg.endS() - BodyModelRise.S)) {
                    return null;
                }
                kind = a;
            }
        }
        return kind;
    }

    /**
     * The true mean rate over [{@code fromS}, {@code toS}], per minute: the breaths in it, each counted by the
     * share of its length that falls inside, over the time.
     */
    static double meanRatePerMin(Breathing truth, double fromS, double toS) {
        double breaths = 0;
        for (int i = 0; i < truth.breathCount(); i++) {
            double overlap = Math.min(truth.onsetS(i) + truth.periodS(i), toS) - Math.max(truth.onsetS(i), fromS);
            if (overlap > 0) {
                breaths += overlap / truth.periodS(i);
            }
        }
        return 60 * breaths / (toS - fromS);
    }

    /** Whether a sigh or a pause starts within [{@code fromS}, {@code toS}], or the breath in progress then is one. */
    static boolean irregularWithin(Breathing truth, double fromS, double toS) {
        for (int i = 0; i < truth.breathCount(); i++) {
            if (truth.onsetS(i) + truth.periodS(i) >= fromS && truth.onsetS(i) <= toS
                    && truth.kind(i) != Breathing.NORMAL) {
                return true;
            }
        }
        return false;
    }

    /** Standing up and sitting down take this long at a stand line's ends. */
    private static final class BodyModelRise {
        static final double S = io.midback.sim.BodyModel.RISE_S;
    }
}
