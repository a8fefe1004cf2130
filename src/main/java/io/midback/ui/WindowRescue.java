package io.midback.ui;

import io.midback.app.UserSettings;
import io.midback.live.LiveRecording;
import io.midback.recording.CsvSampleReader;

import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What the window offers when something fails, so that it never strands the user: the whole reason in a notice
 * ({@link NoticePanel}) and the ways out as buttons. A history database that cannot be opened: choose another, start
 * a fresh one (the damaged file kept aside, renamed), or run without history. A source that fails: try again or
 * choose another. A damaged settings file: keep it aside, or overwrite it with the settings in use. The file work
 * runs on a thread of its own; the event thread only shows the outcome.
 */
final class WindowRescue {
    static final String HISTORY = "history", SOURCE = "source", SETTINGS = "settings";

    private final NoticePanel notices;
    private final JFrame frame;
    private final HistoryAccess history;
    private final UiPrefs prefs;
    private final Clock clock;
    private final Runnable historyChanged;
    private final Runnable chooseSource;
    private final Consumer<String> notice;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "midback-rescue");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param historyChanged run on the event thread after the history in use changed (the Today tab reloads)
     * @param chooseSource   shows where to choose another source (the Connect tab)
     * @param notice         the one-line status notice (event thread)
     */
    WindowRescue(NoticePanel notices, JFrame frame, HistoryAccess history, UiPrefs prefs, Clock clock,
                 Runnable historyChanged, Runnable chooseSource, Consumer<String> notice) {
        this.notices = notices;
        this.frame = frame;
        this.history = history;
        this.prefs = prefs;
        this.clock = clock;
        this.historyChanged = historyChanged;
        this.chooseSource = chooseSource;
        this.notice = notice;
    }

    /** The history cannot be opened ({@code why}: the whole message). Event thread. */
    void historyFailed(String why) {
        List<NoticePanel.Way> ways = new java.util.ArrayList<>();
        ways.add(new NoticePanel.Way("historyChoose", "Choose another database…", this::chooseDatabase));
        if (history != null && history.path() != null) {
            ways.add(new NoticePanel.Way("historyFresh", "Start a fresh one (keep this file aside)",
                    this::startFresh));
        }
        ways.add(new NoticePanel.Way("historyOff", "Run without history", this::runWithout));
        notices.show(HISTORY, NoticePanel.Tone.PROBLEM, "The history is not available", why
                + "\nSessions are not being saved and the Today tab is empty until you choose a way on.", ways);
    }

    private void chooseDatabase() {
        JFileChooser chooser = new JFileChooser(history.path() == null ? null : history.path().getParent().toFile());
        chooser.setDialogTitle("Choose a history database (or name a new one)");
        chooser.setFileFilter(new FileNameExtensionFilter("History databases (*.db)", "db"));
        if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path chosen = chooser.getSelectedFile().toPath();
        inBackground(() -> {
            history.use(chosen);
            return "History: " + chosen;
        });
    }

    private void startFresh() {
        inBackground(() -> {
            Path aside = history.startFresh(LocalDateTime.now(clock));
            return "Started a fresh history at " + history.path() + "; the old file is kept as " + aside;
        });
    }

    private void runWithout() {
        inBackground(() -> {
            history.runWithout();
            return "Running without history: sessions are not saved.";
        });
    }

    /** Does the file work, then opens the history in use to check it (a new failure shows a new notice). */
    private void inBackground(java.util.concurrent.Callable<String> work) {
        notices.clear(HISTORY);
        io.execute(() -> {
            String done;
            try {
                done = work.call();
                history.store(); // reports through the notice if this one cannot be opened either
            } catch (Exception e) {
                done = null;
                String why = e.getMessage();
                SwingUtilities.invokeLater(() -> historyFailed(why));
            }
            String shown = done;
            SwingUtilities.invokeLater(() -> {
                if (shown != null) {
                    notice.accept(shown);
                }
                historyChanged.run();
            });
        });
    }

    /**
     * The source failed or could not be opened ({@code why}: the whole reason; {@code file}: a replayed recording,
     * whose advice is about the file, not a sensor or the command line). Event thread.
     */
    void sourceFailed(String what, String why, Runnable retry, boolean file) {
        List<NoticePanel.Way> ways = new java.util.ArrayList<>();
        if (retry != null) {
            ways.add(new NoticePanel.Way("sourceRetry", "Try again", () -> {
                notices.clear(SOURCE);
                retry.run();
            }));
        }
        ways.add(new NoticePanel.Way("sourceChoose", "Choose another source…", () -> {
            notices.clear(SOURCE);
            chooseSource.run();
        }));
        boolean recording = why.startsWith(LiveRecording.CANNOT_RECORD); // the file, not the link
        String said = file ? CsvSampleReader.withoutCommandLineAdvice(why)
                + "\nChoose another recording on the Connect tab, or another source." : why + (recording ? ""
                : "\nCheck that the sensor is switched on and in range (a serial port: plugged in, and yours to use; "
                + "'midback scan' lists what this computer sees), then try again, or choose another source.");
        notices.show(SOURCE, NoticePanel.Tone.PROBLEM, "Could not stream from " + what, said, ways);
    }

    void sourceOk() {
        notices.clear(SOURCE);
    }

    /** Says so when the settings file read with damage. Event thread. */
    void checkSettings() {
        UserSettings s = prefs.settings();
        String damage = s.damage();
        if (damage == null) {
            return;
        }
        notices.show(SETTINGS, NoticePanel.Tone.PROBLEM, "The settings file is damaged",
                s.file() + ": " + damage + ".", List.of(
                        new NoticePanel.Way("settingsAside", "Keep it aside and use the defaults", () -> {
                            notices.clear(SETTINGS);
                            io.execute(() -> {
                                String done;
                                try {
                                    done = "The damaged settings file is kept as "
                                            + s.setAside(LocalDateTime.now(clock));
                                    prefs.release();
                                } catch (RuntimeException e) {
                                    done = e.getMessage();
                                }
                                String shown = done;
                                SwingUtilities.invokeLater(() -> notice.accept(shown));
                            });
                        }),
                        new NoticePanel.Way("settingsOverwrite", "Overwrite it with the settings in use", () -> {
                            notices.clear(SETTINGS);
                            prefs.release();
                        })));
    }

    void close() {
        io.shutdown();
    }
}
