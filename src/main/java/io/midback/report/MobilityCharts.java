package io.midback.report;

import io.midback.history.MobilityRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The mobility trend: one panel per movement (flexion and extension, side bend, rotation), each direction's range
 * per check over time, the published norm of each drawn beside as a dashed line ({@link MobilityNorms}).
 */
public final class MobilityCharts {
    private MobilityCharts() {
    }

    private static final String[][] PANELS = {{"flexion", "extension"}, {"sideBendLeft", "sideBendRight"},
            {"rotationLeft", "rotationRight"}};
    private static final String[] PANEL_NAMES = {"flexion / extension °", "side bend °", "rotation °"};
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728)};

    public static JFreeChart trend(List<MobilityRecord> checks) {
        DateAxis time = new DateAxis("check");
        // checks are minutes to days apart: a date and a time, never the milliseconds one check alone would get
        time.setDateFormatOverride(new java.text.SimpleDateFormat("d MMM HH:mm", Locale.ENGLISH));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        for (int p = 0; p < PANELS.length; p++) {
            TimeSeriesCollection data = new TimeSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            NumberAxis axis = new NumberAxis(PANEL_NAMES[p]);
            axis.setAutoRangeIncludesZero(true);
            XYPlot sub = new XYPlot(data, null, axis, r);
            double topDeg = 0;
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            TimeSeries[] trunkSeries = new TimeSeries[2];
            for (int k = 0; k < 2; k++) {
                String d = PANELS[p][k];
                String name = io.midback.mobility.Direction.byJsonName(d).label();
                TimeSeries s = new TimeSeries(name);
                for (MobilityRecord c : checks) {
                    MobilityRecord.Direction fig = c.directions().get(d);
                    if (fig != null && Double.isFinite(fig.romDeg())) {
                        s.addOrUpdate(new Millisecond(Date.from(c.start())), fig.romDeg());
                        topDeg = Math.max(topDeg, fig.romDeg());
                    }
                }
                data.addSeries(s);
                r.setSeriesPaint(k, COLORS[k]);
                r.setSeriesStroke(k, new BasicStroke(2f));
                trunkSeries[k] = new TimeSeries(name + " (trunk, hips included)");
                for (MobilityRecord c : checks) {
                    MobilityRecord.Direction fig = c.directions().get(d);
                    if (fig != null && Double.isFinite(fig.trunkRomDeg())) {
                        trunkSeries[k].addOrUpdate(new Millisecond(Date.from(c.start())), fig.trunkRomDeg());
                        topDeg = Math.max(topDeg, fig.trunkRomDeg());
                    }
                }
                MobilityNorms.Norm n = MobilityNorms.of(d);
                if (k == 0 || n.normDeg() != MobilityNorms.of(PANELS[p][0]).normDeg()) {
                    ValueMarker m = new ValueMarker(n.normDeg(), Color.GRAY, new BasicStroke(1f,
                            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                    m.setLabel(String.format(Locale.ROOT, "norm %s %.0f°", p == 0 ? name : "each way", n.normDeg()));
                    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    sub.addRangeMarker(m);
                }
                topDeg = Math.max(topDeg, n.normDeg());
            }
            // With two sensors the ranges are the spine's between them; the trunk's (hips included) thin beside them.
            for (int k = 0; k < 2; k++) {
                if (!trunkSeries[k].isEmpty()) {
                    int i = data.getSeriesCount();
                    data.addSeries(trunkSeries[k]);
                    r.setSeriesPaint(i, COLORS[k]);
                    r.setSeriesStroke(i, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {3f, 3f}, 0f));
                    r.setSeriesShapesVisible(i, false);
                }
            }
            axis.setRange(0, topDeg * 1.2);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart("Mobility: range per direction, each check (dashed: published norm)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
