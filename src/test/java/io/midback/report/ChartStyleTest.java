package io.midback.report;

import io.midback.history.DayData;
import io.midback.history.DaySummary;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.history.SyntheticDay;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The day and week charts in the window's dark theme (issue 16: the Today charts stayed white), and the week chart's
 * labels at the size the Today tab gives it (they overlapped and were cut off).
 */
class ChartStyleTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate LAST = LocalDate.of(2024, 4, 9);
    /** FlatLaf dark's panel, label and text-field colours. */
    static final ChartStyle DARK = ChartStyle.of(new Color(0x3c3f41), new Color(0xbbbbbb), new Color(0x45494a));

    @TempDir
    static Path dir;
    static final List<DaySummary> week = new ArrayList<>();
    static DayData lastDay;

    @BeforeAll
    static void recordAWeek() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            for (int d = 6; d >= 0; d--) {
                HistoryRecorder rec = store.beginSession(new SessionInfo(
                        LAST.minusDays(d).atTime(9, 0).atZone(ZONE).toInstant(), ZONE, "sim", "test", null, 15));
                SyntheticDay.office(3 + d, 1, 10).feed(rec);
                rec.close();
            }
            for (int d = 6; d >= 0; d--) {
                week.add(store.day(LAST.minusDays(d)).summary());
            }
            lastDay = store.day(LAST);
        }
    }

    private static List<Axis> axes(Plot p) {
        List<Axis> axes = new ArrayList<>();
        if (p instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axes.add(xy.getRangeAxis(i));
            }
            axes.add(xy.getDomainAxis());
        } else if (p instanceof CategoryPlot c) {
            axes.add(c.getRangeAxis());
            axes.add(c.getDomainAxis());
        }
        axes.removeIf(a -> a == null);
        return axes;
    }

    @Test
    void theDarkStylePaintsEveryChartOfTheTodayTabDark() {
        List<JFreeChart> charts = List.of(DayCharts.flexion(lastDay, 15, DARK), DayCharts.stateTime(lastDay.summary(), DARK),
                DayCharts.hourlyUpright(lastDay, DARK), WeekCharts.trend("This week", week, DARK));
        for (JFreeChart c : charts) {
            String name = c.getTitle().getText();
            assertEquals(DARK.background(), c.getBackgroundPaint(), name);
            assertEquals(DARK.text(), c.getTitle().getPaint(), name);
            for (Plot p : ChartStyle.plots(c.getPlot())) {
                if (!(p instanceof org.jfree.chart.plot.CombinedDomainXYPlot
                        || p instanceof CombinedDomainCategoryPlot)) {
                    assertEquals(DARK.plot(), p.getBackgroundPaint(), name);
                }
                for (Axis a : axes(p)) {
                    assertEquals(DARK.text(), a.getTickLabelPaint(), name + ": " + a.getLabel());
                    assertEquals(DARK.text(), a.getLabelPaint(), name + ": " + a.getLabel());
                }
            }
            // Drawn, the chart is dark: under 2 % of its pixels near white.
            BufferedImage img = new BufferedImage(400, 260, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            c.draw(g, new Rectangle2D.Double(0, 0, 400, 260));
            g.dispose();
            int white = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    white += ((rgb >> 16) & 255) > 235 && ((rgb >> 8) & 255) > 235 && (rgb & 255) > 235 ? 1 : 0;
                }
            }
            double share = white / (double) (img.getWidth() * img.getHeight());
            System.out.printf(Locale.ROOT, "%s in the dark style: %.4f near white%n", name, share);
            assertTrue(share < 0.02, name + ": " + share + " of it near white");
        }
        // The report's files keep the light style.
        assertEquals(Color.WHITE, DayCharts.flexion(lastDay, 15).getBackgroundPaint());
    }

    @Test
    void theWeekChartsLabelsFitAtTheTodayTabsSize() {
        // The Today tab gives the week chart a third of 1100 px by 230 px.
        int w = 360, h = 230;
        JFreeChart chart = WeekCharts.trend("This week", week);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) chart.getPlot();
        // Range axis labels, drawn rotated beside their plot, must fit its height (else they overlap the next).
        for (int i = 0; i < plot.getSubplots().size(); i++) {
            CategoryPlot sub = (CategoryPlot) plot.getSubplots().get(i);
            String label = sub.getRangeAxis().getLabel();
            double plotHeight = info.getPlotInfo().getSubplotInfo(i).getDataArea().getHeight();
            if (label != null) {
                FontMetrics fm = g.getFontMetrics(sub.getRangeAxis().getLabelFont());
                assertTrue(fm.stringWidth(label) <= plotHeight,
                        "'" + label + "' is " + fm.stringWidth(label) + " px long beside a plot " + plotHeight + " px high");
            }
        }
        // Day labels: every word fits its column and a label needs no more lines than the axis draws.
        CategoryAxis days = plot.getDomainAxis();
        double column = info.getPlotInfo().getDataArea().getWidth() / week.size();
        FontMetrics fm = g.getFontMetrics(days.getTickLabelFont());
        for (DaySummary d : week) {
            String label = WeekCharts.dayLabel(d);
            String[] words = label.split(" ");
            assertTrue(words.length <= days.getMaximumCategoryLabelLines(), label + " on one line in " + column + " px");
            for (String word : words) {
                assertTrue(fm.stringWidth(word) <= column * 0.9, "'" + word + "' does not fit a " + column + " px column");
            }
        }
        g.dispose();
    }
}
