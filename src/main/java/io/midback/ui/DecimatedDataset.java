package io.midback.ui;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart dataset over {@link SeriesWindow.Decimated} arrays: refilled in place on the event thread, then
 * one change event per refresh (no per-point notification, no per-point objects).
 */
final class DecimatedDataset extends AbstractXYDataset {
    private static final String[] KEYS = {"flexion", "side bend", "rotation"};
    private final SeriesWindow.Decimated points;
    private boolean[] visible = {true, true, true};

    DecimatedDataset(SeriesWindow.Decimated points) {
        this.points = points;
    }

    SeriesWindow.Decimated points() {
        return points;
    }

    /** One notification after the points were refilled. */
    void changed() {
        fireDatasetChanged();
    }

    void setVisible(int series, boolean on) {
        visible[series] = on;
    }

    @Override
    public int getSeriesCount() {
        return KEYS.length;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return KEYS[series];
    }

    @Override
    public int getItemCount(int series) {
        return visible[series] ? points.count(series) : 0;
    }

    @Override
    public Number getX(int series, int item) {
        return points.x(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return points.x(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return points.y(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return points.y(series, item);
    }
}
