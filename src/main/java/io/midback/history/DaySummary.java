package io.midback.history;

import io.midback.alert.AlertKind;
import io.midback.posture.PostureState;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals of one day.
 *
 * @param postureSeconds   seconds in each state, by label, every state listed
 * @param uprightShare     upright seconds ÷ sitting seconds (NaN when the wearer never sat)
 * @param slumpSeconds     seconds in the slouched state
 * @param alerts           alert count by kind label
 * @param longestSittingS  the longest sitting bout of the day
 * @param breathRatePerMin the breathing rate while sedentary: the median of the day's minutes with a rate (NaN
 *                         when none had one)
 * @param breathMinutes    the minutes with a breathing rate
 * @param breathingExercises paced-breathing exercises done
 * @param routineMinutes   minutes in guided routines ({@link RoutineDays})
 * @param routinesFinished guided routines done to their end
 * @param spineMinutes     minutes with the spine measured between two sensors ({@link SpineMinute})
 * @param spineFlexionP50Deg the spine's flexion between the sensors: the median of those minutes' medians (NaN
 *                         when none)
 * @param pelvicTiltMeanDeg the pelvis's forward tilt from its upright, mean over those minutes' samples (NaN when
 *                         none)
 */
public record DaySummary(LocalDate date, int sessions, double recordedS, double wornS, double gapS,
                         Map<String, Double> postureSeconds, double uprightShare, double slumpSeconds,
                         int slumpEpisodes, Map<String, Integer> alerts, int breaks, int sittingBouts,
                         double longestSittingS, double breathRatePerMin, int breathMinutes,
                         int breathingExercises, double routineMinutes, int routinesFinished, int spineMinutes,
                         double spineFlexionP50Deg, double pelvicTiltMeanDeg) {

    public static DaySummary of(DayData day) {
        double[] s = new double[PostureState.values().length];
        double recorded = 0;
        double worn = 0;
        double gap = 0;
        for (MinuteRow m : day.minutes()) {
            for (PostureState st : PostureState.values()) {
                s[st.ordinal()] += m.seconds(st);
            }
            recorded += m.recordedSeconds();
            worn += m.wornSeconds();
            gap += m.gapS();
        }
        Map<String, Double> posture = new LinkedHashMap<>();
        double sitting = 0;
        for (PostureState st : PostureState.values()) {
            posture.put(st.label(), s[st.ordinal()]);
            if (st.isSitting()) {
                sitting += s[st.ordinal()];
            }
        }
        Map<String, Integer> alerts = new LinkedHashMap<>();
        for (AlertKind k : AlertKind.values()) {
            alerts.put(k.label(), 0);
        }
        int episodes = 0;
        int breaks = 0;
        int bouts = 0;
        int exercises = 0;
        double longest = 0;
        for (HistoryEvent e : day.events()) {
            switch (e.kind()) {
                case SLUMP_EPISODE -> episodes++;
                case ALERT -> alerts.merge(e.detail() == null ? "unknown" : e.detail(), 1, Integer::sum);
                case BREAK -> breaks++;
                case BREATHING_EXERCISE -> exercises++;
                case SITTING_BOUT -> {
                    bouts++;
                    longest = Math.max(longest, e.durationS());
                }
                default -> {
                }
            }
        }
        double upright = s[PostureState.UPRIGHT.ordinal()];
        RoutineDays routines = RoutineDays.of(day.events());
        return new DaySummary(day.date(), day.sessions().size(), recorded, worn, gap,
                Collections.unmodifiableMap(posture), sitting > 0 ? upright / sitting : Double.NaN,
                s[PostureState.SLOUCHED.ordinal()], episodes, Collections.unmodifiableMap(alerts), breaks, bouts,
                longest, breathRatePerMin(day), breathMinutes(day), exercises, routines.minutesOn(day.date()),
                routines.finishedOn(day.date()), spineMinutes(day), median(day.minutes().stream()
                        .filter(m -> m.spine() != null).mapToDouble(m -> m.spine().flexionP50Deg())),
                pelvicTiltMeanDeg(day));
    }

    private static int spineMinutes(DayData day) {
        return (int) day.minutes().stream().filter(m -> m.spine() != null).count();
    }

    private static double pelvicTiltMeanDeg(DayData day) {
        double sum = 0;
        long n = 0;
        for (MinuteRow m : day.minutes()) {
            SpineMinute s = m.spine();
            if (s != null && !Double.isNaN(s.pelvicTiltMeanDeg())) {
                sum += s.pelvicTiltMeanDeg() * s.samples();
                n += s.samples();
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The median of the minutes' breathing rates (NaN when no minute has one). */
    static double breathRatePerMin(DayData day) {
        return median(day.minutes().stream().mapToDouble(MinuteRow::breathRatePerMin));
    }

    /** The median of the values that are numbers (NaN when none). */
    private static double median(java.util.stream.DoubleStream values) {
        double[] v = values.filter(r -> !Double.isNaN(r)).sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static int breathMinutes(DayData day) {
        return (int) day.minutes().stream().filter(m -> !Double.isNaN(m.breathRatePerMin())).count();
    }

    public int alertCount() {
        return alerts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
