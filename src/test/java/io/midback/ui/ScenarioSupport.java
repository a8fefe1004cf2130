package io.midback.ui;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the window scenarios (child JVMs under Xvfb) share: reporting {@code key=value} lines to the test on
 * stdout, running code on the event thread, waiting for a condition there, finding components by name and
 * pressing them, and screenshots.
 */
final class ScenarioSupport {
    private ScenarioSupport() {
    }

    /** One {@code key=value} line for the test that started this process. */
    static void report(String key, Object value) {
        System.out.println(key + "=" + String.valueOf(value).replace('\n', ' '));
        System.out.flush();
    }

    /** Runs {@code c} on the event thread and returns its result (or throws its exception). */
    static <T> T onEdt(Callable<T> c) throws Exception {
        if (SwingUtilities.isEventDispatchThread()) {
            return c.call();
        }
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> e = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception ex) {
                e.set(ex);
            }
        });
        if (e.get() != null) {
            throw e.get();
        }
        return r.get();
    }

    /** Polls {@code condition} on the event thread until true or the timeout; returns whether it became true. */
    static boolean await(Callable<Boolean> condition, double timeoutS) throws Exception {
        long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
        while (System.nanoTime() < deadline) {
            if (onEdt(condition)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Waits until the event thread has done everything queued before this call (a revalidate's layout and the
     * repaints it asks for run in the repaint manager's runnable, queued before ours) and the display has drawn it.
     */
    static void settle() throws Exception {
        for (int i = 0; i < 2; i++) {
            onEdt(() -> null);
        }
        java.awt.Toolkit.getDefaultToolkit().sync();
    }

    /** Share of the pixels below the tab row (y ≥ 90) that are near white. */
    static double whiteShareBelowTabs(BufferedImage img) {
        long white = 0, all = 0;
        for (int y = 90; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (((p >> 16) & 255) > 235 && ((p >> 8) & 255) > 235 && (p & 255) > 235) {
                    white++;
                }
                all++;
            }
        }
        return white / (double) all;
    }

    /** Saves what the screen shows of {@code w} as {@code file} (PNG), once what was queued is drawn, and reports it. */
    static void shot(Robot robot, Window w, Path file) throws Exception {
        settle();
        BufferedImage img = robot.createScreenCapture(onEdt(w::getBounds));
        ImageIO.write(img, "png", file.toFile());
        report("shot." + file.getFileName(), file);
    }

    /** The showing component named {@code name} (setName) under {@code root}, as a user would find it. */
    static <T extends Component> T named(Container root, String name, Class<T> type) throws Exception {
        T found = onEdt(() -> find(root, name, type));
        if (found == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " named " + name + " in " + root.getName());
        }
        return found;
    }

    private static <T extends Component> T find(Component c, String name, Class<T> type) {
        if (name.equals(c.getName()) && type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                T t = find(child, name, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The showing window named {@code name}, or null. */
    static Window window(String name) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (name.equals(w.getName()) && w.isShowing()) {
                    return w;
                }
            }
            return null;
        });
    }

    /** The text a label or button named {@code name} shows, without HTML markup. */
    static String text(Container root, String name) throws Exception {
        Component c = named(root, name, Component.class);
        return onEdt(() -> {
            String t = c instanceof JLabel l ? l.getText() : c instanceof AbstractButton b ? b.getText()
                    : c instanceof javax.swing.text.JTextComponent tc ? tc.getText() : null;
            if (t == null) {
                throw new IllegalStateException(name + " shows no text: " + c);
            }
            return t.replaceAll("<[^>]*>", "").strip();
        });
    }

    /**
     * Which of {@code texts} the label named {@code name} would cut to "…" at its present width, in its font
     * ("none" when all fit).
     */
    static String cutTexts(Container root, String name, String... texts) throws Exception {
        JLabel l = named(root, name, JLabel.class);
        return onEdt(() -> {
            java.awt.FontMetrics fm = l.getFontMetrics(l.getFont());
            int room = l.getWidth() - l.getInsets().left - l.getInsets().right;
            java.util.List<String> out = new java.util.ArrayList<>();
            for (String t : texts) {
                if (fm.stringWidth(t) > room) {
                    out.add("'" + t + "'");
                }
            }
            return out.isEmpty() ? "none" : String.join(" ", out);
        });
    }

    /**
     * The contrast ratio (WCAG: 1 to 21) of the text of the component named {@code name} against the background
     * it is drawn on (its own, or that of the nearest opaque container).
     */
    static double contrast(Container root, String name) throws Exception {
        Component c = named(root, name, Component.class);
        return onEdt(() -> {
            Component back = c;
            while (back.getParent() != null && !(back.isOpaque() || !(back instanceof javax.swing.JComponent))) {
                back = back.getParent();
            }
            double a = luminance(c.getForeground()), b = luminance(back.getBackground());
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        });
    }

    /** Relative luminance (WCAG), 0 for black to 1 for white. */
    static double luminance(java.awt.Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            double s = v[i] / 255;
            v[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    /** Presses the button named {@code name}, as a click would. */
    static void click(Container root, String name) throws Exception {
        AbstractButton b = named(root, name, AbstractButton.class);
        onEdt(() -> {
            if (!b.isEnabled()) {
                throw new IllegalStateException(name + " is disabled");
            }
            b.doClick();
            return null;
        });
    }

    static Robot robot() throws AWTException {
        return new Robot();
    }
}
