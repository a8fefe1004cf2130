package io.midback.breathing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds up a session's breathing rates, second by second of sample time: each second's rate is the rate at its
 * last sample (none when that was NaN). Keeps the median of each minute and a histogram (0.1 breath/min bins)
 * for the session's median. Allocation-free per sample; a minute's entry is stored when the minute ends.
 */
public final class BreathingTally {
    /** A minute gets a rate when at least this many of its seconds had one. */
    public static final int MIN_VALID_S_PER_MINUTE = 15;
    private static final double BIN_PER_MIN = 0.1, MAX_RATE_PER_MIN = 60;

    private final long[] histogram = new long[(int) Math.round(MAX_RATE_PER_MIN / BIN_PER_MIN) + 1];
    private long validSeconds;
    private long second = Long.MIN_VALUE;
    private double secondRate = Double.NaN;
    private long minute = Long.MIN_VALUE;
    private final double[] minuteRates = new double[60];
    private int minuteCount;
    private long[] minuteIndex = new long[1440];
    private double[] minuteRate = new double[1440];
    private int minutes;
    private final MinuteListener listener;

    /** Told each minute's rate as the minute ends (when it has one). */
    @FunctionalInterface
    public interface MinuteListener {
        /** @param validS the minute's seconds with a rate, whose median {@code ratePerMin} is */
        void minute(long minute, double ratePerMin, int validS);
    }

    public BreathingTally() {
        this(null);
    }

    public BreathingTally(MinuteListener listener) {
        this.listener = listener;
    }

    /** The rate (NaN: none) at session time {@code tS}, s from the first sample; times must not go back. */
    public void add(double tS, double ratePerMin) {
        long s = WholeSeconds.floor(tS);
        if (s != second) {
            closeSecond();
            second = s;
        }
        secondRate = ratePerMin;
    }

    /** The session has ended: counts its last second and minute. */
    public void end() {
        closeSecond();
        closeMinute();
        second = Long.MIN_VALUE;
    }

    private void closeSecond() {
        if (second == Long.MIN_VALUE) {
            return;
        }
        long m = Math.floorDiv(second, 60);
        if (m != minute) {
            closeMinute();
            minute = m;
        }
        if (!Double.isNaN(secondRate) && secondRate > 0) {
            validSeconds++;
            histogram[(int) Math.min(histogram.length - 1, Math.round(secondRate / BIN_PER_MIN))]++;
            minuteRates[minuteCount++] = secondRate;
        }
        secondRate = Double.NaN;
    }

    private void closeMinute() {
        if (minute != Long.MIN_VALUE && minuteCount >= MIN_VALID_S_PER_MINUTE) {
            Arrays.sort(minuteRates, 0, minuteCount);
            double median = minuteCount % 2 == 1 ? minuteRates[minuteCount / 2]
                    : 0.5 * (minuteRates[minuteCount / 2 - 1] + minuteRates[minuteCount / 2]);
            if (minutes == minuteIndex.length) {
                minuteIndex = Arrays.copyOf(minuteIndex, minutes * 2);
                minuteRate = Arrays.copyOf(minuteRate, minutes * 2);
            }
            minuteIndex[minutes] = minute;
            minuteRate[minutes] = median;
            minutes++;
            if (listener != null) {
                listener.minute(minute, median, minuteCount);
            }
        }
        minuteCount = 0;
    }

    /** Seconds with a valid rate so far. */
    public long validSeconds() {
        return validSeconds;
    }

    /** The median over the seconds with a rate (to 0.1 breath/min), NaN when none. */
    public double medianRatePerMin() {
        if (validSeconds == 0) {
            return Double.NaN;
        }
        long below = 0;
        for (int i = 0; i < histogram.length; i++) {
            below += histogram[i];
            if (2 * below >= validSeconds) {
                if (2 * below == validSeconds && validSeconds % 2 == 0) {
                    int j = i + 1;
                    while (histogram[j] == 0) {
                        j++;
                    }
                    return (i + j) * BIN_PER_MIN / 2;
                }
                return i * BIN_PER_MIN;
            }
        }
        return Double.NaN;
    }

    /** What the seconds so far give (call {@link #end()} first for the whole session). */
    public BreathingReport report() {
        List<BreathingReport.Minute> list = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            list.add(new BreathingReport.Minute(minuteIndex[i], Math.round(minuteRate[i] * 10) / 10.0));
        }
        // A session's rate needs as many seconds with a rate as a minute's does: a few seconds are no measurement.
        double median = validSeconds >= MIN_VALID_S_PER_MINUTE ? medianRatePerMin() : Double.NaN;
        return new BreathingReport(Double.isNaN(median) ? null : Math.round(median * 10) / 10.0, validSeconds,
                list);
    }
}
