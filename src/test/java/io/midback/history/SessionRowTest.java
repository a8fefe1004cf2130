package io.midback.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The days a session ran on, in its own zone: what the history dialog lists under a day. */
class SessionRowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static SessionRow row(String start, String end) {
        return new SessionRow(1, Instant.parse(start), end == null ? null : Instant.parse(end), BERLIN, "sim", "test",
                null, Double.NaN);
    }

    @Test
    void aSessionRunsOnTheLocalDaysItSpans() {
        // 22:30–01:30 UTC on 5/6 May is 00:30–03:30 in Berlin on 6 May: one day there, not two
        SessionRow night = row("2024-05-05T22:30:00Z", "2024-05-06T01:30:00Z");
        assertFalse(night.ranOn(LocalDate.of(2024, 5, 5)));
        assertTrue(night.ranOn(LocalDate.of(2024, 5, 6)));
        // 20:00–23:30 UTC is 22:00–01:30 in Berlin: across midnight, on both days
        SessionRow late = row("2024-05-06T20:00:00Z", "2024-05-06T23:30:00Z");
        assertTrue(late.ranOn(LocalDate.of(2024, 5, 6)));
        assertTrue(late.ranOn(LocalDate.of(2024, 5, 7)));
        assertFalse(late.ranOn(LocalDate.of(2024, 5, 8)));
        // unfinished: the day it began
        SessionRow open = row("2024-05-06T08:00:00Z", null);
        assertTrue(open.ranOn(LocalDate.of(2024, 5, 6)));
        assertFalse(open.ranOn(LocalDate.of(2024, 5, 7)));
    }
}
