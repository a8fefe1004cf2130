package io.midback.cli;

import io.midback.breathing.BreathRateEstimator;
import io.midback.posture.PostureFrame;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreathingLinesTest {
    @Test
    void aLineWhenTheRateAppearsAndWhenItGoesNoneWhileItHolds() {
        StringWriter text = new StringWriter();
        BreathRateEstimator e = new BreathRateEstimator();
        SessionConsole.BreathingLines lines = new SessionConsole.BreathingLines(new PrintWriter(text, true), e);
        PostureFrame f = new PostureFrame();
        double hz = 50;
        for (int i = 0; i < 240 * hz; i++) {
            double t = i / hz;
            double a = Math.toRadians(0.3 * Math.sin(2 * Math.PI * 0.2 * t));
            double walk = t >= 180 ? 3 * Math.sin(2 * Math.PI * 1.8 * t) : 0;
            e.update(t, 0, 9.81 * Math.cos(a) + walk, 9.81 * Math.sin(a));
            f.tS = t;
            lines.onPosture(f);
        }
        String[] out = text.toString().strip().split("\n");
        assertEquals(2, out.length, text.toString());
        assertTrue(out[0].contains("breathing: 12.0 breaths/min"), out[0]);
        assertTrue(out[1].startsWith("[0:03:") && out[1].contains("no rate (moving)"), out[1]);
    }
}
