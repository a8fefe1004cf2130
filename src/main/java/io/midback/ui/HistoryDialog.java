package io.midback.ui;

import io.midback.history.DayData;
import io.midback.history.HistoryStore;
import io.midback.history.SessionRow;
import io.midback.recording.FileErrors;
import io.midback.report.Reports;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Session ▸ History and reports…: the days and sessions on record in the window's history, writing a day's or a
 * week's report (HTML, PNG, SVG or CSV, by the file's name: {@link Reports}, as {@code midback report}), and
 * deleting a session or a day ({@link HistoryStore#deleteSession}, {@link HistoryStore#deleteDay}, as
 * {@code midback history delete}) after a confirmation. The history is read and written on a thread of its own;
 * the event thread only shows the outcome.
 */
final class HistoryDialog {
    /** Width of a report's charts, pixels (as {@code midback report}'s default). */
    static final int REPORT_WIDTH_PX = 1200;

    private final JDialog dialog;
    private final HistoryAccess history;
    private final Runnable changed;
    private final DefaultListModel<LocalDate> days = new DefaultListModel<>();
    private final DefaultListModel<SessionRow> sessions = new DefaultListModel<>();
    private final JList<LocalDate> dayList = new JList<>(days);
    private final JList<SessionRow> sessionList = new JList<>(sessions);
    /** Every session in the history, as last read; the list shows the chosen day's. */
    private List<SessionRow> allSessions = List.of();
    private final JTextArea status = new JTextArea(3, 60);
    private final JLabel where = new JLabel(" ");

    private HistoryDialog(JFrame frame, HistoryAccess history, Runnable changed) {
        this.history = history;
        this.changed = changed;
        dialog = new JDialog(frame, "History and reports", false);
        dialog.setName("historyDialog");
        build();
        dialog.pack();
        dialog.setLocationRelativeTo(frame);
    }

    /** Opens the dialog and loads the history into it. Event thread. */
    static HistoryDialog open(JFrame frame, HistoryAccess history, Runnable changed) {
        HistoryDialog d = new HistoryDialog(frame, history, changed);
        d.dialog.setVisible(true);
        d.reload(null);
        return d;
    }

    private void build() {
        JPanel lists = new JPanel(new GridLayout(1, 2, 8, 8));
        dayList.setName("historyDays");
        sessionList.setName("historySessions");
        sessionList.setCellRenderer((list, row, i, selected, focus) -> {
            JLabel l = new JLabel(row.describe());
            l.setOpaque(true);
            l.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            l.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            return l;
        });
        dayList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSessionsOfTheDay();
            }
        });
        lists.add(titled("Days", dayList));
        lists.add(titled("Sessions of the day", sessionList));
        lists.setPreferredSize(new Dimension(820, 260));

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(button("historyReportDay", "Write the day's report…", this::writeDayReport));
        buttons.add(button("historyReportWeek", "Write the week's report…", this::writeWeekReport));
        buttons.add(button("historyDeleteSession", "Delete the session…", this::deleteSession));
        buttons.add(button("historyDeleteDay", "Delete the day…", this::deleteDay));
        JButton close = button("historyClose", "Close", dialog::dispose);
        buttons.add(close);

        status.setName("historyStatus");
        status.setLineWrap(true);
        status.setWrapStyleWord(true);
        status.setEditable(false);
        status.setOpaque(false);
        where.setName("historyWhere");

        JPanel south = new JPanel(new BorderLayout(4, 4));
        south.add(buttons, BorderLayout.NORTH);
        south.add(status, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout(8, 8));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(where, BorderLayout.NORTH);
        content.add(lists, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        dialog.setContentPane(content);
    }

    private static JPanel titled(String title, JList<?> list) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createTitledBorder(title));
        p.add(new JScrollPane(list), BorderLayout.CENTER);
        return p;
    }

    private static JButton button(String name, String label, Runnable action) {
        JButton b = new JButton(label);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }

    /** Reads the days and sessions (worker thread), then shows them and {@code message}. */
    private void reload(String message) {
        work(store -> {
            List<LocalDate> d = store.days();
            List<SessionRow> s = store.sessions();
            SwingUtilities.invokeLater(() -> {
                days.clear();
                d.forEach(days::addElement);
                allSessions = s;
                where.setText("History: " + store.path() + "  (" + count(d.size(), "day") + ", "
                        + count(s.size(), "session") + ")");
                if (!d.isEmpty() && dayList.isSelectionEmpty()) {
                    dayList.setSelectedIndex(d.size() - 1);
                }
                showSessionsOfTheDay();
            });
            return message;
        });
    }

    /** The sessions list shows the chosen day's sessions (all of them when no day is chosen). Event thread. */
    private void showSessionsOfTheDay() {
        LocalDate day = dayList.getSelectedValue();
        sessions.clear();
        for (SessionRow r : allSessions) {
            if (day == null || r.ranOn(day)) {
                sessions.addElement(r);
            }
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private interface StoreWork {
        String run(HistoryStore store) throws Exception;
    }

    /** Runs {@code w} on a worker thread with the store; shows what it returns (or why it failed). */
    private void work(StoreWork w) {
        Thread t = new Thread(() -> {
            String result;
            try {
                HistoryStore store = history == null ? null : history.store();
                result = store == null ? "No history in this window (it runs without one, or it cannot be opened: "
                        + "see the notice at the top of the window)." : w.run(store);
            } catch (Exception e) {
                result = "Failed: " + e.getMessage();
            }
            String shown = result;
            SwingUtilities.invokeLater(() -> {
                if (shown != null) {
                    status.setText(shown);
                }
            });
        }, "midback-history");
        t.setDaemon(true);
        t.start();
    }

    private LocalDate chosenDay() {
        LocalDate d = dayList.getSelectedValue();
        if (d == null) {
            status.setText("Choose a day first.");
        }
        return d;
    }

    private void writeDayReport() {
        LocalDate day = chosenDay();
        Path out = day == null ? null : chooseReportFile("midback-" + day + ".html");
        if (out == null) {
            return;
        }
        work(store -> {
            DayData data = store.day(day);
            if (data.minutes().isEmpty()) {
                return "Nothing on record on " + day + ".";
            }
            try {
                Reports.writeDay(data, Double.NaN, REPORT_WIDTH_PX, out); // the day's own threshold, as the command's
            } catch (IOException e) {
                return cannotWrite(out, e);
            }
            return "Wrote the report of " + day + " to " + out;
        });
    }

    private void writeWeekReport() {
        LocalDate day = chosenDay();
        LocalDate monday = day == null ? null : day.with(DayOfWeek.MONDAY);
        Path out = monday == null ? null : chooseReportFile("midback-week-" + monday + ".html");
        if (out == null) {
            return;
        }
        work(store -> {
            try {
                return Reports.writeWeek(store, monday, REPORT_WIDTH_PX, out)
                        ? "Wrote the report of " + Reports.weekTitle(monday) + " to " + out
                        : "Nothing on record in " + Reports.weekTitle(monday) + ".";
            } catch (IOException e) {
                return cannotWrite(out, e);
            }
        });
    }

    /** A report that could not be written: one line naming the file and why. */
    private static String cannotWrite(Path out, IOException e) {
        return "Could not write the report to " + out + ": " + FileErrors.reason(e) + ".";
    }

    /** A file to write a report to; the format follows its name (.html, .png, .svg, .csv). Null: cancelled. */
    private Path chooseReportFile(String suggested) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Write the report to (.html, .png, .svg or .csv)");
        chooser.setSelectedFile(new File(suggested));
        if (chooser.showSaveDialog(dialog) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        Path out = chooser.getSelectedFile().toPath();
        if (Reports.Format.of(out) == null) {
            status.setText(out.getFileName() + ": name the file .html, .png, .svg or .csv.");
            return null;
        }
        return out;
    }

    private void deleteSession() {
        SessionRow row = sessionList.getSelectedValue();
        if (row == null) {
            status.setText("Choose a session first.");
            return;
        }
        if (confirm("Delete session " + row.describe() + " from the history? There is no undo.")) {
            change(store -> store.deleteSession(row.id()) ? "Deleted session " + row.describe()
                    : "Session #" + row.id() + " is not in the history any more.");
        }
    }

    private void deleteDay() {
        LocalDate day = chosenDay();
        if (day != null && confirm("Delete everything recorded on " + day + " from the history? There is no undo.")) {
            change(store -> {
                store.deleteDay(day);
                return "Deleted everything on " + day + ".";
            });
        }
    }

    private boolean confirm(String question) {
        return JOptionPane.showConfirmDialog(dialog, question, "Delete", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION;
    }

    /** A change to the history: done, then the lists reload and the window's Today tab too. */
    private void change(StoreWork w) {
        work(store -> {
            String done = w.run(store);
            SwingUtilities.invokeLater(() -> {
                changed.run();
                reload(done);
            });
            return done;
        });
    }
}
