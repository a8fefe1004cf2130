package io.midback.ui;

import io.midback.testing.Prerequisites;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives a test an X display for a real window: the session's {@code DISPLAY} when there is one; otherwise it starts
 * {@code Xvfb}, which takes a free display number and says which, and kills it after the tests. Without Xvfb the test is skipped with the reason, except in CI ({@code CI=true}), where it fails.
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
        // Xvfb picks a free display itself and writes its number to stdout (-displayfd 1): choosing a number here
        // raced with another test JVM doing the same, and the loser could end up on the winner's server, which
        // vanished under its windows when the winner's tests were done.
        Process p;
        try {
            p = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten",
                    "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Xvfb: " + e.getMessage(), e);
        }
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(10, TimeUnit.SECONDS);
            if (n != null && n.strip().matches("\\d+") && p.isAlive()) {
                return new Server(new Display(":" + n.strip()), p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // said below
        }
        p.destroyForcibly();
        throw new IllegalStateException("Xvfb did not say which display it took within 10 s");
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
