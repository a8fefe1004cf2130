package io.midback.posture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SittingLabelTest {
    final PostureTuning tuning = PostureTuning.DEFAULTS;

    @Test
    void evidenceSetsTheLabelAndItFadesToThePriorSoAMissedSitDownDoesNotLastTheDay() {
        SittingLabel l = new SittingLabel(tuning);
        assertTrue(l.sitting());
        assertEquals(SittingEvidence.PRIOR, l.evidence());
        l.walking(100);
        assertFalse(l.sitting());
        assertEquals(0.15, l.sittingProbability(), 1e-12); // sure it is not sitting
        assertEquals(SittingEvidence.WALKING, l.evidence());
        // No sit-down seen: relaxing with τ 600 s from 0.15 to the prior 0.8 crosses 0.5 after 600·ln(0.65/0.3) s.
        double crossS = 600 * Math.log(0.65 / 0.3);
        for (int k = 0; k < (int) (crossS - 5); k++) {
            l.relax(1);
        }
        assertFalse(l.sitting());
        for (int k = 0; k < 10; k++) {
            l.relax(1);
        }
        assertTrue(l.sitting());
        assertTrue(l.sittingProbability() < 0.55, "and not sure of it: " + l.sittingProbability());
        l.sitDown(900);
        assertEquals(0.9, l.sittingProbability(), 1e-12);
        assertEquals(900, l.evidenceAtS());
        l.standUp(1000);
        assertFalse(l.sitting());
        l.forget();
        assertEquals(tuning.sittingPrior(), l.sittingProbability(), 1e-12);
    }
}
