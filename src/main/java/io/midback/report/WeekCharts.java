package io.midback.report;

import io.midback.history.DaySummary;
import io.midback.posture.PostureState;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** The week's daily trend: upright share, slump minutes and breaks, one column per day. */
public final class WeekCharts {
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private WeekCharts() {
    }

    static String dayLabel(DaySummary d) {
        return d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format("%02d-%02d", d.date().getMonthValue(), d.date().getDayOfMonth());
    }

    public static JFreeChart trend(String title, List<DaySummary> days) {
        return trend(title, days, ChartStyle.LIGHT);
    }

    /**
     * {@link #trend(String, List)} in the given style. The three plots are named by the legend, not by axis labels
     * (three rotated labels do not fit beside plots a third of a small chart high); a day's label wraps to two
     * lines ("Tue" over "12-01") when the columns are narrow.
     */
    public static JFreeChart trend(String title, List<DaySummary> days, ChartStyle style) {
        DefaultCategoryDataset upright = new DefaultCategoryDataset();
        DefaultCategoryDataset slump = new DefaultCategoryDataset();
        DefaultCategoryDataset breaks = new DefaultCategoryDataset();
        for (DaySummary d : days) {
            String c = dayLabel(d);
            upright.addValue(Double.isNaN(d.uprightShare()) ? null : d.uprightShare() * 100, "upright % of sitting", c);
            slump.addValue(d.slumpSeconds() / 60, "slump minutes", c);
            breaks.addValue(d.breaks(), "breaks", c);
        }
        CategoryAxis dayAxis = new CategoryAxis(null);
        dayAxis.setMaximumCategoryLabelLines(2);
        dayAxis.setTickLabelFont(SMALL);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(dayAxis);
        plot.setGap(12); // room for the end labels of neighbouring axes

        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, StateColors.of(PostureState.UPRIGHT));
        line.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis upAxis = countAxis();
        upAxis.setRange(0, 100);
        plot.add(new CategoryPlot(upright, null, upAxis, line), 1);
        plot.add(new CategoryPlot(slump, null, countAxis(), bars(StateColors.of(PostureState.SLOUCHED))), 1);
        plot.add(new CategoryPlot(breaks, null, countAxis(), bars(StateColors.BREAK)), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setItemFont(SMALL);
        return style.apply(chart);
    }

    /** An unlabelled axis of whole numbers from zero, at least 0 to 1 (a few seconds of slump read on 0…1 min). */
    private static NumberAxis countAxis() {
        NumberAxis a = new NumberAxis(null);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRangeMinimumSize(1);
        a.setRangeType(RangeType.POSITIVE); // the minimum size grows the range upward from zero, not around the value
        a.setTickLabelFont(SMALL);
        return a;
    }

    private static BarRenderer bars(Color c) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, c);
        r.setMaximumBarWidth(0.08);
        return r;
    }
}
