package io.midback.breathing;

import io.midback.sim.SensorErrors;

import java.util.Locale;

/**
 * A tool, not a test: plays the acceptance test's grid of simulated sessions (with four minutes of standing) on
 * the tuning seeds, or on others, under the default settings, and prints the seated and standing scores. Run it
 * with {@code java -cp target/classes:target/test-classes:... io.midback.breathing.BreathingTuning SEED_BASE}.
 */
public final class BreathingTuning {
    private static final String[] MOUNTINGS = {"upright", "tilted20", "turned90", "upsidedown"};
    private static final double[] SAMPLE_RATES_HZ = {25, 50, 100, 200};
    private static final double[] BREATH_RATES = {5, 7, 10, 13, 17, 21, 25, 30};
    private static final SensorErrors NOISY = new SensorErrors(0.5, 0.002, 0.007, 450, 0.3);

    private BreathingTuning() {
    }

    /** {seated, standing} over the grid from {@code seedBase}, with {@code standMinutes} of standing each. */
    static BreathingSessions.Score[] grid(long seedBase, int standMinutes, BreathRateSettings settings,
                                          boolean print) {
        BreathingSessions.Score all = new BreathingSessions.Score("seated");
        BreathingSessions.Score standing = new BreathingSessions.Score("standing");
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
                            "+ " + standMinutes + "m stand",
                            "+ 90s still");
                    String name = String.format(Locale.ROOT, "%2.0f→%2.0f/min depth %.1f°", first, second, depth);
                    BreathingSessions.Score[] s = BreathingSessions.play(name, text, hz, mounting, seedBase + k,
                            k % 2 == 0 ? SensorErrors.REALISTIC : NOISY, settings);
                    if (print) {
                        System.out.println(s[0]);
                        System.out.println(s[1]);
                    }
                    all.add(s[0]);
                    standing.add(s[1]);
                }
            }
        }
        return new BreathingSessions.Score[] {all, standing};
    }

    public static void main(String[] args) {
        long base = args.length > 0 ? Long.parseLong(args[0]) : 1;
        BreathingSessions.Score[] s = grid(base, 4, BreathRateSettings.defaults(), args.length > 1);
        System.out.println(s[0]);
        System.out.println(s[1]);
    }
}
