package io.midback.report;

import io.midback.alert.AlertKind;
import io.midback.history.DayData;
import io.midback.history.DaySummary;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.HistoryStore;
import io.midback.history.MinuteRow;
import io.midback.history.RoutineDays;
import io.midback.history.SpineMinute;
import io.midback.posture.PostureState;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a day's or a week's report as HTML (charts inline as SVG), PNG, SVG or CSV, chosen by extension. */
public final class Reports {
    public enum Format {
        HTML, PNG, SVG, CSV;

        /** The format a file name asks for, or null. */
        public static Format of(Path out) {
            String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".html") || n.endsWith(".htm")) {
                return HTML;
            }
            if (n.endsWith(".png")) {
                return PNG;
            }
            if (n.endsWith(".svg")) {
                return SVG;
            }
            if (n.endsWith(".csv")) {
                return CSV;
            }
            return null;
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * The one rule for a session's times shown to the second, here and on the command line ({@code [0:25:42]}):
     * to the nearest whole second (half a second up), so that the same alert reads the same second in both.
     */
    public static long nearestSecond(double s) {
        return Math.round(s);
    }

    /** A time of day in {@code zone} to the second, by {@link #nearestSecond}. */
    public static String clock(java.time.Instant t, ZoneId zone) {
        return CLOCK.format(java.time.Instant.ofEpochSecond(nearestSecond(t.getEpochSecond() + t.getNano() / 1e9))
                .atZone(zone));
    }
    /** Hours and minutes, as reports and the window write a time of day. */
    public static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private Reports() {
    }

    // ---- day ----------------------------------------------------------------------------------------------------

