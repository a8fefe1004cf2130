package io.midback.app;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.AlertListener;
import io.midback.align.ClockAlignment;
import io.midback.align.ClockFit;
import io.midback.align.SampleTrack;
import io.midback.posture.Mounting;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Activity;
import io.midback.sim.Scenario;
import io.midback.sim.Segment;
import io.midback.sim.SensorClock;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.Site;
import io.midback.sim.SlumpEpisode;
import io.midback.sim.SlumpEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's acceptance on the simulator: a wearer with an upper sensor (50 Hz) and a sacral one (100 Hz, its clock
 * 2 % fast and starting 1.5 s late), through the whole pipeline as {@code replay --lower} runs it (the clocks
 * aligned from the movements, each sensor its own filter, calibration capturing both). The scenario
 * ({@code two-sensor-demo}) holds three hip hinges (20–40° from the hips, straight spine, held a minute) and three
 * slumps with the pelvis rolling back (one only 12° at the upper back). Every mounting appears once per sensor.
 * Seeds 1–3 and 101–104 were used while building it (the heading tracker's time constants and the two-sensor
 * filter settings, {@code VqfSettings.twoSensors()}, were chosen on them); the seeds here (201–204) were only
 * checked. Once the rotation was settled, seeds 301–308 with every one of the four mounting pairs (32 sessions,
 * never looked at before) gave rotation RMS 0.43–0.84°, p95 0.57–1.44°; flexion p95 at most 1.62°, lateral bend
 * p95 at most 0.99°; every slump alerted within 0.1 s of due, no alert in a hinge. The spine error is counted from 30 s on, wherever the sensor is worn.
 */
class TwoSensorAcceptanceTest {
    static final String[] MOUNTINGS = {"upright", "tilted20", "turned90", "upsidedown"};
    static final double ON_TIME_S = 3;
    /**
     * The 95th percentile of the spine angles' error, degrees: flexion and lateral bend within the 2°,
     * rotation within its 3° (measured here: p95 at most 1.2°); and rotation's RMS well under it.
     */
    static final double FLEX_LAT_LIMIT_DEG = 2, ROTATION_P95_LIMIT_DEG = 3, ROTATION_RMS_LIMIT_DEG = 1.5;

    /** One session's figures. */
    record Outcome(String label, double[] rmsDeg, double[] p95Deg, List<Double> slumpAlertsS,
                   List<SlumpEpisode> trueEpisodes, List<double[]> hinges, ClockFit clock, double twoSensorsS) {
    }

