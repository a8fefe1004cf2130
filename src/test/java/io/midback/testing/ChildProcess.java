package io.midback.testing;

import org.junit.jupiter.api.Assertions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process under test: its stdout and stderr are each read on a thread of their own (so a chatty child
 * never blocks on a full pipe), every wait has a deadline, and a child that outlives its deadline is killed and
 * fails the test with what it printed. {@link #close()} kills whatever is still running.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private record Waiter(Predicate<String> line, CompletableFuture<String> seen) {
    }

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.outReader = reader(process.getInputStream(), out, name + " stdout");
        this.errReader = reader(process.getErrorStream(), err, name + " stderr");
    }

    /** Starts {@code pb}; its output is collected from now on. */
    public static ChildProcess start(String name, ProcessBuilder pb) {
        try {
            return new ChildProcess(name, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** A builder for {@code java [jvmArgs] -cp <this test classpath> main args}. */
    public static ProcessBuilder java(List<String> jvmArgs, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    private Thread reader(InputStream in, StringBuilder into, String threadName) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        into.append(line).append('\n');
                        for (Waiter w : waiters) {
                            if (!w.seen.isDone() && w.line.test(line)) {
                                w.seen.complete(line);
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child is gone: its pipe closed
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public Process process() {
        return process;
    }

    /** All of stdout so far. */
    public synchronized String out() {
        return out.toString();
    }

    /** All of stderr so far. */
    public synchronized String err() {
        return err.toString();
    }

    /** What the child printed so far, for failure messages. */
    public synchronized String transcript() {
        return name + " stdout:\n" + out + name + " stderr:\n" + err;
    }

    /**
     * Waits until the child prints a line (on stdout or stderr, printed since the start) that {@code line} accepts,
     * and returns it; fails the test, killing the child, when none comes within {@code timeout} or it exits first.
     */
    public String awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        CompletableFuture<String> seen = new CompletableFuture<>();
        synchronized (this) {
            for (String l : (out + "" + err).split("\n")) {
                if (line.test(l)) {
                    return l;
                }
            }
            waiters.add(new Waiter(line, seen));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return seen.get(20, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive()) {
                    Assertions.fail(name + " exited (" + process.exitValue() + ") before printing the awaited line\n"
                            + transcript());
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        kill();
        return Assertions.fail(name + " did not print the awaited line within " + timeout + "; killed\n" + transcript());
    }

    /**
     * Waits for the child to exit and for its output to be read; returns its exit code. A child still running at
     * the deadline is killed and fails the test with its output.
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            Assertions.fail(name + " did not exit within " + timeout + "; killed\n" + transcript());
        }
        outReader.join(TimeUnit.SECONDS.toMillis(10));
        errReader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** SIGKILL (on Unix), and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
