package io.midback.ui;

import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.align.SampleRing;
import io.midback.live.LiveRecording;
import io.midback.live.LiveSession;
import io.midback.live.LowerSensorLink;
import io.midback.live.SessionOrigin;
import io.midback.live.SensorLink;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.protocol.DeviceMessage;
import io.midback.sensor.SampleSink;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A live sensor as a source: {@link LiveSession} (reconnecting link → wire-format decoder, recognised from the
 * first bytes → timeline) streaming into the session's pipeline, as {@code midback live} wires it: the Midback
 * protocol's device control (rate, start/stop, vibration on a slump), battery from the device's messages.
 */
public final class LiveSource implements SampleSource {
    private final SessionSpec.Kind kind;
    private final String name;
    private final Supplier<ByteTransport> transports;
    private final ReconnectingLink.Settings linkSettings;
    private volatile LiveSession session;
    private volatile boolean stopped;
    private volatile double battery = Double.NaN;
    private volatile LinkState linkState = LinkState.CONNECTING;
    private volatile String failure;
    /** The lower sensor's port, how to open it, and the ring its samples reach the session through; or null. */
    private String lowerName;
    private Supplier<ByteTransport> lowerTransports;
    private SampleRing lowerRing;
    private volatile LinkState lowerState = LinkState.CONNECTING;
    /** What the lower link said of its sensor (it sends no gyroscope), or null. */
    private volatile String lowerNote;
    /** Where to record the session ("Record to"), or null; the recording as opened for this run, or null. */
    private Path recordTo;
    private volatile LiveRecording recording;
    /** The sensors' names as they report them (INFO), or null: their recordings' {@code # device:}. */
    private volatile String model;
    private volatile String lowerModel;

    /**
     * @param name       what to call the link ("/dev/ttyUSB0", "Midback-1 (00:11:…)")
     * @param transports a fresh transport for every (re)connection
     */
    public LiveSource(String name, Supplier<ByteTransport> transports, ReconnectingLink.Settings linkSettings) {
        this(SessionSpec.Kind.SERIAL, name, transports, linkSettings);
    }

    /** @param kind {@link SessionSpec.Kind#SERIAL} or {@link SessionSpec.Kind#BLUETOOTH} */
    public LiveSource(SessionSpec.Kind kind, String name, Supplier<ByteTransport> transports,
                      ReconnectingLink.Settings linkSettings) {
        this.kind = kind;
        this.name = name;
        this.transports = transports;
        this.linkSettings = linkSettings;
    }

    /**
     * A second sensor low on the back (sacrum) on a link of its own, as {@code live --lower-port}: the session adds
     * the spine angles between the two (before the session starts).
     */
    public LiveSource withLower(String name, Supplier<ByteTransport> transports) {
        lowerName = name;
        lowerTransports = transports;
        lowerRing = new SampleRing();
        return this;
    }

    /**
     * Records the session as {@code live --record FILE} does (the same recorder, {@link SessionBuilder#record}), the
     * lower sensor's samples beside it; an existing file is kept: the recording goes to the first free
     * {@code NAME-2.csv}, {@code NAME-3.csv}… (before the session starts).
     */
    public LiveSource recordingTo(Path file) {
        recordTo = file;
        return this;
    }

    /** The link settings of {@code midback live}'s defaults ({@link SensorLink#defaultLinkSettings()}). */
    public static ReconnectingLink.Settings defaultLinkSettings() {
        return SensorLink.defaultLinkSettings();
    }

    @Override
    public String describe() {
        return "the sensor at " + name + (lowerName == null ? "" : " and the lower one at " + lowerName);
    }

    @Override
    public double batteryFraction() {
        return battery;
    }

    @Override
    public SessionSpec spec(PostureSettings posture, Clock clock) {
        SessionSpec spec = SessionSpec.live(kind, name, null, clock.instant(), clock.getZone(),
                OrientationFilters.DEFAULT, posture);
        if (recordTo != null) {
            spec = spec.withRecording(new SessionSpec.Recording(unused(recordTo, lowerName != null)));
        }
        return lowerName == null ? spec : spec.withLower(SessionSpec.Lower.live(lowerName,
                SessionSpec.DEFAULT_RATE_HZ, lowerRing, OrientationFilters.DEFAULT));
    }

