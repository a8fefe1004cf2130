package io.midback.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnoozeTest {
    final Instant start = Instant.parse("2026-11-20T21:30:00Z"); // 22:30 in Berlin
    final ZoneId berlin = ZoneId.of("Europe/Berlin");

    @Test
    void durations() {
        assertEquals(100 + 1800, Snooze.MINUTES_30.untilS(100, start, berlin), 1e-9);
        assertEquals(100 + 3600, Snooze.HOUR_1.untilS(100, start, berlin), 1e-9);
    }

    @Test
    void untilTomorrowMeansTheNextLocalMidnight() {
        assertEquals(5400, Snooze.UNTIL_TOMORROW.untilS(1000, start, berlin), 1e-9);
        // After midnight it is the following one.
        assertEquals(5400 + 86400, Snooze.UNTIL_TOMORROW.untilS(6000, start, berlin), 1e-9);
        assertEquals(9000, Snooze.UNTIL_TOMORROW.untilS(0, start, ZoneId.of("UTC")), 1e-9);
    }

    @Test
    void labels() {
        assertEquals(Snooze.HOUR_1, Snooze.fromLabel("1h"));
        assertThrows(IllegalArgumentException.class, () -> Snooze.fromLabel("2h"));
    }
}
