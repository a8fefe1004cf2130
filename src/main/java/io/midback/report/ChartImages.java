package io.midback.report;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays charts out on one canvas and draws them to a PNG image or an SVG document (headless). */
public final class ChartImages {
    /** A chart and where it goes on the canvas. */
    public record Placed(JFreeChart chart, int x, int y, int width, int height) {
    }

    /** Charts laid out on a canvas of the given size. */
    public record Layout(int width, int height, List<Placed> charts) {
        public Layout {
            charts = List.copyOf(charts);
        }
    }

    private ChartImages() {
    }

    /** A day: the flexion chart across the top, time per state and upright per hour side by side below. */
    public static Layout day(DayCharts.Charts charts, int width) {
        int top = Math.round(width * 0.40f);
        int bottom = Math.round(width * 0.25f);
        int half = width / 2;
        List<Placed> placed = new java.util.ArrayList<>(List.of(
                new Placed(charts.flexion(), 0, 0, width, top),
                new Placed(charts.states(), 0, top, half, bottom),
                new Placed(charts.hourly(), half, top, width - half, bottom)));
        int height = top + bottom;
        if (charts.hasBreathing()) { // the breathing rate, across the foot
            int breath = Math.round(width * BREATHING_BAND);
            placed.add(new Placed(charts.breathing(), 0, height, width, breath));
            height += breath;
        }
        return new Layout(width, height, List.copyOf(placed));
    }

    /** The breathing chart's height in a day's image, as a share of its width. */
    static final float BREATHING_BAND = 0.2f;

    /** One chart filling the canvas. */
    public static Layout single(JFreeChart chart, int width, int height) {
        return new Layout(width, height, List.of(new Placed(chart, 0, 0, width, height)));
    }

    public static BufferedImage png(Layout layout) {
        BufferedImage img = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, layout);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static String svg(Layout layout) {
        SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height());
        draw(g, layout);
        return g.getSVGDocument();
    }

    /** An {@code <svg>} element to put inline in HTML; {@code idPrefix} keeps its ids apart from others. */
    public static String svgElement(Layout layout, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height());
        g.setDefsKeyPrefix(idPrefix); // several SVGs in one page must not share clip-path ids
        draw(g, layout);
        return g.getSVGElement();
    }

    private static void draw(Graphics2D g, Layout layout) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, layout.width(), layout.height());
        for (Placed p : layout.charts()) {
            p.chart().draw(g, new Rectangle2D.Double(p.x(), p.y(), p.width(), p.height()));
        }
    }
}
