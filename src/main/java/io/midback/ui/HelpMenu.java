package io.midback.ui;

import io.midback.app.BesideProgram;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The Help menu: how to use the window (with the README's sections and the safety note) and About. */
final class HelpMenu {
    /** The safety note: when to stop. */
    static final String SAFETY = "Midback is not a medical device. Stop at once, and ask a doctor or "
            + "physiotherapist, on sharp pain, burning, tingling or other nerve-like symptoms (numbness, pins and "
            + "needles, weakness).";

    /** The README's sections a user of the window reads, by their titles there. */
    static final String[] SECTIONS = {"Quick start", "The window: live posture, alerts, calibration, today",
            "Posture: calibration, thoracic angles, states, slump alerts and break reminders",
            "Daily history and reports", "Live sensors: serial and Bluetooth links, scan, reconnection, recording",
            "Mobility check"};

    /** Where the README is, looked up once off the event thread (a file lookup); empty until then, or if none. */
    private static volatile Optional<Path> readme = Optional.empty();

    private HelpMenu() {
    }

    /** @param historyInUse the window's history database now (null: none) */
    static JMenu create(JFrame frame, BooleanSupplier trayAvailable, Supplier<Path> historyInUse) {
        Thread find = new Thread(() -> readme = BesideProgram.find("README.md"), "midback-readme-lookup");
        find.setDaemon(true);
        find.start();
        JMenu help = new JMenu("Help");
        help.setName("helpMenu");
        JMenuItem using = new JMenuItem("Using Midback…");
        using.setName("helpUsing");
        using.addActionListener(e -> show(frame, "helpDialog", "Using Midback", usingText()));
        JMenuItem about = new JMenuItem("About Midback…");
        about.setName("helpAbout");
        about.addActionListener(e -> show(frame, "aboutDialog", "About Midback",
                aboutText(trayAvailable.getAsBoolean(), historyInUse.get())));
        help.add(using);
        help.add(about);
        return help;
    }

    static String usingText() {
        StringBuilder b = new StringBuilder();
        b.append("1. Put the sensor on, between the shoulder blades, and connect it on the Connect tab (a serial port "
                + "or Bluetooth; 'midback scan' in a terminal lists what this computer sees).\n");
        b.append("2. Sit upright and press Calibrate…: hold still, then lean forward slowly when asked.\n");
        b.append("3. Work as usual. A banner (and a tone, and the sensor's vibration) says when you have slumped for "
                + "a while, or sat too long; Snooze quiets them for a while.\n");
        b.append("4. The Today tab and Session ▸ History and reports… show your day and week, write reports, and "
                + "delete sessions.\n\n");
        b.append("More in the README (").append(readme().map(Path::toString).orElse("README.md of Midback"))
                .append("), sections:\n");
        for (String s : SECTIONS) {
            b.append("  • ").append(s).append('\n');
        }
        b.append('\n').append(SAFETY);
        return b.toString();
    }

    static String aboutText(boolean trayAvailable, Path history) {
        return "Midback " + BesideProgram.version() + ", on Java " + System.getProperty("java.version") + ".\n"
                + "A desktop companion for a posture sensor worn on the upper back: live posture, slump alerts, "
                + "break reminders, a daily history.\n\n"
                + "README: " + readme().map(Path::toString).orElse("not found beside the program") + "\n"
                + "History database: " + (history == null ? "none (running without history)" : history) + "\n"
                + "Tray icon and desktop notifications: " + (trayAvailable ? "on (this desktop has a system tray)"
                : "not available (this desktop offers no system tray); alerts show in the window only") + "\n\n"
                + SAFETY;
    }

    private static Optional<Path> readme() {
        return readme;
    }

    /** Opens {@code file} with the desktop's program for it; whether that worked (off the event thread). */
    private static boolean openOnDesktop(Path file) {
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                return false;
            }
            Desktop.getDesktop().open(file.toFile());
            return true;
        } catch (Exception e) { // no program for it, or the desktop refused
            return false;
        }
    }

    private static void show(JFrame frame, String name, String title, String text) {
        JDialog d = new JDialog(frame, title, false);
        d.setName(name);
        JTextArea area = new JTextArea(text, 18, 64);
        area.setName(name + "Text");
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setEditable(false);
        area.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JLabel said = new JLabel(" ");
        said.setName(name + "Said");
        said.setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 12));
        Optional<Path> readme = readme();
        if (readme.isPresent()) {
            JButton open = new JButton("Open the README");
            open.setName(name + "OpenReadme");
            open.addActionListener(e -> {
                Path file = readme.get();
                Thread t = new Thread(() -> {
                    if (!openOnDesktop(file)) {
                        String line = "Could not open the README here (no program on this desktop opens it): it is "
                                + "at " + file;
                        SwingUtilities.invokeLater(() -> said.setText(line));
                    }
                }, "midback-readme");
                t.setDaemon(true);
                t.start();
            });
            buttons.add(open);
        }
        JButton close = new JButton("Close");
        close.setName(name + "Close");
        close.addActionListener(e -> d.dispose());
        buttons.add(close);
        d.add(new JScrollPane(area), BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.add(said, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        d.add(south, BorderLayout.SOUTH);
        d.pack();
        d.setLocationRelativeTo(frame);
        d.setVisible(true);
    }
}
