package io.midback.posture;

import org.junit.jupiter.api.Test;

import static io.midback.posture.SlumpRule.BELOW;
import static io.midback.posture.SlumpRule.SLUMPED;
import static io.midback.posture.SlumpRule.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The slump rule on plain values: threshold 20°, hysteresis 5° (a slump ends below 15°), dwell 10 s. */
class SlumpRuleTest {
    private final SlumpRule rule = new SlumpRule(20, 5, 10);

    @Test
    void aSlumpHoldsFromTheThresholdPlusTheDwellUntilFlexionFallsBelowThresholdMinusHysteresis() {
        assertEquals(BELOW, rule.update(0, 10));
        assertEquals(0, rule.update(1, 19.9), "between the end and the threshold: nothing starts");
        assertEquals(STARTED, rule.update(2, 20), "at the threshold: a candidate from here");
        assertEquals(2, rule.sinceS());
        assertEquals(0, rule.update(11.99, 15), "above threshold − hysteresis, short of the dwell");
        assertEquals(SLUMPED, rule.update(12, 15), "the dwell held");
        assertEquals(2, rule.sinceS());
        assertEquals(SLUMPED, rule.update(100, 15));
        assertEquals(BELOW, rule.update(101, 14.9), "below threshold − hysteresis: over");
        assertEquals(0, rule.update(102, 19), "back above the end, not at the threshold: no slump");
        assertEquals(0, rule.update(120, 19));
    }

    @Test
    void aCandidateThatFallsBelowThresholdMinusHysteresisBeforeTheDwellIsForgotten() {
        assertEquals(STARTED, rule.update(0, 25));
        assertEquals(BELOW, rule.update(9, 14));
        assertEquals(0, rule.update(10, 18));
        assertEquals(0, rule.update(30, 18), "no candidate left to complete");
        assertEquals(STARTED, rule.update(31, 21), "a new one starts at the threshold");
        assertEquals(31, rule.sinceS());
        assertEquals(0, rule.update(40.5, 21));
        assertEquals(SLUMPED, rule.update(41, 21));
    }

    @Test
    void withNoDwellASlumpHoldsFromTheSampleThatReachesTheThreshold() {
        SlumpRule now = new SlumpRule(20, 5, 0);
        assertEquals(STARTED | SLUMPED, now.update(0, 20));
        assertEquals(SLUMPED, now.update(1, 16));
        assertEquals(BELOW, now.update(2, 10));
        assertEquals(0, now.update(3, 16), "a new slump needs the threshold again");
        assertEquals(STARTED | SLUMPED, now.update(4, 22));
    }

    @Test
    void resetForgetsACandidateAndASlump() {
        rule.update(0, 25);
        rule.reset();
        assertEquals(0, rule.update(20, 18), "the candidate from 0 s is gone");
        assertEquals(STARTED, rule.update(21, 25));
        assertEquals(SLUMPED, rule.update(31, 25));
        rule.reset();
        assertEquals(0, rule.update(32, 18), "the slump is gone: 18° is short of the threshold");
    }

    @Test
    void newSettingsApplyFromTheNextSampleToTheCandidateUnderWay() {
        assertEquals(STARTED, rule.update(0, 20));
        PostureSettings s = PostureSettings.defaults();
        rule.use(s.withSlumpThreshold(30).withSlumpDwell(3));
        assertEquals(SLUMPED, rule.update(3, 27), "the new dwell (3 s), the new end (30 − hysteresis)");
        double endDeg = 30 - s.withSlumpThreshold(30).slumpHysteresisDeg();
        assertEquals(SLUMPED, rule.update(4, endDeg));
        assertEquals(BELOW, rule.update(5, Math.nextDown(endDeg)));
    }
}
