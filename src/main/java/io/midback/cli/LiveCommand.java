package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.alert.SessionSummary;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.app.SummaryJson;
import io.midback.app.UserSettings;
import io.midback.history.HistoryException;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.live.LatencyHistogram;
import io.midback.live.LiveDecoder;
import io.midback.live.LiveRecorder;
import io.midback.live.LiveSession;
import io.midback.live.SensorLink;
import io.midback.protocol.DeviceMessage;
import io.midback.protocol.WireFormat;
import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleSink;
import io.midback.transport.BluetoothDiscovery;
import io.midback.transport.BluetoothTransport;
import io.midback.transport.ByteTransport;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code midback live --port PORT | --bt DEVICE}: the whole pipeline on a live sensor. Link states, posture
 * changes and alerts go to stderr as they happen; a slump alert makes the sensor vibrate (Midback protocol); the
 * session is saved in the history; at the end (--duration, Ctrl-C, or the link given up) the summary goes to
 * stdout (with {@code --json}, one JSON object: replay's summary plus link, decoder and latency figures).
 */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the posture pipeline on a live sensor (USB serial, a Bluetooth serial port, or "
                + "Bluetooth SPP through Bluecove), printing posture changes and alerts as they happen and the "
                + "summary at the end (--duration, Ctrl-C, or when the link is given up).",
                "Try it without hardware: socat -d -d pty,raw,echo=0,link=/tmp/a pty,raw,echo=0,link=/tmp/b & "
                        + "midback simulate slump-demo --serve-serial /tmp/a & midback live --port /tmp/b"})
public class LiveCommand implements java.util.concurrent.Callable<Integer> {

    static final class Source {
        @Option(names = "--port", paramLabel = "PORT", required = true,
                description = "Serial port: /dev/ttyUSB0, /dev/rfcomm0, COM7, /dev/cu.NAME (`midback scan`).")
        String port;

        @Option(names = "--bt", paramLabel = "ADDRESS-OR-NAME", required = true,
                description = "Bluetooth device offering SPP: address (00:11:22:AA:BB:CC), name (or part of "
                        + "it), or a btspp:// URL.")
        String bt;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (recognised from the first bytes), midback, witmotion, ximu3, teapot or text. "
                    + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Serial baud rate. Default: ${DEFAULT-VALUE}.")
    int baud;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate: asked of a Midback sensor on connect, and the nominal rate that times "
                    + "formats without timestamps (default: the sensor's own; 100 Hz for timing).")
    Integer rateHz;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Record the samples (canonical CSV, .csv or .csv.gz), flushed 4 times a second.")
    Path record;

    @Option(names = "--raw", paramLabel = "FILE",
            description = "Record the raw bytes as received (replay them with `replay --format`).")
    Path raw;

    @Option(names = "--duration", paramLabel = "S", description = "End the session after S seconds.")
    Double durationS;

    @Mixin
    SessionOptions options;

    @Mixin
    PostureOptions posture;

    @Option(names = "--no-history", description = "Do not save the session in the history database.")
    boolean noHistory;

    @Mixin
    HistoryDb db;

    @Option(names = "--watchdog", paramLabel = "S",
            description = "No data for S seconds counts as a dropped link (then reconnect). Default: "
                    + "${DEFAULT-VALUE}.")
    double watchdogS = SensorLink.DEFAULT_WATCHDOG_S;

    @Option(names = "--give-up-after", paramLabel = "S",
            description = "Stop reconnecting once the link has been down S seconds. Default: ${DEFAULT-VALUE}.")
    double giveUpS = SensorLink.DEFAULT_GIVE_UP_S;

    @Option(names = "--bt-timeout", paramLabel = "S", defaultValue = "15",
            description = "How long to look for a Bluetooth device by name. Default: ${DEFAULT-VALUE}.")
    double btTimeoutS;

    @Spec
    CommandSpec spec;

    /** How long a posture state must hold before its line is printed. */
    static final double STATE_HOLD_S = 2.0;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        WireFormat wireFormat;
        try {
            wireFormat = WireFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException("--format: " + e.getMessage(), 2, null);
        }
        SessionOptions.checkRate(rateHz, 1, 1000);
        if (baud <= 0) {
            throw new UserException("--baud must be positive, not " + baud, 2, null);
        }
        if (durationS != null && !(durationS > 0)) {
            throw new UserException("--duration must be positive seconds, not " + durationS, 2, null);
        }
        if (!(watchdogS >= 0.2) || !(giveUpS >= 0) || !(btTimeoutS > 0)) {
            throw new UserException("--watchdog must be ≥ 0.2 s, --give-up-after ≥ 0, --bt-timeout > 0", 2, null);
        }

