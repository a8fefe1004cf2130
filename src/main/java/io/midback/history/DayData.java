package io.midback.history;

import io.midback.posture.PostureState;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the history holds about one local day: its minutes (sessions merged, in time order), its events
 * (in time order) and the sessions that recorded it.
 *
 * @param zone the zone of the day's first session (the zone its charts are drawn in)
 */
public record DayData(LocalDate date, ZoneId zone, List<MinuteRow> minutes, List<HistoryEvent> events,
                      List<SessionRow> sessions) {
    public DayData {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        minutes = List.copyOf(minutes);
        events = List.copyOf(events);
        sessions = List.copyOf(sessions);
    }

    public List<HistoryEvent> events(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The slump threshold to draw: the first session's that has one, NaN otherwise. */
    public double slumpThresholdDeg() {
        for (SessionRow s : sessions) {
            if (!Double.isNaN(s.slumpThresholdDeg())) {
                return s.slumpThresholdDeg();
            }
        }
        return Double.NaN;
    }

    /** Upright seconds ÷ sitting seconds per local hour (index 0–23); NaN for hours without sitting. */
    public double[] hourlyUprightShare() {
        double[] up = new double[24];
        double[] sit = new double[24];
        for (MinuteRow m : minutes) {
            int h = m.minuteOfDay() / 60;
            up[h] += m.seconds(PostureState.UPRIGHT);
            sit[h] += m.sittingSeconds();
        }
        double[] share = new double[24];
        for (int h = 0; h < 24; h++) {
            share[h] = sit[h] > 0 ? up[h] / sit[h] : Double.NaN;
        }
        return share;
    }

    public DaySummary summary() {
        return DaySummary.of(this);
    }
}
