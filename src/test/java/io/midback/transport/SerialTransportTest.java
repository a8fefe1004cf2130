package io.midback.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class SerialTransportTest {

    @Test
    void bytesArriveIntactAndInOrder(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            byte[] sent = new byte[200_000];
            new Random(7).nextBytes(sent);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            CompletableFuture<Void> all = new CompletableFuture<>();
            try (SerialTransport t = new SerialTransport(pty.a().toString(), 115_200)) {
                t.open(new LinkListener() {
                    @Override
                    public void onBytes(byte[] buf, int off, int len) {
                        got.write(buf, off, len);
                        if (got.size() >= sent.length) {
                            all.complete(null);
                        }
                    }
                });
                assertTrue(takesWrites(t));
                try (OutputStream far = Files.newOutputStream(pty.b())) {
                    for (int off = 0; off < sent.length; off += 1000) {
                        far.write(sent, off, Math.min(1000, sent.length - off));
                        far.flush();
                    }
                }
                all.get(10, TimeUnit.SECONDS);
            }
            assertArrayEquals(sent, got.toByteArray());
        }
    }

    @Test
    void writesReachTheFarEnd(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             SerialTransport near = new SerialTransport(pty.a().toString(), 9600);
             SerialTransport far = new SerialTransport(pty.b().toString(), 9600)) {
            CompletableFuture<String> got = new CompletableFuture<>();
            StringBuilder sb = new StringBuilder();
            far.open((buf, off, len) -> {
                sb.append(new String(buf, off, len, java.nio.charset.StandardCharsets.US_ASCII));
                if (sb.length() >= 5) {
                    got.complete(sb.toString());
                }
            });
            near.open((buf, off, len) -> { });
            near.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("hello", got.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void missingPortIsNamedInTheError() {
        SerialTransport t = new SerialTransport("/dev/midback-no-such-port", 115_200);
        TransportException e = assertThrows(TransportException.class, () -> t.open((b, o, l) -> { }));
        assertTrue(e.getMessage().contains("/dev/midback-no-such-port"), e.getMessage());
        assertFalse(takesWrites(t));
    }

    @Test
    void vanishedPortIsReportedAsDisconnected(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir);
             SerialTransport t = new SerialTransport(pty.a().toString(), 115_200)) {
            CompletableFuture<String> lost = new CompletableFuture<>();
            t.open(new LinkListener() {
                @Override
                public void onBytes(byte[] buf, int off, int len) {
                }

                @Override
                public void onState(LinkState state, String reason) {
                    if (state == LinkState.DISCONNECTED) {
                        lost.complete(reason);
                    }
                }
            });
            pty.kill();
            String reason = lost.get(5, TimeUnit.SECONDS);
            assertTrue(reason.contains(pty.a().toString()), reason);
            assertFalse(takesWrites(t));
        }
    }

    @Test
    void aPortHeldByAnotherProgramIsNamedAndOpensOnceItIsReleased(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            String port = pty.a().toString();
            try (io.midback.testing.ChildProcess holder = io.midback.testing.ChildProcess.start("port holder",
                    io.midback.testing.ChildProcess.java(java.util.List.of(), PortHolderChild.class, port))) {
                holder.awaitLine("holding"::equals, java.time.Duration.ofSeconds(30));
                try (SerialTransport t = new SerialTransport(port, 115_200)) {
                    TransportException e = assertThrows(TransportException.class, () -> t.open((b, o, n) -> { }));
                    assertTrue(e.getMessage().contains("locked by another program"), e.getMessage());
                }
                // The other program lets go while the open is trying: the open succeeds.
                CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
                    try {
                        Thread.sleep(300); // the other program's moment with the port, part of the scenario
                        holder.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                try (SerialTransport t = new SerialTransport(port, 115_200)) {
                    t.open((b, o, n) -> { });
                    assertTrue(takesWrites(t));
                }
                released.get(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Whether the transport is open as its user sees it: a write is taken (an empty one sends nothing), or refused
     * because the port is not open.
     */
    private static boolean takesWrites(SerialTransport t) {
        try {
            t.write(new byte[0]);
            return true;
        } catch (TransportException e) {
            if (e.getMessage().contains("not open")) {
                return false;
            }
            throw new java.io.UncheckedIOException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
