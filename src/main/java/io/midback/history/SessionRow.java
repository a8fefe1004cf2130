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
}
