package io.midback.cli;

import io.midback.text.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code midback} command and the one list of its subcommands. Errors reach the user as one clear line on
 * stderr, never as a stack trace ({@code MIDBACK_DEBUG=1} shows the trace for developers).
 */
@Command(name = "midback", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Thoracic posture companion: replays, live sensors, history and reports.")
public final class MidbackCommand implements java.util.concurrent.Callable<Integer> {

    /** The subcommands, in the order the help lists them (each names itself in its {@code @Command}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            GuiCommand.class,
            LiveCommand.class,
            BreatheCommand.class,
            RoutineCommand.class,
            ReplayCommand.class,
            ScanCommand.class,
            ReportCommand.class,
            HistoryCommand.class,
            ExportCommand.class,
            SettingsCommand.class,
            SimulateCommand.class,
            EvalOrientationCommand.class,
            MobilityCommand.class,
            CommandLine.HelpCommand.class);

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

    /** Builds the command line, with every subcommand, with Midback's error handling; tests use this too. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the subcommand named {@code first} when it names one (picocli's reflective set-up
     * of every subcommand is the largest part of the command line's start-up), else with all of them (no
     * arguments, top-level options, {@code help}, a misspelt name that wants suggestions).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new MidbackCommand());
        boolean named = first != null && !first.equals("help")
                && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || nameOf(c).equals(first)) {
                cl.addSubcommand(nameOf(c), c);
            }
        }
        // after the subcommands: the handlers reach the subcommands present when they are set
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * Midback's one style for errors, for every command: one line on stderr, {@code midback COMMAND: what went
     * wrong}, naming the place (file and line, option, port). A usage error (a bad option or value) says what the
     * option accepts and points to {@code --help}, without the usage dump; exit 2. A run that fails exits 1.
     */
    static void printError(CommandLine cl, String message, boolean usage) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + Printable.line(message)
                + (usage ? " (see '" + name + " --help')" : ""));
        err.flush();
    }

    /** Usage errors found while parsing (unknown option, missing or malformed value): one line, exit 2. */
    static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            String message = plain(ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            printError(cl, message, true);
            if (System.getenv("MIDBACK_DEBUG") != null) {
                ex.printStackTrace(cl.getErr());
            }
            return 2;
        }
    }

    /**
     * The parser's messages in the product's words: "'abc' is not a number" rather than "is not a double" or
     * "a long", and without the "Error: " and "(specify …)" of its option groups.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("' is not an? (double|float|long|int|integer|short|byte)\\b", "' is not a number")
                .replaceFirst("^Error: ", "")
                .replace(" (specify only one)", ": give only one")
                .replace(" (specify one of these)", ": give one of them");
    }

    /** Turns any exception into one line on stderr naming what failed; exit code 1 (2 for usage errors). */
    static final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            int code = ex instanceof UserException ue ? ue.exitCode() : 1;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            printError(cl, msg, code == 2);
            if (System.getenv("MIDBACK_DEBUG") != null) {
                ex.printStackTrace(cl.getErr());
                cl.getErr().flush();
            }
            return code;
        }
    }
}
