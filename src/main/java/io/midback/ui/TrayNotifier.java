package io.midback.ui;

import io.midback.alert.Snooze;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * The tray icon, where the desktop has a system tray ({@link SystemTray#isSupported()}): its tooltip names the
 * current posture state, its menu opens the window and snoozes or resumes alerts, and alerts become desktop
 * notifications while the window is hidden, minimised or in the background. Where there is no tray (many
 * window managers, Xvfb) it does nothing and the banner in the window is the only alert. Event thread.
 */
final class TrayNotifier {
    private TrayIcon icon;
    private boolean failed;
    private Boolean trayThere;
    private String shownState;
    private Consumer<Snooze> snooze = s -> { };
    private Runnable open = () -> { };

    /** What the tray menu does: snooze (null = resume alerts) and bring the window back. */
    void actions(Consumer<Snooze> snooze, Runnable open) {
        this.snooze = snooze;
        this.open = open;
    }

    /** Whether there is a tray (asked of the desktop once: the answer is a round trip to the display). */
    boolean supported() {
        if (trayThere == null) {
            trayThere = SystemTray.isSupported();
        }
        return !failed && trayThere;
    }

    /** Shows the icon (once) and the current state in its tooltip. */
    void show(String state) {
        if (state.equals(shownState) || !ensureIcon()) {
            return;
        }
        shownState = state;
        icon.setToolTip("Midback: " + state);
    }

    /** A desktop notification through the tray icon. */
    void notify(String title, String message, boolean urgent) {
        if (ensureIcon()) {
            icon.displayMessage(title, message, urgent ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO);
        }
    }

    private boolean ensureIcon() {
        if (!supported()) {
            return false;
        }
        if (icon != null) {
            return true;
        }
        try {
            TrayIcon t = new TrayIcon(image(), "Midback", menu());
            t.setImageAutoSize(true);
            t.addActionListener(e -> open.run()); // a double click on the icon
            SystemTray.getSystemTray().add(t);
            icon = t;
            return true;
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            failed = true;
            return false;
        }
    }

    private PopupMenu menu() {
        PopupMenu m = new PopupMenu();
        MenuItem show = new MenuItem("Show Midback");
        show.addActionListener(e -> open.run());
        m.add(show);
        m.addSeparator();
        for (Snooze s : Snooze.values()) {
            MenuItem item = new MenuItem("Snooze " + MidbackWindow.label(s));
            item.addActionListener(e -> snooze.accept(s));
            m.add(item);
        }
        MenuItem resume = new MenuItem("Resume alerts");
        resume.addActionListener(e -> snooze.accept(null));
        m.add(resume);
        return m;
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
