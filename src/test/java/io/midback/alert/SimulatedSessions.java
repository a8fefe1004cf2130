package io.midback.alert;

import io.midback.orientation.OrientationFilters;
import io.midback.orientation.OrientationFilter;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.ArrayList;
import java.util.List;

/** Runs a simulated session through filter → posture engine and keeps truth and estimate side by side. */
final class SimulatedSessions {
    private SimulatedSessions() {
    }

    /**
     * The one place the tests choose the orientation filter: the product's default
     * ({@code -Dmidback.test.filter=NAME} to try another).
     */
    static final String FILTER = System.getProperty("midback.test.filter", OrientationFilters.DEFAULT);

    static OrientationFilter filter(double rateHz) {
        return OrientationFilters.create(FILTER, rateHz);
    }

    static final class Result {
        final int n;
        final double[] tS, trueFlex, trueLat, flex, lat;
        final PostureState[] trueState, state;
        final boolean[] calibrated, trueSedentary, trueStanding;
        final double[] sittingProbability;
        final SessionSummary summary = new SessionSummary();
        List<io.midback.sim.SlumpEpisode> trueEpisodes;

        Result(int n) {
            this.n = n;
            tS = new double[n];
            trueFlex = new double[n];
            trueLat = new double[n];
            flex = new double[n];
            lat = new double[n];
            trueState = new PostureState[n];
            state = new PostureState[n];
            calibrated = new boolean[n];
            trueSedentary = new boolean[n];
            trueStanding = new boolean[n];
            sittingProbability = new double[n];
        }

        /** The sample at or just before a session time. */
        int indexAt(double t) {
            int i = java.util.Arrays.binarySearch(tS, t);
            return Math.max(0, Math.min(n - 1, i >= 0 ? i : -i - 2));
        }

        /** Slump and escalation alerts at moments the truth says walking or lying. */
        int slumpAlertsWhileWalkingOrLying() {
            int k = 0;
            for (Alert a : summary.alerts()) {
                if (a.kind() == AlertKind.SLUMP || a.kind() == AlertKind.SLUMP_ESCALATION) {
                    PostureState truth = trueState[indexAt(a.atS())];
                    if (truth == PostureState.WALKING || truth == PostureState.LYING) {
                        k++;
                    }
                }
            }
            return k;
        }

        /** Fraction of calibrated samples whose sedentary-or-not agrees with the truth. */
        double sedentaryAgreement() {
            int k = 0, ok = 0;
            for (int i = 0; i < n; i++) {
                if (calibrated[i]) {
                    k++;
                    if (state[i].isSedentary() == trueSedentary[i]) {
                        ok++;
                    }
                }
            }
            return ok / (double) Math.max(1, k);
        }

        /** Among truly sedentary calibrated samples: the fraction whose sitting/standing label is right. */
        double sittingLabelAccuracy() {
            int k = 0, ok = 0;
            for (int i = 0; i < n; i++) {
                if (calibrated[i] && trueSedentary[i]) {
                    k++;
                    if ((sittingProbability[i] >= 0.5) == !trueStanding[i]) {
                        ok++;
                    }
                }
            }
            return ok / (double) Math.max(1, k);
        }

        double rms(double[] a, double[] b, double fromS) {
            double sum = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (calibrated[i] && trueSedentary[i] && tS[i] >= fromS) {
                    double d = a[i] - b[i];
                    sum += d * d;
                    k++;
                }
            }
            return Math.sqrt(sum / Math.max(1, k));
        }

        /** Flexion error, RMS over the calibrated sedentary samples (what alerts are decided on), degrees. */
        double flexRms() {
            return rms(flex, trueFlex, 0);
        }

        double latRms() {
            return rms(lat, trueLat, 0);
        }

        List<Alert> alerts(AlertKind kind) {
            List<Alert> r = new ArrayList<>();
            for (Alert a : summary.alerts()) {
                if (a.kind() == kind) {
                    r.add(a);
                }
            }
            return r;
        }

        /** Detected episodes overlapping a true one / all detected. */
        double precision() {
            List<SlumpEpisode> det = summary.episodes();
            if (det.isEmpty()) {
                return trueEpisodes.isEmpty() ? 1 : 0;
            }
            int ok = 0;
            for (SlumpEpisode d : det) {
                if (trueEpisodes.stream().anyMatch(t -> d.startS() < t.endS() && t.startS() < d.endS())) {
                    ok++;
                }
            }
            return ok / (double) det.size();
        }

