package io.midback.report;

import io.midback.history.DayData;
import io.midback.history.DaySummary;
import io.midback.history.EventKind;
import io.midback.history.HistoryEvent;
import io.midback.history.MinuteRow;
import io.midback.posture.PostureState;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;

/**
 * The charts of one day, built from its minutes and events: at most one bar per minute, so a day is at most 1,440
 * envelope bars however many samples it had.
 */
public final class DayCharts {
    /** Drawn when no session of the day recorded its threshold. */
    public static final double DEFAULT_SLUMP_THRESHOLD_DEG = 20;

    private static final double MINUTE_MS = 60_000;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private DayCharts() {
    }

    /**
     * Flexion over the day (min–max envelope and median per minute, the threshold band, slump episodes and
     * alerts) above a ribbon of the posture state and of sitting bouts and breaks, on one time axis.
     */
    public static JFreeChart flexion(DayData day, double thresholdDeg) {
        return flexion(day, thresholdDeg, ChartStyle.LIGHT);
    }

    /** {@link #flexion(DayData, double)} in the given style (the window's theme). */
    public static JFreeChart flexion(DayData day, double thresholdDeg, ChartStyle style) {
        double threshold = Double.isNaN(thresholdDeg) ? DEFAULT_SLUMP_THRESHOLD_DEG : thresholdDeg;
        DateAxis time = new DateAxis("time (" + day.zone().getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(day.zone()));
        ZonedDateTime dayStart = day.date().atStartOfDay(day.zone());
        if (!day.minutes().isEmpty()) {
            long first = day.minutes().get(0).epochMinute() * 60_000L;
            long last = (day.minutes().get(day.minutes().size() - 1).epochMinute() + 1) * 60_000L;
            long pad = Math.max(5 * 60_000L, (last - first) / 50);
            time.setRange(Math.max(first - pad, dayStart.toInstant().toEpochMilli()),
                    Math.min(last + pad, dayStart.plusDays(1).toInstant().toEpochMilli()));
        } else {
            time.setRange(dayStart.toInstant().toEpochMilli(), dayStart.plusDays(1).toInstant().toEpochMilli());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(6);
        plot.add(flexionPlot(day, threshold, style), 5);
        plot.add(ribbonPlot(day), 1);
        JFreeChart chart = new JFreeChart("Thoracic flexion, " + day.date(), JFreeChart.DEFAULT_TITLE_FONT, plot,
                true);
        chart.getLegend().setItemFont(SMALL);
        return style.apply(chart);
    }

    private static XYPlot flexionPlot(DayData day, double threshold, ChartStyle style) {
        XYIntervalSeries envelope = new XYIntervalSeries("flexion min–max per minute");
        XYSeries median = new XYSeries("median", false, true);
        XYSeries spineMedian = new XYSeries("spine between the sensors, median", false, true);
        long prev = Long.MIN_VALUE;
        long prevSpine = Long.MIN_VALUE;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MinuteRow m : day.minutes()) {
            if (m.flexionSamples() == 0) {
                continue;
            }
            double x = m.epochMinute() * MINUTE_MS;
            envelope.add(x, x, x + MINUTE_MS, m.flexionP50Deg(), m.flexionMinDeg(), m.flexionMaxDeg());
            if (prev != Long.MIN_VALUE && m.epochMinute() != prev + 1) {
                median.add(x - MINUTE_MS / 2, Double.NaN); // break the line across missing minutes
            }
            median.add(x + MINUTE_MS / 2, m.flexionP50Deg());
            prev = m.epochMinute();
            if (m.spine() != null) {
                if (prevSpine != Long.MIN_VALUE && m.epochMinute() != prevSpine + 1) {
                    spineMedian.add(x - MINUTE_MS / 2, Double.NaN);
                }
                spineMedian.add(x + MINUTE_MS / 2, m.spine().flexionP50Deg());
                prevSpine = m.epochMinute();
            }
            lo = Math.min(lo, m.flexionMinDeg());
            hi = Math.max(hi, m.flexionMaxDeg());
        }
        XYIntervalSeriesCollection env = new XYIntervalSeriesCollection();
        env.addSeries(envelope);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, StateColors.ENVELOPE);
        bars.setDefaultToolTipGenerator(null);