    /**
     * Writes a day's report.
     *
     * @param thresholdDeg slump threshold to draw; NaN = the day's sessions' (else {@link DayCharts#DEFAULT_SLUMP_THRESHOLD_DEG})
     * @param widthPx      width of the PNG/SVG canvas (the height follows)
     */
    public static void writeDay(DayData day, double thresholdDeg, int widthPx, Path out) throws IOException {
        Format f = requireFormat(out);
        double threshold = Double.isNaN(thresholdDeg) ? day.slumpThresholdDeg() : thresholdDeg;
        switch (f) {
            case CSV -> Files.writeString(out, dayCsv(day), StandardCharsets.UTF_8);
            case PNG -> writePng(ChartImages.day(DayCharts.all(day, threshold), widthPx), out);
            case SVG -> Files.writeString(out, ChartImages.svg(ChartImages.day(DayCharts.all(day, threshold), widthPx)),
                    StandardCharsets.UTF_8);
            case HTML -> Files.writeString(out, dayHtml(day, threshold, widthPx), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes the report of the ISO week that starts on {@code monday} from the history ({@code midback report
     * --week} and the window's). Returns false, writing nothing, when the week has nothing on record.
     */
    public static boolean writeWeek(HistoryStore store, LocalDate monday, int widthPx, Path out) throws IOException {
        List<DayData> days = new java.util.ArrayList<>();
        boolean any = false;
        for (int i = 0; i < 7; i++) {
            DayData d = store.day(monday.plusDays(i));
            any |= !d.minutes().isEmpty();
            days.add(d);
        }
        if (any) {
            writeWeek(weekTitle(monday), days, RoutineDays.of(store.events(EventKind.ROUTINE)), widthPx, out);
            MobilityReport.addToWeek(store.mobilityChecks(), monday.plusDays(7), widthPx, out);
        }
        return any;
    }

    /** "Week 2024-W14 (2024-04-01 to 2024-04-07)". */
    public static String weekTitle(LocalDate monday) {
        return String.format(Locale.ROOT, "Week %d-W%02d (%s to %s)", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday, monday.plusDays(6));
    }

    public static void writeWeek(String title, List<DayData> days, int widthPx, Path out) throws IOException {
        writeWeek(title, days, RoutineDays.of(days.stream().flatMap(d -> d.events().stream()).toList()), widthPx, out);
    }

    /** @param routines the routines on record, for each day's streak (days before the week count towards it) */
    public static void writeWeek(String title, List<DayData> days, RoutineDays routines, int widthPx, Path out)
            throws IOException {
        Format f = requireFormat(out);
        List<DaySummary> summaries = days.stream().map(DayData::summary).toList();
        JFreeChart chart = WeekCharts.trend(title, summaries);
        int height = Math.round(widthPx * 0.6f);
        switch (f) {
            case CSV -> Files.writeString(out, weekCsv(summaries, routines), StandardCharsets.UTF_8);
            case PNG -> writePng(ChartImages.single(chart, widthPx, height), out);
            case SVG -> Files.writeString(out, ChartImages.svg(ChartImages.single(chart, widthPx, height)),
                    StandardCharsets.UTF_8);
            case HTML -> Files.writeString(out, weekHtml(title, summaries, routines, chart, widthPx),
                    StandardCharsets.UTF_8);
        }
    }

    private static Format requireFormat(Path out) {
        Format f = Format.of(out);
        if (f == null) {
            throw new IllegalArgumentException("cannot tell the format of " + out
                    + ": name it .html, .png, .svg or .csv");
        }
        return f;
    }

    static void writePng(ChartImages.Layout layout, Path out) throws IOException {
        // Through a stream of our own: ImageIO's file variant prints a stack trace when it cannot open the file.
        boolean written;
        try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            written = ImageIO.write(ChartImages.png(layout), "png", os);
        }
        if (!written) {
            throw new IOException("no PNG writer in this Java");
        }
    }

    /** One row per minute: seconds per state, gap, flexion statistics, and the events that start in it. */
    public static String dayCsv(DayData day) {
        Map<Long, int[]> counts = new HashMap<>(); // epoch minute → {episodes, alerts, breaks}
        List<MinuteRow> rows = day.minutes();
        for (HistoryEvent e : day.events()) {
            int k = switch (e.kind()) {
                case SLUMP_EPISODE -> 0;
                case ALERT -> 1;
                case BREAK -> 2;
                default -> -1;
            };
            if (k < 0 || rows.isEmpty()) {
                continue;
            }
            long em = Math.floorDiv(e.start().getEpochSecond(), 60);
            // an event in a minute without a row (no samples) goes to the row before it
            long target = rows.get(0).epochMinute();
            for (MinuteRow m : rows) {
                if (m.epochMinute() <= em) {
                    target = m.epochMinute();
                } else {
                    break;
                }
            }
            counts.computeIfAbsent(target, x -> new int[3])[k]++;
        }
        StringBuilder sb = new StringBuilder("local_date,local_time,minute_start_utc");
        for (PostureState s : PostureState.values()) {
            sb.append(",s_").append(s.label());
        }
        sb.append(",gap_s,flexion_n,flexion_mean_deg,flexion_p50_deg,flexion_p90_deg,flexion_min_deg,"
                + "flexion_max_deg,slump_episodes,alerts,breaks,breath_rate_per_min,breath_valid_s,spine_samples,"
                + "spine_flexion_p50_deg,spine_flexion_p90_deg,pelvic_tilt_mean_deg\n");
        for (MinuteRow m : rows) {
            sb.append(m.localDate()).append(',')
                    .append(String.format("%02d:%02d", m.minuteOfDay() / 60, m.minuteOfDay() % 60)).append(',')
                    .append(m.start());
            for (PostureState s : PostureState.values()) {
                sb.append(',').append(num(m.seconds(s)));
            }
            int[] c = counts.getOrDefault(m.epochMinute(), new int[3]);
            sb.append(',').append(num(m.gapS())).append(',').append(m.flexionSamples())
                    .append(',').append(num(m.flexionMeanDeg())).append(',').append(num(m.flexionP50Deg()))
                    .append(',').append(num(m.flexionP90Deg())).append(',').append(num(m.flexionMinDeg()))
                    .append(',').append(num(m.flexionMaxDeg()))
                    .append(',').append(c[0]).append(',').append(c[1]).append(',').append(c[2])
                    .append(',').append(num(m.breathRatePerMin())).append(',').append(num(m.breathValidS()));
            SpineMinute spine = m.spine();
            if (spine == null) {
                sb.append(",0,,,");
            } else {
                sb.append(',').append(spine.samples()).append(',').append(num(spine.flexionP50Deg()))
                        .append(',').append(num(spine.flexionP90Deg())).append(',')
                        .append(num(spine.pelvicTiltMeanDeg()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One row per day; {@code streak_days}: the routine streak ending that day ({@link RoutineDays#streakOn}). */
    public static String weekCsv(List<DaySummary> days, RoutineDays routines) {
        StringBuilder sb = new StringBuilder("date,sessions,recorded_s,worn_s,gap_s,upright_share,slump_s,"
                + "slump_episodes,alerts,breaks,sitting_bouts,longest_sitting_s");
        for (PostureState s : PostureState.values()) {
            sb.append(",s_").append(s.label());
        }
        sb.append(",breath_rate_per_min,breath_minutes,breathing_exercises,routine_minutes,routines_finished,"
                + "streak_days,spine_minutes,spine_flexion_p50_deg,pelvic_tilt_mean_deg\n");
        for (DaySummary d : days) {
            sb.append(d.date()).append(',').append(d.sessions()).append(',').append(num(d.recordedS()))
                    .append(',').append(num(d.wornS())).append(',').append(num(d.gapS()))
                    .append(',').append(num(d.uprightShare())).append(',').append(num(d.slumpSeconds()))
                    .append(',').append(d.slumpEpisodes()).append(',').append(d.alertCount())
                    .append(',').append(d.breaks()).append(',').append(d.sittingBouts())
                    .append(',').append(num(d.longestSittingS()));
            for (PostureState s : PostureState.values()) {
                sb.append(',').append(num(d.postureSeconds().get(s.label())));
            }
            sb.append(',').append(num(d.breathRatePerMin())).append(',').append(d.breathMinutes())
                    .append(',').append(d.breathingExercises()).append(',').append(num(d.routineMinutes()))
                    .append(',').append(d.routinesFinished()).append(',').append(routines.streakOn(d.date()))
                    .append(',').append(d.spineMinutes()).append(',').append(num(d.spineFlexionP50Deg()))
                    .append(',').append(num(d.pelvicTiltMeanDeg())).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    // ---- HTML -------------------------------------------------------------------------------------------------

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1240px;color:#222}
            h1{margin-bottom:.2em}.meta{color:#666;margin-top:0}
            table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .8em;border-bottom:1px solid #e4e4e4;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.row{display:flex;flex-wrap:wrap;gap:0}
            .sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;vertical-align:-1px}
            svg{max-width:100%;height:auto}
            """;

    static String dayHtml(DayData day, double thresholdDeg, int widthPx) {
        DaySummary s = day.summary();
        ZoneId zone = day.zone();
        DayCharts.Charts charts = DayCharts.all(day, thresholdDeg);
        StringBuilder h = new StringBuilder();
        head(h, "Midback: posture on " + day.date());
        h.append("<h1>Posture on ").append(day.date()).append("</h1>\n<p class=\"meta\">")
                .append(s.sessions()).append(s.sessions() == 1 ? " session" : " sessions").append(" · times in ")
                .append(esc(zone.getId())).append("</p>\n");
        h.append("<table class=\"summary\">\n");
        row(h, "Time worn", duration(s.wornS()));
        row(h, "Upright share of sitting", Double.isNaN(s.uprightShare()) ? "–"
                : String.format(Locale.ROOT, "%.0f %%", s.uprightShare() * 100));
        row(h, "Slouched", duration(s.slumpSeconds()));
        row(h, "Slump episodes", String.valueOf(s.slumpEpisodes()));
        StringBuilder alerts = new StringBuilder().append(s.alertCount());
        for (AlertKind k : AlertKind.values()) {
            int n = s.alerts().getOrDefault(k.label(), 0);
            if (n > 0) {
                alerts.append(alerts.length() > 3 ? ", " : " (").append(n).append(' ').append(k.label());
            }
        }
        if (s.alertCount() > 0) {
            alerts.append(')');
        }
        row(h, "Alerts", alerts.toString());
        row(h, "Breaks", String.valueOf(s.breaks()));
        row(h, "Sedentary bouts (sitting or standing still)", String.valueOf(s.sittingBouts()));
        HistoryEvent longest = day.events(EventKind.SITTING_BOUT).stream()
                .max(java.util.Comparator.comparing(HistoryEvent::duration)).orElse(null);
        row(h, "Longest sedentary stretch", longest == null ? "–" : duration(longest.durationS()) + " ("
                + HM.format(longest.start().atZone(zone)) + "–" + HM.format(longest.end().atZone(zone)) + ")");
        row(h, "No data", duration(s.gapS()));
        row(h, "Breathing while sedentary", breathing(s));
        if (s.spineMinutes() > 0) {
            row(h, "Spine between the two sensors", spine(s));
        }
        row(h, "Paced-breathing exercises", String.valueOf(s.breathingExercises()));
        row(h, "Guided routines", routines(s));
        h.append("</table>\n");

        int top = Math.round(widthPx * 0.45f);
        int small = Math.round(widthPx * 0.28f);
        h.append("<h2>Flexion over the day</h2>\n")
                .append(ChartImages.svgElement(ChartImages.single(charts.flexion(), widthPx, top), "flex")).append('\n');
        h.append("<div class=\"row\">")
                .append(ChartImages.svgElement(ChartImages.single(charts.states(), widthPx / 2, small), "states"))
                .append(ChartImages.svgElement(ChartImages.single(charts.hourly(), widthPx / 2, small), "hourly"))
                .append("</div>\n");

        h.append("<h2>Time in each state</h2>\n<table><tr><th>state</th><th>time</th><th>share</th></tr>\n");
        for (PostureState st : PostureState.values()) {
            double sec = s.postureSeconds().get(st.label());
            if (sec <= 0) {
                continue;
            }
            h.append("<tr><td><span class=\"sw\" style=\"background:").append(StateColors.hex(st)).append("\"></span>")
                    .append(st.label()).append("</td><td class=\"n\">").append(duration(sec))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * sec / s.recordedS())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Slump episodes</h2>\n");
        table(h, day.events(EventKind.SLUMP_EPISODE), zone, "peak flexion",
                e -> Double.isNaN(e.peakFlexionDeg()) ? "" : String.format(Locale.ROOT, "%.1f°", e.peakFlexionDeg()));
        h.append("<h2>Alerts</h2>\n<table><tr><th>time</th><th>kind</th><th>message</th></tr>\n");
        for (HistoryEvent e : day.events(EventKind.ALERT)) {
            h.append("<tr><td>").append(clock(e.start(), zone)).append("</td><td>")
                    .append(esc(e.detail())).append("</td><td>").append(esc(e.message())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Sedentary bouts (sitting or standing still) and breaks</h2>\n");
        List<HistoryEvent> both = day.events().stream()
                .filter(e -> e.kind() == EventKind.SITTING_BOUT || e.kind() == EventKind.BREAK).toList();
        table(h, both, zone, "kind", e -> (e.kind() == EventKind.SITTING_BOUT ? "sedentary bout" : e.kind().label())
                + (e == longest ? " (longest)" : ""));
        h.append("<h2>Breathing</h2>\n");
        if (charts.hasBreathing()) {
            h.append(ChartImages.svgElement(ChartImages.single(charts.breathing(), widthPx, small), "breath"))
                    .append('\n');
        } else {
            h.append("<p>No breathing rate today (it is measured while sitting or standing still).</p>\n");
        }
        List<HistoryEvent> exercises = day.events(EventKind.BREATHING_EXERCISE);
        if (!exercises.isEmpty()) {
            table(h, exercises, zone, "paced breathing", HistoryEvent::detail);
        }
        List<HistoryEvent> routineEvents = day.events(EventKind.ROUTINE);
        if (!routineEvents.isEmpty()) {
            h.append("<h2>Guided routines</h2>\n");
            table(h, routineEvents, zone, "exercises, repetitions, ranges", HistoryEvent::detail);
        }
        List<HistoryEvent> gaps = day.events(EventKind.GAP);
        if (!gaps.isEmpty()) {
            h.append("<h2>Data gaps</h2>\n");
            table(h, gaps, zone, "reason", HistoryEvent::detail);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** "12.5 min (2 finished)", or "–". */
    static String routines(DaySummary d) {
        return d.routineMinutes() <= 0 ? "–" : String.format(Locale.ROOT, "%.1f min (%d finished)",
                d.routineMinutes(), d.routinesFinished());
    }

    static String weekHtml(String title, List<DaySummary> days, RoutineDays routines, JFreeChart chart,
                           int widthPx) {
        StringBuilder h = new StringBuilder();
        head(h, "Midback: " + title);
        h.append("<h1>").append(esc(title)).append("</h1>\n")
                .append(ChartImages.svgElement(ChartImages.single(chart, widthPx, Math.round(widthPx * 0.6f)), "week"))
                .append("\n<table><tr><th>day</th><th>sessions</th><th>worn</th><th>upright</th><th>slouched</th>"
                        + "<th>episodes</th><th>alerts</th><th>breaks</th><th>longest sitting</th>"
                        + "<th>breathing</th><th>breathing exercises</th><th>routines</th><th>streak</th></tr>\n");
        for (DaySummary d : days) {
            h.append("<tr><td>").append(WeekCharts.dayLabel(d)).append("</td><td class=\"n\">").append(d.sessions())
                    .append("</td><td class=\"n\">").append(duration(d.wornS()))
                    .append("</td><td class=\"n\">").append(Double.isNaN(d.uprightShare()) ? "–"
                            : String.format(Locale.ROOT, "%.0f %%", d.uprightShare() * 100))
                    .append("</td><td class=\"n\">").append(duration(d.slumpSeconds()))
                    .append("</td><td class=\"n\">").append(d.slumpEpisodes())
                    .append("</td><td class=\"n\">").append(d.alertCount())
                    .append("</td><td class=\"n\">").append(d.breaks())
                    .append("</td><td class=\"n\">").append(duration(d.longestSittingS()))
                    .append("</td><td class=\"n\">").append(esc(breathing(d)))
                    .append("</td><td class=\"n\">").append(d.breathingExercises())
                    .append("</td><td class=\"n\">").append(esc(routines(d)))
                    .append("</td><td class=\"n\">").append(streak(routines.streakOn(d.date())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>Streak: consecutive days with a guided routine done to its end.</p>\n")
                .append("</body></html>\n");
        return h.toString();
    }

    /** "3 days", "1 day", or "–". */
    static String streak(int days) {
        return days == 0 ? "–" : days + (days == 1 ? " day" : " days");
    }

    /** "flexion 8.2° (median of 55 minutes), pelvis tilted 3.1° forward": the two-sensor figures of a day. */
    public static String spine(DaySummary s) {
        double tilt = s.pelvicTiltMeanDeg();
        return String.format(Locale.ROOT, "flexion %.1f° (median of %d minute%s)%s", s.spineFlexionP50Deg(),
                s.spineMinutes(), s.spineMinutes() == 1 ? "" : "s", Double.isNaN(tilt) ? ""
                        : String.format(Locale.ROOT, ", pelvis tilted %.1f° %s on average", Math.abs(tilt),
                        tilt >= 0 ? "forward" : "back"));
    }

    /** "12.4 breaths/min (median of 35 minutes)", or "–". */
    static String breathing(DaySummary s) {
        return Double.isNaN(s.breathRatePerMin()) ? "–" : String.format(Locale.ROOT,
                "%.1f breaths/min (median of %d minutes)", s.breathRatePerMin(), s.breathMinutes());
    }

    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    private static void table(StringBuilder h, List<HistoryEvent> events, ZoneId zone, String extra,
                              java.util.function.Function<HistoryEvent, String> extraValue) {
        h.append("<table><tr><th>start</th><th>end</th><th>duration</th><th>").append(esc(extra))
                .append("</th></tr>\n");
        for (HistoryEvent e : events) {
            h.append("<tr><td>").append(clock(e.start(), zone)).append("</td><td>")
                    .append(clock(e.end(), zone)).append(e.open() ? " (session cut off)" : "")
                    .append("</td><td class=\"n\">").append(duration(e.durationS())).append("</td><td>")
                    .append(esc(extraValue.apply(e))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** "2 h 05 min", "12 min 30 s", "45 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        Duration d = Duration.ofSeconds(s);
        if (s >= 3600) {
            return String.format("%d h %02d min", d.toHours(), d.toMinutesPart());
        }
        if (s >= 60) {
            return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        return s + " s";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }


}
