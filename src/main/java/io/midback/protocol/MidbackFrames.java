package io.midback.protocol;

import java.util.Arrays;

/** Wraps a payload into a wire frame: {@code COBS(payload | crc16-LE) 0x00}. */
public final class MidbackFrames {
    /** The longest frame on the wire, delimiter included. */
    public static final int MAX_FRAME = Cobs.maxEncodedLength(MidbackProtocol.MAX_PAYLOAD + 2) + 1;

    private MidbackFrames() {
    }

    /**
     * Frames {@code payload[0, len)}; {@code payload} must have 2 spare bytes after {@code len} (the CRC is
     * written there). Writes into {@code out} from {@code outOff} and returns the frame length.
     */
    public static int frame(byte[] payload, int len, byte[] out, int outOff) {
        if (len < 2 || len > MidbackProtocol.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload length " + len + " outside 2.." + MidbackProtocol.MAX_PAYLOAD);
        }
        int crc = Crc16.of(payload, 0, len);
        payload[len] = (byte) crc;
        payload[len + 1] = (byte) (crc >>> 8);
        int n = Cobs.encode(payload, 0, len + 2, out, outOff);
        out[outOff + n] = 0;
        return n + 1;
    }

    /** Frames a payload into a new array (for rare messages and tests). */
    public static byte[] frame(byte[] payload, int len) {
        byte[] p = Arrays.copyOf(payload, len + 2);
        byte[] out = new byte[MAX_FRAME];
        return Arrays.copyOf(out, frame(p, len, out, 0));
    }
}
