package io.midback.ui;

import io.midback.report.ChartStyle;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * The live chart's model: flexion over a time window in its own plot, with the slump band behind it alone, and side
 * bend and rotation below it in a second plot on the same time axis (the band is a flexion threshold: drawn
 * behind the other angles it made a +38° rotation while walking look like a slump). Each plot's degree axis fits
 * the data in view (the flexion axis always shows the threshold); a gap in the samples is a gap in the lines; the
 * time axis reads as time elapsed since the session started. Not a Swing component: one thread (the panel's
 * painter) fills it from a {@link SeriesWindow} and draws it into an image.
 */
final class LiveChart {
    static final int MAX_COLUMNS = 4096;
    /** The degree axes' ranges are whole multiples of this, so they move only when the data moves a lot. */
    static final double AXIS_STEP_DEG = 10;
    /** Room kept between the data and the axis ends, degrees. */
    static final double AXIS_MARGIN_DEG = 2;
    /** The flexion axis shows at least this much above the threshold, degrees. */
    static final double ABOVE_THRESHOLD_DEG = 10;
    /** Side bend and rotation: at least ±this in view, degrees. */
    static final double MIN_ANGLE_DEG = 20;
    /** Flexion: at least this much below zero in view, degrees. */
    static final double MIN_EXTENSION_DEG = 10;

    private static final Color FLEXION = new Color(0x2E86DE), SIDE_BEND = new Color(0x10AC84),
            ROTATION = new Color(0xEE9A3A), SPINE = new Color(0x8E44AD);

    private final SeriesWindow.Decimated points = new SeriesWindow.Decimated(MAX_COLUMNS);
    private final DecimatedDataset flexion = new DecimatedDataset(points, 0, 3);
    /** The spine's flexion has been in view: its legend entry shows (sessions with a lower sensor). */
    private boolean spineShown;
    private final DecimatedDataset angles = new DecimatedDataset(points, 1, 2);
    private final JFreeChart chart;
    private final CombinedDomainXYPlot plot;
    private final XYPlot flexionPlot, anglesPlot;
    private final NumberAxis time = new ElapsedAxis("time since the session started");
    private final IntervalMarker slumpBand;
    private final ElapsedFormat elapsed = new ElapsedFormat(1);
    private final ChartRenderingInfo info = new ChartRenderingInfo(null); // no entities: only the data area
    private double thresholdDeg;

    LiveChart(double thresholdDeg) {
        this.thresholdDeg = thresholdDeg;
        time.setAutoRange(false);
        time.setStandardTickUnits(elapsedTickUnits());
        flexionPlot = new XYPlot(flexion, null, degreeAxis("flexion"), renderer(FLEXION, 2f));
        anglesPlot = new XYPlot(angles, null, degreeAxis("bend, rotation"), renderer(SIDE_BEND, 1.2f));
        XYLineAndShapeRenderer flexionLines = (XYLineAndShapeRenderer) flexionPlot.getRenderer();
        flexionLines.setSeriesPaint(1, SPINE);
        flexionLines.setSeriesStroke(1, new BasicStroke(1.6f));
        flexionLines.setSeriesVisibleInLegend(1, false, false);
        ((XYLineAndShapeRenderer) anglesPlot.getRenderer()).setSeriesPaint(1, ROTATION);
        ((XYLineAndShapeRenderer) anglesPlot.getRenderer()).setSeriesStroke(1, new BasicStroke(1.2f));
        for (XYPlot p : new XYPlot[] {flexionPlot, anglesPlot}) {
            p.addRangeMarker(new ValueMarker(0, new Color(128, 128, 128), new BasicStroke(1f)), Layer.BACKGROUND);
        }
        slumpBand = new IntervalMarker(thresholdDeg, 1000, new Color(231, 76, 60, 40));
        slumpBand.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        slumpBand.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        slumpBand.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        slumpBand.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        flexionPlot.addRangeMarker(slumpBand, Layer.BACKGROUND);
        setThreshold(thresholdDeg);
        plot = new CombinedDomainXYPlot(time);
        plot.setGap(14); // room for the end labels of both degree axes
        plot.add(flexionPlot, 3);
        plot.add(anglesPlot, 2);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        fitAxes();
    }

