package io.midback.cli;

import io.midback.transport.LinkState;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkStatePrinterTest {
    private static final String PORT = "/dev/rfcomm0";
    private static final String NO_DATA = "no data from /dev/rfcomm0 for 3.0 s";

    /** A clock the test moves. */
    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-03-02T10:42:07Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String text(StringWriter sw) {
        return sw.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void oneLinePerStateWithTimeAndReason() {
        StringWriter sw = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:42:07Z"), ZoneOffset.UTC);
        LinkStatePrinter p = new LinkStatePrinter(new PrintWriter(sw), "live", PORT, clock);
        p.onState(LinkState.CONNECTING, PORT);
        p.onState(LinkState.CONNECTED, PORT);
        p.onBytes(new byte[8], 0, 8);
        p.onState(LinkState.DISCONNECTED, NO_DATA);
        p.onState(LinkState.RECONNECTING, NO_DATA + "; attempt 1 in 0.3 s");
        assertEquals("midback live 10:42:07 /dev/rfcomm0: connecting\n"
                + "midback live 10:42:07 /dev/rfcomm0: connected\n"
                + "midback live 10:42:07 /dev/rfcomm0: receiving data\n"
                + "midback live 10:42:07 /dev/rfcomm0: disconnected (" + NO_DATA + ")\n"
                + "midback live 10:42:07 /dev/rfcomm0: reconnecting (" + NO_DATA + "; attempt 1 in 0.3 s)\n",
                text(sw));
    }

    /**
     * A port that opens but sends nothing: the link reopens it every few seconds; the user is told once that it is
     * down and once that data flows again, not of every attempt (issue 16: "connected" every 3 s).
     */
    @Test
    void reconnectionsWithoutDataAreToldOnceThenOnlyTheChange() {
        StringWriter sw = new StringWriter();
        Ticking clock = new Ticking();
        LinkStatePrinter p = new LinkStatePrinter(new PrintWriter(sw), "live", PORT, clock);
        p.onState(LinkState.CONNECTING, PORT);
        p.onState(LinkState.CONNECTED, PORT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            clock.now = clock.now.plus(Duration.ofSeconds(3));
            p.onState(LinkState.DISCONNECTED, NO_DATA);
            p.onState(LinkState.RECONNECTING, NO_DATA + "; attempt 1 in 0.3 s");
            p.onState(LinkState.CONNECTED, PORT + " again after 0.3 s down (attempt 1)");
        }
        clock.now = clock.now.plus(Duration.ofMillis(1500));
        p.onBytes(new byte[8], 0, 8);
        p.onBytes(new byte[8], 0, 8);
        p.onState(LinkState.CLOSED, PORT);
        assertEquals("midback live 10:42:07 /dev/rfcomm0: connecting\n"
                + "midback live 10:42:07 /dev/rfcomm0: connected\n"
                + "midback live 10:42:10 /dev/rfcomm0: disconnected (" + NO_DATA + ")\n"
                + "midback live 10:42:10 /dev/rfcomm0: reconnecting (" + NO_DATA + "; attempt 1 in 0.3 s)\n"
                + "midback live 10:42:23 /dev/rfcomm0: receiving data again (after 13.5 s without)\n"
                + "midback live 10:42:23 /dev/rfcomm0: closed\n", text(sw));
    }

    @Test
    void aFirstConnectionThatFailsTellsOnlyThatItWasTried() {
        StringWriter sw = new StringWriter();
        LinkStatePrinter p = new LinkStatePrinter(new PrintWriter(sw), "live", PORT, new Ticking());
        p.onState(LinkState.CONNECTING, PORT);
        p.onState(LinkState.CLOSED, PORT);
        assertEquals("midback live 10:42:07 /dev/rfcomm0: connecting\n", text(sw));
    }
}
