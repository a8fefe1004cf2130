package io.midback.live;

import io.midback.protocol.DeviceMessageListener;
import io.midback.protocol.WireFormat;
import io.midback.transport.ByteTransport;
import io.midback.transport.ReconnectingLink;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a live session talks to a sensor, in one place for {@code midback live} and the window: the wire format
 * (given, or recognised from the first bytes), the timing it needs, and the Midback protocol's device commands
 * (sent while the format is Midback or not yet known, since a Midback sensor stays silent until told to start).
 */
public final class SensorLink {
    /** No data this long counts as a dropped link (then reconnect), seconds. */
    public static final double DEFAULT_WATCHDOG_S = 3;
    /** Reconnecting stops once the link has been down this long, seconds. */
    public static final double DEFAULT_GIVE_UP_S = 300;
    /** The first and the longest wait between reconnection attempts. */
    private static final Duration RETRY_FIRST = Duration.ofMillis(250);
    private static final Duration RETRY_MAX = Duration.ofSeconds(5);

    private volatile LiveDecoder decoder;
    private final LiveSession.Config config;

    /**
     * @param format          the wire format, or null to recognise it
     * @param nominalRateHz   the rate that times formats without device timestamps
     * @param requestedRateHz the rate to ask a Midback sensor for, or 0 to leave its own
     * @param onUnrecognised  told, once, when the first bytes match no format (the message names the link)
     */
    public SensorLink(String name, Supplier<ByteTransport> transports, ReconnectingLink.Settings linkSettings,
                      WireFormat format, double nominalRateHz, int requestedRateHz,
                      DeviceMessageListener messages, Consumer<String> onUnrecognised) {
        LiveSession.DeviceControl control = format == null || format == WireFormat.MIDBACK
                ? new MidbackDeviceControl(requestedRateHz, this::isMidback)
                : LiveSession.DeviceControl.NONE;
        this.config = new LiveSession.Config(name, transports, linkSettings,
                sink -> decoder = new LiveDecoder(sink, format, nominalRateHz, messages, name, onUnrecognised),
                LiveDecoder.timing(format), nominalRateHz, control);
    }

    /** The link settings of {@code midback live} and the window, with the given watchdog and give-up times. */
    public static ReconnectingLink.Settings linkSettings(double watchdogS, double giveUpS) {
        return new ReconnectingLink.Settings(Duration.ofMillis(Math.round(watchdogS * 1000)), RETRY_FIRST, RETRY_MAX,
                Duration.ofMillis(Math.round(giveUpS * 1000)));
    }

    /** {@link #linkSettings} with the defaults: 3 s watchdog, give up after 5 minutes down. */
    public static ReconnectingLink.Settings defaultLinkSettings() {
        return linkSettings(DEFAULT_WATCHDOG_S, DEFAULT_GIVE_UP_S);
    }

    public LiveSession.Config config() {
        return config;
    }

    /** The decoder of the current connection, or null before the first. */
    public LiveDecoder decoder() {
        return decoder;
    }

    private boolean isMidback() {
        LiveDecoder d = decoder;
        return d != null && d.format() == WireFormat.MIDBACK;
    }
}