    private static NumberAxis degreeAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRange(false);
        DegreeFormat format = new DegreeFormat();
        TickUnits units = new TickUnits();
        for (double deg : new double[] {5, 10, 20, 30, 45, 90}) {
            units.add(new NumberTickUnit(deg, format));
        }
        a.setStandardTickUnits(units);
        a.setNumberFormatOverride(format);
        return a;
    }

    private static XYLineAndShapeRenderer renderer(Color first, float width) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per series: far cheaper than a line per segment; NaN breaks it
        r.setSeriesPaint(0, first);
        r.setSeriesStroke(0, new BasicStroke(width));
        return r;
    }

    /** 1 s … 12 h, each formatted as elapsed time down to the smallest unit its step needs. */
    private static TickUnits elapsedTickUnits() {
        TickUnits units = new TickUnits();
        for (double s : new double[] {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200,
                10800, 21600, 43200}) {
            units.add(new NumberTickUnit(s, new ElapsedFormat(s % 3600 == 0 ? 3600 : s % 60 == 0 ? 60 : 1)));
        }
        return units;
    }

    JFreeChart chart() {
        return chart;
    }

    void setThreshold(double deg) {
        thresholdDeg = deg;
        slumpBand.setStartValue(deg);
        slumpBand.setLabel("slump above " + new DegreeFormat().format(deg));
    }

    /** The chart's colours (the window's theme, light or dark). */
    void theme(ChartStyle style) {
        style.apply(chart);
        // Opaque colours and solid 1 px strokes: dashed or translucent lines are slow in software rendering.
        for (XYPlot p : new XYPlot[] {flexionPlot, anglesPlot}) {
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setRangeGridlineStroke(new BasicStroke(1f));
        }
        slumpBand.setPaint(ChartStyle.blend(new Color(231, 76, 60), style.plot(), 0.16));
        slumpBand.setAlpha(1f);
        slumpBand.setLabelBackgroundColor(new Color(0, 0, 0, 0));
    }

    /**
     * Decimates the window's samples from {@code fromS} to {@code toS} to {@code columns} pixel columns and fits
     * the degree axes to what is in view.
     */
    void update(SeriesWindow window, double fromS, double toS, int columns) {
        window.decimate(fromS, toS, columns, points);
        chart.setNotify(false);
        if (!spineShown && anyValue(3)) {
            spineShown = true;
            ((XYLineAndShapeRenderer) flexionPlot.getRenderer()).setSeriesVisibleInLegend(1, true, false);
        }
        time.setRange(fromS, toS);
        fitAxes();
    }

    private boolean anyValue(int series) {
        for (int i = 0, n = points.count(series); i < n; i++) {
            if (!Double.isNaN(points.y(series, i))) {
                return true;
            }
        }
        return false;
    }

    private void fitAxes() {
        double[] range = new double[2];
        extent(3, range);
        double spineLo = range[0], spineHi = range[1];
        extent(0, range);
        range[0] = Math.min(range[0], spineLo);
        range[1] = Math.max(range[1], spineHi);
        flexionPlot.getRangeAxis().setRange(
                roundDown(Math.min(range[0] - AXIS_MARGIN_DEG, -MIN_EXTENSION_DEG)),
                roundUp(Math.max(range[1] + AXIS_MARGIN_DEG, thresholdDeg + ABOVE_THRESHOLD_DEG)));
        extent(1, range);
        double lo = range[0], hi = range[1];
        extent(2, range);
        anglesPlot.getRangeAxis().setRange(
                roundDown(Math.min(Math.min(lo, range[0]) - AXIS_MARGIN_DEG, -MIN_ANGLE_DEG)),
                roundUp(Math.max(Math.max(hi, range[1]) + AXIS_MARGIN_DEG, MIN_ANGLE_DEG)));
    }

    /** The lowest and highest value of a series in view, or (0, 0) when it has none. */
    private void extent(int series, double[] out) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = points.count(series); i < n; i++) {
            double v = points.y(series, i);
            if (v < lo) {
                lo = v; // NaN (a break) compares false both ways
            }
            if (v > hi) {
                hi = v;
            }
        }
        out[0] = lo <= hi ? lo : 0;
        out[1] = lo <= hi ? hi : 0;
    }

    private static double roundDown(double deg) {
        return Math.floor(deg / AXIS_STEP_DEG) * AXIS_STEP_DEG;
    }

    private static double roundUp(double deg) {
        return Math.ceil(deg / AXIS_STEP_DEG) * AXIS_STEP_DEG;
    }

    /** Draws the chart into {@code g} at {@code w} × {@code h}; returns the plots' data area. */
    Rectangle2D draw(Graphics2D g, int w, int h) {
        // The time axis's last label is centred on the plot's right edge: keep room for its half.
        double upper = time.getUpperBound();
        String widest = elapsed.format(Math.floor(upper / 60) * 60 + 59);
        int half = (g.getFontMetrics(time.getTickLabelFont()).stringWidth(widest) + 1) / 2;
        RectangleInsets pad = chart.getPadding();
        if (pad.getRight() < half + 4 || pad.getRight() > half + 12) {
            chart.setPadding(new RectangleInsets(4, 4, 4, half + 8));
        }
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        return info.getPlotInfo().getDataArea();
    }

    /** Points plotted in a series (0 flexion, 1 side bend, 2 rotation). */
    int plottedPoints(int series) {
        return points.count(series);
    }

    /** Whole degrees, with no "-0°". */
    static final class DegreeFormat extends NumberFormat {
        @Override
        public StringBuffer format(double deg, StringBuffer to, FieldPosition pos) {
            long whole = Math.round(deg);
            return to.append(whole == 0 ? 0 : whole).append('°');
        }

        @Override
        public StringBuffer format(long deg, StringBuffer to, FieldPosition pos) {
            return format((double) deg, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    /**
     * Seconds since the session started as elapsed time, never as a clock, down to one smallest unit (1, 60 or
     * 3600 s) so that the labels of one axis share a format: "45 s", "17 min 20 s", "1 h 05 min 20 s" in seconds;
     * "17 min", "1 h 05 min" in minutes; "1 h" in hours.
     */
    static final class ElapsedFormat extends NumberFormat {
        private final long smallestS;

        ElapsedFormat(long smallestS) {
            this.smallestS = smallestS;
        }

        @Override
        public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
            long s = Math.max(0, Math.round(seconds / smallestS)) * smallestS;
            long h = s / 3600, m = (s / 60) % 60, sec = s % 60;
            if (smallestS >= 3600) {
                return to.append(h).append(" h");
            }
            if (h > 0) {
                to.append(h).append(" h ").append(String.format(Locale.ROOT, "%02d min", m));
            } else if (smallestS >= 60 || m > 0) {
                to.append(m).append(" min");
            }
            if (smallestS >= 60) {
                return to;
            }
            return h > 0 || m > 0 ? to.append(String.format(Locale.ROOT, " %02d s", sec))
                    : to.append(sec).append(" s");
        }

        @Override
        public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) {
            return format((double) seconds, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
