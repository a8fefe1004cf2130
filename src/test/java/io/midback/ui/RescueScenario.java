package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.named;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;
import static io.midback.ui.ScenarioSupport.text;

import io.midback.cli.MidbackCommand;
import io.midback.history.HistoryStore;
import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The window when things go wrong, in its own JVM with a {@code DISPLAY} (started by {@link WindowRescueTest}):
 * {@code midback gui --db} on a damaged history and a damaged settings file (the notices, in full, and their ways
 * on), the demo notice, Help and About, then a window with a device catalogue that lists nothing and opens ports
 * that fail: the Connect tab's hint, a failing port and Bluetooth device, a sensor that goes quiet, a replay that
 * ends, and the history dialog (a report written, a session deleted, a recording saved once). Screenshots after
 * each step; what it saw as {@code key=value} lines.
 */
public final class RescueScenario {
    private final Path shots;
    private final Path dir;
    private final Robot robot;

    private RescueScenario(Path shots, Path dir) throws Exception {
        this.shots = shots;
        this.dir = dir;
        this.robot = new Robot();
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", dir.resolve("config").toString());
        try {
            RescueScenario s = new RescueScenario(shots, dir);
            s.damagedFiles();
            s.noHistory();
            s.failures();
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private void shot(Window w, String name) throws Exception {
        Thread.sleep(300); // let the last refresh reach the screen
        ScenarioSupport.shot(robot, w, shots.resolve(name));
    }

    /** Random bytes, as a damaged file is. */
    private static void randomBytes(Path f, int n) throws Exception {
        byte[] b = new byte[n];
        new Random(11).nextBytes(b);
        Files.createDirectories(f.getParent());
        Files.write(f, b);
    }

    /** The showing Midback window (the one named "midback"), waited for. */
    private static JFrame midbackWindow(double timeoutS) throws Exception {
        long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
        while (System.nanoTime() < deadline) {
            Window w = ScenarioSupport.window("midback");
            if (w instanceof JFrame f) {
                return f;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no Midback window within " + timeoutS + " s");
    }

    /**
     * Whether the text area named {@code name} shows its whole text: its last character is inside the part of it
     * that is visible on screen (not clipped by the window or a parent), and it is as tall as its lines need.
     */
    private static boolean wholeTextShown(Container root, String name) throws Exception {
        JTextArea a = named(root, name, JTextArea.class);
        return onEdt(() -> {
            if (!a.isShowing() || a.getWidth() < 50) {
                return false;
            }
            Rectangle last = a.modelToView2D(a.getDocument().getLength()).getBounds();
            Rectangle visible = a.getVisibleRect();
            return visible.contains(last.x, last.y) && visible.contains(last.x, last.y + last.height - 1)
                    && a.getHeight() >= a.getPreferredSize().height;
        });
    }

    /** Whether the labels named show their whole text (none is cut to "…"); the names of those that do not. */
    private static String cut(Container root, String... names) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String n : names) {
            javax.swing.JLabel l = named(root, n, javax.swing.JLabel.class);
            if (onEdt(() -> l.getPreferredSize().width - l.getInsets().left - l.getInsets().right
                    > l.getWidth() - l.getInsets().left - l.getInsets().right)) {
                out.add(n + "='" + l.getText() + "'");
            }
        }
        return out.isEmpty() ? "none" : String.join(" ", out);
    }

    private static final String[] SIDE = {"postureState", "flexion", "calibrationState", "connectionState",
            "sampleRate"};

    private static boolean present(Container root, String name) throws Exception {
        return onEdt(() -> find(root, name) != null && find(root, name).isShowing());
    }

    private static Component find(Component c, String name) {
        if (name.equals(c.getName())) {
            return c;
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                Component f = find(child, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Presses a button that opens a modal dialog: later on the event thread, so this thread can answer it. */
    private static void clickLater(Container root, String name) throws Exception {
        AbstractButton b = named(root, name, AbstractButton.class);
        SwingUtilities.invokeLater(b::doClick);
    }

    /** The showing component of {@code type} in any window, waited for. */
    private static <T extends Component> T anywhere(Class<T> type, double timeoutS) throws Exception {
        long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
        while (System.nanoTime() < deadline) {
            T found = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.isShowing()) {
                        T t = findType(w, type);
                        if (t != null) {
                            return t;
                        }
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " showed");
    }

    private static <T extends Component> T findType(Component c, Class<T> type) {
        if (type.isInstance(c) && c.isShowing()) {
            return type.cast(c);
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                T t = findType(child, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static String damagedAside(Path folder, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix + ".damaged-"))
                    .findFirst().orElse("none");
        }
    }

    private static String header(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        return new String(b, 0, Math.min(15, b.length), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** 1. {@code midback gui --db} on a damaged history, with a damaged settings file; the demo plays. */
    private void damagedFiles() throws Exception {
        Path db = dir.resolve("data").resolve("history.db");
        randomBytes(db, 40_000);
        randomBytes(dir.resolve("config").resolve("settings.properties"), 3_000);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread gui = new Thread(() -> exit.set(MidbackCommand.commandLine().execute("gui", "--db", db.toString(),
                "--theme", "light")), "gui");
        gui.start();
        JFrame f = midbackWindow(20);
        onEdt(() -> {
            f.setLocation(0, 0);
            return null;
        });
        report("history.notice", await(() -> present(f, "historyNotice"), 30));
        report("history.text", text(f, "historyText"));
        report("history.whole", await(() -> wholeTextShown(f, "historyText"), 30));
        report("history.ways", String.join(",", ways(f, "historyChoose", "historyFresh", "historyOff")));
        report("settings.notice", present(f, "settingsNotice"));
        report("settings.text", text(f, "settingsText"));
        report("settings.whole", wholeTextShown(f, "settingsText"));
        report("demo.notice", await(() -> present(f, "demoNotice"), 30));
        report("demo.text", text(f, "demoText"));
        report("demo.title", onEdt(f::getTitle));
        report("demo.connection", await(() -> text(f, "connectionState").startsWith("Streaming"), 30));
        shot(f, "10-damaged-history-and-settings.png");

        // The ways on: start a fresh history (the damaged file kept aside); keep the settings file aside.
        click(f, "historyFresh");
        report("history.cleared", await(() -> !present(f, "historyNotice"), 30));
        report("history.aside", damagedAside(db.getParent(), "history.db"));
        await(() -> Files.isRegularFile(db) && Files.size(db) > 0, 30);
        report("history.freshHeader", header(db));
        click(f, "settingsAside");
        await(() -> !damagedAside(dir.resolve("config"), "settings.properties").equals("none"), 30);
        report("settings.aside", damagedAside(dir.resolve("config"), "settings.properties"));
        report("status", text(f, "statusLine"));
        shot(f, "11-after-the-ways-on.png");

        // Help and About, from the Help menu.
        clickMenu(f, "helpAbout");
        Window about = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (about == null && System.nanoTime() < deadline) {
            about = ScenarioSupport.window("aboutDialog");
            Thread.sleep(30);
        }
        report("about.text", text(about, "aboutDialogText"));
        report("about.whole", wholeTextShown(about, "aboutDialogText"));
        report("tray.supported", onEdt(SystemTray::isSupported));
        shot(about, "12-about.png");
        click(about, "aboutDialogClose");
        clickMenu(f, "helpUsing");
        Window help = null;
        deadline = System.nanoTime() + 5_000_000_000L;
        while (help == null && System.nanoTime() < deadline) {
            help = ScenarioSupport.window("helpDialog");
            Thread.sleep(30);
        }
        report("help.text", text(help, "helpDialogText"));
        shot(help, "13-help.png");
        click(help, "helpDialogClose");

        onEdt(() -> {
            f.dispose();
            return null;
        });
        gui.join(10_000);
        report("gui.exit", exit.get());
    }

    /** Chooses the menu item named {@code name} in the window's menu bar, as a click on it would. */
    private static void clickMenu(JFrame f, String name) throws Exception {
        onEdt(() -> {
            javax.swing.JMenuBar bar = f.getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                for (Component c : bar.getMenu(i).getMenuComponents()) {
                    if (name.equals(c.getName()) && c instanceof javax.swing.JMenuItem item) {
                        item.doClick();
                        return null;
                    }
                }
            }
            throw new IllegalStateException("no menu item named " + name);
        });
    }

    private static List<String> ways(Container root, String... names) throws Exception {
        List<String> shown = new java.util.ArrayList<>();
        for (String n : names) {
            if (present(root, n)) {
                shown.add(n);
            }
        }
        return shown;
    }

    /** 2. {@code midback gui --no-history}: no database is made or opened; the Today tab says there is none. */
    private void noHistory() throws Exception {
        Path rec = dir.resolve("short.csv");
        SyntheticWearer.write(rec, 20, 100, t -> 5);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread gui = new Thread(() -> exit.set(MidbackCommand.commandLine().execute("gui", "--no-history",
                "--replay", rec.toString(), "--speed", "max")), "gui");
        gui.start();
        JFrame f = midbackWindow(20);
        JTabbedPane tabs = named(f, "tabs", JTabbedPane.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Today"));
            return null;
        });
        report("nohistory.today", await(() -> text(f, "todaySummary").startsWith("No history"), 30));
        report("nohistory.todayText", text(f, "todaySummary"));
        onEdt(() -> {
            f.dispose();
            return null;
        });
        gui.join(10_000);
        report("nohistory.exit", exit.get());
    }

    /** A source whose port cannot be opened. */
    private static final class FailingSource implements SampleSource {
        private final String name;

        FailingSource(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return "live " + name;
        }

        @Override
        public void run(io.midback.sensor.SampleSink sink) throws Exception {
            throw new java.io.IOException("cannot open " + name + ": Permission denied (the port belongs to the "
                    + "group dialout, which this user is not in; add it with 'sudo usermod -aG dialout $USER' and "
                    + "log in again)");
        }

        @Override
        public void stop() {
        }
    }

    /** No ports, no Bluetooth devices; every device opens to a source that fails. */
    private static final DeviceCatalog NOTHING_WORKS = new DeviceCatalog() {
        @Override
        public List<Device> serialPorts() {
            return List.of();
        }

        @Override
        public List<Device> scanBluetooth() throws Exception {
            throw new java.io.IOException("Bluetooth is switched off or this computer has no Bluetooth adapter "
                    + "(BlueZ answered: org.bluez.Error.NotReady: Resource Not Ready)");
        }

        @Override
        public SampleSource open(Device device) {
            return new FailingSource(device.address());
        }
    };

    /** 3. Failures of sources, a quiet sensor, an ended replay, the history dialog. */
    private void failures() throws Exception {
        Path db = dir.resolve("second.db");
        HistoryAccess history = new HistoryAccess(db, msg -> report("history.problem", msg));
        EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
        List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(dir.resolve("config2")), engine, NOTHING_WORKS,
                    Clock.systemDefaultZone(), history);
            engine.onHistoryWritten(win::historyWritten);
            engine.onNotice(m -> {
                notices.add(m);
                SwingUtilities.invokeLater(() -> win.notice(m));
            });
            win.frame().setLocation(0, 0);
            win.show();
            return win;
        });
        JFrame f = w.frame();
        JTabbedPane tabs = named(f, "tabs", JTabbedPane.class);

        // The Connect tab lists the serial ports when first shown; none: what to check.
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Connect"));
            return null;
        });
        report("connect.hint", await(() -> text(f, "serialNote").contains("midback scan"), 30));
        report("connect.hintText", text(f, "serialNote"));
        report("connect.hintWhole", wholeTextShown(f, "serialNote"));
        click(f, "bluetoothScan");
        await(() -> text(f, "bluetoothNote").startsWith("Not available"), 30);
        report("bluetooth.scanText", text(f, "bluetoothNote"));
        report("bluetooth.scanWhole", wholeTextShown(f, "bluetoothNote"));
        shot(f, "14-connect-no-ports.png");

        // A port that fails: the whole reason, try again or choose another source.
        onEdt(() -> {
            w.connect(NOTHING_WORKS.open(new DeviceCatalog.Device("serial", "/dev/ttyUSB7", "/dev/ttyUSB7")),
                    "serial:/dev/ttyUSB7");
            return null;
        });
        report("port.notice", await(() -> present(f, "sourceNotice"), 30));
        report("port.text", text(f, "sourceText"));
        report("port.whole", await(() -> wholeTextShown(f, "sourceText"), 30));
        report("port.ways", String.join(",", ways(f, "sourceRetry", "sourceChoose")));
        report("port.connection", text(f, "connectionState"));
        report("port.state", text(f, "postureState"));
        report("port.cut", cut(f, SIDE));
        shot(f, "15-port-failed.png");
        click(f, "sourceRetry"); // fails again: the notice comes back
        report("port.retried", await(() -> present(f, "sourceNotice"), 30));
        click(f, "sourceChoose");
        report("port.chooseShowsConnect", onEdt(() -> tabs.getSelectedIndex() == tabs.indexOfTab("Connect")));

        // The same for a Bluetooth device.
        onEdt(() -> {
            w.connect(NOTHING_WORKS.open(new DeviceCatalog.Device("bluetooth", "btspp://001122334455:1",
                    "Midback-1")), "bluetooth:btspp://001122334455:1");
            return null;
        });
        report("bt.notice", await(() -> present(f, "sourceNotice")
                && text(f, "sourceText").contains("001122334455"), 30));
        report("bt.whole", wholeTextShown(f, "sourceText"));

        // A sensor that goes quiet: said within 3 s, no frozen posture; then it streams again.
        ScriptedSource wearer = new ScriptedSource();
        onEdt(() -> {
            w.connect(wearer, null);
            tabs.setSelectedIndex(tabs.indexOfTab("Live"));
            return null;
        });
        report("quiet.streaming", await(() -> text(f, "connectionState").equals("Streaming")
                && !text(f, "flexion").equals("–") && !text(f, "flexion").isBlank(), 30));
        report("quiet.calibrateWhileStreaming", onEdt(() -> named(f, "calibrate", AbstractButton.class).isEnabled()));
        long paused = System.nanoTime();
        wearer.pause(true);
        boolean said = await(() -> text(f, "connectionState").startsWith("No data"), 6);
        report("quiet.said", said);
        report("quiet.saidAfterS", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - paused) / 1e9));
        report("quiet.connection", text(f, "connectionState"));
        report("quiet.state", text(f, "postureState"));
        report("quiet.flexion", text(f, "flexion"));
        report("quiet.rate", text(f, "sampleRate"));
        report("quiet.cut", cut(f, SIDE));
        shot(f, "16-no-data.png");
        wearer.pause(false);
        report("quiet.resumed", await(() -> text(f, "connectionState").equals("Streaming")
                && !text(f, "postureState").equals("no data"), 30));

        // A replay that ends: the indicator says so, and there is nothing to calibrate on.
        Path rec = dir.resolve("saved.csv");
        try (CsvSampleWriter out = CsvSampleWriter.create(rec, new RecordingMetadata(Map.of(
                RecordingMetadata.DEVICE, "synthetic wearer (test)", RecordingMetadata.RATE_HZ, "100",
                RecordingMetadata.START, LocalDate.now().atTime(9, 0).toString())), false)) {
            SyntheticWearer.generate(180, 100, t -> t < 60 ? 3 : SyntheticWearer.ramp(t, 60, 5, 3, 30), 42, out);
        }
        onEdt(() -> {
            w.connect(new PacedReplay(rec, Double.POSITIVE_INFINITY).savingToHistory(true), null);
            return null;
        });
        report("ended.connection", await(() -> text(f, "connectionState").equals("Ended"), 20));
        await(() -> text(f, "postureState").equals("ended"), 30);
        report("ended.state", text(f, "postureState"));
        report("ended.why", text(f, "calibrationState"));
        report("ended.cut", cut(f, SIDE));
        report("ended.calibrateEnabled", onEdt(() -> named(f, "calibrate", AbstractButton.class).isEnabled()));
        shot(f, "17-replay-ended.png");

        // The same recording again, saved: recognised, not saved twice.
        onEdt(() -> {
            w.connect(new PacedReplay(rec, Double.POSITIVE_INFINITY).savingToHistory(true), null);
            return null;
        });
        await(() -> text(f, "connectionState").equals("Ended"), 20);
        report("dedup.notice", await(() -> text(f, "statusLine").contains("in the history already"), 5));
        report("dedup.status", text(f, "statusLine"));
        w.awaitStopped();

        // Session ▸ History and reports…: write the day's report, delete the session.
        clickMenu(f, "historyMenu");
        Window hd = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (hd == null && System.nanoTime() < deadline) {
            hd = ScenarioSupport.window("historyDialog");
            Thread.sleep(30);
        }
        Window dialog = hd;
        JList<?> sessions = named(dialog, "historySessions", JList.class);
        JList<?> days = named(dialog, "historyDays", JList.class);
        report("dialog.loaded", await(() -> sessions.getModel().getSize() == 1 && days.getModel().getSize() == 1
                && !days.isSelectionEmpty(), 10));
        report("dialog.sessions", onEdt(() -> sessions.getModel().getSize()));
        shot(dialog, "18-history-dialog.png");
        Path report = dir.resolve("day-report.html");
        clickLater(dialog, "historyReportDay");
        JFileChooser chooser = anywhere(JFileChooser.class, 10);
        onEdt(() -> {
            chooser.setSelectedFile(report.toFile());
            chooser.approveSelection();
            return null;
        });
        report("report.written", await(() -> text(dialog, "historyStatus").startsWith("Wrote"), 15));
        report("report.status", text(dialog, "historyStatus"));
        report("report.html", Files.isRegularFile(report) && Files.readString(report).contains("<html"));
        // A week's report to a folder that does not exist: one line naming the file and why.
        Path nowhere = dir.resolve("no-such-folder").resolve("week.png");
        clickLater(dialog, "historyReportWeek");
        JFileChooser weekChooser = anywhere(JFileChooser.class, 10);
        onEdt(() -> {
            weekChooser.setSelectedFile(nowhere.toFile());
            weekChooser.approveSelection();
            return null;
        });
        await(() -> text(dialog, "historyStatus").contains("week.png"), 15);
        report("report.failed", text(dialog, "historyStatus"));
        report("report.failedPath", nowhere);
        onEdt(() -> {
            sessions.setSelectedIndex(0);
            return null;
        });
        clickLater(dialog, "historyDeleteSession");
        JOptionPane confirm = anywhere(JOptionPane.class, 10);
        report("delete.question", onEdt(() -> String.valueOf(confirm.getMessage())));
        onEdt(() -> {
            confirm.setValue(JOptionPane.OK_OPTION);
            return null;
        });
        report("delete.done", await(() -> text(dialog, "historyStatus").startsWith("Deleted")
                && sessions.getModel().getSize() == 0, 10));
        report("delete.status", text(dialog, "historyStatus"));
        shot(dialog, "19-history-deleted.png");
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            report("delete.sessionsLeft", store.sessions().size());
        }
        onEdt(() -> {
            dialog.dispose();
            return null;
        });

        // Deleted, the recording saves again; then its whole day is deleted.
        onEdt(() -> {
            w.connect(new PacedReplay(rec, Double.POSITIVE_INFINITY).savingToHistory(true), null);
            return null;
        });
        report("resave.ended", await(() -> text(f, "connectionState").equals("Ended"), 30));
        w.awaitStopped();
        // the session is written by the history's own thread: the dialog lists what is there when it opens
        report("resave.stored", await(() -> {
            try (HistoryStore store = HistoryStore.openForReading(db)) {
                return store.sessions().size() == 1;
            }
        }, 30));
        clickMenu(f, "historyMenu");
        Window again = null;
        deadline = System.nanoTime() + 5_000_000_000L;
        while (again == null && System.nanoTime() < deadline) {
            again = ScenarioSupport.window("historyDialog");
            Thread.sleep(30);
        }
        Window dialog2 = again;
        JList<?> days2 = named(dialog2, "historyDays", JList.class);
        report("resaved", await(() -> days2.getModel().getSize() == 1 && !days2.isSelectionEmpty(), 30));
        clickLater(dialog2, "historyDeleteDay");
        JOptionPane confirmDay = anywhere(JOptionPane.class, 30);
        report("deleteDay.question", onEdt(() -> String.valueOf(confirmDay.getMessage())));
        onEdt(() -> {
            confirmDay.setValue(JOptionPane.OK_OPTION);
            return null;
        });
        report("deleteDay.done", await(() -> text(dialog2, "historyStatus").startsWith("Deleted everything")
                && days2.getModel().getSize() == 0, 10));
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            report("deleteDay.daysLeft", store.days().size());
            report("deleteDay.sessionsLeft", store.sessions().size());
        }
        onEdt(() -> {
            dialog2.dispose();
            f.dispose();
            return null;
        });
        report("done", true);
    }
}
