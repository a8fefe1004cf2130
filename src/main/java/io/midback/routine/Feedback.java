package io.midback.routine;

import java.util.Locale;

/** The feedback lines a person can use, one definition of each. */
public final class Feedback {
    private Feedback() {
    }

    /** "rotate a little further left: 24° of the 40° from your last mobility check". */
    public static String further(Exercise e, int sign, double peakDeg, double goalDeg, boolean measured) {
        Movement m = e.movement();
        String verb = m == Movement.FLEXION_EXTENSION ? (sign > 0 ? "round your back" : "arch your back") : m.verb();
        String side = !m.twoSided() || m == Movement.FLEXION_EXTENSION ? "" : sign > 0 ? " right" : " left";
        double shown = Double.isNaN(peakDeg) ? 0 : peakDeg;
        return String.format(Locale.ROOT, "%s a little further%s: %.0f° of the %.0f° %s", verb, side, shown,
                goalDeg, measured ? "from your last mobility check" : "this exercise aims for");
    }

    /** "slower: that one took 2.1 s, the pacer's is 6 s". */
    public static String slower(double periodS, double paceS) {
        return String.format(Locale.ROOT, "slower: that one took %.1f s, the pacer's is %.0f s", periodS, paceS);
    }

    /** "keep your chest tall: your trunk tipped 25° in the squats". */
    public static String chestTall(double tippedDeg, Exercise e) {
        return String.format(Locale.ROOT, "keep your chest tall: your trunk tipped %.0f° in the %s", tippedDeg,
                e.name().endsWith("squat") ? "squats" : e.title().toLowerCase(Locale.ROOT));
    }
}
