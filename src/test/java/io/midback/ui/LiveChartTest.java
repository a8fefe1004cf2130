package io.midback.ui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live chart's model (issue 16's chart findings), headless: what the band covers, the axes' ranges, the tick
 * labels the axes' formatters give, and gaps in the series. The same walking wearer as {@link ChartScenario}:
 * flexion 6 ± 2°, side bend ± 5°, rotation ± 38°, 12 s without samples, 17 minutes into the session.
 */
class LiveChartTest {
    static final double THRESHOLD_DEG = 15;
    static final int WIDTH = 800, HEIGHT = 420;

    private static SeriesWindow walkingWithAGap() {
        SeriesWindow w = new SeriesWindow(1 << 14);
        for (long i = 0; ChartScenario.START_S + i * 0.01 <= ChartScenario.END_S; i++) {
            double t = ChartScenario.START_S + i * 0.01;
            if (t > ChartScenario.GAP_FROM_S && t < ChartScenario.GAP_TO_S) {
                continue;
            }
            w.append(t, ChartScenario.flexionDeg(t), ChartScenario.bendDeg(t), ChartScenario.rotationDeg(t), Double.NaN);
        }
        return w;
    }

    /** A chart drawn once, the graphics it was drawn with, and its data area. */
    private record Drawn(LiveChart chart, Graphics2D g, Rectangle2D area) {
    }

    /** The chart filled with the walking wearer over the last minute and drawn once (as the painter does). */
    private static Drawn drawn(SeriesWindow w) {
        LiveChart chart = new LiveChart(THRESHOLD_DEG);
        double to = w.lastTime();
        chart.update(w, to - 60, to, 600);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        return new Drawn(chart, g, chart.draw(g, WIDTH, HEIGHT));
    }

    private static List<XYPlot> plots(JFreeChart chart) {
        XYPlot top = chart.getXYPlot();
        List<XYPlot> all = new ArrayList<>();
        if (top instanceof CombinedDomainXYPlot c) {
            all.addAll(c.getSubplots());
        } else {
            all.add(top);
        }
        return all;
    }

    private static List<String> seriesKeys(XYPlot p) {
        List<String> keys = new ArrayList<>();
        for (int d = 0; d < p.getDatasetCount(); d++) {
            XYDataset ds = p.getDataset(d);
            for (int s = 0; ds != null && s < ds.getSeriesCount(); s++) {
                keys.add(String.valueOf(ds.getSeriesKey(s)));
            }
        }
        return keys;
    }

    /** The plot drawing the series named {@code key}, and the series' index in its first dataset holding it. */
    private static XYPlot plotOf(JFreeChart chart, String key) {
        for (XYPlot p : plots(chart)) {
            if (seriesKeys(p).contains(key)) {
                return p;
            }
        }
        throw new AssertionError("no series " + key);
    }

