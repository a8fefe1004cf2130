package io.midback.ui;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart dataset over some of the series of {@link SeriesWindow.Decimated} arrays (0 flexion, 1 side bend,
 * 2 rotation, 3 the spine's flexion between two sensors): refilled in place by the chart's painter thread, no per-point notification, no per-point objects.
 */
final class DecimatedDataset extends AbstractXYDataset {
    private static final String[] KEYS = {"flexion", "side bend", "rotation", "spine flexion (two sensors)"};
    private final SeriesWindow.Decimated points;
    private final int[] series;

    /** @param series the indices of the series this dataset shows, in its order */
    DecimatedDataset(SeriesWindow.Decimated points, int... series) {
        this.points = points;
        this.series = series.clone();
    }

    @Override
    public int getSeriesCount() {
        return series.length;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return KEYS[this.series[series]];
    }

    @Override
    public int getItemCount(int series) {
        return points.count(this.series[series]);
    }

    @Override
    public Number getX(int series, int item) {
        return points.x(this.series[series], item);
    }

    @Override
    public double getXValue(int series, int item) {
        return points.x(this.series[series], item);
    }

    @Override
    public Number getY(int series, int item) {
        return points.y(this.series[series], item);
    }

    @Override
    public double getYValue(int series, int item) {
        return points.y(this.series[series], item);
    }
}