    @Override
    public LiveRecording record(SessionBuilder session) throws IOException {
        LiveRecording r = session.record(name, () -> model, () -> lowerModel);
        recording = r;
        return r;
    }

    /**
     * {@code file}, or when it (or with a lower sensor its sibling) exists already, the first of {@code NAME-2.csv},
     * {@code NAME-3.csv}… that does not: a recording never overwrites one. Blocks (I/O).
     */
    static Path unused(Path file, boolean withLower) {
        Path candidate = file;
        for (int i = 2; java.nio.file.Files.exists(candidate)
                || withLower && java.nio.file.Files.exists(LiveRecording.siblingOf(candidate)); i++) {
            candidate = LiveRecording.withInsert(file, "-" + i);
        }
        return candidate;
    }

    @Override
    public boolean savesHistory() {
        return true;
    }

    @Override
    public boolean reconnectsWhenSilent() {
        return true;
    }

    @Override
    public String linkNote() {
        LinkState s = linkState;
        if (s != LinkState.CONNECTED) {
            return s.label();
        }
        LinkState l = lowerState;
        if (lowerName == null || l == LinkState.CONNECTED) {
            return lowerNote;
        }
        return "lower sensor " + l.label();
    }

    @Override
    public boolean vibrate() {
        LiveSession s = session;
        return s != null && s.vibrate();
    }

    @Override
    public void stop() {
        stopped = true;
        LiveSession s = session;
        if (s != null) {
            s.requestStop("disconnected");
        }
    }

    @Override
    public void run(SampleSink sink) throws Exception {
        LiveSession[] self = new LiveSession[1];
        SensorLink link = new SensorLink(name, transports, linkSettings, null, SessionSpec.DEFAULT_RATE_HZ, 0, this::message,
                why -> {
                    failure = why;
                    if (self[0] != null) {
                        self[0].requestStop(why);
                    }
                });
        SessionOrigin origin = SessionOrigin.now();
        LiveRecording rec = recording;
        LiveSession s = new LiveSession(link.config(), sink, rec == null ? null : rec.upper(),
                states(state -> linkState = state), origin);
        self[0] = s;
        session = s;
        LowerSensorLink lower = lowerName == null ? null : new LowerSensorLink(new SensorLink(lowerName,
                lowerTransports, linkSettings, null, SessionSpec.DEFAULT_RATE_HZ, 0, m -> lowerModel = modelOf(m,
                lowerModel), why -> {
                    failure = why;
                    s.requestStop(why);
                }), lowerRing, rec == null ? null : rec.lower(), states(state -> lowerState = state), origin,
                () -> Double.NaN,
                note -> lowerNote = note);
        try {
            if (stopped) {
                return;
            }
            try {
                s.start();
            } catch (IOException e) {
                throw new IOException("cannot open " + name + ": " + e.getMessage(), e);
            }
            if (lower != null) {
                try {
                    lower.start();
                } catch (IOException e) {
                    throw new IOException("cannot open the lower sensor " + lowerName + ": " + e.getMessage(), e);
                }
            }
            if (stopped) {
                s.requestStop("disconnected");
            }
            String why = s.await(0);
            if (failure != null) {
                throw new IOException(failure);
            }
            if (!stopped && why != null && why.startsWith("link given up")) {
                throw new IOException(name + ": " + why);
            }
        } finally {
            s.close();
            if (lower != null) {
                lower.close();
            }
        }
    }

    /** A link's state changes, kept for {@link #linkNote()}. */
    private static LinkListener states(java.util.function.Consumer<LinkState> keep) {
        return new LinkListener() {
            @Override
            public void onBytes(byte[] buf, int off, int len) {
            }

            @Override
            public void onState(LinkState state, String reason) {
                keep.accept(state);
            }
        };
    }

    void message(DeviceMessage m) {
        if (m instanceof DeviceMessage.Battery b && b.percent() >= 0) {
            battery = b.percent() / 100.0;
        }
        model = modelOf(m, model);
    }

    /** The sensor's name from its INFO message, else what was known. */
    private static String modelOf(DeviceMessage m, String known) {
        return m instanceof DeviceMessage.Info i && i.sensorModel() != null && !i.sensorModel().isBlank()
                ? i.sensorModel().trim() : known;
    }
}
