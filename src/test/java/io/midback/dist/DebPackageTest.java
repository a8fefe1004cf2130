package io.midback.dist;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.cli.MidbackCommand;
import io.midback.testing.ChildProcess;
import io.midback.ui.XvfbExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The installable app as a user gets it (issue 16): the {@code .deb} that {@code ./mvnw -Pdist package} builds is
 * installed with {@code dpkg -i}, its {@code midback} command runs from PATH ({@code --version}, the bundled sample
 * replayed headless, as the in-process command replays it), its desktop entry and icon are in place, and
 * {@code dpkg -r} takes it all away again. The app image opens the window under X.
 *
 * <p>Runs after the package is built ({@code ./mvnw -Pdist verify}; surefire's default run leaves this package
 * out). Installing needs root: as another user it is skipped, saying why, except under {@code CI=true}, where a
 * missing package, dpkg or root fails it.
 */
@ExtendWith(XvfbExtension.class)
class DebPackageTest {
    private static final Path DIST = Path.of(System.getProperty("basedir", "."), "target", "dist").toAbsolutePath();
    private static final boolean CI = "true".equals(System.getenv("CI"));
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void theDebInstallsTheMidbackCommandAndDesktopEntryRunsTheSampleAndRemovesCleanly() throws IOException, InterruptedException {
        Path deb = require(builtDeb(), "no target/dist/midback_*.deb: build it with ./mvnw -B -Pdist package");
        requireTool("dpkg");
        List<String> asRoot = new ArrayList<>();
        if (!"0".equals(run(List.of("id", "-u")).out().trim())) {
            if (!onPath("sudo") || run(List.of("sudo", "-n", "true")).exit() != 0) {
                unavailable("installing the .deb needs root (dpkg -i): run the tests as root or with sudo, as CI does");
            }
            asRoot.add("sudo");
            asRoot.add("-n");
        }
        // Another build on this machine may be installing and removing its own package for a moment: wait for it.
        long deadline = System.nanoTime() + DPKG_WAIT.toNanos();
        while (installed() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        if (installed()) {
            unavailable("a midback package is installed on this machine already: the test leaves it alone");
        }
        try {
            Result install = dpkg(concat(asRoot, "dpkg", "-i", deb.toString()));
            assertEquals(0, install.exit(), install.toString());

            Path command = Path.of("/usr/bin/midback");
            assertTrue(Files.isExecutable(command), "no /usr/bin/midback after dpkg -i");
            assertEquals(Path.of("/opt/midback/bin/midback"), command.toRealPath());
            String desktop = Files.readString(Path.of("/usr/share/applications/midback.desktop"));
            assertTrue(desktop.contains("Exec=/opt/midback/bin/midback gui"), desktop);
            Path icon = Path.of(desktop.lines().filter(l -> l.startsWith("Icon=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Icon= in the desktop entry:\n" + desktop)).substring(5));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            byte[] head = new byte[4];
            System.arraycopy(Files.readAllBytes(icon), 0, head, 0, 4);
            assertArrayEquals(png, head, icon + " is not a PNG");

            // The trimmed runtime: the package's own Java, without the compiler or the other development modules.
            String release = Files.readString(Path.of("/opt/midback/lib/runtime/release"));
            assertTrue(release.contains("java.desktop") && !release.contains("jdk.compiler")
                    && !release.contains("jdk.jlink"), release);

            Result version = installed("midback", "--version");
            assertEquals(0, version.exit(), version.toString());
            String first = version.out().lines().findFirst().orElse("");
            String built = System.getProperty("midback.version"); // set by the dist profile's test run
            assertTrue(built == null ? first.matches("midback \\d+\\.\\d+.*") : first.equals("midback " + built),
                    version.toString());

            Path sample = Path.of("/opt/midback/lib/app/samples/slump-demo.csv.gz");
            Result replay = installed("midback", "replay", sample.toString(), "--json", "--quiet");
            assertEquals(0, replay.exit(), replay.toString());
            JsonObject fromPackage = lastJson(replay.out());
            JsonObject inProcess = lastJson(inProcess("replay", Path.of("samples", "slump-demo.csv.gz")
                    .toAbsolutePath().toString(), "--json", "--quiet"));
            System.out.println("installed midback replayed " + fromPackage.get("samples") + " samples, "
                    + fromPackage.getAsJsonArray("slumpEpisodes").size() + " slump episodes");
            assertTrue(fromPackage.get("samples").getAsLong() > 10_000, fromPackage.toString());
            assertEquals(inProcess, fromPackage, "the installed program replays the sample as the build does");

            // No arguments and no display: the main job in the terminal, on the sample inside the package.
            Result bare = installed("midback");
            assertEquals(0, bare.exit(), bare.toString());
            assertTrue(bare.err().contains(sample.toString()), bare.toString());
            assertTrue(bare.out().contains("slump episodes: " + fromPackage.getAsJsonArray("slumpEpisodes").size()),
                    bare.toString());
        } finally {
            Result remove = dpkg(concat(asRoot, "dpkg", "-r", "midback"));
            assertEquals(0, remove.exit(), remove.toString());
        }
        assertFalse(Files.exists(Path.of("/usr/bin/midback"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "/usr/bin/midback left behind by dpkg -r");
        assertFalse(Files.exists(Path.of("/usr/share/applications/midback.desktop")), "desktop entry left behind");
        assertFalse(Files.exists(Path.of("/opt/midback/bin/midback")), "/opt/midback left behind");
    }

    @Test
    void theAppImageOpensTheWindow(XvfbExtension.Display display) throws Exception {
        Path launcher = require(DIST.resolve("midback/bin/midback"),
                "no app image in target/dist/midback: build it with ./mvnw -B -Pdist package");
        requireTool("xdotool");
        Map<String, String> env = userEnv();
        env.put("DISPLAY", display.name());
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "gui", "--replay",
                DIST.resolve("midback/lib/app/samples/slump-demo.csv.gz").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("window.log").toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process window = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String found = "";
            while (System.nanoTime() < deadline && window.isAlive() && found.isEmpty()) {
                Result search = run(List.of("xdotool", "search", "--onlyvisible", "--name",
                        "^Midback"), null, Map.of("DISPLAY", display.name()),
                        Duration.ofSeconds(10));
                found = search.out().trim();
                if (found.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertTrue(window.isAlive(), "the app image's window exited: "
                    + Files.readString(home.resolve("window.log")));
            assertFalse(found.isEmpty(), "no visible Midback window from the app image within 60 s: "
                    + Files.readString(home.resolve("window.log")));
            String title = run(List.of("xdotool", "getwindowname", found.lines().findFirst().orElseThrow()),
                    null, Map.of("DISPLAY", display.name()), Duration.ofSeconds(10)).out().trim();
            System.out.println("app image window: '" + title + "'");
            assertTrue(title.startsWith("Midback"), title);
        } finally {
            window.descendants().forEach(ProcessHandle::destroyForcibly);
            window.destroyForcibly();
            window.waitFor();
        }
    }

    /** What a finished run gave. */
    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs {@code command} to its end (killed, failing the test, past {@code timeout}); null env values unset. */
    private static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try (ChildProcess child = ChildProcess.start(command.get(0), pb)) {
            child.process().getOutputStream().close();
            int exit = child.awaitExit(timeout);
            return new Result(exit, child.out(), child.err());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A run of the installed command, found on PATH, with no display and a home of its own. */
    private Result installed(String... args) {
        return run(List.of(args), home, userEnv(), RUN_TIMEOUT);
    }

    private Map<String, String> userEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    private static Result run(List<String> command) {
        return run(command, null, Map.of(), RUN_TIMEOUT);
    }

    /** How long to wait for another build's dpkg (its lock, or its package installed for a moment). */
    private static final Duration DPKG_WAIT = Duration.ofSeconds(120);

    private static boolean installed() {
        Result status = run(List.of("dpkg-query", "-W", "-f=${Status}", "midback"));
        return status.exit() == 0 && status.out().contains("installed") && !status.out().contains("not-installed");
    }

    /** A dpkg command, tried again while another process holds dpkg's lock. */
    private static Result dpkg(List<String> command) throws InterruptedException {
        long deadline = System.nanoTime() + DPKG_WAIT.toNanos();
        Result r = run(command);
        while (r.exit() != 0 && r.err().contains("lock") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = run(command);
        }
        return r;
    }

    private static List<String> concat(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        return all;
    }

    private static String inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var cl = MidbackCommand.commandLine();
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cl.execute(args);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject lastJson(String out) {
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertFalse(lines.isEmpty(), "no output");
        return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    }

    private static Path builtDeb() throws IOException {
        if (!Files.isDirectory(DIST)) {
            return DIST.resolve("midback_VERSION-1_amd64.deb");
        }
        try (Stream<Path> s = Files.list(DIST)) {
            return s.filter(p -> p.getFileName().toString().matches("midback_.*\\.deb")).findFirst()
                    .orElse(DIST.resolve("midback_VERSION-1_amd64.deb"));
        }
    }

    private static Path require(Path p, String why) {
        if (!Files.exists(p)) {
            unavailable(why);
        }
        return p;
    }

    private static void requireTool(String name) {
        if (!onPath(name)) {
            unavailable(name + " is not installed (.ci/run installs it)");
        }
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Skips, saying why; under CI=true, fails instead. */
    private static void unavailable(String why) {
        if (CI) {
            fail(why);
        }
        Assumptions.abort(why);
    }
}
