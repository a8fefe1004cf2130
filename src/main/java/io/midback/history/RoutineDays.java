package io.midback.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Guided routines per day, from the history's {@link EventKind#ROUTINE} events: the minutes spent in routines each
 * day, and the streak, defined here once: <b>the number of consecutive days, each with at least one routine done to
 * its end, ending on a given day</b>. The current streak ({@link #currentStreak}) ends today, or yesterday while today
 * has no finished routine yet (the day is not over). A routine counts for the day it began on (the wearer's date).
 */
public final class RoutineDays {
    /** How a routine done to its end is named in its event's detail: {@code "desk, finished, 2.6 min; …"}. */
    public static final String FINISHED = "finished";

    private final Map<LocalDate, double[]> byDay = new TreeMap<>(); // {minutes, routines, finished}

    private RoutineDays(List<HistoryEvent> events) {
        for (HistoryEvent e : events) {
            if (e.kind() != EventKind.ROUTINE) {
                continue;
            }
            double[] d = byDay.computeIfAbsent(e.localDate(), k -> new double[3]);
            d[0] += e.durationS() / 60;
            d[1]++;
            if (finished(e)) {
                d[2]++;
            }
        }
    }

    /** From routine events (others are ignored): {@link HistoryStore#events(EventKind)}, or a day's. */
    public static RoutineDays of(List<HistoryEvent> events) {
        return new RoutineDays(events);
    }

    /**
     * Whether a routine event was done to its end: its detail reads {@code NAME, HOW, …} (the routine's own one-line
     * description) with HOW {@link #FINISHED}.
     */
    public static boolean finished(HistoryEvent e) {
        String d = e.detail();
        if (d == null) {
            return false;
        }
        String head = d.contains(";") ? d.substring(0, d.indexOf(';')) : d;
        String[] parts = head.split(", ");
        return parts.length >= 2 && parts[parts.length - 2].equals(FINISHED);
    }

    /** Minutes in routines on that day (finished or not). */
    public double minutesOn(LocalDate day) {
        double[] d = byDay.get(day);
        return d == null ? 0 : d[0];
    }

    /** Routines done to their end on that day. */
    public int finishedOn(LocalDate day) {
        double[] d = byDay.get(day);
        return d == null ? 0 : (int) d[2];
    }

    /** The streak ending on {@code day}: consecutive days with a finished routine up to it (0 when it has none). */
    public int streakOn(LocalDate day) {
        int n = 0;
        for (LocalDate d = day; finishedOn(d) > 0; d = d.minusDays(1)) {
            n++;
        }
        return n;
    }

    /** The streak as of {@code today}: ending today, or yesterday while today has no finished routine yet. */
    public int currentStreak(LocalDate today) {
        return finishedOn(today) > 0 ? streakOn(today) : streakOn(today.minusDays(1));
    }
}
