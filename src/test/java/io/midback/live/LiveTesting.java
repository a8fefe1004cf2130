package io.midback.live;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.cli.MidbackCommand;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** Helpers for the live acceptance tests: scenarios, a virtual sensor on a thread, the CLI run in-process. */
final class LiveTesting {
    private LiveTesting() {
    }

    /** A scenario from src/test/resources/io/midback/live. */
    static Scenario scenario(String name) throws Exception {
        try (var in = LiveTesting.class.getResourceAsStream(name + ".scenario")) {
            assertNotNull(in, name + ".scenario");
            return Scenario.parse(name + ".scenario", new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    static SimulatorConfig config(double rateHz) {
        return SimulatorConfig.defaults().withRate(rateHz).withSeed(7);
    }

    /** A virtual sensor serving a serial port on its own thread; {@link #done} completes when it returns. */
    static final class SerialSensor implements AutoCloseable {
        final VirtualSensor sensor;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

        SerialSensor(Scenario sc, SimulatorConfig cfg, String port) {
            this(sc, cfg, io.midback.sim.Site.THORAX, port);
        }

        /** A sensor at {@code site} on the simulated wearer (the sacrum: a two-sensor session's lower one). */
        SerialSensor(Scenario sc, SimulatorConfig cfg, io.midback.sim.Site site, String port) {
            sensor = new VirtualSensor(sc, cfg, site, new VirtualSensor.Events() {
                @Override
                public void onLink(io.midback.transport.LinkState state, String reason) {
                    events.add(state.label() + ": " + reason);
                }
            });
            Thread t = new Thread(() -> {
                try {
                    sensor.serve(port, () -> new SerialTransport(port, 115_200), new ReconnectingLink.Settings(
                            java.time.Duration.ofDays(1), java.time.Duration.ofMillis(100),
                            java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(60)));
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }, "virtual-sensor " + port);
            t.setDaemon(true);
            t.start();
        }

        /**
         * Waits until the sensor has its port open: a host that connects and sends START before the device is
         * listening is another test (a device powered on late), not the one these tests are about.
         */
        SerialSensor listening() throws InterruptedException {
            try {
                io.midback.testing.Poll.until(() -> done.isDone()
                                || events.stream().anyMatch(e -> e.startsWith("connected")),
                        java.time.Duration.ofSeconds(60), () -> "the virtual sensor opened its port: " + events);
                if (done.isCompletedExceptionally()) {
                    done.join();
                }
                return this;
            } catch (RuntimeException | AssertionError e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            sensor.close();
        }
    }

    /** The result of a CLI run: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
        JsonObject json() {
            String[] lines = out.trim().split("\n");
            return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        }

        List<double[]> episodes() {
            List<double[]> l = new ArrayList<>();
            JsonArray a = json().getAsJsonArray("slumpEpisodes");
            a.forEach(e -> l.add(new double[] {e.getAsJsonObject().get("startS").getAsDouble(),
                    e.getAsJsonObject().get("endS").getAsDouble()}));
            return l;
        }
    }

    static Run run(String... args) {
        return start(args).result().join();
    }

    /** A CLI run in progress on a thread of its own: its stderr so far, and its result when it ends. */
    record Running(StringWriter errSoFar, CompletableFuture<Run> result) {
        String err() {
            return errSoFar.toString();
        }
    }

    /** Starts the CLI in-process on a thread of its own; {@code args} as on the command line. */
    static Running start(String... args) {
        var cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Run> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                int code = cl.execute(args);
                result.complete(new Run(code, out.toString(), err.toString()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "midback " + args[0]);
        t.setDaemon(true);
        t.start();
        return new Running(err, result);
    }

    /** Same episodes (count, and each start and end within {@code tolS}). */
    static void assertSameEpisodes(List<double[]> expected, List<double[]> actual, double tolS, String what) {
        String msg = what + ": expected " + str(expected) + ", got " + str(actual);
        assertEquals(expected.size(), actual.size(), msg);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], tolS, msg);
            assertEquals(expected.get(i)[1], actual.get(i)[1], tolS, msg);
        }
    }

    static String str(List<double[]> eps) {
        StringBuilder sb = new StringBuilder("[");
        for (double[] e : eps) {
            sb.append(String.format(java.util.Locale.ROOT, " %.2f–%.2f", e[0], e[1]));
        }
        return sb.append(" ]").toString();
    }
}
