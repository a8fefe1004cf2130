package io.midback.cli;

import io.midback.app.UserSettings;
import io.midback.app.WindowLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code midback gui}: opens the window (also what {@code midback} with no arguments does on a desktop). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the Midback window: live posture, alerts, calibration, today's review.",
                "Without --replay or --port it reconnects to the last device or recording, or replays the bundled "
                        + "sample when none is remembered or attached."})
public final class GuiCommand implements Callable<Integer> {

    @Option(names = "--replay", paramLabel = "FILE", description = "Open straight into a replay of this recording.")
    Path replay;

    @Option(names = "--lower", paramLabel = "FILE2", description = "With --replay: the lower sensor's recording (on "
            + "the sacrum) of the same session: the spine between the two sensors is plotted beside the trunk and "
            + "the slump rule reads it.")
    Path lower;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "1",
            description = "Replay speed: times real time, or max (as fast as it reads). Default: ${DEFAULT-VALUE}.")
    String speed;

    @Option(names = "--save-history", description = "With --replay: also save the replayed session in the history "
            + "(live sessions always are; replays are not unless asked).")
    boolean saveHistory;

    @Option(names = "--port", paramLabel = "PORT", description = "Open straight into a serial port (e.g. /dev/ttyUSB0).")
    String port;

    @Option(names = "--theme", paramLabel = "light|dark|system", description = "Look: light, dark, or follow the system.")
    String theme;

    @Option(names = "--json", description = "With --replay: print the session's summary as one JSON line when the "
            + "replay ends, the same as replay --json prints.")
    boolean json;

    @Option(names = "--exit-when-done", description = "With --replay: close the window when the replay ends.")
    boolean exitWhenDone;

    @Mixin
    PostureOptions posture;

    @Mixin
    SessionHistory history;

    @Option(names = "--measure", description = {"With --replay: print the window's figures as JSON when the replay ends "
            + "(time to a drawn window, longest event-thread stall, heap after GC), then close.",
            "Run with MIDBACK_JAVA_OPTS=-Xmx256m to hold the heap goal."})
    boolean measure;

    @Override
    public Integer call() throws Exception {
        double speedTimes = parseSpeed(speed); // usage errors first, display or not
        if (theme != null && !theme.matches("light|dark|system")) {
            throw UserException.usage("--theme " + theme + ": give light, dark or system");
        }
        if (saveHistory && history.pathOrNull() == null) {
            throw UserException.usage("--save-history and --no-history: give one or the other");
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new UserException("no display: the window needs a desktop (DISPLAY is not set); "
                    + "try 'midback replay FILE' instead");
        }
        if (replay != null && port != null) {
            throw UserException.usage("--replay and --port: give one or the other");
        }
        if (replay != null && !Files.isRegularFile(replay)) {
            throw new UserException(replay + ": no such file");
        }
        if (lower != null) {
            if (replay == null) {
                throw UserException.usage("--lower goes with --replay FILE (the upper sensor's recording)");
            }
            TwoSensors.check(replay, lower, ReplayCommand.isCsv("auto", replay));
        }
        if (saveHistory && replay == null) {
            throw UserException.usage("--save-history goes with --replay FILE (live sessions are always saved)");
        }
        if ((measure || json || exitWhenDone) && replay == null) {
            throw UserException.usage("--measure, --json and --exit-when-done go with --replay FILE");
        }
        java.nio.file.Path fallback = replay == null && port == null ? BundledSample.locate().orElse(null) : null;
        WindowLauncher window = WindowLauncher.find().orElseThrow(
                () -> new UserException("this build of midback has no window; try 'midback replay FILE' instead"));
        return window.run(new WindowLauncher.Request(replay, speedTimes, port, theme, measure, fallback,
                        saveHistory, posture.given() ? posture.toSettings(UserSettings.load()) : null, json,
                        exitWhenDone, history.pathOrNull(), lower),
                System.out, System.err);
    }

    static double parseSpeed(String text) {
        if ("max".equalsIgnoreCase(text.trim())) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(text.trim().replace("x", "").replace("×", ""));
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw UserException.usage("--speed " + text + ": give a positive number (times real time) or max");
    }

    /** True when a window can be shown here (a display, not headless). */
    static boolean desktopAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }
}
