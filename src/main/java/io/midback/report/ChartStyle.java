package io.midback.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The colours of the charts' furniture (backgrounds, text, grid, the median line), light or dark: the window's
 * charts follow its theme with these, the files {@code midback report} writes stay {@link #LIGHT}. The data colours
 * ({@link StateColors}) are the same in both.
 *
 * @param background around the plots
 * @param plot       behind the data
 * @param text       titles, axis labels, tick labels, legend, marker labels
 * @param grid       grid lines
 * @param median     the day chart's median flexion line
 */
public record ChartStyle(Color background, Color plot, Color text, Color grid, Color median) {
    public static final ChartStyle LIGHT = new ChartStyle(Color.WHITE, Color.WHITE, Color.BLACK,
            new Color(0xdd, 0xdd, 0xdd), new Color(0x1d, 0x33, 0x57));

    /** A style from a theme's three colours: the grid blends text into the plot, the median line stands out. */
    public static ChartStyle of(Color background, Color text, Color plot) {
        boolean dark = luminance(plot) < 0.5;
        return new ChartStyle(background, plot, text, blend(text, plot, 0.15),
                dark ? new Color(0xd8, 0xe6, 0xff) : LIGHT.median);
    }

    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    /** {@code fractionA} of {@code a} over {@code b}, opaque. */
    public static Color blend(Color a, Color b, double fractionA) {
        return new Color((int) Math.round(a.getRed() * fractionA + b.getRed() * (1 - fractionA)),
                (int) Math.round(a.getGreen() * fractionA + b.getGreen() * (1 - fractionA)),
                (int) Math.round(a.getBlue() * fractionA + b.getBlue() * (1 - fractionA)));
    }

    /** Paints the chart's background, titles, legend, and every plot's background, grid, axes and marker labels. */
    public JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle l) {
                l.setBackgroundPaint(background);
                l.setItemPaint(text);
            } else if (t instanceof TextTitle tt) {
                tt.setPaint(text);
            }
        }
        for (Plot p : plots(chart.getPlot())) {
            p.setBackgroundPaint(plot);
            List<Axis> axes = new ArrayList<>();
            List<Marker> markers = new ArrayList<>();
            if (p instanceof XYPlot xy) {
                xy.setDomainGridlinePaint(grid);
                xy.setRangeGridlinePaint(grid);
                for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                    axes.add(xy.getDomainAxis(i));
                }
                for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                    axes.add(xy.getRangeAxis(i));
                }
                addAll(markers, xy.getRangeMarkers(Layer.BACKGROUND));
                addAll(markers, xy.getRangeMarkers(Layer.FOREGROUND));
            } else if (p instanceof CategoryPlot cat) {
                cat.setDomainGridlinePaint(grid);
                cat.setRangeGridlinePaint(grid);
                for (int i = 0; i < cat.getDomainAxisCount(); i++) {
                    axes.add(cat.getDomainAxis(i));
                }
                for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                    axes.add(cat.getRangeAxis(i));
                }
            }
            for (Axis a : axes) {
                if (a != null) {
                    a.setLabelPaint(text);
                    a.setTickLabelPaint(text);
                    a.setAxisLinePaint(text);
                    a.setTickMarkPaint(text);
                }
            }
            for (Marker m : markers) {
                m.setLabelPaint(text);
                m.setLabelBackgroundColor(new Color(plot.getRed(), plot.getGreen(), plot.getBlue(), 160));
            }
        }
        return chart;
    }

    private static void addAll(List<Marker> to, Collection<?> markers) {
        if (markers != null) {
            for (Object m : markers) {
                to.add((Marker) m);
            }
        }
    }

    /** A plot and, for a combined plot, its subplots. */
    static List<Plot> plots(Plot p) {
        List<Plot> all = new ArrayList<>();
        all.add(p);
        if (p instanceof CombinedDomainXYPlot c) {
            all.addAll(c.getSubplots());
        } else if (p instanceof CombinedDomainCategoryPlot c) {
            all.addAll(c.getSubplots());
        }
        return all;
    }
}
