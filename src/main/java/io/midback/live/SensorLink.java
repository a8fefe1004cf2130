package io.midback.live;

import io.midback.protocol.DeviceMessageListener;
import io.midback.protocol.WireFormat;
import io.midback.transport.ByteTransport;
import io.midback.transport.ReconnectingLink;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a live session talks to a sensor, in one place for {@code midback live} and the window: the wire format
 * (given, or recognised from the first bytes), the timing it needs, and the Midback protocol's device commands
 * (sent while the format is Midback or not yet known, since a Midback sensor stays silent until told to start).
 */
public final class SensorLink {
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
