package io.midback.cli;

import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tells the user how a live link stands, one line on stderr per change, with the wall time and the reason, e.g.
 * {@code midback live 10:42:07 /dev/rfcomm0: disconnected (no data from /dev/rfcomm0 for 3.0 s)}. What it tells
 * is the link as the user sees it, not each attempt: connecting, connected (the port is open), receiving data,
 * disconnected and reconnecting (once per drop: the attempts that follow, and ports that open but send nothing,
 * are not news), receiving data again, given up, closed. While no data flows nothing is repeated.
 *
 * <p>{@link #onBytes} is called for every chunk on the reader thread: it only reads a flag, except for the first
 * chunk after a (re)connection.
 */
final class LinkStatePrinter implements LinkListener {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The link as last told. */
    private enum Told { NOTHING, CONNECTING, CONNECTED, RECEIVING, DISCONNECTED, RECONNECTING, GIVEN_UP, CLOSED }

    private final PrintWriter err;
    private final String command;
    private final String sensor;
    private final String name;
    private final Clock clock;
    private Told told = Told.NOTHING; // guarded by this
    private boolean everConnected; // guarded by this
    private long downSinceMillis; // guarded by this
    private volatile boolean awaitingData = true;

    LinkStatePrinter(PrintWriter err, String command, String name, Clock clock) {
        this(err, command, "", name, clock);
    }

    /** @param sensor which sensor the link is ("lower sensor "), before its name on each line */
    LinkStatePrinter(PrintWriter err, String command, String sensor, String name, Clock clock) {
        this.err = err;
        this.command = command;
        this.sensor = sensor;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public void onBytes(byte[] buf, int off, int len) {
        if (awaitingData) {
            dataFlows();
        }
    }

    private synchronized void dataFlows() {
        if (!awaitingData) {
            return;
        }
        awaitingData = false;
        if (told == Told.CONNECTED) {
            tell(Told.RECEIVING, "receiving data", null);
        } else if (told == Told.DISCONNECTED || told == Told.RECONNECTING) {
            tell(Told.RECEIVING, "receiving data again", String.format(Locale.ROOT, "after %.1f s without",
                    (clock.millis() - downSinceMillis) / 1000.0));
        }
    }

    @Override
    public synchronized void onState(LinkState state, String reason) {
        switch (state) {
            case CONNECTING -> {
                if (told == Told.NOTHING) {
                    tell(Told.CONNECTING, state.label(), reason);
                }
            }
            case CONNECTED -> {
                awaitingData = true;
                if (!everConnected) {
                    everConnected = true;
                    tell(Told.CONNECTED, state.label(), reason);
                }
                // a reconnection is news only once data flows again
            }
            case DISCONNECTED -> {
                awaitingData = false;
                if (told == Told.CONNECTED || told == Told.RECEIVING) {
                    downSinceMillis = clock.millis();
                    tell(Told.DISCONNECTED, state.label(), reason);
                }
            }
            case RECONNECTING -> {
                if (told == Told.DISCONNECTED) {
                    tell(Told.RECONNECTING, state.label(), reason);
                }
            }
            case GIVEN_UP -> tell(Told.GIVEN_UP, state.label(), reason);
            case CLOSED -> {
                if (everConnected && told != Told.GIVEN_UP) {
                    tell(Told.CLOSED, state.label(), reason);
                }
            }
        }
    }

    private void tell(Told now, String what, String reason) {
        told = now;
        String line = "midback " + command + " " + LocalTime.now(clock).format(HMS) + " " + sensor + name + ": "
                + what
                + (reason == null || reason.isEmpty() || reason.equals(name) ? "" : " (" + reason + ")");
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
