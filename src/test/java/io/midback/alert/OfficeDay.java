package io.midback.alert;

import io.midback.sim.SensorErrors;

import java.util.Locale;
import java.util.Random;

/**
 * Seeded office sessions for the acceptance tests: seated work with slumps, reaches, looks, side leans and
 * reclining; standing-desk stretches with slumps; walks of 1–5 minutes (away from the 2-minute break length:
 * 60–95 s or 150–300 s), each with a stand-up and a sit-down of its own speed and lean: quick or slow, with a
 * 25–40° lean and the hips moving 0.45 m over about 2 s, or a slow sit with under 10° of lean; gaits of different
 * cadence, speed and bounce; and the sensor's bias and noise varied per seed. It starts as the held-out recordings
 * do: still for 5 s (neutral at 1 s), a slow forward lean within 5–10 s (mounting).
 */
final class OfficeDay {
    private OfficeDay() {
    }

    /**
     * @param walks          how many walks
     * @param sedentaryMinS  shortest sedentary stretch between walks, s
     * @param sedentaryMaxS  longest, s
     * @param lunchLie       whether to lie down once (10 min) halfway
     */
    static String scenario(long seed, int walks, double sedentaryMinS, double sedentaryMaxS, boolean lunchLie) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("name office\nheading ").append(rnd.nextInt(360)).append('\n');
        sb.append("0:00 5s still\n+ 5s pose flex=22 ramp=2 recover=2 state=upright\n+ 20s type\n");
        for (int w = 0; w < walks; w++) {
            double stretch = sedentaryMinS + rnd.nextDouble() * (sedentaryMaxS - sedentaryMinS);
            sedentaryStretch(sb, rnd, stretch);
            if (lunchLie && w == walks / 2) {
                sb.append("+ 20s type\n+ 600s lie\n+ 30s type\n");
            }
            walk(sb, rnd);
        }
        sedentaryStretch(sb, rnd, sedentaryMinS);
        return sb.toString();
    }

    /** Seated work, sometimes with a standing-desk part, lasting about {@code seconds}. */
    private static void sedentaryStretch(StringBuilder sb, Random rnd, double seconds) {
        double t = 0;
        boolean standingDone = false;
        while (t < seconds) {
            if (!standingDone && seconds - t > 600 && rnd.nextInt(3) == 0) {
                standingDone = true;
                t += standingDesk(sb, rnd);
                continue;
            }
            double d;
            String line;
            switch (rnd.nextInt(9)) {
                case 0 -> {
                    d = 3 + rnd.nextInt(8);
                    line = "reach depth=" + (25 + rnd.nextInt(25)) + " axial=" + rnd.nextInt(25);
                }
                case 1 -> {
                    d = 3 + rnd.nextInt(8);
                    line = "look side=" + side(rnd) + " angle=" + (20 + rnd.nextInt(40));
                }
                case 2 -> {
                    d = 10 + rnd.nextInt(50);
                    line = "lean side=" + side(rnd) + " angle=" + (10 + rnd.nextInt(15));
                }
                case 3 -> {
                    d = 20 + rnd.nextInt(200);
                    line = "recline angle=" + (10 + rnd.nextInt(20));
                }
                case 4, 5 -> {
                    d = 45 + rnd.nextInt(200);
                    line = "slump depth=" + (20 + rnd.nextInt(16)) + " ramp=" + (3 + rnd.nextInt(12)) + " recover=4";
                }
                default -> {
                    d = 30 + rnd.nextInt(240);
                    line = "type";
                }
            }
            sb.append("+ ").append(d).append("s ").append(line).append('\n');
            t += d;
        }
        sb.append("+ 20s type\n");
    }

    /** Standing at the desk: stand up, work, slump once or twice, sit down again. Returns its length, s. */
    private static double standingDesk(StringBuilder sb, Random rnd) {
        double first = 30 + rnd.nextInt(60);
        sb.append("+ ").append(first).append("s stand").append(rise(rnd)).append('\n');
        double t = first;
        int slumps = 1 + rnd.nextInt(2);
        for (int i = 0; i < slumps; i++) {
            double work = 60 + rnd.nextInt(180), slump = 45 + rnd.nextInt(120);
            sb.append("+ ").append(work).append("s stand micro=1\n");
            sb.append("+ ").append(slump).append("s stand depth=").append(20 + rnd.nextInt(13))
                    .append(" ramp=").append(3 + rnd.nextInt(8)).append(" recover=4\n");
            t += work + slump;
        }
        double last = 30 + rnd.nextInt(60);
        sb.append("+ ").append(last).append("s stand micro=1").append(sit(rnd)).append('\n');
        return t + last;
    }

    private static void walk(StringBuilder sb, Random rnd) {
        double d = rnd.nextBoolean() ? 60 + rnd.nextInt(36) : 150 + rnd.nextInt(151);
        sb.append(String.format(Locale.ROOT, "+ %.0fs walk cadence=%d speed=%.2f bounce=%.3f%s%s%n", d,
                90 + rnd.nextInt(36), 0.9 + 0.6 * rnd.nextDouble(), 0.014 + 0.014 * rnd.nextDouble(), rise(rnd),
                sit(rnd)));
    }

    private static String rise(Random rnd) {
        return String.format(Locale.ROOT, " rise=%.1f riselean=%d", 1.2 + 2.3 * rnd.nextDouble(), 20 + rnd.nextInt(21));
    }

    /** A sit-down: one in four slow with under 10° of lean; else 25–40° over 1.5–3 s. */
    private static String sit(Random rnd) {
        if (rnd.nextInt(4) == 0) {
            return String.format(Locale.ROOT, " sit=%.1f sitlean=%d", 3 + rnd.nextDouble(), 4 + rnd.nextInt(6));
        }
        return String.format(Locale.ROOT, " sit=%.1f sitlean=%d", 1.5 + 1.5 * rnd.nextDouble(), 25 + rnd.nextInt(16));
    }

    private static String side(Random rnd) {
        return rnd.nextBoolean() ? "left" : "right";
    }

    /** The sensor's errors for a seed: bias 0.3–1.0 °/s, noise 0.7–1.5 times the realistic figures. */
    static SensorErrors errors(long seed) {
        Random rnd = new Random(seed * 31 + 7);
        SensorErrors r = SensorErrors.REALISTIC;
        double noise = 0.7 + 0.8 * rnd.nextDouble();
        return new SensorErrors(0.3 + 0.7 * rnd.nextDouble(), r.gyroBiasWalkDegPerSqrtS(),
                r.gyroNoiseDegPerSPerSqrtHz() * noise, r.accelNoiseMicroGPerSqrtHz() * noise, r.magNoiseMicroT());
    }
}
