package io.midback.protocol;

import static io.midback.protocol.MidbackProtocol.*;

/** Encodes host → device commands as wire frames, numbering them with a wrapping 8-bit sequence number. */
public final class MidbackCommandEncoder {
    private final byte[] p = new byte[16];
    private int seq;

    public byte[] encode(HostCommand c) {
        int n;
        p[1] = (byte) c.seq();
        if (c instanceof HostCommand.GetInfo) {
            p[0] = (byte) CMD_GET_INFO;
            n = 2;
        } else if (c instanceof HostCommand.StartStreaming) {
            p[0] = (byte) CMD_START_STREAM;
            n = 2;
        } else if (c instanceof HostCommand.StopStreaming) {
            p[0] = (byte) CMD_STOP_STREAM;
            n = 2;
        } else if (c instanceof HostCommand.SetRate r) {
            p[0] = (byte) CMD_SET_RATE;
            put16(p, 2, r.rateHz());
            n = 4;
        } else if (c instanceof HostCommand.SetRanges r) {
            p[0] = (byte) CMD_SET_RANGES;
            p[2] = (byte) r.accelRangeG();
            put16(p, 3, r.gyroRangeDps());
            n = 5;
        } else if (c instanceof HostCommand.Vibrate v) {
            p[0] = (byte) CMD_VIBRATE;
            p[2] = (byte) v.pattern();
            put16(p, 3, v.durationMs());
            p[5] = (byte) v.intensityPct();
            n = 6;
        } else if (c instanceof HostCommand.Ping ping) {
            p[0] = (byte) CMD_PING;
            put32(p, 2, ping.token());
            n = 6;
        } else {
            HostCommand.Unknown u = (HostCommand.Unknown) c;
            p[0] = (byte) u.type();
            n = 2;
        }
        return MidbackFrames.frame(p, n);
    }

    public byte[] getInfo() {
        return encode(new HostCommand.GetInfo(take()));
    }

    public byte[] startStreaming() {
        return encode(new HostCommand.StartStreaming(take()));
    }

    public byte[] stopStreaming() {
        return encode(new HostCommand.StopStreaming(take()));
    }

    public byte[] setRate(int rateHz) {
        if (rateHz <= 0 || rateHz > 0xFFFF) {
            throw new IllegalArgumentException("rate must be 1..65535 Hz: " + rateHz);
        }
        return encode(new HostCommand.SetRate(take(), rateHz));
    }

    public byte[] vibrate(int pattern, int durationMs, int intensityPct) {
        if (durationMs < 0 || durationMs > 0xFFFF || intensityPct < 0 || intensityPct > 100) {
            throw new IllegalArgumentException("vibrate: duration 0..65535 ms, intensity 0..100 %");
        }
        return encode(new HostCommand.Vibrate(take(), pattern, durationMs, intensityPct));
    }

    private int take() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }
}
