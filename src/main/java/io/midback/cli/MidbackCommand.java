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
                CommandLine.HelpCommand.class,
                SimulateCommand.class,
                ReportCommand.class,
                HistoryCommand.class,
                ExportCommand.class,
                ScanCommand.class,
                ReplayCommand.class,
                LiveCommand.class,
                EvalOrientationCommand.class,
                GuiCommand.class,
        })
public final class MidbackCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No arguments: the window on a desktop, the usage otherwise. */
    @Override
    public Integer call() {
        if (GuiCommand.desktopAvailable()) {
            return spec.commandLine().getSubcommands().get("gui").execute();
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
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
