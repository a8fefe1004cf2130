package io.midback.routine;

import java.util.Locale;
import java.util.function.Consumer;

/** The feedback lines a person can use, one definition of each. */
public final class Feedback {
    /** A repetition quicker than this fraction of the pacer's period gets "slower". */
    public static final double TOO_FAST_FRACTION = 0.6;
    /** A side short of this fraction of its goal gets "a little further". */
    public static final double SHORT_FRACTION = 0.75;

    private Feedback() {
    }

    /**
     * The feedback on repetition {@code i} of the counter (live or in an analysis): a side short of its goal (never
     * more than the measured range; not for exercises that keep the trunk upright), too fast for the pacer, the trunk tipping beyond the exercise's upright limit.
     */
    public static void onRepetition(Exercise e, RangeTargets targets, RepCounter counter, int i, Consumer<String> say) {
        Movement m = e.movement();
        // An exercise that must keep the trunk upright (squats) counts by the trunk's tip, but never asks for more
        // of it: its feedback is "keep your chest tall".
        boolean asksForRange = Double.isNaN(e.uprightLimitDeg());
        for (int sign = 1; asksForRange && sign >= -1; sign -= 2) {
            if (m.side() != 0 && m.side() != sign) {
                continue;
            }
            double peak = sign > 0 ? counter.positiveDeg(i) : counter.negativeDeg(i);
            double goal = targets.goalDeg(e, sign);
            if (peak < SHORT_FRACTION * goal) {
                say.accept(further(e, sign, peak, goal, targets.goalIsMeasured(e, sign)));
            }
        }
        if (i > 0) {
            double periodS = counter.endS(i) - counter.endS(i - 1);
            if (periodS < TOO_FAST_FRACTION * e.paceS()) {
                say.accept(slower(periodS, e.paceS()));
            }
        }
        if (!Double.isNaN(e.uprightLimitDeg()) && counter.rangeDeg(i) > e.uprightLimitDeg()) {
            say.accept(chestTall(counter.rangeDeg(i), e));
        }
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