        NumberAxis flexAxis = new NumberAxis("flexion (°)");
        flexAxis.setAutoRangeIncludesZero(true);
        if (lo != Double.POSITIVE_INFINITY) {
            flexAxis.setRange(Math.min(-10, Math.floor(lo / 10) * 10), Math.max(threshold + 20, Math.ceil(hi / 10) * 10));
        } else {
            flexAxis.setRange(-10, threshold + 20);
        }
        XYPlot p = new XYPlot(env, null, flexAxis, bars);
        XYSeriesCollection med = new XYSeriesCollection(median);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, style.median());
        line.setSeriesStroke(0, new BasicStroke(1.2f));
        if (!spineMedian.isEmpty()) {
            // with a lower sensor, the spine's own flexion beside the trunk's: what the slump rule then reads
            med.addSeries(spineMedian);
            line.setSeriesPaint(1, StateColors.SPINE);
            line.setSeriesStroke(1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {5f, 3f}, 0f));
        }
        p.setDataset(1, med);
        p.setRenderer(1, line);

        IntervalMarker band = new IntervalMarker(threshold, Math.max(threshold + 200, 360));
        band.setPaint(StateColors.THRESHOLD_BAND);
        band.setLabel("slump above " + fmt(threshold) + "°");
        band.setLabelFont(SMALL);
        band.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        band.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        p.addRangeMarker(band, Layer.BACKGROUND);
        for (HistoryEvent e : day.events(EventKind.SLUMP_EPISODE)) {
            IntervalMarker m = new IntervalMarker(e.start().toEpochMilli(), e.end().toEpochMilli());
            m.setPaint(StateColors.EPISODE);
            p.addDomainMarker(m, Layer.BACKGROUND);
        }
        for (HistoryEvent e : day.events(EventKind.ALERT)) {
            ValueMarker m = new ValueMarker(e.start().toEpochMilli(), StateColors.ALERT, new BasicStroke(1f));
            p.addDomainMarker(m, Layer.FOREGROUND);
        }
        return p;
    }

    private static XYPlot ribbonPlot(DayData day) {
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        PostureState[] states = PostureState.values();
        XYIntervalSeries[] series = new XYIntervalSeries[states.length];
        for (PostureState s : states) {
            series[s.ordinal()] = new XYIntervalSeries(s.label());
        }
        // runs of minutes with the same dominant state become one bar
        PostureState run = null;
        long runStart = 0;
        long runEnd = 0;
        for (MinuteRow m : day.minutes()) {
            PostureState s = m.dominantState();
            if (s != run || m.epochMinute() != runEnd) {
                addRun(series, run, runStart, runEnd);
                run = s;
                runStart = m.epochMinute();
            }
            runEnd = m.epochMinute() + 1;
        }
        addRun(series, run, runStart, runEnd);
        int index = 0;
        for (PostureState s : states) {
            if (series[s.ordinal()].getItemCount() > 0) {
                ds.addSeries(series[s.ordinal()]);
                r.setSeriesPaint(index++, StateColors.of(s));
            }
        }
        XYIntervalSeries bouts = new XYIntervalSeries("sedentary bout");
        for (HistoryEvent e : day.events(EventKind.SITTING_BOUT)) {
            bouts.add(e.start().toEpochMilli(), e.start().toEpochMilli(), e.end().toEpochMilli(), 0, -0.4, 0.4);
        }
        XYIntervalSeries breaks = new XYIntervalSeries("break");
        for (HistoryEvent e : day.events(EventKind.BREAK)) {
            breaks.add(e.start().toEpochMilli(), e.start().toEpochMilli(), e.end().toEpochMilli(), 0, -0.4, 0.4);
        }
        ds.addSeries(bouts);
        r.setSeriesPaint(index++, StateColors.BOUT);
        ds.addSeries(breaks);
        r.setSeriesPaint(index, StateColors.BREAK);
        SymbolAxis axis = new SymbolAxis(null, new String[] {"sedentary", "state"});
        axis.setTickLabelFont(SMALL);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.6, 1.6);
        XYPlot p = new XYPlot(ds, null, axis, r);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinesVisible(false);
        return p;
    }

    private static void addRun(XYIntervalSeries[] series, PostureState s, long startMinute, long endMinute) {
        if (s == null) {
            return;
        }
        double x0 = startMinute * MINUTE_MS;
        double x1 = endMinute * MINUTE_MS;
        series[s.ordinal()].add(x0, x0, x1, 1, 0.6, 1.4);
    }

    /** Minutes in each state over the day (horizontal bars). */
    public static JFreeChart stateTime(DaySummary summary) {
        return stateTime(summary, ChartStyle.LIGHT);
    }

    /** {@link #stateTime(DaySummary)} in the given style. */
    public static JFreeChart stateTime(DaySummary summary, ChartStyle style) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (PostureState s : PostureState.values()) {
            ds.addValue(summary.postureSeconds().get(s.label()) / 60.0, "minutes", s.label());
        }
        CategoryAxis cat = new CategoryAxis(null);
        cat.setTickLabelFont(SMALL);
        NumberAxis val = new NumberAxis("minutes");
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return StateColors.of(PostureState.values()[column]);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        CategoryPlot p = new CategoryPlot(ds, cat, val, r);
        p.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart("Time in each state", JFreeChart.DEFAULT_TITLE_FONT, p, false);
        return style.apply(chart);
    }

    /** Upright share of sitting time for each local hour with sitting. */
    public static JFreeChart hourlyUpright(DayData day) {
        return hourlyUpright(day, ChartStyle.LIGHT);
    }

    /** {@link #hourlyUpright(DayData)} in the given style. */
    public static JFreeChart hourlyUpright(DayData day, ChartStyle style) {
        double[] share = day.hourlyUprightShare();
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        int first = 24;
        int last = -1;
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(share[h])) {
                first = Math.min(first, h);
                last = Math.max(last, h);
            }
        }
        for (int h = first; h <= last; h++) {
            ds.addValue(Double.isNaN(share[h]) ? null : share[h] * 100, "upright %", String.format("%02d", h));
        }
        CategoryAxis cat = new CategoryAxis("hour");
        cat.setTickLabelFont(SMALL);
        cat.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        NumberAxis val = new NumberAxis("upright % of sitting");
        val.setRange(0, 100);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, StateColors.of(PostureState.UPRIGHT));
        CategoryPlot p = new CategoryPlot(ds, cat, val, r);
        JFreeChart chart = new JFreeChart("Upright share per hour", JFreeChart.DEFAULT_TITLE_FONT, p, false);
        return style.apply(chart);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /**
     * The day's charts, each by name: flexion with its ribbon, time per state, upright per hour, and the breathing
     * rate while sedentary when the day has one ({@link BreathingChart#hasRates}; else null).
     */
    public record Charts(JFreeChart flexion, JFreeChart states, JFreeChart hourly, JFreeChart breathing) {
        public Charts {
            java.util.Objects.requireNonNull(flexion, "flexion");
            java.util.Objects.requireNonNull(states, "states");
            java.util.Objects.requireNonNull(hourly, "hourly");
        }

        /** Whether the day has a breathing chart. */
        public boolean hasBreathing() {
            return breathing != null;
        }
    }

    /** The day's charts ({@link Charts}). */
    public static Charts all(DayData day, double thresholdDeg) {
        return new Charts(flexion(day, thresholdDeg), stateTime(day.summary()), hourlyUpright(day),
                BreathingChart.hasRates(day) ? BreathingChart.day(day) : null);
    }
}
