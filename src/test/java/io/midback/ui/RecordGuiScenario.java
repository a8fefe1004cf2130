package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;

import io.midback.app.WindowLauncher;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window as {@code midback gui} opens it with nothing asked for ({@link GuiLauncher}, started by
 * {@link RecordWindowTest}), in its own JVM with a {@code DISPLAY}: the settings remember an upper sensor that is
 * attached (a socat pty a virtual sensor serves), a lower sensor that is not, and a "Record to" file that cannot be
 * written. It reports what the window says of each, then gives the Connect tab the real lower port and a writable
 * file, tries again, records both sensors for a few seconds, disconnects and reports what the status line says;
 * {@code key=value} lines.
 *
 * <p>Arguments: screenshots folder, settings folder, the lower sensor's port, the file to record to.
 */
public final class RecordGuiScenario {

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        Path config = Path.of(args[1]);
        String lowerPort = args[2];
        Path record = Path.of(args[3]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", config.toString());
        try {
            run(shots, config, lowerPort, record);
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(Path shots, Path config, String lowerPort, Path record) throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread launcher = new Thread(() -> {
            try {
                exit.set(new GuiLauncher().run(new WindowLauncher.Request(null, 1, null, "light", false, null, false,
                        null, false, false, null, null), System.out, System.err));
            } catch (Exception e) {
                report("launcher.error", e);
            }
        }, "launcher");
        launcher.start();
        if (!await(() -> ScenarioSupport.window("midback") != null, 20)) {
            throw new AssertionError("no window");
        }
        JFrame w = (JFrame) ScenarioSupport.window("midback");
        onEdt(() -> {
            w.setLocation(0, 0);
            return null;
        });

        // What the remembered sources turn out to be: the lower sensor missing, the file not writable.
        report("lower.shown", await(() -> shown(w, "lowerMissingText").length() > 0, 15));
        report("lower.notice", shown(w, "lowerMissingText"));
        report("source.shown", await(() -> shown(w, "sourceText").length() > 0, 15));
        report("source.notice", shown(w, "sourceText"));
        report("source.title", shown(w, "sourceTitle"));
        JTextField lowerField = ScenarioSupport.named(w, "lowerPort", JTextField.class);
        JTextField recordField = ScenarioSupport.named(w, "recordFile", JTextField.class);
        report("restored.lowerPort", onEdt(lowerField::getText));
        report("restored.recordFile", onEdt(recordField::getText));
        ScenarioSupport.shot(ScenarioSupport.robot(), w, shots.resolve("20-record-refused.png"));

        // The Connect tab given the lower sensor's port and a file that can be written: Try again.
        onEdt(() -> {
            JTabbedPane tabs = ScenarioSupport.named(w, "tabs", JTabbedPane.class);
            tabs.setSelectedIndex(tabs.indexOfTab("Connect"));
            lowerField.setText(lowerPort); // typed in
            recordField.setText(record.toString());
            return null;
        });
        ScenarioSupport.shot(ScenarioSupport.robot(), w, shots.resolve("22-connect-record.png"));
        // Two notices above leave the tab less room than it needs: its last way in, the simulator, is scrolled to.
        javax.swing.JComponent simStart = ScenarioSupport.named(w, "simStart", javax.swing.JComponent.class);
        onEdt(() -> {
            simStart.scrollRectToVisible(new java.awt.Rectangle(simStart.getSize()));
            return null;
        });
        ScenarioSupport.settle();
        report("connect.lastReachable", await(() -> simStart.getVisibleRect().width == simStart.getWidth()
                && simStart.getVisibleRect().height == simStart.getHeight(), 5));
        ScenarioSupport.shot(ScenarioSupport.robot(), w, shots.resolve("23-connect-scrolled.png"));
        ScenarioSupport.click(w, "sourceRetry");
        report("recording.said", await(() -> shown(w, "statusLine").startsWith("Recording to"), 15));
        report("status.recording", shown(w, "statusLine"));
        Path lowerFile = record.resolveSibling(record.getFileName().toString().replace(".csv", ".lower.csv"));
        // Recorded for a while: both files past 6 s of samples at 100 Hz (the flusher writes them 10 times a second).
        report("recorded", await(() -> lines(record) > 600 && lines(lowerFile) > 600, 40));
        report("connection", shown(w, "connectionState"));
        ScenarioSupport.shot(ScenarioSupport.robot(), w, shots.resolve("21-recording.png"));

        onEdt(() -> {
            button(w, "Disconnect").doClick();
            return null;
        });
        report("stopped.said", await(() -> shown(w, "statusLine").startsWith("Recording stopped"),
                15));
        report("status.stopped", shown(w, "statusLine"));
        UiPrefs remembered = UiPrefs.load(config);
        report("remembered.lowerPort", remembered.get("lower.port", ""));
        report("remembered.recordFile", remembered.get("record.file", ""));
        onEdt(() -> {
            w.dispose();
            return null;
        });
        launcher.join(10_000);
        report("launcher.exit", exit.get());
    }

    /** Lines in a file so far (0 while it does not exist). */
    private static long lines(Path f) {
        try (var l = Files.lines(f)) {
            return l.count();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The text of the component named {@code name}, or "" while there is none. */
    private static String shown(Container root, String name) {
        try {
            return ScenarioSupport.text(root, name);
        } catch (Exception e) {
            return "";
        }
    }

    /** The tool bar's button with this text. */
    private static AbstractButton button(Container c, String text) {
        for (Component k : c.getComponents()) {
            if (k instanceof AbstractButton b && text.equals(b.getText()) && b.isShowing()) {
                return b;
            }
            if (k instanceof Container inner) {
                AbstractButton b = button(inner, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
