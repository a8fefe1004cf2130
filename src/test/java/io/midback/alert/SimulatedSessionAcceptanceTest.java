package io.midback.alert;

import io.midback.posture.Mounting;
import io.midback.posture.PostureSettings;
import io.midback.posture.SettingsOverrides;
import io.midback.posture.PostureState;
import io.midback.posture.SedentaryBouts;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.SlumpEpisode;
import io.midback.sim.SlumpEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance on simulated sessions with ground truth (issues 6 and 12): the posture engine behind the product's
 * orientation filter ({@link SimulatedSessions#filter}), on the bundled demo and on seeded office days with
 * walks, stand-ups and sit-downs of every kind, standing-desk slumps, varied gaits, bias and noise, at 25–200 Hz
 * and with every mounting. Each test prints its figures (the README quotes them) and asserts them at the
 * precision the README states, with the margin for noise named beside each.
 *
 * <p>The office days use seeds 101 and up; the detector's constants were chosen on seeds 1–20 (README).
 */
class SimulatedSessionAcceptanceTest {
    /** Every slump alert within this of its due time (issue 12). */
    static final double ALERT_WITHIN_S = 3;
    /** README: flexion RMS over sedentary time at most 1.2° on every session (measured 0.23–1.02°). */
    static final double FLEX_RMS_MAX_DEG = 1.2;
    /** README: lateral bend RMS over sedentary time at most 1.5° (measured 0.26–1.38°). */
    static final double LAT_RMS_MAX_DEG = 1.5;
    /** README: sedentary-or-not agrees with the truth on at least this fraction of samples (margin 1 point). */
    static final double SEDENTARY_AGREEMENT_MIN = 0.97;

    /**
     * The engine set to a slump definition (threshold, dwell) as the options set it, the standard preset otherwise;
     * the truth's hysteresis is the engine's own (people cannot set it).
     */
    static PostureSettings settings(SlumpEpisodes d) {
        PostureSettings s = PostureSettings.defaults().withSlumpThreshold(d.thresholdDeg()).withSlumpDwell(d.dwellS());
        assertEquals(d.hysteresisDeg(), s.slumpHysteresisDeg(), "the truth's slump definition is the engine's");
        return s;
    }

    /** The held-out recordings' options: --calibrate-at 1 --forward-at 5 --slump-threshold 15 --slump-dwell 30. */
    static final SlumpEpisodes HELD_OUT_SLUMPS = new SlumpEpisodes(15, 30, 3);

    static PostureSettings heldOutSettings() {
        return settings(HELD_OUT_SLUMPS).withCalibrateAt(1).withForwardAt(5);
    }

    /** A sensor turned 90° and tilted 15°, as on the held-out recordings. */
    static final String TURNED_AND_TILTED = "-15,0,90";

    /**
     * The checks every session passes, printed as one line: precision and recall ≥ 0.95, each true episode's
     * alert within {@link #ALERT_WITHIN_S} of its due time (start + dwell, or the cooldown's end), no slump alert
     * outside a true episode, none while walking or lying.
     */
    static String assertAcceptance(String label, SimulatedSessions.Result r, PostureSettings s) {
        String why = r.describe();
        List<Double> due = dueTimes(r.trueEpisodes, s);
        List<Alert> slumps = r.alerts(AlertKind.SLUMP);
        double worst = 0;
        for (double d : due) {
            double best = Double.POSITIVE_INFINITY;
            for (Alert a : slumps) {
                best = Math.min(best, Math.abs(a.atS() - d));
            }
            worst = Math.max(worst, best);
        }
        int falseAlerts = falseAlerts(r, s.slumpDwellS());
        int walkingOrLying = r.slumpAlertsWhileWalkingOrLying();
        String line = String.format(Locale.ROOT, "%s: %d true episodes, precision %.2f, recall %.2f, alerts within "
                        + "%.2f s of due, %d false alerts, %d while walking or lying, sedentary flexion RMS %.2f°, "
                        + "lateral bend RMS %.2f°, sedentary agreement %.3f, sitting/standing label right %.3f, %d break reminders",
                label, r.trueEpisodes.size(), r.precision(), r.recall(), worst, falseAlerts, walkingOrLying,
                r.flexRms(), r.latRms(), r.sedentaryAgreement(), r.sittingLabelAccuracy(),
                r.alerts(AlertKind.BREAK).size());
        System.out.println(line);
        assertTrue(r.precision() >= 0.95, line + "\n" + why);
        assertTrue(r.recall() >= 0.95, line + "\n" + why);
        assertTrue(worst <= ALERT_WITHIN_S, line + "\n" + why);
        assertEquals(0, falseAlerts, line + "\n" + why);
        assertEquals(0, walkingOrLying, line + "\n" + why);
        assertTrue(r.flexRms() <= FLEX_RMS_MAX_DEG && r.latRms() <= LAT_RMS_MAX_DEG, line);
        assertTrue(r.sedentaryAgreement() >= SEDENTARY_AGREEMENT_MIN, line);
        return line;
    }

    /**
     * When each true episode's first alert is due: start + dwell, or later when the cooldown since the previous
     * alert holds it; an episode that ends before that has none due.
     */
    static List<Double> dueTimes(List<SlumpEpisode> episodes, PostureSettings s) {
        List<Double> due = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (SlumpEpisode e : episodes) {
            double d = Math.max(e.startS() + s.slumpDwellS(), last + s.cooldownS());
            if (d <= e.endS()) {
                due.add(d);
                last = d;
            }
        }
        return due;
    }

    /** Slump and escalation alerts outside every true episode (1 s of slack). */
    static int falseAlerts(SimulatedSessions.Result r, double dwellS) {
        int n = 0;
        for (Alert a : r.summary.alerts()) {
            if (a.kind() != AlertKind.SLUMP && a.kind() != AlertKind.SLUMP_ESCALATION) {
                continue;
            }
            boolean inside = r.trueEpisodes.stream()
                    .anyMatch(e -> a.atS() >= e.startS() + dwellS - 1 && a.atS() <= e.endS() + 1);
            if (!inside) {
                n++;
            }
        }
        return n;
    }

    static Stream<Arguments> mountsAndRates() {
        return Stream.of("upright", "tilted20", "turned90", "upsidedown")
                .flatMap(m -> Stream.of(Arguments.of(m, 50.0), Arguments.of(m, 200.0)));
    }

    @ParameterizedTest(name = "slump-demo, {0} mount, {1} Hz")
    @MethodSource("mountsAndRates")
    void slumpDemoMeetsTheAcceptance(String mount, double rateHz) {
        PostureSettings s = settings(SlumpEpisodes.DEFAULT);
        SimulatedSessions.Result r = SimulatedSessions.run(Scenario.load("slump-demo"),
                SimulatorConfig.defaults().withRate(rateHz).withMounting(Mounting.parse(mount)).withSeed(7), s);
        assertAcceptance(String.format(Locale.ROOT, "slump-demo %s %.0f Hz (%s filter)", mount, rateHz,
                SimulatedSessions.FILTER), r, s);
        assertEquals(4, r.trueEpisodes.size(), "the demo's four slumps");
    }

    static Stream<Arguments> officeSweep() {
        List<Arguments> a = new ArrayList<>();
        String[] mounts = {"upright", "tilted20", "turned90", "upsidedown", TURNED_AND_TILTED};
        double[] rates = {25, 50, 100, 200};
        long seed = 101;
        for (String m : mounts) {
            for (double hz : rates) {
                a.add(Arguments.of(m, hz, seed++));
            }
        }
        return a.stream();
    }

    /** About 30 minutes, 3 walks, sit-downs of every kind, standing-desk slumps: each rate with each mounting. */
    @ParameterizedTest(name = "office session, {0} mount, {1} Hz, seed {2}")
    @MethodSource("officeSweep")
    void officeSessionsMeetTheAcceptanceAtEveryRateAndMounting(String mount, double rateHz, long seed) {
        PostureSettings s = heldOutSettings();
        SimulatedSessions.Result r = SimulatedSessions.run(
                Scenario.parse("office", OfficeDay.scenario(seed, 3, 300, 600, false), "office"),
                SimulatorConfig.defaults().withRate(rateHz).withMounting(Mounting.parse(mount)).withSeed(seed)
                        .withErrors(OfficeDay.errors(seed)).withSlumps(HELD_OUT_SLUMPS), s);
        assertTrue(r.trueEpisodes.size() >= 1, r.describe());
        assertAcceptance(String.format(Locale.ROOT, "office 30 min %s %.0f Hz seed %d", mount, rateHz, seed), r, s);
    }

    /**
     * A day of the held-out kind: sensor turned 90° and tilted 15°, the held-out options, 14 walks of 1–5 min
     * with stand-ups and sit-downs of every kind (one in four a slow sit with under 10° of lean), standing-desk
     * stretches with slumps. It passes the acceptance, and its break reminders (interval 20 min, so that many
     * stretches pass it; no repeats, so that each stretch owes exactly one) are the ones the one definition of a break ({@link SedentaryBouts}) gives on the truth's
     * sedentary time: a reminder after every sedentary stretch longer than the interval, none after a real break,
     * whether or not the sit-down was recognised; each within {@link #BREAK_WITHIN_S}.
     */
    @Test
    void aHeldOutKindOfDayMeetsTheAcceptanceAndItsBreakRemindersFollowSedentaryTime() {
        heldOutKindOfDay(201, TURNED_AND_TILTED, 50);
    }

    /**
     * The same kind of day on seeds given by {@code -Dmidback.heldOutSeeds=FROM-TO}, each at every rate (25, 50,
     * 100, 200 Hz), the mounting taking turns with the seed through the held-out one and the simulator's four: a
     * check on days that no constant was chosen on, e.g. {@code ./mvnw -o test -Dtest=SimulatedSessionAcceptanceTest
     * -Dmidback.heldOutSeeds=601-610}. Off by default (about 40 s a seed).
     */
    @Test
    @EnabledIfSystemProperty(named = "midback.heldOutSeeds", matches = "\\d+-\\d+")
    void heldOutKindsOfDayOnTheSeedsAskedFor() {
        String[] range = System.getProperty("midback.heldOutSeeds").split("-");
        String[] mounts = {TURNED_AND_TILTED, "upright", "tilted20", "turned90", "upsidedown"};
        List<String> failed = new ArrayList<>();
        for (long seed = Long.parseLong(range[0]); seed <= Long.parseLong(range[1]); seed++) {
            for (double hz : new double[] {25, 50, 100, 200}) {
                String mount = mounts[(int) ((seed + (long) hz) % mounts.length)];
                try {
                    heldOutKindOfDay(seed, mount, hz);
                } catch (AssertionError e) {
                    failed.add(String.format(Locale.ROOT, "seed %d, %s, %.0f Hz: %s", seed, mount, hz,
                            e.getMessage().lines().findFirst().orElse("")));
                }
            }
        }
        assertTrue(failed.isEmpty(), String.join("\n", failed));
    }

    /**
     * A day of the held-out kind: the held-out options, 14 walks of 1–5 min with stand-ups and sit-downs of every
     * kind (one in four a slow sit with under 10° of lean), standing-desk stretches with slumps. It passes the
     * acceptance, and its break reminders (interval 20 min, so that many stretches pass it; no repeats, so that
     * each stretch owes exactly one) are the ones the one definition of a break ({@link SedentaryBouts}) gives on
     * the truth's sedentary time: a reminder after every sedentary stretch longer than the interval, none after a
     * real break, whether or not the sit-down was recognised; each within {@link #BREAK_WITHIN_S}.
     */
    private static void heldOutKindOfDay(long seed, String mount, double rateHz) {
        // One reminder per bout (no repeats): each sedentary stretch longer than 20 min is owed exactly one.
        PostureSettings s = SettingsOverrides.breakRepeat(heldOutSettings().withBreakAfter(20 * 60), 24 * 3600.0);
        String text = OfficeDay.scenario(seed, 14, 600, 2400, false);
        SimulatedSessions.Result r = SimulatedSessions.run(Scenario.parse("day", text, "day"),
                SimulatorConfig.defaults().withRate(rateHz).withMounting(Mounting.parse(mount))
                        .withSeed(seed).withErrors(OfficeDay.errors(seed)).withSlumps(HELD_OUT_SLUMPS), s);
        assertTrue(text.lines().filter(l -> l.contains(" walk ")).count() >= 10);
        assertTrue(r.trueEpisodes.size() >= 15, r.describe());
        String label = String.format(Locale.ROOT, "held-out kind of day, seed %d, %s mount, 14 walks, %.0f Hz", seed,
                mount, rateHz);
        assertAcceptance(label, r, s);

        List<Double> expected = truthReminders(r, s);
        List<Double> actual = r.alerts(AlertKind.BREAK).stream().map(Alert::atS).toList();
        double worst = 0;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            worst = Math.max(worst, Math.abs(expected.get(i) - actual.get(i)));
        }
        System.out.printf(Locale.ROOT, "break reminders on that day: %d due from the truth, %d given, each within "
                + "%.1f s%n", expected.size(), actual.size(), worst);
        assertTrue(expected.size() >= 5, "the day must have reminders to check: " + expected);
        assertEquals(expected.size(), actual.size(), label + ": breaks due " + expected + "\ngiven " + actual);
        assertTrue(worst <= BREAK_WITHIN_S, label + ": breaks due " + expected + "\ngiven " + actual);
    }

    /** Reminders lag the truth by the walking and sit-down detection (a few seconds). */
    static final double BREAK_WITHIN_S = 10;

    /** The reminders the break policy gives on the truth's sedentary time (walking where not sedentary). */
    static List<Double> truthReminders(SimulatedSessions.Result r, PostureSettings s) {
        Recorder rec = new Recorder();
        BreakPolicy truth = new BreakPolicy(s, rec);
        for (int i = 0; i < r.n; i++) {
            if (r.calibrated[i]) {
                double dt = i == 0 ? 0 : r.tS[i] - r.tS[i - 1];
                truth.update(r.tS[i], dt, r.trueSedentary[i] ? PostureState.UPRIGHT : PostureState.WALKING, true);
            }
        }
        return rec.times(AlertKind.BREAK);
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
                    SimulatorConfig.defaults().withRate(hz).withSeed(3), settings(SlumpEpisodes.DEFAULT));
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

    /**
     * The 8-hour day, exact: every true slump found and alerted on time, no false alert, the reminders the truth
     * calls for, the states as the README states them.
     */
    @Test
    void anEightHourDayIsExact() {
        long seed = 11;
        PostureSettings s = settings(SlumpEpisodes.DEFAULT);
        String text = OfficeDay.scenario(seed, 14, 1000, 2600, true);
        SimulatedSessions.Result r = SimulatedSessions.run(Scenario.parse("workday", text, "day"),
                SimulatorConfig.defaults().withRate(50).withSeed(seed), s);
        assertTrue(r.summary.durationS() > 7.5 * 3600, "an 8-hour day: " + r.summary.durationS());
        String line = assertAcceptance("8-hour day, 14 walks, 50 Hz", r, s);
        assertEquals(1.0, r.precision(), line);
        assertEquals(1.0, r.recall(), line);
        assertEquals(truthReminders(r, s).size(), r.alerts(AlertKind.BREAK).size(), line);
    }
}
