package io.midback.breathing;

import io.midback.sim.SensorErrors;

/** Exploration harness (not a test): prints scores for a grid. */
final class BreathingExplore {
    public static void main(String[] args) {
        String[] mountings = {"upright", "tilted20", "turned90", "upsidedown"};
        double[] rates = {25, 50, 100, 200};
        double[] breathRates = {5, 7, 10, 14, 18, 22, 26, 30};
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        BreathingSessions.Score all = new BreathingSessions.Score("all");
        int k = 0;
        for (double br : breathRates) {
            for (double hz : rates) {
                String m = mountings[k % 4];
                double br2 = breathRates[(k + 3) % breathRates.length];
                double depth = 0.3 + 0.9 * ((k * 7) % 10) / 9.0;
                String text = String.join("\n",
                        "breathing rate=" + br + " depth=" + depth,
                        "0:00 3m still",
                        "+ 10s pose flex=8 ramp=3 recover=3",
                        "breathing rate=" + br2,
                        "+ 3m still",
                        "+ 1m walk",
                        "+ 2m stand",
                        "+ 1m still");
                BreathingSessions.Score s = BreathingSessions.play("r" + br + "/" + br2 + " d" + String.format("%.1f", depth),
                        text, hz, m, seed + k, SensorErrors.REALISTIC, BreathRateSettings.defaults())[Boolean.getBoolean("standing") ? 1 : 0];
                System.out.println(s);
                all.add(s);
                k++;
            }
        }
        System.out.println(all);
        java.util.Collections.sort(BreathingSessions.goodQ);
        java.util.Collections.sort(BreathingSessions.goodShare);
        int n = BreathingSessions.goodQ.size();
        System.out.println("good windows quality p5 " + BreathingSessions.goodQ.get(n / 20) + " p50 " + BreathingSessions.goodQ.get(n / 2)
                + " share p5 " + BreathingSessions.goodShare.get(n / 20) + " p50 " + BreathingSessions.goodShare.get(n / 2));
    }
}
