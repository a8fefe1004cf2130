package io.midback.cli;

import io.midback.transport.LinkState;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkStatePrinterTest {
    @Test
    void oneLinePerStateWithTimeAndReason() {
        StringWriter sw = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:42:07Z"), ZoneOffset.UTC);
        LinkStatePrinter p = new LinkStatePrinter(new PrintWriter(sw), "live", "/dev/rfcomm0", clock);
        p.onState(LinkState.CONNECTED, "/dev/rfcomm0");
        p.onState(LinkState.RECONNECTING, "no data from /dev/rfcomm0 for 3.0 s; attempt 1 in 0.3 s");
        assertEquals("midback live 10:42:07 /dev/rfcomm0: connected\n"
                + "midback live 10:42:07 /dev/rfcomm0: reconnecting (no data from /dev/rfcomm0 for 3.0 s;"
                + " attempt 1 in 0.3 s)\n", sw.toString().replace(System.lineSeparator(), "\n"));
    }
}
