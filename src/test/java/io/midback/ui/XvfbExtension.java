package io.midback.ui;

import io.midback.testing.Prerequisites;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Gives a test an X display for a real window: the session's {@code DISPLAY} when there is one; otherwise it starts
 * {@code Xvfb :N} on a free display number, waits for its socket {@code /tmp/.X11-unix/XN}, and kills it after the
 * test class. Without Xvfb the test is skipped with the reason, except in CI ({@code CI=true}), where it fails.
 *
 * <p>The window itself runs in a child JVM with that {@code DISPLAY} (see {@link GuiScenario}): the test JVM stays
 * as it is (headless or not), so other tests' headless chart rendering is unaffected.
 */
public final class XvfbExtension implements ParameterResolver {
    /** The display to use, e.g. ":93". */
    public record Display(String name) {
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Display.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ExtensionContext.Store store = c.getRoot().getStore(ExtensionContext.Namespace.create(XvfbExtension.class));
        return store.getOrComputeIfAbsent("display", k -> open(), Server.class).display;
    }

    private static Server open() {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new Server(new Display(existing), null);
        }
        Path xvfb = Prerequisites.onPath("Xvfb");
        Prerequisites.require(xvfb != null,
                "Xvfb is not installed (apt-get install xvfb) and DISPLAY is not set: the window tests need a display");
        for (int n = 90; n < 190; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1280x800x24", "-nolisten",
                        "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                    Thread.sleep(20);
                }
                if (p.isAlive() && Files.exists(socket)) {
                    return new Server(new Display(":" + n), p);
                }
                p.destroyForcibly(); // lost a race for :n, or it failed: try the next number
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Xvfb: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Xvfb", e);
            }
        }
        throw new IllegalStateException("no free X display number between :90 and :189 for Xvfb");
    }


    /** Kills Xvfb when the root context closes (after all tests). */
    private record Server(Display display, Process process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
