package io.midback.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** How long to pause alerts: 30 min, 1 h, or until the next local midnight. */
public enum Snooze {
    MINUTES_30("30min"),
    HOUR_1("1h"),
    UNTIL_TOMORROW("tomorrow");

    private final String label;

    Snooze(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The session time (s) when this snooze ends, if asked for at session time {@code nowS}.
     *
     * @param sessionStart wall time of the session's first sample
     * @param zone         the wearer's time zone (where "tomorrow" starts)
     */
    public double untilS(double nowS, Instant sessionStart, ZoneId zone) {
        switch (this) {
            case MINUTES_30:
                return nowS + 30 * 60;
            case HOUR_1:
                return nowS + 60 * 60;
            default:
                Instant now = sessionStart.plusNanos(Math.round(nowS * 1e9));
                Instant midnight = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
                return Duration.between(sessionStart, midnight).toNanos() / 1e9;
        }
    }

    public static Snooze fromLabel(String label) {
        for (Snooze s : values()) {
            if (s.label.equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown snooze '" + label + "' (expected 30min, 1h or tomorrow)");
    }
}
