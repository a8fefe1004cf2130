package io.midback.report;

import io.midback.history.DayData;
import io.midback.history.MinuteRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.TimeZone;

/** A day's breathing rate while sedentary, minute by minute (from the history's minutes). */
public final class BreathingChart {
    private static final double MINUTE_MS = 60_000;
    private static final Color RATE = new Color(0x2a, 0x7a, 0xb0);

    private BreathingChart() {
    }

    /** Whether any minute of the day has a breathing rate (else there is nothing to draw). */
    public static boolean hasRates(DayData day) {
        return day.minutes().stream().anyMatch(m -> !Double.isNaN(m.breathRatePerMin()));
    }

    /** The rate of each minute that has one, a line broken where minutes have none. */
    public static JFreeChart day(DayData day) {
        XYSeries rate = new XYSeries("breaths/min while sedentary", false, true);
        long prev = Long.MIN_VALUE;
        for (MinuteRow m : day.minutes()) {
            if (Double.isNaN(m.breathRatePerMin())) {
                continue;
            }
            double x = m.epochMinute() * MINUTE_MS + MINUTE_MS / 2;
            if (prev != Long.MIN_VALUE && m.epochMinute() != prev + 1) {
                rate.add(x - MINUTE_MS, Double.NaN);
            }
            rate.add(x, m.breathRatePerMin());
            prev = m.epochMinute();
        }
        DateAxis time = new DateAxis("time (" + day.zone().getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(day.zone()));
        NumberAxis axis = new NumberAxis("breaths/min");
        axis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, RATE);
        line.setSeriesStroke(0, new BasicStroke(1.2f));
        line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        XYPlot plot = new XYPlot(new XYSeriesCollection(rate), time, axis, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart("Breathing while sedentary, " + day.date(), JFreeChart.DEFAULT_TITLE_FONT,
                plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