    @Test
    void withBothSensorsNoHingeIsAlertedEverySlumpIsOnTimeAndSpineAnglesFollowTheTruth() {
        Scenario sc = Scenario.load("two-sensor-demo");
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < MOUNTINGS.length; i++) {
            all.add(run(sc, MOUNTINGS[i], MOUNTINGS[(i + 1) % MOUNTINGS.length], 201 + i));
        }
        printAndCheck(all);
    }

    /**
     * The same on seeds given by {@code -Dmidback.twoSensorSeeds=FROM-TO}, each with every pair of the four
     * mountings (16 sessions a seed, about 4 s each): how the held-out figures of the class comment are made again,
     * e.g. {@code ./mvnw -o test -Dtest=TwoSensorAcceptanceTest -Dmidback.twoSensorSeeds=301-308}. Off by default.
     */
    @Test
    @EnabledIfSystemProperty(named = "midback.twoSensorSeeds", matches = "\\d+-\\d+")
    void onTheSeedsAskedForWithEveryPairOfMountings() {
        String[] range = System.getProperty("midback.twoSensorSeeds").split("-");
        Scenario sc = Scenario.load("two-sensor-demo");
        List<Outcome> all = new ArrayList<>();
        for (long seed = Long.parseLong(range[0]); seed <= Long.parseLong(range[1]); seed++) {
            for (String up : MOUNTINGS) {
                for (String low : MOUNTINGS) {
                    all.add(run(sc, up, low, seed));
                }
            }
        }
        printAndCheck(all);
    }

    private static void printAndCheck(List<Outcome> all) {
        System.out.println("two sensors, two-sensor-demo, upper 50 Hz, lower 100 Hz (clock +2 %, starts 1.5 s late)");
        System.out.println("  upper/lower mounting, seed: spine error RMS (p95) flexion, lateral bend, rotation;"
                + " clock found; slumps alerted (delay from due); alerts in hinges");
        for (Outcome o : all) {
            System.out.printf(Locale.ROOT, "  %-30s %.2f° (%.2f°)  %.2f° (%.2f°)  %.2f° (%.2f°)  offset %.3f s "
                            + "drift %+.3f %%  %s  hinge alerts %d%n", o.label, o.rmsDeg[0], o.p95Deg[0], o.rmsDeg[1],
                    o.p95Deg[1], o.rmsDeg[2], o.p95Deg[2], o.clock.offsetS(), o.clock.driftPct(), delays(o),
                    hingeAlerts(o));
        }
        for (Outcome o : all) {
            assertEquals(3, o.trueEpisodes.size(), o.label + ": the scenario's three slumps by the spine");
            assertEquals(0, hingeAlerts(o), o.label + ": an alert during a hip hinge");
            assertEquals(o.trueEpisodes.size(), o.slumpAlertsS.size(), o.label + ": slump alerts " + o.slumpAlertsS);
            for (SlumpEpisode e : o.trueEpisodes) {
                double due = e.startS() + SlumpEpisodes.DEFAULT.dwellS();
                assertTrue(o.slumpAlertsS.stream().anyMatch(a -> Math.abs(a - due) <= ON_TIME_S),
                        o.label + ": no alert within " + ON_TIME_S + " s of " + due + " s: " + o.slumpAlertsS);
            }
            assertTrue(o.p95Deg[0] <= FLEX_LAT_LIMIT_DEG && o.p95Deg[1] <= FLEX_LAT_LIMIT_DEG
                    && o.p95Deg[2] <= ROTATION_P95_LIMIT_DEG && o.rmsDeg[2] <= ROTATION_RMS_LIMIT_DEG,
                    o.label + ": spine error p95 " + Arrays.toString(o.p95Deg) + ", RMS " + Arrays.toString(o.rmsDeg));
            assertEquals(2.0, o.clock.driftPct(), 0.05, o.label + ": the lower clock's drift");
            assertEquals(-1.5 * 1.02, o.clock.offsetS(), 0.1, o.label + ": the lower clock's offset");
        }
    }

    private static String delays(Outcome o) {
        StringBuilder s = new StringBuilder();
        for (SlumpEpisode e : o.trueEpisodes) {
            double due = e.startS() + SlumpEpisodes.DEFAULT.dwellS();
            double best = Double.NaN;
            for (double a : o.slumpAlertsS) {
                if (Double.isNaN(best) || Math.abs(a - due) < Math.abs(best)) {
                    best = a - due;
                }
            }
            s.append(String.format(Locale.ROOT, "%+.1fs ", best));
        }
        return o.slumpAlertsS.size() + "/" + o.trueEpisodes.size() + " (" + s.toString().trim() + ")";
    }

    private static long hingeAlerts(Outcome o) {
        return o.slumpAlertsS.stream().filter(a -> o.hinges.stream().anyMatch(h -> a >= h[0] && a <= h[1] + 5))
                .count();
    }

    static Outcome run(Scenario sc, String upperMount, String lowerMount, long seed) {
        SimulatorConfig upCfg = SimulatorConfig.defaults().withRate(50).withSeed(seed)
                .withMounting(Mounting.parse(upperMount));
        Simulator upper = new Simulator(sc, upCfg);
        Simulator lower = new Simulator(sc, upCfg.withRate(100).withMounting(Mounting.parse(lowerMount)),
                Site.SACRUM, new SensorClock(1.5, 0.02));
        int n = (int) upper.sampleCount();
        double[][] truth = new double[3][n];
        boolean[] compare = new boolean[n];
        int[] k = {0};
        upper.setTruthListener(f -> {
            truth[0][k[0]] = f.spineFlexionDeg;
            truth[1][k[0]] = f.lateralBendDeg;
            truth[2][k[0]] = f.axialRotationDeg;
            compare[k[0]] = f.state != PostureState.NOT_WORN;
            k[0]++;
        });
        SampleTrack upperTrack = new SampleTrack();
        upper.run(upperTrack);
        SampleTrack lowerTrack = new SampleTrack();
        lower.run(lowerTrack);
        ClockFit fit = ClockAlignment.estimate(upperTrack, lowerTrack, ClockAlignment.DEFAULT_MAX_OFFSET_S);
        SessionSpec spec = SessionSpec.simulator(sc.name(), 50, false, Instant.parse("2026-11-20T09:00:00Z"),
                ZoneOffset.UTC, "midback", PostureSettings.defaults())
                .withLower(new SessionSpec.Lower("lower", 100, lowerTrack, fit, "midback"));
        SessionBuilder b = new SessionBuilder(spec);
        List<Double> errors0 = new ArrayList<>(), errors1 = new ArrayList<>(), errors2 = new ArrayList<>();
        int[] frame = {0};
        b.addPostureListener(f -> {
            int i = frame[0]++;
            if (f.spineValid && compare[i] && f.tS > 30) {
                errors0.add(Math.abs(f.spineFlexionDeg - truth[0][i]));
                errors1.add(Math.abs(f.spineLateralBendDeg - truth[1][i]));
                errors2.add(Math.abs(wrap(f.spineAxialRotationDeg - truth[2][i])));
            }
        });
        List<Double> alerts = new ArrayList<>();
        b.addAlertListener(new AlertListener() {
            @Override
            public void onAlert(Alert a) {
                if (a.kind() == AlertKind.SLUMP) {
                    alerts.add(a.atS());
                }
            }
        });
        SampleSink sink = b.start();
        SampleBatch batch = new SampleBatch();
        for (int i = 0; i < upperTrack.size(); i++) {
            batch.add(upperTrack.tS(i), upperTrack.gx(i), upperTrack.gy(i), upperTrack.gz(i), upperTrack.ax(i),
                    upperTrack.ay(i), upperTrack.az(i), upperTrack.mx(i), upperTrack.my(i), upperTrack.mz(i));
            if (batch.isFull()) {
                sink.accept(batch);
                batch.clear();
            }
        }
        sink.accept(batch);
        sink.end();
        List<double[]> hinges = new ArrayList<>();
        for (Segment s : sc.segments()) {
            if (s.activity() == Activity.HINGE) {
                hinges.add(new double[] {s.startS(), s.endS()});
            }
        }
        List<List<Double>> errs = List.of(errors0, errors1, errors2);
        double[] rms = new double[3], p95 = new double[3];
        for (int a = 0; a < 3; a++) {
            List<Double> e = errs.get(a);
            double ss = 0;
            for (double v : e) {
                ss += v * v;
            }
            rms[a] = Math.sqrt(ss / e.size());
            List<Double> sorted = new ArrayList<>(e);
            sorted.sort(null);
            p95[a] = sorted.get((int) (0.95 * (sorted.size() - 1)));
        }
        com.google.gson.JsonObject summary = new com.google.gson.JsonObject(); // as the JSON summary gives it
        b.spineSummary().addTo(summary);
        return new Outcome(upperMount + "/" + lowerMount + ", seed " + seed, rms, p95, alerts,
                lower.trueSlumpEpisodes(), hinges, fit, summary.get("twoSensorsS").getAsDouble());
    }

    private static double wrap(double deg) {
        double d = deg % 360;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }
}
