package io.midback.report;

import io.midback.history.MobilityRecord;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The mobility report ({@code midback report --mobility}): the trend of every direction's range over the checks,
 * the latest check beside the published norms with their source, as HTML (chart inline), PNG, SVG or CSV.
 */
public final class MobilityReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MobilityReport() {
    }

    public static void write(List<MobilityRecord> checks, int widthPx, Path out) throws IOException {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("no mobility checks to report");
        }
        Reports.Format f = Reports.Format.of(out);
        if (f == null) {
            throw new IllegalArgumentException("cannot tell the format of " + out
                    + ": name it .html, .png, .svg or .csv");
        }
        JFreeChart chart = MobilityCharts.trend(checks);
        ChartImages.Layout layout = ChartImages.single(chart, widthPx, Math.round(widthPx * 0.75f));
        switch (f) {
            case CSV -> Files.writeString(out, csv(checks), StandardCharsets.UTF_8);
            case PNG -> Reports.writePng(layout, out);
            case SVG -> Files.writeString(out, ChartImages.svg(layout), StandardCharsets.UTF_8);
            case HTML -> Files.writeString(out, html(checks, layout), StandardCharsets.UTF_8);
        }
    }

    /**
     * Adds the mobility trend of every check before {@code weekEnd} (a local date, exclusive) to a week's HTML report
     * already written to {@code out}; other formats, or no check, are left as they are.
     */
    public static void addToWeek(List<MobilityRecord> checks, java.time.LocalDate weekEnd, int widthPx, Path out)
            throws IOException {
        List<MobilityRecord> upTo = checks.stream().filter(c -> c.localDate().isBefore(weekEnd)).toList();
        if (upTo.isEmpty() || Reports.Format.of(out) != Reports.Format.HTML) {
            return;
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        String section = "<h2>Mobility: every check up to this week</h2>\n"
                + ChartImages.svgElement(ChartImages.single(MobilityCharts.trend(upTo), widthPx,
                Math.round(widthPx * 0.75f)), "mobility") + "\n<p>Norms: " + Reports.esc(MobilityNorms.AAOS) + ". "
                + Reports.esc(MobilityNorms.CAVEAT) + "</p>\n";
        int end = html.lastIndexOf("</body>");
        Files.writeString(out, end < 0 ? html + section : html.substring(0, end) + section + html.substring(end),
                StandardCharsets.UTF_8);
    }

    /** One row per check and direction: when, how it ended, range, repetitions, spread, the norm. */
    public static String csv(List<MobilityRecord> checks) {
        StringBuilder sb = new StringBuilder("check_id,start,ended,direction,rom_deg,reps,spread_deg,norm_deg\n");
        for (MobilityRecord c : checks) {
            c.directions().forEach((d, fig) -> sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%d,%s,%.0f%n",
                    c.id(), WHEN.format(c.start().atZone(c.zone())), c.ended(), d, num(fig.romDeg()), fig.reps(),
                    num(fig.spreadDeg()), MobilityNorms.of(d).normDeg())));
        }
        return sb.toString();
    }

    static String html(List<MobilityRecord> checks, ChartImages.Layout layout) {
        MobilityRecord last = checks.get(checks.size() - 1);
        StringBuilder h = new StringBuilder();
        Reports.head(h, "Midback: mobility");
        h.append("<h1>Mobility</h1>\n").append(ChartImages.svgElement(layout, "mobility"))
                .append("\n<h2>Latest check: ").append(WHEN.format(last.start().atZone(last.zone())))
                .append(" (").append(Reports.esc(last.ended())).append(")</h2>\n")
                .append("<table><tr><th>direction</th><th>range</th><th>repetitions</th><th>spread</th>"
                        + "<th>published norm</th></tr>\n");
        last.directions().forEach((d, fig) -> h.append("<tr><td>").append(d).append("</td><td class=\"n\">")
                .append(deg(fig.romDeg())).append("</td><td class=\"n\">").append(fig.reps())
                .append("</td><td class=\"n\">").append(deg(fig.spreadDeg())).append("</td><td class=\"n\">")
                .append(deg(MobilityNorms.of(d).normDeg())).append("</td></tr>\n"));
        h.append("</table>\n<p>Norms: ").append(Reports.esc(MobilityNorms.AAOS)).append(". ")
                .append(Reports.esc(MobilityNorms.CAVEAT)).append("</p>\n");
        if (last.hurt()) {
            h.append("<p>This check was stopped because it hurt: ease off, and see a doctor or physiotherapist if "
                    + "the pain was sharp, burning, tingling or nerve-like.</p>\n");
        }
        h.append("<h2>Every check</h2>\n<table><tr><th>when</th><th>ended</th>");
        last.directions().keySet().forEach(d -> h.append("<th>").append(d).append("</th>"));
        h.append("</tr>\n");
        for (MobilityRecord c : checks) {
            h.append("<tr><td>").append(WHEN.format(c.start().atZone(c.zone()))).append("</td><td>")
                    .append(Reports.esc(c.ended())).append("</td>");
            c.directions().values().forEach(fig -> h.append("<td class=\"n\">").append(deg(fig.romDeg()))
                    .append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String deg(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f°", v) : "–";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "";
    }
}
