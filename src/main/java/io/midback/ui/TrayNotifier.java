package io.midback.ui;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/** A system-tray notification where the desktop has a tray; otherwise nothing (the banner still shows). */
final class TrayNotifier {
    private TrayIcon icon;
    private boolean failed;

    boolean supported() {
        return !failed && SystemTray.isSupported();
    }

    /** Event thread. */
    void notify(String title, String message, boolean urgent) {
        if (!supported()) {
            return;
        }
        try {
            if (icon == null) {
                icon = new TrayIcon(image(), "Midback");
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
            }
            icon.displayMessage(title, message, urgent ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO);
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            failed = true;
        }
    }

    void remove() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }

    static BufferedImage image() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2E86DE));
        g.fillRoundRect(2, 2, 28, 28, 10, 10);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(3f));
        g.drawArc(9, 6, 14, 20, 100, 160); // a spine's curve
        g.dispose();
        return img;
    }
}
