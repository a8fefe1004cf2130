package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import io.midback.posture.Mounting;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.SlumpEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's acceptance on simulated sessions with ground truth (realistic gyroscope bias, drift and noise): the
 * posture engine behind the test filter ({@link SimulatedSessions#filter}).
 */
class SimulatedSessionAcceptanceTest {

    /** The engine set to the simulator's slump definition (15°, 20 s, 3° hysteresis: also the standard preset). */
    static PostureSettings settings() {
        SlumpEpisodes d = SlumpEpisodes.DEFAULT;
        return PostureSettings.defaults().withSlumpThreshold(d.thresholdDeg()).withSlumpDwell(d.dwellS())
                .withSlumpHysteresis(d.hysteresisDeg());
    }

    static Stream<Arguments> mountsAndRates() {
        return Stream.of("upright", "tilted20", "turned90", "upsidedown")
                .flatMap(m -> Stream.of(Arguments.of(m, 50.0), Arguments.of(m, 200.0)));
    }

    @ParameterizedTest(name = "slump-demo, {0} mount, {1} Hz")
    @MethodSource("mountsAndRates")
    void slumpDemoMeetsTheAcceptance(String mount, double rateHz) {
        SimulatedSessions.Result r = SimulatedSessions.run(Scenario.load("slump-demo"),
                SimulatorConfig.defaults().withRate(rateHz).withMounting(Mounting.parse(mount)).withSeed(7),
                settings());
        String why = r.describe();
        System.out.printf("slump-demo %s %.0f Hz (%s filter): %s%n", mount, rateHz, SimulatedSessions.FILTER,
                why.lines().findFirst().orElse(""));
        assertTrue(r.flexRms() <= 2.0, "flexion RMS " + r.flexRms() + "\n" + why);
        assertTrue(r.latRms() <= 2.0, "lateral bend RMS " + r.latRms() + "\n" + why);
        assertTrue(r.precision() >= 0.95, why);
        assertTrue(r.recall() >= 0.95, why);
        assertAlertsAtStartPlusDwell(r, why);
        assertEquals(4, r.trueEpisodes.size(), "the demo's four slumps");
        double agreement = r.stateAgreement(SlumpEpisodes.DEFAULT.dwellS());
        assertTrue(agreement >= 0.9, "state agreement " + agreement + "\n" + why);
    }

    /** Every true episode has its slump alert within 1 s of start + dwell, and no slump alert is elsewhere. */
    static int assertAlertsAtStartPlusDwell(SimulatedSessions.Result r, String why) {
        double dwell = SlumpEpisodes.DEFAULT.dwellS();
        List<Alert> slumps = r.alerts(AlertKind.SLUMP);
        for (io.midback.sim.SlumpEpisode e : r.trueEpisodes) {
            double due = e.startS() + dwell;
            assertTrue(slumps.stream().anyMatch(a -> Math.abs(a.atS() - due) <= 1.0),
                    "no slump alert within 1 s of " + due + "\n" + why);
        }
        return falseAlerts(r);
    }

    /** Slump and escalation alerts outside every true episode (with 1 s of slack). */
    static int falseAlerts(SimulatedSessions.Result r) {
        int n = 0;
        for (Alert a : r.summary.alerts()) {
            if (a.kind() != AlertKind.SLUMP && a.kind() != AlertKind.SLUMP_ESCALATION) {
                continue;
            }
            boolean inside = r.trueEpisodes.stream()
                    .anyMatch(e -> a.atS() >= e.startS() + SlumpEpisodes.DEFAULT.dwellS() - 1 && a.atS() <= e.endS() + 1);
            if (!inside) {
                n++;
            }
        }
        return n;
    }

    @Test
    void noAlertDuringReachesRotationsSideLeansRecliningStandingWalkingOrLying() {
        String text = String.join("\n",
                "name no-slumps",
                "heading 120",
                "0:00 12s still",
                "+ 60s type",
                "+ 6s reach depth=40",
                "+ 20s type",
                "+ 15s reach depth=45 axial=25",
                "+ 20s type",
                "+ 10s look side=left angle=50",
                "+ 10s look side=right angle=50",
                "+ 20s type",
                "+ 40s lean side=right angle=20",
                "+ 10s type",
                "+ 40s lean side=left angle=20",
                "+ 10s type",
                "+ 120s recline angle=25",
                "+ 20s type",
                "+ 90s stand",
                "+ 120s walk",
                "+ 30s stand",
                "+ 20s type",
                "+ 300s lie",
                "+ 60s type",
                "+ 6s reach depth=38",
                "+ 4s type",
                "+ 6s reach depth=38",
                "+ 60s type");
        for (double hz : new double[] {50, 200}) {
            SimulatedSessions.Result r = SimulatedSessions.run(Scenario.parse("test", text, "no-slumps"),
                    SimulatorConfig.defaults().withRate(hz).withSeed(3), settings());
            assertTrue(r.trueEpisodes.isEmpty());
            assertTrue(r.summary.episodes().isEmpty(), r.describe());
            assertTrue(r.alerts(AlertKind.SLUMP).isEmpty() && r.alerts(AlertKind.SLUMP_ESCALATION).isEmpty(),
                    r.describe());
            assertTrue(r.summary.secondsIn(PostureState.WALKING) > 90, r.describe());
            assertTrue(r.summary.secondsIn(PostureState.LYING) > 250, r.describe());
            assertTrue(r.summary.secondsIn(PostureState.RECLINED) > 90, r.describe());
            assertTrue(r.summary.secondsIn(PostureState.LEANING_SIDEWAYS) > 60, r.describe());
        }
    }

    /** An 8-hour office day, built from a seeded mix of the scenario's activities. */
    static String workday(long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("name day\nheading 200\n0:00 12s still\n");
        double t = 12;
        double nextBreak = 40 * 60 + rnd.nextInt(20 * 60);
        boolean lunch = false;
        while (t < 8 * 3600 - 600) {
            int kind = rnd.nextInt(10);
            String line;
            double d;
            if (t >= nextBreak) {
                double stand = 20 + rnd.nextInt(40), walk = 30 + rnd.nextInt(120);
                sb.append("+ ").append(stand).append("s stand\n+ ").append(walk).append("s walk\n+ 15s stand\n");
                t += stand + walk + 15;
                nextBreak = t + 35 * 60 + rnd.nextInt(25 * 60);
                if (!lunch && t > 4 * 3600) {
                    lunch = true;
                    sb.append("+ 20s type\n+ 600s lie\n");
                    t += 620;
                }
                continue;
            }
            switch (kind) {
                case 0 -> {
                    d = 3 + rnd.nextInt(10);
                    line = "reach depth=" + (25 + rnd.nextInt(25)) + " axial=" + rnd.nextInt(25);
                }
                case 1 -> {
                    d = 3 + rnd.nextInt(8);
                    line = "look side=" + (rnd.nextBoolean() ? "left" : "right") + " angle=" + (20 + rnd.nextInt(40));
                }
                case 2 -> {
                    d = 10 + rnd.nextInt(60);
                    line = "lean side=" + (rnd.nextBoolean() ? "left" : "right") + " angle=" + (10 + rnd.nextInt(15));
                }
                case 3 -> {
                    d = 20 + rnd.nextInt(300);
                    line = "recline angle=" + (10 + rnd.nextInt(20));
                }
                case 4 -> {
                    d = 30 + rnd.nextInt(240);
                    line = "slump depth=" + (18 + rnd.nextInt(17)) + " ramp=" + (3 + rnd.nextInt(15)) + " recover=4";
                }
                default -> {
                    d = 30 + rnd.nextInt(300);
                    line = "type";
                }
            }
            sb.append("+ ").append(d).append("s ").append(line).append('\n');
            t += d;
        }
        sb.append("+ ").append(8 * 3600 - t).append("s type\n");
        return sb.toString();
    }

    @Test
    void atMostOneFalseAlertInAnEightHourDay() {
        SimulatedSessions.Result r = SimulatedSessions.run(Scenario.parse("workday", workday(11), "day"),
                SimulatorConfig.defaults().withRate(50).withSeed(11), settings());
        String why = r.describe();
        assertTrue(r.trueEpisodes.size() > 20, why);
        int falseAlerts = falseAlerts(r);
        System.out.printf("8-hour day (%s filter): %d true episodes, %d false alerts, %d breaks; %s%n",
                SimulatedSessions.FILTER, r.trueEpisodes.size(), falseAlerts, r.alerts(AlertKind.BREAK).size(),
                why.lines().findFirst().orElse(""));
        assertTrue(falseAlerts <= 1, falseAlerts + " false alerts\n" + why);
        assertTrue(r.precision() >= 0.95, why);
        assertTrue(r.recall() >= 0.95, why);
        assertTrue(r.flexRms() <= 2.0 && r.latRms() <= 2.0, why);
        assertTrue(r.alerts(AlertKind.BREAK).size() >= 1, why);
    }
}
