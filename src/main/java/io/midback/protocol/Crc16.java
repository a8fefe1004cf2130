package io.midback.protocol;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. Check value:
 * {@code "123456789"} → 0x29B1.
 */
public final class Crc16 {
    private static final char[] TABLE = new char[256];
    /** TABLE2[x]: the effect of byte x followed by one more byte, for two bytes per step. */
    private static final char[] TABLE2 = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            TABLE[i] = (char) (c & 0xFFFF);
        }
        for (int i = 0; i < 256; i++) {
            int t = TABLE[i];
            TABLE2[i] = (char) (((t << 8) & 0xFFFF) ^ TABLE[t >>> 8]);
        }
    }

    private Crc16() {
    }

    public static int of(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        char[] t = TABLE;
        char[] t2 = TABLE2;
        int i = off;
        int end = off + len;
        // two bytes per step: the table is linear, so the two lookups are independent
        for (; i + 1 < end; i += 2) {
            crc = t2[((crc >>> 8) ^ data[i]) & 0xFF] ^ t[(crc ^ data[i + 1]) & 0xFF];
        }
        if (i < end) {
            crc = ((crc << 8) & 0xFF00) ^ t[((crc >>> 8) ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
