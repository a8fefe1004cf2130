package io.midback.protocol;

import java.util.Objects;
import java.util.function.Consumer;

import static io.midback.protocol.MidbackProtocol.*;

/**
 * The device side's command reader in Java (for virtual sensors and tests): bytes from the host in, any
 * chunking, {@link HostCommand}s out. Damaged frames are skipped and counted.
 */
public final class MidbackCommandDecoder {
    private final DecoderStats stats = new DecoderStats();
    private final Consumer<HostCommand> out;
    private final CobsFramer framer = new CobsFramer(64) {
        @Override
        void onFrame(byte[] p, int len) {
            HostCommand c = command(p, len);
            if (c == null) {
                stats.framesCorrupt++;
                stats.bytesSkipped += len;
                return;
            }
            stats.framesOk++;
            if (c instanceof HostCommand.Unknown) {
                stats.unknownMessages++;
            }
            out.accept(c);
        }

        @Override
        void onCorrupt(int rawBytes) {
            stats.framesCorrupt++;
            stats.bytesSkipped += rawBytes;
        }
    };

    public MidbackCommandDecoder(Consumer<HostCommand> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public DecoderStats stats() {
        return stats;
    }

    public void feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        framer.feed(b, off, len);
    }

    public void feed(byte[] b) {
        feed(b, 0, b.length);
    }

    private static HostCommand command(byte[] p, int len) {
        int type = p[0] & 0xFF;
        int seq = p[1] & 0xFF;
        switch (type) {
            case CMD_GET_INFO:
                return new HostCommand.GetInfo(seq);
            case CMD_START_STREAM:
                return new HostCommand.StartStreaming(seq);
            case CMD_STOP_STREAM:
                return new HostCommand.StopStreaming(seq);
            case CMD_SET_RATE:
                return len >= 4 ? new HostCommand.SetRate(seq, u16(p, 2)) : null;
            case CMD_SET_RANGES:
                return len >= 5 ? new HostCommand.SetRanges(seq, p[2] & 0xFF, u16(p, 3)) : null;
            case CMD_VIBRATE:
                return len >= 6 ? new HostCommand.Vibrate(seq, p[2] & 0xFF, u16(p, 3), p[5] & 0xFF) : null;
            case CMD_PING:
                return len >= 6 ? new HostCommand.Ping(seq, u32(p, 2)) : null;
            default:
                return new HostCommand.Unknown(seq, type);
        }
    }
}
