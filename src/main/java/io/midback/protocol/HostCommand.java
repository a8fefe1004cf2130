package io.midback.protocol;

/** What the host asks a Midback device to do: a sealed family of values (see PROTOCOL.md, "Host commands"). */
public sealed interface HostCommand {
    /** Sequence number the host gave the command (0–255); the device's ACK/NACK/INFO/PONG echoes it. */
    int seq();

    record GetInfo(int seq) implements HostCommand {
    }

    record StartStreaming(int seq) implements HostCommand {
    }

    record StopStreaming(int seq) implements HostCommand {
    }

    /** @param rateHz samples per second */
    record SetRate(int seq, int rateHz) implements HostCommand {
    }

    /** @param accelRangeG ± g (0 = unchanged) @param gyroRangeDps ± °/s (0 = unchanged) */
    record SetRanges(int seq, int accelRangeG, int gyroRangeDps) implements HostCommand {
    }

    /**
     * @param pattern      {@code VIBRATE_*} of {@link MidbackProtocol}
     * @param durationMs   total duration, ms
     * @param intensityPct motor strength 0–100 %
     */
    record Vibrate(int seq, int pattern, int durationMs, int intensityPct) implements HostCommand {
    }

    /** @param token any 32-bit value, echoed in the PONG */
    record Ping(int seq, long token) implements HostCommand {
    }

    /** A well-formed command this side does not know; a device answers it with NACK unknown-command. */
    record Unknown(int seq, int type) implements HostCommand {
    }
}