    private static double[][] items(XYPlot p, String key) {
        for (int d = 0; d < p.getDatasetCount(); d++) {
            XYDataset ds = p.getDataset(d);
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                if (key.equals(String.valueOf(ds.getSeriesKey(s)))) {
                    double[][] xy = new double[2][ds.getItemCount(s)];
                    for (int i = 0; i < xy[0].length; i++) {
                        xy[0][i] = ds.getXValue(s, i);
                        xy[1][i] = ds.getYValue(s, i);
                    }
                    return xy;
                }
            }
        }
        throw new AssertionError("no series " + key);
    }

    private static List<IntervalMarker> bands(XYPlot p) {
        List<IntervalMarker> bands = new ArrayList<>();
        for (Layer layer : new Layer[] {Layer.BACKGROUND, Layer.FOREGROUND}) {
            Collection<?> markers = p.getRangeMarkers(layer);
            if (markers != null) {
                for (Object m : markers) {
                    if (m instanceof IntervalMarker i) {
                        bands.add(i);
                    }
                }
            }
        }
        return bands;
    }

    @Test
    void theSlumpBandShadesBehindFlexionAlone() {
        LiveChart chart = drawn(walkingWithAGap()).chart();
        int withBand = 0;
        for (XYPlot p : plots(chart.chart())) {
            List<IntervalMarker> bands = bands(p);
            if (!bands.isEmpty()) {
                withBand++;
                // flexion: the trunk's, and the spine's between two sensors (what the slump rule reads then)
                assertEquals(List.of("flexion", "spine flexion (two sensors)"), seriesKeys(p),
                        "the slump band shades behind " + seriesKeys(p));
                assertEquals(THRESHOLD_DEG, bands.get(0).getStartValue(), 1e-9);
            }
        }
        assertEquals(1, withBand, "one slump band, on the flexion plot");
        // The rotation's +38° is drawn where no band is.
        assertTrue(bands(plotOf(chart.chart(), "rotation")).isEmpty());
    }

    @Test
    void theAxesFitTheDataWithTheThresholdInView() {
        LiveChart chart = drawn(walkingWithAGap()).chart();
        ValueAxis flexion = plotOf(chart.chart(), "flexion").getRangeAxis();
        ValueAxis rotation = plotOf(chart.chart(), "rotation").getRangeAxis();
        System.out.printf(Locale.ROOT, "flexion axis %.0f…%.0f°, side bend and rotation axis %.0f…%.0f°%n",
                flexion.getLowerBound(), flexion.getUpperBound(), rotation.getLowerBound(), rotation.getUpperBound());
        // Flexion 4…8° and the threshold 15°: all in view, with a margin, and the axis not mostly empty.
        assertTrue(flexion.getLowerBound() <= 4 - 2 && flexion.getUpperBound() >= THRESHOLD_DEG + 5, flexion.getRange().toString());
        assertTrue(flexion.getUpperBound() - flexion.getLowerBound() <= 50, flexion.getRange().toString());
        // Rotation ±38°: in view, and the span at most 1.5 times the data's.
        assertTrue(rotation.getLowerBound() <= -38 - 2 && rotation.getUpperBound() >= 38 + 2, rotation.getRange().toString());
        assertTrue(rotation.getUpperBound() - rotation.getLowerBound() <= 1.5 * 76, rotation.getRange().toString());

        // A slump deeper than the usual range widens the flexion axis; an empty chart still shows the threshold.
        SeriesWindow deep = new SeriesWindow(1 << 10);
        for (int i = 0; i < 500; i++) {
            deep.append(i * 0.01, 70 * i / 500.0, 0, 0, Double.NaN);
        }
        LiveChart c2 = new LiveChart(THRESHOLD_DEG);
        c2.update(deep, 0, 60, 600);
        ValueAxis f2 = plotOf(c2.chart(), "flexion").getRangeAxis();
        assertTrue(f2.getUpperBound() >= 70 && f2.getLowerBound() <= 0, f2.getRange().toString());
        LiveChart empty = new LiveChart(THRESHOLD_DEG);
        empty.update(new SeriesWindow(4), 0, 60, 600);
        ValueAxis f3 = plotOf(empty.chart(), "flexion").getRangeAxis();
        assertTrue(f3.getLowerBound() <= 0 && f3.getUpperBound() >= THRESHOLD_DEG + 5, f3.getRange().toString());
    }

    @Test
    void withALowerSensorTheSpinesFlexionIsDrawnBesideTheTrunksAndNamedInTheLegend() {
        String spineKey = "spine flexion (two sensors)";
        // one sensor: the spine series is empty (NaN) and has no legend entry
        SeriesWindow one = new SeriesWindow(1 << 12);
        for (int i = 0; i < 3000; i++) {
            one.append(i * 0.01, 5, 0, 0, Double.NaN);
        }
        LiveChart c1 = new LiveChart(THRESHOLD_DEG);
        c1.update(one, 0, 60, 600);
        assertFalse(legendKeys(c1.chart()).contains(spineKey), legendKeys(c1.chart()).toString());
        // two sensors: a hip hinge (trunk 35° forward, spine 2°), then a slump with the pelvis rolled back (trunk
        // 12°, spine 40°): both lines in the flexion plot, the axis holding the spine's 40°
        SeriesWindow two = new SeriesWindow(1 << 12);
        for (int i = 0; i < 3000; i++) {
            double t = i * 0.01;
            two.append(t, t < 15 ? 35 : 12, 0, 0, t < 2 ? Double.NaN : t < 15 ? 2 : 40);
        }
        LiveChart c2 = new LiveChart(THRESHOLD_DEG);
        c2.update(two, 0, 60, 600);
        assertTrue(legendKeys(c2.chart()).contains(spineKey), legendKeys(c2.chart()).toString());
        XYPlot flexionPlot = plotOf(c2.chart(), "flexion");
        assertTrue(seriesKeys(flexionPlot).contains(spineKey), "the spine is drawn in the flexion plot");
        double max = Double.NEGATIVE_INFINITY;
        for (double y : items(flexionPlot, spineKey)[1]) {
            max = Double.isNaN(y) ? max : Math.max(max, y);
        }
        assertEquals(40, max, 1e-9);
        assertTrue(flexionPlot.getRangeAxis().getUpperBound() >= 42, flexionPlot.getRangeAxis().getRange().toString());
    }

    private static List<String> legendKeys(JFreeChart chart) {
        List<String> keys = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = chart.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            keys.add(items.get(i).getLabel());
        }
        return keys;
    }

    @Test
    void aGapInTheSamplesIsAGapInTheLines() {
        LiveChart chart = drawn(walkingWithAGap()).chart();
        for (String key : List.of("flexion", "side bend", "rotation")) {
            double[][] xy = items(plotOf(chart.chart(), key), key);
            boolean broken = false;
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isNaN(xy[1][i]) && xy[0][i] > ChartScenario.GAP_FROM_S - 1 && xy[0][i] < ChartScenario.GAP_TO_S + 1) {
                    broken = true;
                }
                if (i > 0 && !Double.isNaN(xy[1][i]) && !Double.isNaN(xy[1][i - 1])) {
                    assertFalse(xy[0][i - 1] <= ChartScenario.GAP_FROM_S && xy[0][i] >= ChartScenario.GAP_TO_S,
                            key + ": a line from " + xy[0][i - 1] + " s to " + xy[0][i] + " s across the gap");
                }
            }
            assertTrue(broken, key + ": no break in the series at the gap");
        }
        // Samples 0.2 s apart (under the gap rule's 0.5 s) stay one line.
        SeriesWindow slow = new SeriesWindow(1 << 10);
        for (int i = 0; i < 300; i++) {
            slow.append(i * 0.2, 1, 1, 1, Double.NaN);
        }
        LiveChart c2 = new LiveChart(THRESHOLD_DEG);
        c2.update(slow, 0, 60, 600);
        for (double y : items(plotOf(c2.chart(), "flexion"), "flexion")[1]) {
            assertFalse(Double.isNaN(y), "a break without a gap");
        }
    }

    @Test
    void everyStepAGapStillFitsTheDecimatedArrays() {
        // Samples 0.6 s apart (each step a gap) across 15 minutes, drawn on the narrowest plot: at most one break
        // per column, so at most 5 points per column, and nothing out of bounds.
        SeriesWindow w = new SeriesWindow(1 << 11);
        for (int i = 0; i < 1500; i++) {
            w.append(i * 0.6, i % 7, -(i % 5), i % 3, Double.NaN);
        }
        int columns = 50;
        SeriesWindow.Decimated d = new SeriesWindow.Decimated(columns);
        w.decimate(0, 900, columns, d);
        int breaks = 0;
        for (int i = 0; i < d.count(0); i++) {
            breaks += Double.isNaN(d.y(0, i)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "a gap at every step: %d points, %d breaks in %d columns%n", d.count(0), breaks,
                columns);
        assertTrue(d.count(0) <= 5 * columns && breaks >= columns - 1 && breaks <= columns, d.count(0) + " points");
    }

    private static String label(NumberAxis a, double v) {
        return a.getNumberFormatOverride() != null ? a.getNumberFormatOverride().format(v) : a.getTickUnit().valueToString(v);
    }

    @Test
    void tickLabelsReadAsElapsedTimeAndDegreesWithoutNegativeZeroAndFitTheChart() {
        Drawn d = drawn(walkingWithAGap());
        LiveChart chart = d.chart();
        NumberAxis time = (NumberAxis) chart.chart().getXYPlot().getDomainAxis();
        Rectangle2D area = d.area();
        @SuppressWarnings("unchecked")
        List<NumberTick> ticks = new ArrayList<>((List<NumberTick>) (List<?>) time.refreshTicks(d.g(), new AxisState(), area,
                RectangleEdge.BOTTOM));
        List<String> texts = new ArrayList<>();
        ticks.removeIf(t -> t.getTickType() != TickType.MAJOR);
        for (NumberTick t : ticks) {
            texts.add(t.getText());
        }
        System.out.println("time axis '" + time.getLabel() + "', ticks " + texts);
        assertTrue(ticks.size() >= 4, texts.toString());
        for (String t : texts) {
            assertTrue(t.matches("\\d+ s|\\d+ min( \\d\\d s)?|\\d+ h( \\d\\d)?( min)?( \\d\\d s)?"), "tick " + t);
        }
        assertTrue(texts.contains("17 min 20 s") || texts.contains("17 min 30 s") || texts.contains("18 min"), texts.toString());
        // The last label is drawn whole: centred on its tick, it ends inside the chart.
        NumberTick last = ticks.get(ticks.size() - 1);
        FontMetrics fm = d.g().getFontMetrics(time.getTickLabelFont());
        double x = time.valueToJava2D(last.getValue(), area, RectangleEdge.BOTTOM);
        double right = x + fm.stringWidth(last.getText()) / 2.0;
        System.out.printf(Locale.ROOT, "last tick '%s' ends at %.0f px of %d%n", last.getText(), right, WIDTH);
        assertTrue(right <= WIDTH - 1, "the last tick '" + last.getText() + "' is cut: it ends at " + right);

        for (XYPlot p : plots(chart.chart())) {
            NumberAxis deg = (NumberAxis) p.getRangeAxis();
            assertEquals("0°", label(deg, -0.0));
            assertEquals("0°", label(deg, -1e-12));
            assertEquals("-10°", label(deg, -10));
            assertEquals("40°", label(deg, 40));
        }
    }

    @Test
    void timeLabelsShareOneFormatAndNeverRunIntoEachOtherAtAnyWindowOrWidth() {
        for (int minutes : LivePanel.WINDOW_MINUTES) {
            for (int width : new int[] {520, 800, 1100, 1600}) {
                for (double toS : new double[] {minutes * 60.0, 4000 + minutes * 37.0, 9 * 3600 + 1234.5}) {
                    SeriesWindow w = new SeriesWindow(1 << 12);
                    for (int i = 0; i <= 1000; i++) {
                        double t = toS - minutes * 60.0 + i * minutes * 0.06;
                        w.append(t, 10 * Math.sin(t / 7), 0, 0, Double.NaN);
                    }
                    LiveChart chart = new LiveChart(THRESHOLD_DEG);
                    chart.update(w, toS - minutes * 60.0, toS, width);
                    Graphics2D g = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB).createGraphics();
                    Rectangle2D area = chart.draw(g, width, HEIGHT);
                    NumberAxis time = (NumberAxis) chart.chart().getXYPlot().getDomainAxis();
                    @SuppressWarnings("unchecked")
                    List<NumberTick> ticks = new ArrayList<>((List<NumberTick>) (List<?>) time.refreshTicks(g,
                            new AxisState(), area, RectangleEdge.BOTTOM));
                    ticks.removeIf(t -> t.getTickType() != TickType.MAJOR);
                    FontMetrics fm = g.getFontMetrics(time.getTickLabelFont());
                    String where = minutes + " min to " + toS + " s at " + width + " px: ";
                    assertTrue(ticks.size() >= 3, where + "only " + ticks.size() + " ticks");
                    // One format at a time: every label ends in the same unit, the smallest the step needs.
                    String unit = ticks.get(0).getText().replaceAll(".* ", "");
                    for (NumberTick t : ticks) {
                        assertTrue(t.getText().matches("(\\d+ (h|min|s) )*\\d+ " + unit), where + "'" + t.getText()
                                + "' is not in '" + ticks.get(0).getText() + "''s format");
                    }
                    for (int k = 1; k < ticks.size(); k++) {
                        NumberTick a = ticks.get(k - 1), b = ticks.get(k);
                        double aEnd = time.valueToJava2D(a.getValue(), area, RectangleEdge.BOTTOM)
                                + fm.stringWidth(a.getText()) / 2.0;
                        double bStart = time.valueToJava2D(b.getValue(), area, RectangleEdge.BOTTOM)
                                - fm.stringWidth(b.getText()) / 2.0;
                        assertTrue(bStart - aEnd >= 2, where + "'" + a.getText() + "' runs into '" + b.getText()
                                + "' (" + Math.round(bStart - aEnd) + " px apart)");
                    }
                }
            }
        }
    }

    @Test
    void theFlexionReadoutShowsNoNegativeZero() {
        assertEquals("0°", LivePanel.flexionText(-0.3));
        assertEquals("0°", LivePanel.flexionText(0.4));
        assertEquals("+12°", LivePanel.flexionText(11.6));
        assertEquals("-7°", LivePanel.flexionText(-7.2));
        assertNotNull(LivePanel.flexionText(Double.NaN));
    }
}
