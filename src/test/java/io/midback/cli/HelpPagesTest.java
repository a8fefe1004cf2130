package io.midback.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help (picocli's own {@code help} aside), subcommands of subcommands included: its usage on stdout, exit 0, nothing on stderr. */
class HelpPagesTest {

    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(MidbackCommand.commandLine(), "", paths);
        return paths;
    }

    private static void walk(CommandLine cl, String path, List<String> paths) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return; // picocli's own help command, whose --help is its one-line description
            }
            String p = (path + " " + name).strip();
            paths.add(p);
            walk(sub, p, paths);
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpIsTheUsageAloneWithNothingOnStderr(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CommandLineErrorsTest.Run r = CommandLineErrorsTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: midback " + command), r.toString());
        assertEquals("", r.err(), "stderr of " + command + " --help");
    }
}
