package io.midback.breathing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A session's breathing rate needs as many seconds with a rate as a minute's does
 * ({@link BreathingTally#MIN_VALID_S_PER_MINUTE}): a replay that was still enough for 5 s of an hour printed a
 * "rate" the history then showed none of.
 */
class BreathingTallyTest {

    /** {@code validS} seconds at 18 breaths/min, then 10 minutes without a rate (moving), at 10 Hz. */
    private static BreathingReport session(int validS) {
        BreathingTally tally = new BreathingTally();
        double t = 0;
        for (; t < validS; t += 0.1) {
            tally.add(t, 18);
        }
        for (; t < validS + 600; t += 0.1) {
            tally.add(t, Double.NaN);
        }
        tally.end();
        return tally.report();
    }

    @Test
    void aSessionRateNeedsTheSecondsAMinutesRateNeeds() {
        BreathingReport few = session(BreathingTally.MIN_VALID_S_PER_MINUTE - 1);
        assertEquals(BreathingTally.MIN_VALID_S_PER_MINUTE - 1, few.validS(), 1e-9);
        assertNull(few.ratePerMin(), "a rate from " + few.validS() + " s");
        assertEquals(0, few.perMinute().size());

        BreathingReport enough = session(BreathingTally.MIN_VALID_S_PER_MINUTE);
        assertEquals(18.0, enough.ratePerMin(), 1e-9);
        assertEquals(1, enough.perMinute().size(), "the minute with the rate");
    }
}
