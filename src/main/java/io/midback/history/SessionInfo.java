package io.midback.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the history keeps about a session besides its minutes.
 *
 * @param start             wall time of the session's first sample (tS = 0)
 * @param zone              the wearer's time zone: days split at midnight there
 * @param device            the sensor (name or address), or e.g. "simulator"
 * @param source            where the samples came from: "live", "replay:FILE", ...
 * @param calibration       the calibration as the posture stage describes it (free text, e.g. JSON), or null
 * @param slumpThresholdDeg the flexion above which the wearer counts as slumped (drawn as the threshold band),
 *                          or NaN when unknown
 */
public record SessionInfo(Instant start, ZoneId zone, String device, String source, String calibration,
                          double slumpThresholdDeg) {
    public SessionInfo {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
    }

    public SessionInfo(Instant start, ZoneId zone, String device, String source) {
        this(start, zone, device, source, null, Double.NaN);
    }
}
