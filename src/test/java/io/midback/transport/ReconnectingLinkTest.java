package io.midback.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class ReconnectingLinkTest {
    private static final ReconnectingLink.Settings FAST = new ReconnectingLink.Settings(Duration.ofMillis(1500),
            Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(20));

    /** Collects bytes and states; lets a test wait for either. */
    static final class Recorder implements LinkListener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> states = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void onBytes(byte[] buf, int off, int len) {
            bytes.write(buf, off, len);
            notifyAll();
        }

        @Override
        public synchronized void onState(LinkState state, String reason) {
            states.add(state + ": " + reason);
            notifyAll();
        }

        synchronized byte[] awaitBytes(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (bytes.size() < n) {
                long left = end - System.nanoTime();
                assertTrue(left > 0, "only " + bytes.size() + " of " + n + " bytes arrived; states " + states);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return bytes.toByteArray();
        }

        synchronized String awaitState(LinkState s, int occurrence) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                int seen = 0;
                for (String st : states) {
                    if (st.startsWith(s + ":") && ++seen == occurrence) {
                        return st;
                    }
                }
                long left = end - System.nanoTime();
                assertTrue(left > 0, "no " + s + " #" + occurrence + " in " + states);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private static byte[] counting(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((from + i) * 7);
        }
        return b;
    }

    private static void sendTo(Path end, byte[] data) throws Exception {
        try (OutputStream out = Files.newOutputStream(end)) {
            out.write(data);
        }
    }

    @Test
    void killingAndRestartingTheFarEndReconnectsAndLosesNothingAlreadyReceived(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Recorder rec = new Recorder();
            String port = pty.a().toString();
            try (ReconnectingLink link = new ReconnectingLink(port, () -> new SerialTransport(port, 115_200), FAST,
                    rec)) {
                link.start();
                assertEquals(LinkState.CONNECTED, link.state());
                byte[] before = counting(0, 50_000);
                sendTo(pty.b(), before);
                rec.awaitBytes(before.length);

                pty.kill();
                String dropped = rec.awaitState(LinkState.DISCONNECTED, 1);
                assertTrue(dropped.contains(port), dropped);
                rec.awaitState(LinkState.RECONNECTING, 1);
                pty.start();
                String back = rec.awaitState(LinkState.CONNECTED, 2);
                assertTrue(back.contains("again after"), back);
                assertEquals(1, link.reconnects());

                byte[] after = counting(50_000, 30_000);
                sendTo(pty.b(), after);
                byte[] got = rec.awaitBytes(before.length + after.length);
                byte[] expected = new byte[before.length + after.length];
                System.arraycopy(before, 0, expected, 0, before.length);
                System.arraycopy(after, 0, expected, before.length, after.length);
                assertArrayEquals(expected, got);
            }
            assertTrue(rec.states.get(rec.states.size() - 1).startsWith("CLOSED"), rec.states.toString());
        }
    }

    @Test
    void silenceTripsTheWatchdogAndTheLinkComesBack(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Recorder rec = new Recorder();
            String port = pty.a().toString();
            var settings = new ReconnectingLink.Settings(Duration.ofMillis(300), Duration.ofMillis(10),
                    Duration.ofMillis(100), Duration.ofSeconds(5));
            try (ReconnectingLink link = new ReconnectingLink(port, () -> new SerialTransport(port, 115_200),
                    settings, rec)) {
                link.start();
                String dropped = rec.awaitState(LinkState.DISCONNECTED, 1);
                assertTrue(dropped.contains("no data from " + port), dropped);
                rec.awaitState(LinkState.CONNECTED, 2);
                byte[] data = counting(3, 1000);
                sendTo(pty.b(), data);
                assertArrayEquals(data, rec.awaitBytes(data.length));
            }
        }
    }

    @Test
    void givesUpWhenThePortStaysAwayAndSaysWhy(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            Recorder rec = new Recorder();
            String port = pty.a().toString();
            var settings = new ReconnectingLink.Settings(Duration.ofSeconds(5), Duration.ofMillis(20),
                    Duration.ofMillis(100), Duration.ofMillis(600));
            try (ReconnectingLink link = new ReconnectingLink(port, () -> new SerialTransport(port, 115_200),
                    settings, rec)) {
                link.start();
                pty.kill();
                // about 0.7 s (the read ends at the hangup, then 0.6 s of failed attempts); the deadline is for a hang
                assertEquals(LinkState.GIVEN_UP, link.ended().get(60, TimeUnit.SECONDS));
                String why = rec.awaitState(LinkState.GIVEN_UP, 1);
                assertTrue(why.contains(port) && why.contains("last error"), why);
                assertEquals(LinkState.GIVEN_UP, link.state());
            }
        }
    }

    @Test
    void aFirstConnectionFailureIsThrownNotRetried() {
        Recorder rec = new Recorder();
        String port = "/dev/midback-absent";
        ReconnectingLink link = new ReconnectingLink(port, () -> new SerialTransport(port, 115_200), FAST, rec);
        TransportException e = assertThrows(TransportException.class, link::start);
        assertTrue(e.getMessage().contains(port));
        link.close();
    }
}
