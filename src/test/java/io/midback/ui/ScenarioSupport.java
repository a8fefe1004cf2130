package io.midback.ui;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import java.awt.AWTException;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the window scenarios (child JVMs under Xvfb) share: reporting {@code key=value} lines to the test on
 * stdout, running code on the event thread, waiting for a condition there, and screenshots.
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

    /** Saves what the screen shows of {@code w} as {@code file} (PNG) and reports it. */
    static void shot(Robot robot, Window w, Path file) throws Exception {
        BufferedImage img = robot.createScreenCapture(onEdt(w::getBounds));
        ImageIO.write(img, "png", file.toFile());
        report("shot." + file.getFileName(), file);
    }

    static Robot robot() throws AWTException {
        return new Robot();
    }
}
