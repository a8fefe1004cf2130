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
import io.midback.live.LiveRecording;
import io.midback.live.LiveSession;
import io.midback.live.SensorLink;
import io.midback.live.SessionOrigin;
import io.midback.live.SourceFacts;
import io.midback.posture.PostureSettings;
import io.midback.protocol.DeviceMessage;
import io.midback.protocol.WireFormat;
import io.midback.sensor.SampleSink;
import io.midback.transport.BluetoothDiscovery;
import io.midback.transport.BluetoothTransport;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;
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
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * {@code midback live --port PORT | --bt DEVICE}: the whole pipeline on a live sensor. Link states, posture
 * changes and alerts go to stderr as they happen; a slump alert makes the sensor vibrate (Midback protocol); the
 * session is saved in the history; at the end (--duration, Ctrl-C, or the link given up) the summary goes to
 * stdout (with {@code --json}, one JSON object: replay's summary plus link, decoder and latency figures). With
 * {@code --lower-port | --lower-bt} a second sensor on the sacrum runs on a link of its own ({@link LowerLink}) and
 * the session adds the spine angles between the two.
 */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the posture pipeline on a live sensor (USB serial, a Bluetooth serial port, or "
                + "Bluetooth SPP through Bluecove), printing posture changes and alerts as they happen and the "
                + "summary at the end (--duration, Ctrl-C, or when the link is given up). With --lower-port or "
                + "--lower-bt, a second sensor on the sacrum on its own link: spine angles between the two.",
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

    @ArgGroup(exclusive = true, multiplicity = "0..1") // one is required: checked in call() (routine --analyse needs none)
    Source source;

    /** A second sensor low on the back (sacrum), on a link of its own. */
    static final class LowerSource {
        @Option(names = "--lower-port", paramLabel = "PORT", required = true,
                description = "A second sensor, low on the back (sacrum), on its own serial port: spine angles "
                        + "between the two sensors; --record keeps both (FILE and its sibling NAME.lower.csv).")
        String port;

        @Option(names = "--lower-bt", paramLabel = "ADDRESS-OR-NAME", required = true,
                description = "The second (sacral) sensor over Bluetooth SPP, as --bt.")
        String bt;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LowerSource lowerSource;

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

    private volatile LiveSession running;
    private volatile LiveRecorder recording;

    @Mixin
    PostureOptions posture;

    @Mixin
    SessionHistory saving;

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

    /** The name this session's lines go under: {@code live}, or the subcommand that runs it (routine, breathe). */
    String commandName() {
        return spec == null ? "live" : spec.name();
    }

    /** The sensor is given (--port or --bt), else a usage error: checked before anything else is said. */
    void requireSource() {
        if (source == null) {
            throw UserException.usage("give the sensor: --port PORT or --bt DEVICE");
        }
    }

    /** How long a posture state must hold before its line is printed. */
    static final double STATE_HOLD_S = 2.0;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        requireSource();
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

        // The link (and the lower sensor's).
        if (lowerSource != null && (java.util.Objects.equals(lowerSource.port, source.port) && source.port != null
                || java.util.Objects.equals(lowerSource.bt, source.bt) && source.bt != null)) {
            throw new UserException("--lower-port/--lower-bt: the lower sensor needs a link of its own, not the "
                    + "upper sensor's " + (source.port != null ? source.port : source.bt), 2, null);
        }
        Target upper = target(source.port, source.bt, err);
        Target lowerTarget = lowerSource == null ? null : target(lowerSource.port, lowerSource.bt, err);
        String name = upper.name();
        Supplier<ByteTransport> transports = upper.transports();
        ReconnectingLink.Settings linkSettings = SensorLink.linkSettings(watchdogS, giveUpS);

        // What the session will be, once the source is known (its first samples: rate, sensors; its INFO: name).
        Clock clock = Clock.systemDefaultZone();
        ZoneId zone = clock.getZone();
        UserSettings user = UserSettings.load();
        PostureSettings postureSettings = this.posture.toSettings(user);
        double nominalHz = rateHz == null ? SessionSpec.DEFAULT_RATE_HZ : rateHz;
        boolean vibration = user.getBoolean(UserSettings.Key.VIBRATION);
        HistoryStore store = null;
        if (saving.pathOrNull() != null) {
            try {
                store = HistoryStore.open(saving.pathOrNull());
            } catch (HistoryException e) {
                throw new UserException(e.getMessage() + " (or run with --no-history)", e);
            }
        }
        DeviceLines device = new DeviceLines(err, commandName());
        AtomicReference<SensorLink> linkRef = new AtomicReference<>();
        Supplier<String> deviceName = () -> deviceName(device, linkRef.get());
        AtomicReference<LiveSession> sessionRef = new AtomicReference<>();
        AtomicReference<String> unrecognised = new AtomicReference<>();
        java.util.function.Consumer<String> onUnrecognised = why -> {
            unrecognised.set(why);
            LiveSession s = sessionRef.get();
            if (s != null) {
                s.requestStop(why);
            }
        };
        SessionOrigin origin = SessionOrigin.now();
        LiveRecording recorded = null;
        LowerLink lowerLink = null;
        DeviceLines lowerDevice = lowerTarget == null ? null : new DeviceLines(err, "live lower sensor");
        try {
            if (record != null || raw != null) {
                recorded = LiveRecording.open(record, raw, name, deviceName, lowerTarget == null ? null
                        : lowerTarget.name(), lowerDevice == null ? null : lowerDevice::reportedModel, zone);
            }
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(store);
            throw new UserException(e.getMessage(), e);
        }
        if (lowerTarget != null) {
            lowerLink = new LowerLink(lowerTarget.name(), lowerTarget.transports(), linkSettings, wireFormat,
                    nominalHz, rateHz == null ? 0 : rateHz, recorded == null ? null : recorded.lower(), lowerDevice,
                    err, clock, origin, onUnrecognised, commandName());
        }
        LiveRecorder recorder = recorded == null ? null : recorded.upper();
        recording = recorder;
        LowerLink lowerSensor = lowerLink;

        SensorLink link = new SensorLink(name, transports, linkSettings, wireFormat, nominalHz,
                rateHz == null ? 0 : rateHz, device, onUnrecognised);
        linkRef.set(link);
        Started started = new Started(err, source.port != null ? SessionSpec.Kind.SERIAL : SessionSpec.Kind.BLUETOOTH,
                name, deviceName, zone, postureSettings, store, recorder, () -> vibration, () -> {
                    LiveSession s = sessionRef.get();
                    return s != null && s.vibrate();
                }, () -> {
                    DeviceMessage.Info info = device.info();
                    return rateHz != null ? rateHz : info != null ? info.rateHz() : Double.NaN;
                }, lowerSensor);
        LinkListener states = new LinkStatePrinter(err, commandName(), name, clock);
        LiveSession session = new LiveSession(link.config(), started, recorder,
                lowerSensor == null ? states : LowerLink.upperAway(states, err, commandName()), origin);
        sessionRef.set(session);
        running = session;

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
        SessionBuilder built = null;
        try {
            try {
                session.start();
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            if (lowerSensor != null) {
                try {
                    lowerSensor.start();
                } catch (IOException e) {
                    throw new UserException("lower sensor: " + e.getMessage(), e);
                }
            }
            try {
                why = session.await(durationS == null ? 0 : durationS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted";
            }
            session.close(); // ends the stream: the session built for it closes its sinks (history, store)
            if (lowerSensor != null) {
                lowerSensor.close(); // after the upper one: the session's end is not the lower stream's end
            }
            built = started.built();
            if (unrecognised.get() != null) {
                throw new UserException(unrecognised.get());
            }
            if (built == null) { // never a sample: nothing was recorded or saved, and nothing is summarised
                throw new UserException(String.format(Locale.ROOT, "no samples from %s (%s; %s): nothing recorded"
                                + " or saved; is the sensor on and sending?", name, why,
                        session.bytesReceived() == 0 ? "no data received"
                                : session.bytesReceived() + " bytes received, no sample in them"));
            }
            built.close();
            report(out, err, why, built, session, link.decoder(), recorder, lowerSensor);
            if (why.startsWith(LiveSession.GIVEN_UP)) { // ended without doing what was asked: not exit 0
                throw new UserException("the session ended early, " + why);
            }
            if (lowerSensor != null && !lowerSensor.sampled()) {
                throw new UserException("no samples from the lower sensor " + lowerSensor.name() + ": the session "
                        + "ran on the upper sensor alone, nothing was recorded for the lower one");
            }
        } finally {
            session.close();
            if (lowerSensor != null) {
                lowerSensor.close();
            }
            if (built == null) {
                built = started.built();
            }
            if (built != null) {
                built.close();
            } else {
                closeQuietly(store);
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and waits for us
            }
        }
        if (started.historyProblem() != null) {
            throw new UserException("the history could not be saved: " + started.historyProblem());
        }
        return 0;
    }

    /**
     * The session of {@code live}, built once the source is known (on the reader thread, once): the spec from what
     * the first samples showed and the sensor's name, the console lines, vibration on a slump, the history, the
     * recording's calibration notes.
     */
    private final class Started implements LiveSession.Described {
        private final PrintWriter err;
        private final SessionSpec.Kind kind;
        private final String link;
        private final Supplier<String> deviceName;
        private final ZoneId zone;
        private final PostureSettings postureSettings;
        private final HistoryStore store;
        private final LiveRecorder recorder;
        private final BooleanSupplier vibrationOn;
        private final BooleanSupplier vibrate;
        private final DoubleSupplier declaredRateHz;
        private final LowerLink lower;
        private volatile SessionBuilder built;
        private volatile HistoryRecorder history;
        private volatile String historyProblem;

        Started(PrintWriter err, SessionSpec.Kind kind, String link, Supplier<String> deviceName, ZoneId zone,
                PostureSettings postureSettings, HistoryStore store, LiveRecorder recorder,
                BooleanSupplier vibrationOn, BooleanSupplier vibrate, DoubleSupplier declaredRateHz, LowerLink lower) {
            this.err = err;
            this.kind = kind;
            this.link = link;
            this.deviceName = deviceName;
            this.zone = zone;
            this.postureSettings = postureSettings;
            this.store = store;
            this.recorder = recorder;
            this.vibrationOn = vibrationOn;
            this.vibrate = vibrate;
            this.declaredRateHz = declaredRateHz;
            this.lower = lower;
        }

        @Override
        public double declaredRateHz() {
            return declaredRateHz.getAsDouble();
        }

        @Override
        public SampleSink start(SourceFacts facts) {
            SessionSpec spec = SessionSpec.live(kind, link, deviceName.get(), facts.rateHz(), facts.gyroscope(),
                    facts.magnetometer(), facts.firstSampleAt(), zone, options.filterName(), postureSettings);
            if (lower != null) {
                spec = spec.withLower(lower.lower(options.filterName()));
            }
            SessionBuilder b = new SessionBuilder(spec);
            if (lower != null) {
                b.addNoticeListener(line -> LowerLink.say(err, commandName(), line));
            }
            if (!options.quiet) {
                SessionConsole.ConsoleAlerts.addTo(b, err);
                b.addPostureListener(new SessionConsole.StateChanges(err, STATE_HOLD_S));
                b.addPostureListener(new SessionConsole.BreathingLines(err, b.breathing()));
            }
            b.vibrateOnSlump(vibrationOn, vibrate);
            if (store != null) {
                try {
                    history = b.saveHistory(store);
                } catch (HistoryException e) {
                    historyProblem = e.getMessage();
                }
                b.closing(store);
            }
            if (recorder != null) {
                // The recording keeps every calibration where it happened, as a "# calibration: {...}" line.
                b.noteCalibrations(recorder::note);
            }
            if (spec.accelerometerOnly()) {
                synchronized (err) {
                    err.println("midback " + commandName() + ": the sensor sends no gyroscope: "
                            + SummaryJson.ACCELEROMETER_ONLY_ANGLES + "; unavailable: "
                            + String.join(", ", SummaryJson.ACCELEROMETER_ONLY_UNAVAILABLE));
                    err.flush();
                }
            }
            extendSession(b, history, err);
            built = b;
            return extendInput(b.start());
        }

        SessionBuilder built() {
            return built;
        }

        String historyProblem() {
            HistoryRecorder h = history;
            if (historyProblem == null && h != null && h.failure() != null) {
                return h.failure().getMessage();
            }
            return historyProblem;
        }
    }

    /** A link to open: its name as told to the user, and how to open it (again, on each reconnection). */
    private record Target(String name, Supplier<ByteTransport> transports) {
    }

    /** The serial port, or the Bluetooth device (looked for now, by address or name). */
    private Target target(String port, String bt, PrintWriter err) {
        if (port != null) {
            return new Target(port, () -> new SerialTransport(port, baud));
        }
        err.printf(Locale.ROOT, "midback %s: looking for Bluetooth device %s...%n", commandName(), bt);
        err.flush();
        String url;
        try {
            url = BluetoothDiscovery.resolve(bt, Duration.ofMillis(Math.round(btTimeoutS * 1000)));
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
        return new Target(url.equals(bt) ? url : bt + " (" + url + ")", () -> new BluetoothTransport(url));
    }

    /** The sensor's name as it reports it (INFO); else the Bluetooth name asked for; else its format's. */
    private String deviceName(DeviceLines device, SensorLink link) {
        String model = device.reportedModel();
        if (model != null) {
            return model;
        }
        if (source.bt != null) {
            return source.bt;
        }
        WireFormat f = link == null || link.decoder() == null ? null : link.decoder().format();
        return f == null ? "unknown sensor" : f.cliName() + " sensor";
    }

    private static void closeQuietly(HistoryStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                // already failing: the first error is the one to tell
            }
        }
    }

    private void report(PrintWriter out, PrintWriter err, String why, SessionBuilder built, LiveSession session,
                        LiveDecoder decoder, LiveRecorder recorder, LowerLink lower) {
        SessionSummary summary = built.summary();
        LatencyHistogram lat = session.latency();
        synchronized (err) {
            err.printf(Locale.ROOT, "midback %s: session ended: %s%n", commandName(), why);
            err.printf(Locale.ROOT, "midback %s: %d bytes, %d reconnects, %d gaps, %d vibrations; %s%n",
                    commandName(),
                    session.bytesReceived(), session.reconnects(), session.gaps(), session.vibrations(),
                    decoder == null ? "no format recognised" : decoder.stats().describe());
            err.printf(Locale.ROOT, "midback %s: latency from a chunk's arrival to the alert decision: "
                            + "p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d chunks%n", commandName(),
                    lat.quantileMs(0.5), lat.quantileMs(0.99), lat.maxMs(), lat.count());
            if (recorder != null && recorder.failure() != null) {
                err.println("midback " + commandName() + ": warning: " + recorder.failure());
            }
            err.flush();
        }
        if (lower != null) {
            lower.printSummary(err);
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
            if (lower != null) {
                lower.addTo(extra);
            }
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

    /** The session's input as a command built on {@code live} wants it (a stage in front of the session). */
    SampleSink extendInput(SampleSink session) {
        return session;
    }

    /** Ends the running session (a command built on {@code live}, when its exercise is over; any thread). */
    void stopSession(String why) {
        LiveSession s = running;
        if (s != null) {
            s.requestStop(why);
        }
    }

    /** A {@code # KEY: VALUE} line in the recording where the samples are now, when recording (any thread). */
    void noteInRecording(String key, String value) {
        LiveRecorder r = recording;
        if (r != null) {
            r.note(key, value);
        }
    }

    /** What it adds to the summary at the end: fields of the JSON object ({@code json}), or else lines. */
    void extendSummary(PrintWriter out, JsonObject json) {
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
