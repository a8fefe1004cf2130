package io.midback.ui;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Midback's icon, drawn rather than stored: a rounded teal square with an upright spine (a column of vertebrae on
 * a gentle S-curve) and the sensor, a small amber square between the shoulder blades. The package build writes
 * it as a PNG for the desktop entry ({@code java io.midback.ui.AppIcon OUT.png [SIZE]}); the window can use
 * {@link #image(int)} as its own icon.
 */
public final class AppIcon {
    private static final Color BACKGROUND = new Color(0x1F, 0x6F, 0x78);
    private static final Color SPINE = new Color(0xF4, 0xF1, 0xEA);
    private static final Color SENSOR = new Color(0xF2, 0xA5, 0x3A);
    private static final int VERTEBRAE = 7;

    private AppIcon() {
    }

    /** The icon, {@code sizePx} pixels square, with a transparent corner outside the rounded square. */
    public static BufferedImage image(int sizePx) {
        if (sizePx < 16 || sizePx > 1024) {
            throw new IllegalArgumentException("icon size must be 16 to 1024 pixels, not " + sizePx);
        }
        BufferedImage img = new BufferedImage(sizePx, sizePx, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = sizePx;
            double margin = s * 0.04;
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Double(margin, margin, s - 2 * margin, s - 2 * margin, s * 0.36, s * 0.36));
            // The spine's line: from the neck (top) to the lower back, a gentle S as seen from the side.
            CubicCurve2D spine = new CubicCurve2D.Double(s * 0.50, s * 0.14, s * 0.62, s * 0.38, s * 0.38, s * 0.62,
                    s * 0.50, s * 0.86);
            g.setColor(SPINE.darker());
            g.setStroke(new BasicStroke((float) (s * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(spine);
            g.setColor(SPINE);
            for (int i = 0; i < VERTEBRAE; i++) {
                double t = (i + 0.5) / VERTEBRAE;
                double x = cubic(t, spine.getX1(), spine.getCtrlX1(), spine.getCtrlX2(), spine.getX2());
                double y = cubic(t, spine.getY1(), spine.getCtrlY1(), spine.getCtrlY2(), spine.getY2());
                double w = s * (0.20 + 0.04 * Math.sin(Math.PI * t));
                double h = s * 0.075;
                g.fill(new RoundRectangle2D.Double(x - w / 2, y - h / 2, w, h, h * 0.8, h * 0.8));
            }
            // The sensor on the upper back, between the shoulder blades (the second and third vertebrae).
            double t = 2.0 / VERTEBRAE;
            double sx = cubic(t, spine.getX1(), spine.getCtrlX1(), spine.getCtrlX2(), spine.getX2());
            double sy = cubic(t, spine.getY1(), spine.getCtrlY1(), spine.getCtrlY2(), spine.getY2());
            double side = s * 0.16;
            g.setColor(SENSOR);
            g.fill(new RoundRectangle2D.Double(sx + s * 0.13, sy - side / 2, side, side, side * 0.3, side * 0.3));
            g.setColor(BACKGROUND);
            double dot = side * 0.3;
            g.fill(new Ellipse2D.Double(sx + s * 0.13 + (side - dot) / 2, sy - dot / 2, dot, dot));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static double cubic(double t, double p0, double p1, double p2, double p3) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    /** Writes the icon as a PNG: {@code AppIcon OUT.png [SIZE]} (default 256 pixels). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AppIcon OUT.png [SIZE]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 256;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image(size), "png", out.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
