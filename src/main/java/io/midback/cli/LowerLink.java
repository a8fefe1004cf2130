package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.align.SampleRing;
import io.midback.app.SessionSpec;
import io.midback.live.LiveRecorder;
import io.midback.live.LiveRecording;
import io.midback.live.LowerSensorLink;
import io.midback.live.SensorLink;
import io.midback.live.SessionOrigin;
import io.midback.protocol.DeviceMessage;
import io.midback.protocol.WireFormat;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lower sensor of {@code live --lower-port | --lower-bt}: a link of its own ({@link LowerSensorLink}: its own
 * reader thread, decoder and reconnection, exactly as the upper sensor's, on the session's one timeline), its
 * samples recorded beside the upper sensor's ({@link LiveRecording}) and handed to the session thread through a
 * bounded ring ({@link SampleRing}), which the session reads as its lower sensor ({@link SessionSpec.Lower#live});
 * its lines on stderr.
 */
final class LowerLink implements AutoCloseable {
    private final String name;
    /** The command whose lines these are ({@code live}, {@code routine}, {@code breathe}). */
    private final String command;
    private final LowerSensorLink link;
    private final LiveRecorder recorder;
    private final SampleRing ring = new SampleRing();
    private final DeviceLines device;
    private final double nominalRateHz;

    /**
     * @param recorder       records its samples (and raw bytes): the lower half of the session's
     *                       {@link LiveRecording}; or null
     * @param device         its device lines (its INFO: the name its recording states)
     * @param onUnrecognised told when the lower link's first bytes match no format
     * @param command        the command whose lines these are
     */
    LowerLink(String name, Supplier<ByteTransport> transports, ReconnectingLink.Settings settings, WireFormat format,
              double nominalRateHz, int requestedRateHz, LiveRecorder recorder, DeviceLines device, PrintWriter err,
              Clock clock, SessionOrigin origin, Consumer<String> onUnrecognised, String command) {
        this.name = name;
        this.command = command;
        this.nominalRateHz = nominalRateHz;
        this.device = device;
        SensorLink sensorLink = new SensorLink(name, transports, settings, format, nominalRateHz, requestedRateHz,
                device, onUnrecognised);
        this.recorder = recorder;
        this.link = new LowerSensorLink(sensorLink, ring, recorder,
                new LinkStatePrinter(err, command, "lower sensor ", name, clock), origin, () -> {
                    DeviceMessage.Info info = device.info();
                    return requestedRateHz > 0 ? requestedRateHz : info != null ? info.rateHz() : Double.NaN;
                }, line -> say(err, command, line));
    }

    /** The session's lower sensor: this link's samples as they arrive, read with {@code filterName}'s filter. */
    SessionSpec.Lower lower(String filterName) {
        return SessionSpec.Lower.live(name, nominalRateHz, ring, filterName);
    }

    /** Connects (a failure the first time is thrown, as for the upper sensor). */
    void start() throws IOException {
        link.start();
    }

    /** Whether a sample ever came. */
    boolean sampled() {
        return link.sampled();
    }

    String name() {
        return name;
    }

    /**
     * Tells, besides what {@code printer} tells of the upper link, what the session does while the upper sensor is
     * away (waits for it, recording the lower sensor) and when it is back: one line each time.
     */
    static LinkListener upperAway(LinkListener printer, PrintWriter err, String command) {
        return new LinkListener() {
            private volatile boolean away;

            @Override
            public void onBytes(byte[] buf, int off, int len) {
                printer.onBytes(buf, off, len);
                if (away) {
                    away = false;
                    say(err, command, "upper sensor: back; posture and spine angles go on");
                }
            }

            @Override
            public void onState(LinkState state, String reason) {
                printer.onState(state, reason);
                if (state == LinkState.DISCONNECTED && !away) {
                    away = true;
                    say(err, command, "upper sensor: gone; the session waits for it (posture and alerts paused) and goes on "
                            + "recording the lower sensor");
                }
            }
        };
    }

    /** One line on stderr as {@code midback COMMAND: line}. */
    static void say(PrintWriter err, String command, String line) {
        synchronized (err) {
            err.println("midback " + command + ": " + line);
            err.flush();
        }
    }

    /** Ends the link; the ring then ends once read, the recording is closed. */
    @Override
    public void close() {
        link.close();
    }

    /** The lower link's figures at the end, on stderr. */
    void printSummary(PrintWriter err) {
        String format = link.decoder() == null || link.decoder().format() == null ? "no format recognised"
                : link.decoder().stats().describe();
        say(err, command, String.format(Locale.ROOT, "lower sensor %s: %d bytes, %d reconnects, %d gaps; %s", name,
                link.session().bytesReceived(), link.session().reconnects(), link.session().gaps(), format));
        if (ring.dropped() > 0) {
            say(err, command, String.format(Locale.ROOT, "lower sensor: %d samples came while the upper sensor was away too "
                    + "long for them to be held: they are in its recording only", ring.dropped()));
        }
        if (recorder != null && recorder.failure() != null) {
            say(err, command, "warning: lower sensor: " + recorder.failure());
        }
    }

    /** The lower link's figures in {@code live --json}'s summary: {@code "lowerLink": {...}}. */
    void addTo(JsonObject o) {
        JsonObject l = new JsonObject();
        l.addProperty("link", name);
        l.addProperty("format", link.decoder() == null || link.decoder().format() == null ? null
                : link.decoder().format().cliName());
        if (link.decoder() != null) {
            link.decoder().stats().toMap().forEach(l::addProperty);
        }
        l.addProperty("bytesReceived", link.session().bytesReceived());
        l.addProperty("reconnects", link.session().reconnects());
        l.addProperty("gaps", link.session().gaps());
        l.addProperty("samplesLeftOut", ring.dropped());
        o.add("lowerLink", l);
    }
}
