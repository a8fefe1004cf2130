package io.midback.history;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A session as stored.
 *
 * @param end null while running, or when its process stopped without closing it
 */
public record SessionRow(long id, Instant start, Instant end, ZoneId zone, String device, String source,
                         String calibration, double slumpThresholdDeg) {

    /** Whether the session ran on local day {@code day} (in its own zone; one across midnight is on both days). */
    public boolean ranOn(java.time.LocalDate day) {
        java.time.LocalDate first = start.atZone(zone).toLocalDate();
        java.time.LocalDate last = end == null ? first : end.atZone(zone).toLocalDate();
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** The session in one line: {@code #ID  2024-05-06 08:00–08:43  43 min  SOURCE (DEVICE)}. */
    public String describe() {
        java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        java.time.ZonedDateTime at = start.atZone(zone);
        return String.format(java.util.Locale.ROOT, "#%-4d %s %s–%s  %s  %s (%s)", id, at.toLocalDate(),
                at.format(hm), end == null ? "?" : end.atZone(zone).format(hm),
                end == null ? "unfinished" : String.format(java.util.Locale.ROOT, "%.0f min",
                        java.time.Duration.between(start, end).toSeconds() / 60.0),
                source, device);
    }
}
