package io.midback.protocol;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. Check value:
 * {@code "123456789"} → 0x29B1.
 */
public final class Crc16 {
    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            TABLE[i] = (char) (c & 0xFFFF);
        }
    }

    private Crc16() {
    }

    public static int of(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        char[] t = TABLE;
        for (int i = off, end = off + len; i < end; i++) {
            crc = ((crc << 8) & 0xFF00) ^ t[((crc >>> 8) ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
