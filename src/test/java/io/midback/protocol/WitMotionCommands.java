package io.midback.protocol;

/**
 * WitMotion configuration commands: 5 bytes {@code FF AA reg lo hi}. A change takes three writes: unlock,
 * the setting, save.
 */
public final class WitMotionCommands {
    private WitMotionCommands() {
    }

    public static byte[] unlock() {
        return write(0x69, 0xB588);
    }

    public static byte[] save() {
        return write(0x00, 0x0000);
    }

    /** Output rate register 0x03 for a rate in Hz (0.2–200 as WitMotion offers). */
    public static byte[] rate(double hz) {
        int code;
        if (hz == 0.2) {
            code = 0x01;
        } else if (hz == 0.5) {
            code = 0x02;
        } else {
            code = switch ((int) hz) {
                case 1 -> 0x03;
                case 2 -> 0x04;
                case 5 -> 0x05;
                case 10 -> 0x06;
                case 20 -> 0x07;
                case 50 -> 0x08;
                case 100 -> 0x09;
                case 200 -> 0x0B;
                default -> -1;
            };
            if (code < 0 || hz != (int) hz) {
                throw new IllegalArgumentException("WitMotion rates are 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100 or 200 Hz: " + hz);
            }
        }
        return write(0x03, code);
    }

    /** {@code FF AA reg lo hi}. */
    public static byte[] write(int register, int value) {
        return new byte[] {(byte) 0xFF, (byte) 0xAA, (byte) register, (byte) value, (byte) (value >>> 8)};
    }
}
