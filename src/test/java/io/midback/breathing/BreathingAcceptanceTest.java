package io.midback.breathing;

import io.midback.sim.SensorErrors;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's acceptance on simulated sessions: rates 5–30 breaths/min, 25–200 Hz, the four mountings, mean
 * absolute error ≤ 1 breath/min over 30-s windows where the wearer sits still and the truth is steady, and no
 * rate while walking; standing still, a rate in a quarter of the windows at least, within 1.5 breaths/min on
 * average.
 *
 * <p>Each session: 3 min still at one rate, a posture shift (8° forward and back over 10 s) while the rate
 * glides to a second one, 3 min still, 1 min walking, 2 min standing, 1.5 min still. Depth (0.3–1.2° peak to
 * peak), breath-to-breath spread (8–20 %), sighs (0–20 an hour), pauses (0–10 an hour) and accelerometer noise
 * (the simulator's realistic 150 µg/√Hz, or three times it) vary from session to session. The estimator's settings
 * were chosen on seeds 1 and 101 of a similar grid; this test runs seeds from 5000 on, never used for choosing.
 */
class BreathingAcceptanceTest {
    private static final String[] MOUNTINGS = {"upright", "tilted20", "turned90", "upsidedown"};
    private static final double[] SAMPLE_RATES_HZ = {25, 50, 100, 200};
    private static final double[] BREATH_RATES = {5, 7, 10, 13, 17, 21, 25, 30};
    private static final SensorErrors NOISY = new SensorErrors(0.5, 0.002, 0.007, 450, 0.3);

    @Test
    void seatedRatesFrom5To30AtEveryRateAndMountingWithinOneBreathPerMinute() {
        BreathingSessions.Score all = new BreathingSessions.Score("all seated");
        BreathingSessions.Score standing = new BreathingSessions.Score("all standing");
        Map<String, BreathingSessions.Score> byRate = new TreeMap<>(), byHz = new TreeMap<>(),
                byMounting = new TreeMap<>();
        int k = 0;
        for (double hz : SAMPLE_RATES_HZ) {
            for (String mounting : MOUNTINGS) {
                for (int half = 0; half < 2; half++, k++) {
                    double first = BREATH_RATES[k % BREATH_RATES.length];
                    double second = BREATH_RATES[(k / BREATH_RATES.length + k + 3) % BREATH_RATES.length];
                    double depth = 0.3 + 0.9 * ((k * 7) % 10) / 9.0;
                    double spread = 0.08 + 0.04 * (k % 4);
                    int sighs = new int[] {0, 8, 20}[k % 3];
                    int pauses = new int[] {4, 0, 10}[k % 3];
                    String text = String.join("\n",
                            String.format(Locale.ROOT, "breathing rate=%s depth=%.2f variability=%.2f sighs=%d "
                                    + "pauses=%d glide=8", first, depth, spread, sighs, pauses),
                            "0:00 3m still",
                            "+ 10s pose flex=8 ramp=3 recover=3",
                            "breathing rate=" + second,
                            "+ 3m still",
                            "+ 1m walk",
                            "+ 2m stand",
                            "+ 90s still");
                    String name = String.format(Locale.ROOT, "%2.0f→%2.0f/min depth %.1f°", first, second, depth);
                    BreathingSessions.Score[] s = BreathingSessions.play(name, text, hz, mounting, 5000 + k,
                            k % 2 == 0 ? SensorErrors.REALISTIC : NOISY, BreathRateSettings.defaults());
                    System.out.println(s[0]);
                    all.add(s[0]);
                    standing.add(s[1]);
                    byHz.computeIfAbsent(String.format(Locale.ROOT, "%3.0f Hz", hz), BreathingSessions.Score::new)
                            .add(s[0]);
                    byMounting.computeIfAbsent(mounting, BreathingSessions.Score::new).add(s[0]);
                    // Sessions are scored whole: grouped by the first rate (each rate is also a second one elsewhere).
                    byRate.computeIfAbsent(String.format(Locale.ROOT, "first rate %2.0f/min", first),
                            BreathingSessions.Score::new).add(s[0]);
                }
            }
        }
        byHz.values().forEach(System.out::println);
        byMounting.values().forEach(System.out::println);
        byRate.values().forEach(System.out::println);
        System.out.println(all);
        System.out.println(standing);
        assertTrue(all.mae() <= 1.0, "seated MAE " + all.mae());
        for (var groups : java.util.List.of(byHz, byMounting, byRate)) {
            for (BreathingSessions.Score g : groups.values()) {
                assertTrue(g.mae() <= 1.0, g.toString());
            }
        }
        assertTrue(all.coverage() >= 0.9, "a rate in only " + all.coverage() + " of the steady seated windows");
        assertEquals(0, all.walkingWithRate, "samples with a rate while walking");
        assertTrue(all.walkingSamples > 100_000);
        // Standing still (the slow sway of desk work tips the back in the breathing band): a rate in about a third
        // of the windows, fast breathing mostly (the README's figures; 2.6 % and 8 breaths/min off with the wide
        // band alone).
        assertTrue(standing.coverage() >= 0.25, "standing: a rate in only " + standing.coverage());
        assertTrue(standing.mae() <= 1.5, "standing MAE " + standing.mae());
    }
}
