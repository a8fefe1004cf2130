package io.midback.mobility;

import io.midback.orientation.OrientationFilters;
import io.midback.sensor.SampleSink;
import io.midback.sim.MagnetNearby;
import io.midback.sim.MobilityProtocol;
import io.midback.posture.Mounting;
import io.midback.sim.SensorErrors;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.WarmingGyroBias;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated check run through the analysis and compared with its truth: a random person (by seed), a rate, a
 * mounting, a warming gyroscope bias up to a bound, optionally a magnetometer with a magnet passing by.
 */
final class SimulatedCheck {
    /** Realistic noise, no constant bias of the simulator's own (the warming bias replaces it). */
    static final SensorErrors ERRORS = new SensorErrors(0, 0.002, 0.007, 150, 0.3);

    final MobilityResult result;
    final List<MobilityProtocol.TruthRep> truth;
    final Map<Direction, Integer> missed = new EnumMap<>(Direction.class);
    final Map<Direction, Integer> extra = new EnumMap<>(Direction.class);
    final Map<Direction, Double> romErrorDeg = new EnumMap<>(Direction.class);
    final WarmingGyroBias warming;
    final AngleSeries series;
    final MobilityProtocol protocol;

    SimulatedCheck(long seed, double rateHz, String mounting, double maxBiasDegPerS, boolean magnet, boolean events) {
        protocol = MobilityProtocol.of(MobilityProtocol.Person.random(seed), seed);
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(rateHz).withSeed(seed)
                .withMounting(Mounting.parse(mounting)).withErrors(ERRORS).withMagnetometer(magnet);
        Simulator sim = new Simulator(protocol.scenario(), cfg);
        series = new AngleSeries();
        MobilitySettings settings = MobilitySettings.defaults();
        MobilityCheck check = new MobilityCheck(settings, filter(rateHz),
                series);
        SampleSink sink = check;
        if (magnet) {
            sink = new MagnetNearby(20, 60, new double[] {60, -40, 30}, sink);
        }
        warming = WarmingGyroBias.random(seed, maxBiasDegPerS, sink);
        sim.run(warming);
        List<MobilityEvent> ev = new ArrayList<>();
        if (events) {
            for (String v : PromptEvents.of(protocol)) {
                ev.add(MobilityEvent.parse(v));
            }
        }
        result = MobilityAnalysis.analyse(series, ev, settings, check.diagnostics());
        truth = protocol.truth(seed);
        for (Direction d : Direction.values()) {
            List<MobilityProtocol.TruthRep> tr = truth.stream().filter(r -> r.direction().equals(d.jsonName()))
                    .toList();
            List<Rep> found = new ArrayList<>(result.reps().get(d));
            int miss = 0;
            for (MobilityProtocol.TruthRep t : tr) {
                Rep match = null;
                for (Rep r : found) {
                    if (r.peakS() >= t.startS() && r.peakS() <= t.endS()) {
                        match = r;
                        break;
                    }
                }
                if (match == null) {
                    miss++;
                } else {
                    found.remove(match);
                }
            }
            missed.put(d, miss);
            extra.put(d, found.size());
            double[] tp = tr.stream().mapToDouble(MobilityProtocol.TruthRep::peakDeg).sorted().toArray();
            double trueRom = tp.length == 0 ? Double.NaN
                    : tp.length % 2 == 1 ? tp[tp.length / 2] : (tp[tp.length / 2 - 1] + tp[tp.length / 2]) / 2;
            romErrorDeg.put(d, result.romDeg(d) - trueRom);
        }
    }

    static io.midback.orientation.OrientationFilter filter(double rateHz) {
        String f = System.getProperty("filter", "check");
        if (f.equals("check")) {
            return MobilityCheck.defaultFilter(rateHz);
        }
        if (f.startsWith("vqf")) {
            io.midback.orientation.VqfSettings s = io.midback.orientation.VqfSettings.defaults();
            double tau = Double.parseDouble(System.getProperty("tauacc", "3"));
            boolean bias = !f.contains("nobias");
            s = s.with(b -> {
                b.tauAccS = tau;
                b.motionBiasEstimation = bias;
                b.restBiasEstimation = bias;
            });
            return new io.midback.orientation.VqfFilter(s, rateHz);
        }
        return OrientationFilters.create(f, rateHz);
    }

    int totalMissed() {
        return missed.values().stream().mapToInt(Integer::intValue).sum();
    }

    int totalExtra() {
        return extra.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The largest |range error| over the directions of one kind (flexion/extension/side bend, or rotation). */
    double worstRomErrorDeg(boolean rotation) {
        double w = 0;
        for (Direction d : Direction.values()) {
            if ((d.plane() == Direction.Plane.ROTATION) == rotation) {
                w = Math.max(w, Math.abs(romErrorDeg.get(d)));
            }
        }
        return w;
    }
}
