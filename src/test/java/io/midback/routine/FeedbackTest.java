package io.midback.routine;

import io.midback.mobility.MobilitySettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feedback a person gets on a repetition of the built-in daily routine's exercises. */
class FeedbackTest {
    private static Exercise exercise(String name) throws Exception {
        return RoutineFile.load("daily").exercises().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** Repetitions of {@code peaksDeg} (one excursion each, back to 0) at 4 s each, fed to a counter. */
    private static RepCounter counted(Exercise e, double... peaksDeg) {
        RepCounter c = new RepCounter(MobilitySettings.defaults());
        c.start(e.movement().side(), e.minDeg());
        double t = 0;
        for (double peak : peaksDeg) {
            for (int k = 0; k <= 200; k++, t += 0.02) {
                c.update(t, peak * Math.sin(Math.PI * k / 200));
            }
        }
        c.update(t, 0);
        return c;
    }

    private static List<String> said(Exercise e, RepCounter c, int i) {
        List<String> lines = new ArrayList<>();
        Feedback.onRepetition(e, RangeTargets.none(), c, i, lines::add);
        return lines;
    }

    @Test
    void aShallowSquatIsNeverAskedToTipFurtherButATippingOneIsToldToKeepTheChestTall() throws Exception {
        Exercise squat = exercise("wall-squat");
        RepCounter c = counted(squat, 7, 7, 30, 30);
        assertTrue(c.count() >= 3, "squats counted: " + c.count());
        assertEquals(List.of(), said(squat, c, 0), "a squat with a tall chest");
        List<String> tipped = said(squat, c, c.count() - 1);
        assertEquals(1, tipped.size(), tipped.toString());
        assertTrue(tipped.get(0).startsWith("keep your chest tall: your trunk tipped 30°"), tipped.toString());
    }

    @Test
    void aShortExtensionOverTheChairIsAskedForALittleMore() throws Exception {
        Exercise extension = exercise("chair-extension");
        double goalDeg = RangeTargets.none().goalDeg(extension, extension.movement().side());
        double shortDeg = 0.5 * goalDeg;
        RepCounter c = counted(extension, extension.movement().side() * shortDeg,
                extension.movement().side() * shortDeg, extension.movement().side() * shortDeg);
        List<String> lines = said(extension, c, 1);
        assertTrue(lines.stream().anyMatch(l -> l.contains("a little further")), lines.toString());
    }
}
