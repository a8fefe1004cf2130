package io.midback.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One event of the history.
 *
 * @param sessionId      the session it belongs to
 * @param kind           what it is
 * @param localDate      the wearer's date at its start
 * @param start          when it began
 * @param end            when it ended; for an event still open when its session stopped (a killed process), the
 *                       end of the session's last recorded minute
 * @param open           true when the session stopped before the event was closed
 * @param detail         alert kind label, gap reason, or null
 * @param peakFlexionDeg the episode's peak flexion, NaN for other kinds
 * @param message        an alert's message, or null
 */
public record HistoryEvent(long sessionId, EventKind kind, LocalDate localDate, Instant start, Instant end,
                           boolean open, String detail, double peakFlexionDeg, String message) {
    public HistoryEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public double durationS() {
        return duration().toMillis() / 1000.0;
    }
}
