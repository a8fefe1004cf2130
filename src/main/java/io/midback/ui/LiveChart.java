package io.midback.ui;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * The live chart's model: flexion, side bend and rotation over a time window, with the slump band. Not a Swing
 * component: one thread (the panel's painter) fills it from a {@link SeriesWindow} and draws it into an image.
 */
final class LiveChart {
    static final int MAX_COLUMNS = 4096;

    private final DecimatedDataset dataset = new DecimatedDataset(new SeriesWindow.Decimated(MAX_COLUMNS));
    private final JFreeChart chart;
    private final XYPlot plot;
    private final IntervalMarker slumpBand;
    private final ChartRenderingInfo info = new ChartRenderingInfo(null); // no entities: only the data area

    LiveChart(double thresholdDeg) {
        NumberAxis time = new NumberAxis("session time");
        time.setNumberFormatOverride(new LivePanel.ClockFormat());
        time.setAutoRange(false);
        NumberAxis degrees = new NumberAxis("degrees");
        degrees.setAutoRange(false);
        degrees.setRange(-60, 90);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series: far cheaper than a line per segment
        renderer.setSeriesPaint(0, new Color(0x2E86DE));
        renderer.setSeriesPaint(1, new Color(0x10AC84));
        renderer.setSeriesPaint(2, new Color(0xEE9A3A));
        for (int s = 0; s < 3; s++) {
            renderer.setSeriesStroke(s, new BasicStroke(s == 0 ? 2f : 1.2f));
        }
        plot = new XYPlot(dataset, time, degrees, renderer);
        plot.addRangeMarker(new ValueMarker(0, new Color(128, 128, 128), new BasicStroke(1f)), Layer.BACKGROUND);
        slumpBand = new IntervalMarker(thresholdDeg, 90, new Color(231, 76, 60, 40));
        slumpBand.setLabel("slump");
        slumpBand.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        slumpBand.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(slumpBand, Layer.BACKGROUND);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
    }

    JFreeChart chart() {
        return chart;
    }

    void setThreshold(double deg) {
        slumpBand.setStartValue(deg);
    }

    /** The chart's colours (light or dark). */
    void theme(Color bg, Color fg, Color plotBg) {
        chart.setBackgroundPaint(bg);
        plot.setBackgroundPaint(plotBg);
        // Opaque colours and solid 1 px strokes: dashed or translucent lines are slow in software rendering.
        Color grid = LivePanel.blend(fg, plotBg, 0.15);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        slumpBand.setPaint(LivePanel.blend(new Color(231, 76, 60), plotBg, 0.16));
        slumpBand.setAlpha(1f);
        for (NumberAxis a : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(fg);
            a.setTickMarkPaint(fg);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
        }
        slumpBand.setLabelPaint(fg);
    }

    /** Decimates the window's samples from {@code fromS} to {@code toS} to {@code columns} pixel columns. */
    void update(SeriesWindow window, double fromS, double toS, int columns) {
        window.decimate(fromS, toS, columns, dataset.points());
        chart.setNotify(false);
        plot.getDomainAxis().setRange(fromS, toS);
    }

    /** Draws the chart into {@code g} at {@code w} × {@code h}; returns the plot's data area. */
    Rectangle2D draw(Graphics2D g, int w, int h) {
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        return info.getPlotInfo().getDataArea();
    }

    /** Points plotted in a series (0 flexion, 1 side bend, 2 rotation). */
    int plottedPoints(int series) {
        return dataset.getItemCount(series);
    }
}
