package io.midback.ui;

import io.midback.app.UserSettings;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Where a session comes from: a serial port, a Bluetooth device (scan), a recording to replay at 1× to maximum
 * speed, or the simulator. Listing and scanning run on worker threads; only their results reach the event thread.
 */
final class ConnectPanel extends JPanel implements javax.swing.Scrollable {
    static final String[] SPEEDS = {"1×", "2×", "5×", "10×", "60×", "600×", "max"};

    private final DeviceCatalog catalog;
    /** (source, memory key) → the window connects and remembers. */
    private final BiConsumer<SampleSource, String> connect;
    private final DefaultListModel<DeviceCatalog.Device> serial = new DefaultListModel<>();
    private final DefaultListModel<DeviceCatalog.Device> bluetooth = new DefaultListModel<>();
    /** What to check when no serial port is listed. */
    static final String NO_SERIAL_HINT = "No serial ports found. Check that the sensor is plugged in (USB) or paired "
            + "and bound to a port (Bluetooth), and switched on; on Linux your user needs the 'dialout' group to "
            + "use serial ports. Then press Refresh. In a terminal, 'midback scan' lists what this computer sees.";
    static final String NO_BLUETOOTH_HINT = "No Bluetooth devices offering a serial port found. Check that the "
            + "sensor is switched on, near, and not connected to another computer, then Scan again.";
    private final JTextArea serialNote = note("serialNote");
    private final JTextArea btNote = note("bluetoothNote");
    private JButton serialRefresh;
    private boolean listedOnce;
    private final JTextField file = new JTextField(30);
    private final JComboBox<String> speed = new JComboBox<>(SPEEDS);
    private final javax.swing.JCheckBox saveReplay = new javax.swing.JCheckBox("Save to history");
    private final UiPrefs prefs;
    private final LowerSensorField lower;
    private final RecordField record;

