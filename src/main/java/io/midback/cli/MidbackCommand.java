package io.midback.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code midback} command and the one list of its subcommands. Errors reach the user as one clear line on
 * stderr, never as a stack trace ({@code MIDBACK_DEBUG=1} shows the trace for developers).
 */
@Command(name = "midback", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Thoracic posture companion: replays, live sensors, history and reports.",
        subcommands = {
                GuiCommand.class,
                LiveCommand.class,
                ReplayCommand.class,
                ScanCommand.class,
                ReportCommand.class,
                HistoryCommand.class,
                ExportCommand.class,
                SettingsCommand.class,
                SimulateCommand.class,
                EvalOrientationCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class MidbackCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * No arguments: on a desktop, the window (it reconnects to the last device, or replays the bundled sample when
     * none is remembered); without a display, the main job in the terminal: the bundled sample replayed through
     * the whole pipeline with the posture summary, and a one-line note on stderr.
     */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (GuiCommand.desktopAvailable()) {
            return cl.getSubcommands().get("gui").execute();
        }
        java.util.Optional<java.nio.file.Path> sample = BundledSample.locate();
        if (sample.isEmpty()) {
            cl.getErr().println("midback: no display found, and the bundled sample (samples/" + BundledSample.NAME
                    + ") is not beside the program; see the commands below.");
            cl.usage(cl.getOut());
            return 0;
        }
        cl.getErr().println("midback: no display found: replaying the bundled sample " + sample.get()
                + " in the terminal (on a desktop, 'midback' opens the window; 'midback --help' lists the commands)");
        cl.getErr().flush();
        return cl.getSubcommands().get("replay").execute(sample.get().toString());
    }

    /** Builds the command line with Midback's error handling; tests use this too. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MidbackCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Turns any exception into one line on stderr naming what failed; exit code 1 (2 for usage errors). */
    static final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            PrintWriter err = cl.getErr();
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("midback " + cl.getCommandName() + ": " + msg);
            if (System.getenv("MIDBACK_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ex instanceof UserException ue ? ue.exitCode() : 1;
        }
    }
}
