package io.midback.cli;

import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Prints each change of a live link's state as one line on stderr, with the wall time and the reason, e.g.
 * {@code midback live 10:42:07 /dev/rfcomm0: reconnecting (no data from /dev/rfcomm0 for 3.0 s; attempt 1 in 0.3 s)}.
 */
final class LinkStatePrinter implements LinkListener {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintWriter err;
    private final String command;
    private final String name;
    private final Clock clock;

    LinkStatePrinter(PrintWriter err, String command, String name, Clock clock) {
        this.err = err;
        this.command = command;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public void onBytes(byte[] buf, int off, int len) {
    }

    @Override
    public void onState(LinkState state, String reason) {
        String line = "midback " + command + " " + LocalTime.now(clock).format(HMS) + " " + name + ": "
                + state.label() + (reason == null || reason.isEmpty() || reason.equals(name) ? "" : " (" + reason + ")");
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