    /** @param prefs where the lower sensor's port and the "Record to" file are remembered */
    ConnectPanel(DeviceCatalog catalog, BiConsumer<SampleSource, String> connect, UiPrefs prefs) {
        this.catalog = catalog;
        this.connect = connect;
        this.prefs = prefs;
        this.lower = new LowerSensorField(prefs.get(UserSettings.Key.LOWER_PORT.key, ""));
        this.record = new RecordField(prefs.get(UserSettings.Key.RECORD_FILE.key, ""));
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        add(devicePanel("Serial port (USB or a paired Bluetooth device's port)", serial, serialNote, "Refresh",
                () -> catalog.serialPorts(), NO_SERIAL_HINT));
        add(devicePanel("Bluetooth", bluetooth, btNote, "Scan", () -> catalog.scanBluetooth(), NO_BLUETOOTH_HINT));
        add(lower);
        add(record);
        // The serial ports are listed the first time the tab is shown (off the event thread), not only on Refresh.
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & java.awt.event.HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()
                    && !listedOnce) {
                listedOnce = true;
                serialRefresh.doClick();
            }
        });
        add(replayPanel());
        add(simulatorPanel());
    }

    /** A note under a device list: wraps, so a long reason shows whole. */
    private static JTextArea note(String name) {
        JTextArea a = new JTextArea(" ");
        a.setName(name);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setEditable(false);
        a.setOpaque(false);
        a.setFont(new JLabel().getFont());
        return a;
    }

    private JPanel devicePanel(String title, DefaultListModel<DeviceCatalog.Device> model, JTextArea note,
                               String listLabel, Callable<List<DeviceCatalog.Device>> lister, String noneHint) {
        JPanel p = new JPanel(new BorderLayout(6, 6));
        p.setBorder(BorderFactory.createTitledBorder(title));
        JList<DeviceCatalog.Device> list = new JList<>(model);
        list.setVisibleRowCount(3);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(400, 70));
        p.add(scroll, BorderLayout.CENTER);
        JButton refresh = new JButton(listLabel);
        refresh.setName(listLabel.equals("Scan") ? "bluetoothScan" : "serialRefresh");
        if (!listLabel.equals("Scan")) {
            serialRefresh = refresh;
        }
        JButton open = new JButton("Connect");
        refresh.addActionListener(e -> {
            refresh.setEnabled(false);
            note.setText(listLabel.equals("Scan") ? "Scanning…" : "Listing…");
            new SwingWorker<List<DeviceCatalog.Device>, Void>() {
                @Override
                protected List<DeviceCatalog.Device> doInBackground() throws Exception {
                    return lister.call();
                }

                @Override
                protected void done() {
                    refresh.setEnabled(true);
                    model.clear();
                    try {
                        List<DeviceCatalog.Device> found = get();
                        found.forEach(model::addElement);
                        note.setText(found.isEmpty() ? noneHint : found.size() + " found.");
                    } catch (Exception ex) {
                        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                        note.setText("Not available: " + cause.getMessage());
                    }
                }
            }.execute();
        });
        open.addActionListener(e -> {
            DeviceCatalog.Device d = list.getSelectedValue();
            if (d == null) {
                note.setText("Choose a device first.");
                return;
            }
            try {
                connect.accept(attach(catalog.open(d)), d.kind() + ":" + d.address());
            } catch (Exception ex) {
                note.setText("Cannot connect: " + ex.getMessage());
            }
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(refresh);
        buttons.add(open);
        JPanel south = new JPanel(new BorderLayout(4, 4));
        south.add(buttons, BorderLayout.NORTH);
        south.add(note, BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, 200));
        return p;
    }

    private JPanel replayPanel() {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        p.setBorder(BorderFactory.createTitledBorder("Replay a recording"));
        file.setName("replayFile");
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                file.setText(chooser.getSelectedFile().getPath());
            }
        });
        JButton play = new JButton("Replay");
        play.setName("replayStart");
        play.addActionListener(e -> {
            if (file.getText().isBlank()) {
                return;
            }
            double s = parseSpeed((String) speed.getSelectedItem());
            Path path = Path.of(file.getText().trim());
            connect.accept(new PacedReplay(path, s).savingToHistory(saveReplay.isSelected()), replayKey(path, s));
        });
        p.add(new JLabel("File"));
        p.add(file);
        p.add(browse);
        p.add(new JLabel("Speed"));
        p.add(speed);
        saveReplay.setName("replaySaveHistory");
        saveReplay.setToolTipText("Replays are not saved in the history unless you tick this");
        p.add(saveReplay);
        p.add(play);
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, 70));
        return p;
    }

    private JPanel simulatorPanel() {
        JPanel sim = new JPanel(new FlowLayout(FlowLayout.LEFT));
        sim.setBorder(BorderFactory.createTitledBorder("Simulator (a simulated wearer, no sensor needed)"));
        JComboBox<String> scenario = new JComboBox<>(new String[] {"slump-demo", "workday"});
        scenario.setName("simScenario");
        JComboBox<String> simSpeed = new JComboBox<>(SPEEDS);
        simSpeed.setName("simSpeed");
        JButton start = new JButton("Start");
        start.setName("simStart");
        start.addActionListener(e -> {
            String sc = (String) scenario.getSelectedItem();
            double s = parseSpeed((String) simSpeed.getSelectedItem());
            connect.accept(new SimulatorSource(sc, s), simulatorKey(sc, s));
        });
        sim.add(new JLabel("Scenario"));
        sim.add(scenario);
        sim.add(new JLabel("Speed"));
        sim.add(simSpeed);
        sim.add(start);
        return sim;
    }

    /**
     * A sensor as this tab connects it: with the lower sensor and the "Record to" file when given (a live sensor),
     * both remembered for the next time (written off the event thread).
     *
     * @param withLower false when the lower sensor is known not to be attached: the upper one alone
     */
    SampleSource attach(SampleSource source, boolean withLower) {
        prefs.put(UserSettings.Key.LOWER_PORT.key, lower.port());
        prefs.put(UserSettings.Key.RECORD_FILE.key, record.file());
        prefs.save();
        return record.attachTo(withLower ? lower.attachTo(source) : source);
    }

    SampleSource attach(SampleSource source) {
        return attach(source, true);
    }

    static String simulatorKey(String scenario, double speed) {
        return "sim:" + (Double.isInfinite(speed) ? "max" : String.valueOf(speed)) + ":" + scenario;
    }

    static String replayKey(Path file, double speed) {
        return "replay:" + (Double.isInfinite(speed) ? "max" : String.valueOf(speed)) + ":" + file.toAbsolutePath();
    }

    /** "4", "4×", "max" → speed; max → infinity. */
    static double parseSpeed(String text) {
        if (text.trim().equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        String t = text.trim().replace("×", "").replace("x", "");
        double v = Double.parseDouble(t);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("speed must be a positive number or 'max': " + text);
        }
        return v;
    }

    void showReplay(Path path, double s) {
        file.setText(path.toString());
        speed.setSelectedItem(Double.isInfinite(s) ? "max" : Pacing.label(s));
    }

    /**
     * The tab as the window shows it: scrolled when the window is too short for every way in (notices above take
     * room), as wide as the window always.
     */
    javax.swing.JScrollPane scrolling() {
        javax.swing.JScrollPane pane = new javax.swing.JScrollPane(this,
                javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        pane.setBorder(BorderFactory.createEmptyBorder());
        pane.setName("connectScroll");
        return pane;
    }

    @Override
    public java.awt.Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return Math.max(16, visible.height - 32);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    /** Fills the view when it is taller than what the tab needs (no scroll bar then). */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof javax.swing.JViewport v && v.getHeight() > getPreferredSize().height;
    }
}
