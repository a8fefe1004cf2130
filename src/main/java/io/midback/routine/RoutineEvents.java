package io.midback.routine;

import io.midback.mobility.MobilityEvent;

import java.util.Locale;

/**
 * What the routine player writes into a recording, in the mobility check's {@code # event:} line format
 * ({@link MobilityEvent}: {@code # event: T KIND [DETAIL]}, T in seconds from the first sample). Kinds:
 * {@code routine-start NAME}; {@code capture} (the still upright start: bias and mounting);
 * {@code exercise-start NAME} (its neutral captured, or a timed step begun); {@code rep NAME RANGE} (a repetition
 * counted, its range in degrees); {@code exercise-end NAME HOW} ({@code done}, {@code skipped}, {@code repeated},
 * {@code timed}, {@code stopped}, {@code stopped: it hurts}); {@code stop hurts} (the routine was stopped because it
 * hurt). The analysis ({@link RoutineAnalysis}) reads them back.
 */
public final class RoutineEvents {
    public static final String ROUTINE_START = "routine-start", EXERCISE_START = "exercise-start",
            EXERCISE_END = "exercise-end", REP = MobilityEvent.REP, CAPTURE = MobilityEvent.CAPTURE,
            STOP = MobilityEvent.STOP, HURTS = "hurts";

    private RoutineEvents() {
    }

    static MobilityEvent routineStart(double tS, Routine r) {
        return new MobilityEvent(tS, ROUTINE_START, r.name());
    }

    static MobilityEvent exerciseStart(double tS, Exercise e) {
        return new MobilityEvent(tS, EXERCISE_START, e.name());
    }

    static MobilityEvent rep(double tS, Exercise e, double rangeDeg) {
        return new MobilityEvent(tS, REP, String.format(Locale.ROOT, "%s %.1f", e.name(), rangeDeg));
    }

    static MobilityEvent exerciseEnd(double tS, String name, String how) {
        return new MobilityEvent(tS, EXERCISE_END, name + " " + how);
    }

    /** The exercise an {@code exercise-start}, {@code exercise-end} or {@code rep} event names. */
    public static String exerciseOf(MobilityEvent e) {
        String d = e.detail();
        int sp = d.indexOf(' ');
        return sp < 0 ? d : d.substring(0, sp);
    }
}
