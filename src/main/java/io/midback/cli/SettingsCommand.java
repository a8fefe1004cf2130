package io.midback.cli;

import io.midback.app.UserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code midback settings}: shows the wearer's settings file (the one the window's Alert settings write and
 * {@code replay}, {@code live} and {@code gui} read); {@code midback settings set KEY VALUE} changes one value.
 * An unknown key or a bad value is one line naming it (exit 2).
 */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = {"Shows the settings that the window, replay and live share, or sets one "
                + "(midback settings set slump.threshold 18). Options on the command line override them for one run.",
                "Keys: slump.preset, slump.threshold, slump.dwell, break.interval, alert.sound, alert.vibration, "
                        + "theme, last.source, chart.windowMin."},
        subcommands = SettingsCommand.Set.class)
public final class SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UserSettings s = UserSettings.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + s.file() + (java.nio.file.Files.exists(s.file()) ? "" : " (not written yet: defaults)"));
        for (Map.Entry<UserSettings.Key, String> e : s.all().entrySet()) {
            UserSettings.Key k = e.getKey();
            out.printf(Locale.ROOT, "%-16s %-10s %s%s%n", k.key, e.getValue().isEmpty() ? "\"\"" : e.getValue(),
                    s.isSet(k) ? "" : "(default) ", "# " + k.description);
        }
        out.flush();
        return 0;
    }

    /** {@code midback settings set KEY VALUE}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets one setting and saves the file.")
    static final class Set implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KEY", description = "The setting (see midback settings).")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
        String value;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UserSettings s = UserSettings.load();
            UserSettings.Key k;
            try {
                k = UserSettings.Key.of(key);
                s.set(k, value);
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage().startsWith("unknown setting") ? e.getMessage() : key + " " + e.getMessage();
                throw new UserException(msg, 2, null);
            }
            try {
                s.store();
            } catch (UncheckedIOException e) {
                throw new UserException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println(k.key + " = " + s.get(k) + "  (" + s.file() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
