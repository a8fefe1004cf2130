package io.midback.ui;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * The live chart's time axis: it picks the smallest tick unit whose labels, all of them, fit between their ticks.
 * JFreeChart judges a unit by the labels of the range's two ends, which for elapsed time are short ("0 s",
 * "5 min") while the ticks between are long ("1 min 15 s"): the labels then ran into each other. Runs on the
 * chart's painter thread, a few dozen label widths per drawing.
 */
final class ElapsedAxis extends NumberAxis {
    /** Room kept between two neighbouring labels, px. */
    static final int GAP_PX = 8;
    /** A unit with more ticks than this in view is too small for any chart this window draws. */
    private static final int MAX_TICKS = 400;

    ElapsedAxis(String label) {
        super(label);
    }

    @Override
    protected void selectHorizontalAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TickUnitSource units = getStandardTickUnits();
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        // No label is narrower than "0 s": start from the smallest unit that leaves room for that.
        double pxPerS = lengthToJava2D(1, dataArea, edge);
        TickUnit unit = units.getCeilingTickUnit(pxPerS > 0 ? (fm.stringWidth("0 s") + GAP_PX) / pxPerS : 1);
        for (int i = 0; i < 32; i++) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (lengthToJava2D(unit.getSize(), dataArea, edge) >= estimateMaximumTickLabelWidth(g2, unit)
                    || larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        setTickUnit((NumberTickUnit) unit, false, false);
    }

    /** The widest label {@code unit} writes in view, with its insets and the gap, px. */
    @Override
    protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        double size = unit.getSize(), first = Math.ceil(getLowerBound() / size) * size;
        int widest = 0;
        for (int k = 0; k < MAX_TICKS && first + k * size <= getUpperBound(); k++) {
            widest = Math.max(widest, fm.stringWidth(unit.valueToString(first + k * size)));
        }
        return getTickLabelInsets().getLeft() + getTickLabelInsets().getRight() + widest + GAP_PX;
    }
}