        // The link.
        String name;
        Supplier<ByteTransport> transports;
        if (source.port != null) {
            String port = source.port;
            name = port;
            transports = () -> new SerialTransport(port, baud);
        } else {
            err.printf(Locale.ROOT, "midback live: looking for Bluetooth device %s...%n", source.bt);
            err.flush();
            String url;
            try {
                url = BluetoothDiscovery.resolve(source.bt, Duration.ofMillis(Math.round(btTimeoutS * 1000)));
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            name = url.equals(source.bt) ? url : source.bt + " (" + url + ")";
            transports = () -> new BluetoothTransport(url);
        }
        ReconnectingLink.Settings linkSettings = SensorLink.linkSettings(watchdogS, giveUpS);

        // The session.
        Clock clock = Clock.systemDefaultZone();
        ZoneId zone = clock.getZone();
        Instant start = Instant.now(clock);
        UserSettings user = UserSettings.load();
        SessionSpec described = SessionSpec.live(source.port != null ? SessionSpec.Kind.SERIAL
                        : SessionSpec.Kind.BLUETOOTH, name, rateHz == null ? null : Double.valueOf(rateHz), start, zone,
                options.filterName(), this.posture.toSettings(user));
        double nominalHz = described.rateHz();
        SessionBuilder posture = new SessionBuilder(described);
        if (!options.quiet) {
            posture.addAlertListener(new SessionConsole.ConsoleAlerts(err));
            posture.addPostureListener(new SessionConsole.StateChanges(err, STATE_HOLD_S));
            posture.addPostureListener(new SessionConsole.BreathingLines(err, posture.breathing()));
        }
        AtomicReference<LiveSession> sessionRef = new AtomicReference<>();
        boolean vibration = user.getBoolean(UserSettings.Key.VIBRATION);
        posture.vibrateOnSlump(() -> vibration, () -> {
            LiveSession s = sessionRef.get();
            return s != null && s.vibrate();
        });
        HistoryRecorder history = null;
        if (!noHistory) {
            HistoryStore store;
            try {
                store = HistoryStore.open(db.path());
            } catch (HistoryException e) {
                throw new UserException(e.getMessage() + " (or run with --no-history)", e);
            }
            history = posture.saveHistory(store);
            posture.closing(store);
        }
        extendSession(posture, history, err);
        SampleSink input = posture.start();

        LiveRecorder recorder = null;
        try {
            if (record != null || raw != null) {
                RecordingMetadata meta = RecordingMetadata.empty()
                        .with(RecordingMetadata.DEVICE, name)
                        .with(RecordingMetadata.RATE_HZ, fmtRate(nominalHz))
                        .with(RecordingMetadata.START, LocalDateTime.ofInstant(start, zone)
                                .truncatedTo(ChronoUnit.MILLIS).toString());
                recorder = new LiveRecorder(record == null ? null : CsvSampleWriter.create(record, meta, false), raw);
            }
        } catch (IOException | UncheckedIOException e) {
            posture.close();
            throw new UserException("cannot record: " + e.getMessage(), e);
        }
        if (recorder != null) {
            // The recording keeps every calibration where it happened, as a "# calibration: {...}" line.
            posture.noteCalibrations(recorder::note);
        }

        AtomicReference<String> unrecognised = new AtomicReference<>();
        SensorLink link = new SensorLink(name, transports, linkSettings, wireFormat, nominalHz,
                rateHz == null ? 0 : rateHz, m -> deviceMessage(err, m), why -> {
                    unrecognised.set(why);
                    LiveSession s = sessionRef.get();
                    if (s != null) {
                        s.requestStop(why);
                    }
                });
        LiveSession session = new LiveSession(link.config(), input, recorder,
                new LinkStatePrinter(err, "live", name, clock));
        sessionRef.set(session);

        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.requestStop("interrupted");
            try {
                finished.await(10, TimeUnit.SECONDS); // let the main thread stop the device and print the summary
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "midback-live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String why;
        try {
            try {
                session.start();
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            try {
                why = session.await(durationS == null ? 0 : durationS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted";
            }
            session.close();
            posture.close();
            if (unrecognised.get() != null) {
                throw new UserException(unrecognised.get());
            }
            report(out, err, why, posture, session, link.decoder(), recorder);
            if (why.startsWith(LiveSession.GIVEN_UP)) { // ended without doing what was asked: not exit 0
                throw new UserException("the session ended early, " + why);
            }
        } finally {
            session.close();
            posture.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and waits for us
            }
        }
        if (history != null && history.failure() != null) {
            throw new UserException("the history could not be saved: " + history.failure().getMessage());
        }
        return 0;
    }

    private void report(PrintWriter out, PrintWriter err, String why, SessionBuilder built, LiveSession session,
                        LiveDecoder decoder, LiveRecorder recorder) {
        SessionSummary summary = built.summary();
        LatencyHistogram lat = session.latency();
        synchronized (err) {
            err.printf(Locale.ROOT, "midback live: session ended: %s%n", why);
            err.printf(Locale.ROOT, "midback live: %d bytes, %d reconnects, %d gaps, %d vibrations; %s%n",
                    session.bytesReceived(), session.reconnects(), session.gaps(), session.vibrations(),
                    decoder == null ? "" : decoder.stats().toMap().toString());
            err.printf(Locale.ROOT, "midback live: latency from a chunk's arrival to the alert decision: "
                            + "p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d chunks%n",
                    lat.quantileMs(0.5), lat.quantileMs(0.99), lat.maxMs(), lat.count());
            if (recorder != null && recorder.rawError() != null) {
                err.println("midback live: warning: " + recorder.rawError());
            }
            err.flush();
        }
        if (options.json) {
            JsonObject extra = new JsonObject();
            WireFormat f = decoder == null ? null : decoder.format();
            extra.addProperty("format", f == null ? null : f.cliName());
            if (decoder != null) {
                decoder.stats().toMap().forEach(extra::addProperty);
            }
            extra.addProperty("bytesReceived", session.bytesReceived());
            extra.addProperty("reconnects", session.reconnects());
            extra.addProperty("vibrations", session.vibrations());
            extra.addProperty("ended", why);
            JsonObject l = new JsonObject();
            l.addProperty("chunks", lat.count());
            l.addProperty("p50", finite(lat.quantileMs(0.5)));
            l.addProperty("p99", finite(lat.quantileMs(0.99)));
            l.addProperty("p999", finite(lat.quantileMs(0.999)));
            l.addProperty("max", finite(lat.maxMs()));
            extra.add("latencyMs", l);
            extendSummary(out, extra);
            out.println(SummaryJson.line(summary, SummaryJson.withSession(extra, built)));
        } else {
            SessionConsole.printHuman(out, summary);
            SessionConsole.printSession(out, built);
            extendSummary(out, null);
        }
        out.flush();
    }

    /** What a command built on {@code live} adds to the session before it starts ({@code breathe}: the guide). */
    void extendSession(SessionBuilder session, HistoryRecorder history, PrintWriter err) {
    }

    /** What it adds to the summary at the end: fields of the JSON object ({@code json}), or else lines. */
    void extendSummary(PrintWriter out, JsonObject json) {
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void deviceMessage(PrintWriter err, DeviceMessage m) {
        String line = null;
        if (m instanceof DeviceMessage.Info i) {
            line = String.format(Locale.ROOT, "device: %s, firmware %s, protocol %d, %d Hz, ±%d g, ±%d °/s%s%s",
                    i.sensorModel(), i.firmwareVersion(), i.protocolVersion(), i.rateHz(), i.accelRangeG(),
                    i.gyroRangeDps(), i.has(DeviceMessage.CAP_MAGNETOMETER) ? ", magnetometer" : "",
                    i.has(DeviceMessage.CAP_VIBRATION_MOTOR) ? ", vibration motor" : "");
        } else if (m instanceof DeviceMessage.Nack n) {
            line = String.format(Locale.ROOT, "device refused command 0x%02x: %s", n.commandType(), n.errorName());
        } else if (m instanceof DeviceMessage.Event e) {
            line = "device event: " + e.kindName() + (e.argument() != 0 ? " (" + e.argument() + ")" : "");
        } else if (m instanceof DeviceMessage.Battery b) {
            line = "device battery: " + (b.percent() >= 0 ? b.percent() + " %, " : "") + b.millivolts() + " mV"
                    + (b.charging() ? ", charging" : "");
        } else if (m instanceof DeviceMessage.Log l && l.level() >= 2) {
            line = "device log: " + l.text();
        }
        if (line != null) {
            synchronized (err) {
                err.println("midback live: " + line);
                err.flush();
            }
        }
    }

    private static String fmtRate(double hz) {
        return hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz);
    }
}
