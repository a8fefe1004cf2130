package io.midback.app;

import io.midback.posture.PostureSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the window. The command line asks for it through this interface and the window registers itself as its
 * provider ({@code META-INF/services}), so that nothing imports the window's package: {@code cli → app ← ui}.
 */
public interface WindowLauncher {

    /**
     * What {@code midback gui} asks of the window.
     *
     * @param replay              recording to open straight into (or null)
     * @param speed               replay speed; infinity = max
     * @param port                serial port to open straight into (or null)
     * @param theme               "light", "dark", "system", or null for the remembered choice
     * @param measure             print the window's own figures as JSON when the replay ends, then close
     * @param fallbackReplay      replayed when nothing else is asked or remembered (or null)
     * @param saveReplayToHistory also save a replay in the history
     * @param posture             posture settings for this run (the command line's options over the settings
     *                            file), or null for the settings file's as the window edits them
     * @param json                print the session's summary as one JSON line when the replay ends (as
     *                            {@code replay --json} does)
     * @param exitWhenDone        close the window when the replay ends
     * @param history             the history database sessions are saved in and the Today tab reads, or null to
     *                            run without history
     * @param lowerReplay         with {@code replay}: the lower sensor's recording of the same session, or null
     */
    record Request(Path replay, double speed, String port, String theme, boolean measure, Path fallbackReplay,
                   boolean saveReplayToHistory, PostureSettings posture, boolean json, boolean exitWhenDone,
                   Path history, Path lowerReplay) {
    }

    /** Opens the window and returns the exit code once it is closed. */
    int run(Request request, PrintStream out, PrintStream err) throws Exception;

    /** The window on the class path, if any. */
    static Optional<WindowLauncher> find() {
        return ServiceLoader.load(WindowLauncher.class).findFirst();
    }
}
