package io.midback.protocol;

/**
 * Constants of Midback's wire protocol, version 1 (firmware-protocol/PROTOCOL.md is the specification).
 *
 * <pre>
 *  wire:     COBS( payload | crc16 ) 0x00
 *  payload:  +------+-----+---------- ... --+
 *            | type | seq | body            |      crc16 = CRC-16/CCITT-FALSE(payload), little-endian
 *            +------+-----+---------- ... --+      all multi-byte fields little-endian
 * </pre>
 */
public final class MidbackProtocol {
    public static final int VERSION = 1;
    /** Largest payload (type, seq and body, without CRC) a receiver must accept. */
    public static final int MAX_PAYLOAD = 1024;

    // device → host
    public static final int MSG_INFO = 0x01;
    public static final int MSG_IMU_BATCH = 0x10;
    public static final int MSG_BATTERY = 0x20;
    public static final int MSG_EVENT = 0x21;
    public static final int MSG_ACK = 0x30;
    public static final int MSG_NACK = 0x31;
    public static final int MSG_PONG = 0x32;
    public static final int MSG_LOG = 0x40;

    // host → device
    public static final int CMD_GET_INFO = 0x80;
    public static final int CMD_START_STREAM = 0x81;
    public static final int CMD_STOP_STREAM = 0x82;
    public static final int CMD_SET_RATE = 0x83;
    public static final int CMD_SET_RANGES = 0x84;
    public static final int CMD_VIBRATE = 0x85;
    public static final int CMD_PING = 0x86;

    /** IMU batch header length (type and seq included), before the samples. */
    public static final int IMU_HEADER = 21;
    public static final int IMU_FLAG_MAG = 1;
    /** Body length of INFO before the model string. */
    public static final int INFO_FIXED = 2 + 22;

    public static final int EVENT_BUTTON_PRESS = 1;
    public static final int EVENT_BUTTON_LONG_PRESS = 2;
    public static final int EVENT_LOW_BATTERY = 3;
    public static final int EVENT_FIFO_OVERFLOW = 4;
    public static final int EVENT_STREAM_STARTED = 5;
    public static final int EVENT_STREAM_STOPPED = 6;

    public static final int NACK_UNKNOWN_COMMAND = 1;
    public static final int NACK_BAD_ARGUMENT = 2;
    public static final int NACK_BUSY = 3;
    public static final int NACK_UNSUPPORTED = 4;

    public static final int VIBRATE_OFF = 0;
    public static final int VIBRATE_SHORT = 1;
    public static final int VIBRATE_DOUBLE = 2;
    public static final int VIBRATE_LONG = 3;
    public static final int VIBRATE_RAMP = 4;

    private MidbackProtocol() {
    }

    static String eventName(int kind) {
        return switch (kind) {
            case EVENT_BUTTON_PRESS -> "button-press";
            case EVENT_BUTTON_LONG_PRESS -> "button-long-press";
            case EVENT_LOW_BATTERY -> "low-battery";
            case EVENT_FIFO_OVERFLOW -> "fifo-overflow";
            case EVENT_STREAM_STARTED -> "stream-started";
            case EVENT_STREAM_STOPPED -> "stream-stopped";
            default -> "event-" + kind;
        };
    }

    static String nackName(int code) {
        return switch (code) {
            case NACK_UNKNOWN_COMMAND -> "unknown-command";
            case NACK_BAD_ARGUMENT -> "bad-argument";
            case NACK_BUSY -> "busy";
            case NACK_UNSUPPORTED -> "unsupported";
            default -> "error-" + code;
        };
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int i) {
        return ((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (long) (b[i + 3] & 0xFF) << 24);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int i, long v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }
}
