package io.midback.history;

import io.midback.posture.PostureState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One completed minute on its way from the recorder to the writer, with the event changes that happened during
 * it: written together in one transaction. Allocated once per minute, never per sample.
 */
final class MinuteBatch {
    /**
     * An insert (a new event) or an update (the end of an open event; or, with {@link #WITHDRAWN} as its end, the
     * open event taken back), in the order they happened.
     */
    record EventOp(boolean insert, int seq, EventKind kind, LocalDate localDate, long startMs, long endMs,
                   String detail, double peakFlexionDeg, String message) {
        static final long OPEN = Long.MIN_VALUE;
        /** The end of an open event that turned out not to have happened (a bout wholly inside a routine). */
        static final long WITHDRAWN = Long.MIN_VALUE + 1;
    }

    final long epochMinute;
    final LocalDate localDate;
    final int minuteOfDay;
    final double[] stateSeconds = new double[PostureState.values().length];
    double gapS;
    int flexionSamples;
    double flexionSumDeg;
    double flexionMinDeg = Double.POSITIVE_INFINITY;
    double flexionMaxDeg = Double.NEGATIVE_INFINITY;
    double flexionP50Deg = Double.NaN;
    double flexionP90Deg = Double.NaN;
    /** With a lower sensor: the samples with spine angles, their flexion percentiles and the pelvic tilt's sum. */
    int spineSamples;
    double spineFlexionP50Deg = Double.NaN;
    double spineFlexionP90Deg = Double.NaN;
    double pelvicTiltSumDeg;
    List<EventOp> ops;
    /** The breathing rate of one minute (not necessarily this one: it is known once the minute is over). */
    record Breathing(long epochMinute, double ratePerMin, double validS) {
    }

    /** Breathing minutes that ended during this one, or null. */
    List<Breathing> breathing;
    /** A calibration that came into use during the minute (its metadata text), or null. */
    String calibration;
    /** Set on the last batch of a session: the session's end, epoch milliseconds. */
    long sessionEndMs = EventOp.OPEN;

    MinuteBatch(long epochMinute, LocalDate localDate, int minuteOfDay) {
        this.epochMinute = epochMinute;
        this.localDate = localDate;
        this.minuteOfDay = minuteOfDay;
    }

    void add(EventOp op) {
        if (ops == null) {
            ops = new ArrayList<>(4);
        }
        ops.add(op);
    }

    void add(Breathing b) {
        if (breathing == null) {
            breathing = new ArrayList<>(1);
        }
        breathing.add(b);
    }

    boolean hasSeconds() {
        if (gapS > 0 || flexionSamples > 0) {
            return true;
        }
        for (double v : stateSeconds) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    MinuteRow toRow() {
        boolean flex = flexionSamples > 0;
        return new MinuteRow(epochMinute, localDate, minuteOfDay, stateSeconds, gapS, flexionSamples,
                flex ? flexionSumDeg / flexionSamples : Double.NaN, flexionP50Deg, flexionP90Deg,
                flex ? flexionMinDeg : Double.NaN, flex ? flexionMaxDeg : Double.NaN).withSpine(spine());
    }

    /** The minute's spine between the two sensors, or null when it had none. */
    SpineMinute spine() {
        return spineSamples == 0 ? null : new SpineMinute(spineSamples, spineFlexionP50Deg, spineFlexionP90Deg,
                pelvicTiltSumDeg / spineSamples);
    }
}
