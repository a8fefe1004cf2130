package io.midback.ui;

import io.midback.posture.PostureState;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.Paint;
import java.util.Locale;

/**
 * Today: time per posture state as it accumulates, slump alerts so far, and the week. Until the history store and
 * its report charts are on main, "today" is what this window has seen since it opened, and the week says so.
 */
final class TodayPanel extends JPanel {
    private static final PostureState[] SHOWN = {PostureState.UPRIGHT, PostureState.SLOUCHED, PostureState.RECLINED,
            PostureState.LEANING_SIDEWAYS, PostureState.STANDING, PostureState.WALKING};
    private final PostureTally tally;
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final JLabel summary = new JLabel(" ");
    private int slumpAlerts;

    TodayPanel(PostureTally tally) {
        super(new BorderLayout(8, 8));
        this.tally = tally;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        for (PostureState s : SHOWN) {
            dataset.addValue(0.0, "minutes", s.label());
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), new NumberAxis("minutes"),
                new BarRenderer() {
                    @Override
                    public Paint getItemPaint(int row, int column) {
                        return LivePanel.colourOf(SHOWN[column]);
                    }
                });
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = new JFreeChart("Today: time per posture", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        applyTheme();
        ChartPanel panel = new ChartPanel(chart, false);
        panel.setPreferredSize(new Dimension(600, 300));
        JPanel week = new JPanel(new BorderLayout());
        week.setBorder(BorderFactory.createTitledBorder("This week"));
        week.add(new JLabel("<html>The week's charts come from the posture history, which is not part of this "
                + "build yet; today shows this window's session.</html>"));
        JPanel south = new JPanel(new GridLayout(0, 1, 4, 4));
        summary.setName("todaySummary");
        south.add(summary);
        south.add(week);
        add(panel, BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
    }

    void applyTheme() {
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        if (bg == null || fg == null) {
            return;
        }
        chart.setBackgroundPaint(bg);
        chart.getTitle().setPaint(fg);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(UIManager.getColor("TextField.background"));
        plot.getDomainAxis().setTickLabelPaint(fg);
        plot.getRangeAxis().setTickLabelPaint(fg);
        plot.getRangeAxis().setLabelPaint(fg);
    }

    void countAlert() {
        slumpAlerts++;
    }

    /** Once a second from the window's timer: a handful of values, one chart event. */
    void refresh() {
        chart.setNotify(false);
        double sittingS = 0, slouchedS = 0;
        for (PostureState s : SHOWN) {
            double sec = tally.seconds(s);
            dataset.setValue(sec / 60, "minutes", s.label());
            if (s.isSitting()) {
                sittingS += sec;
            }
            if (s == PostureState.SLOUCHED) {
                slouchedS = sec;
            }
        }
        chart.setNotify(true);
        summary.setText(String.format(Locale.ROOT, "Sitting %.0f min, slouched %.0f%% of it; %d slump alert%s.",
                sittingS / 60, sittingS > 0 ? 100 * slouchedS / sittingS : 0, slumpAlerts,
                slumpAlerts == 1 ? "" : "s"));
    }
}
