package io.midback.transport;

import io.midback.testing.Prerequisites;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by socat: bytes written to {@link #a()} come out of {@link #b()} and back.
 * {@link #require} skips the test when socat is missing, except in CI (env CI=true), where it fails.
 */
public final class SocatPair implements AutoCloseable {
    private final Path a;
    private final Path b;
    private Process process;
    private final List<String> log = new ArrayList<>();

    private SocatPair(Path dir) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
    }

    /** Starts socat with the pair's links in {@code dir}; skips (or fails in CI) when socat is absent. */
    public static SocatPair require(Path dir) throws IOException {
        Prerequisites.tool("socat", "apt-get install socat");
        SocatPair pair = new SocatPair(dir);
        pair.start();
        return pair;
    }

    static String socatPath() {
        Path p = Prerequisites.onPath("socat");
        return p == null ? null : p.toString();
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** Starts (or restarts) socat; returns when both pseudo-terminals exist and socat is transferring. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("socat is already running");
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        process = new ProcessBuilder(socatPath(), "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process p = process;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.add(line);
                    }
                    if (line.contains("starting data transfer loop")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // socat ended
            }
            ready.complete(null);
        }, "socat-log");
        t.setDaemon(true);
        t.start();
        try {
            ready.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("socat did not start: " + log, e);
        }
        if (!process.isAlive() || !Files.exists(a) || !Files.exists(b)) {
            throw new IOException("socat did not make the pty pair: " + log);
        }
    }

    /**
     * Kills socat with SIGKILL: both ends vanish at once, as when a cable is pulled, and so do their names (as a
     * USB adapter's device node does). The names go first: a link left behind would point at a /dev/pts number
     * that the kernel hands to the next pseudo-terminal opened on the machine (another build's), and a port
     * reopened by that name would be someone else's terminal.
     */
    public synchronized void kill() throws InterruptedException {
        try {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("socat did not end within 30 s of SIGKILL");
            }
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }
}