        double recall() {
            if (trueEpisodes.isEmpty()) {
                return 1;
            }
            int ok = 0;
            for (io.midback.sim.SlumpEpisode t : trueEpisodes) {
                if (summary.episodes().stream().anyMatch(d -> d.startS() < t.endS() && t.startS() < d.endS())) {
                    ok++;
                }
            }
            return ok / (double) trueEpisodes.size();
        }

        /**
         * Fraction of post-calibration samples whose state equals the truth's. The truth labels a slump slouched
         * from its start, which no causal detector can know before the dwell: a sitting state counts as agreeing
         * there.
         */
        double stateAgreement(double dwellS) {
            int k = 0, ok = 0;
            for (int i = 0; i < n; i++) {
                if (calibrated[i]) {
                    k++;
                    double t = tS[i];
                    boolean inDwell = trueState[i] == PostureState.SLOUCHED && trueEpisodes.stream()
                            .anyMatch(e -> t >= e.startS() && t < e.startS() + dwellS);
                    if (state[i] == trueState[i] || inDwell && state[i].isSitting()) {
                        ok++;
                    }
                }
            }
            return ok / (double) Math.max(1, k);
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("flexRMS=%.2f latRMS=%.2f P=%.2f R=%.2f states=%.3f%n", flexRms(), latRms(),
                    precision(), recall(), stateAgreement(20)));
            sb.append("true: ");
            trueEpisodes.forEach(e -> sb.append(String.format("[%.1f..%.1f %.0f°] ", e.startS(), e.endS(),
                    e.peakFlexionDeg())));
            sb.append("\ndetected: ");
            summary.episodes().forEach(e -> sb.append(String.format("[%.1f..%.1f %.0f°] ", e.startS(), e.endS(),
                    e.peakFlexionDeg())));
            sb.append("\nalerts: ");
            summary.alerts().forEach(a -> sb.append(String.format("%s@%.1f ", a.kind().label(), a.atS())));
            return sb.toString();
        }
    }

    static Result run(Scenario scenario, SimulatorConfig cfg, PostureSettings settings) {
        Simulator sim = new Simulator(scenario, cfg);
        int n = (int) sim.sampleCount();
        Result r = new Result(n);
        r.trueEpisodes = sim.trueSlumpEpisodes();
        sim.setTruthListener(t -> {
            int i = (int) t.index;
            r.trueFlex[i] = t.flexionDeg;
            r.trueLat[i] = t.lateralBendDeg;
            r.trueState[i] = t.state;
            r.trueSedentary[i] = t.sedentary;
            r.trueStanding[i] = t.activity.mode() == io.midback.sim.Activity.Mode.STANDING;
        });
        OrientationFilter filter = filter(cfg.rateHz());
        PostureEngine engine = new PostureEngine(settings, r.summary);
        PostureFrame frame = new PostureFrame();
        sim.run(new SampleSink() {
            int i;
            double prevT = Double.NaN;

            @Override
            public void accept(SampleBatch b) {
                for (int j = 0; j < b.size(); j++, i++) {
                    double t = b.tS[j];
                    filter.update(Double.isNaN(prevT) ? 0 : t - prevT, b.gxRadPerS[j], b.gyRadPerS[j],
                            b.gzRadPerS[j], b.axMps2[j], b.ayMps2[j], b.azMps2[j], b.mxMicroT[j], b.myMicroT[j],
                            b.mzMicroT[j]);
                    prevT = t;
                    engine.update(t, filter.qw(), filter.qx(), filter.qy(), filter.qz(), b.gxRadPerS[j],
                            b.gyRadPerS[j], b.gzRadPerS[j], b.axMps2[j], b.ayMps2[j], b.azMps2[j], frame);
                    r.summary.onPosture(frame);
                    r.tS[i] = t;
                    r.flex[i] = frame.flexionDeg;
                    r.lat[i] = frame.lateralBendDeg;
                    r.state[i] = frame.state;
                    r.calibrated[i] = frame.calibrated;
                    r.sittingProbability[i] = frame.sittingProbability;
                }
            }

            @Override
            public void end() {
                engine.end(prevT);
            }
        });
        return r;
    }
}
