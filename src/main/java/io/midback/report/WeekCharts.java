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
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** The week's daily trend: upright share, slump minutes and breaks, one column per day. */
public final class WeekCharts {
    private WeekCharts() {
    }

    static String dayLabel(DaySummary d) {
        return d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format("%02d-%02d", d.date().getMonthValue(), d.date().getDayOfMonth());
    }

    public static JFreeChart trend(String title, List<DaySummary> days) {
        DefaultCategoryDataset upright = new DefaultCategoryDataset();
        DefaultCategoryDataset slump = new DefaultCategoryDataset();
        DefaultCategoryDataset breaks = new DefaultCategoryDataset();
        for (DaySummary d : days) {
            String c = dayLabel(d);
            upright.addValue(Double.isNaN(d.uprightShare()) ? null : d.uprightShare() * 100, "upright %", c);
            slump.addValue(d.slumpSeconds() / 60, "slump minutes", c);
            breaks.addValue(d.breaks(), "breaks", c);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("day"));
        plot.setGap(8);

        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, StateColors.of(PostureState.UPRIGHT));
        line.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis upAxis = new NumberAxis("upright % of sitting");
        upAxis.setRange(0, 100);
        plot.add(styled(new CategoryPlot(upright, null, upAxis, line)), 1);
        plot.add(styled(new CategoryPlot(slump, null, new NumberAxis("slump min"),
                bars(StateColors.of(PostureState.SLOUCHED)))), 1);
        NumberAxis breakAxis = new NumberAxis("breaks");
        breakAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.add(styled(new CategoryPlot(breaks, null, breakAxis, bars(StateColors.BREAK))), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static BarRenderer bars(Color c) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, c);
        r.setMaximumBarWidth(0.08);
        return r;
    }

    private static CategoryPlot styled(CategoryPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return p;
    }
}
