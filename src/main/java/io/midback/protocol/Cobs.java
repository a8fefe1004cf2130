package io.midback.protocol;

/**
 * Consistent Overhead Byte Stuffing: removes every 0x00 from a block so 0x00 can delimit frames. An encoded
 * block of n bytes is at most n + ceil(n / 254) + 1 bytes long (without the delimiter).
 */
public final class Cobs {
    private Cobs() {
    }

    public static int maxEncodedLength(int n) {
        return n + n / 254 + 1;
    }

    /** Encodes {@code src[off, off+len)} into {@code dst} from {@code dstOff}; returns the encoded length. */
    public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int codeAt = dstOff;
        int out = dstOff + 1;
        int code = 1;
        for (int i = off, end = off + len; i < end; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeAt] = (byte) code;
                codeAt = out++;
                code = 1;
            } else {
                dst[out++] = b;
                if (++code == 0xFF) {
                    dst[codeAt] = (byte) code;
                    codeAt = out++;
                    code = 1;
                }
            }
        }
        dst[codeAt] = (byte) code;
        return out - dstOff;
    }

    /**
     * Decodes one encoded block (no delimiter) into {@code dst}; returns the decoded length, or -1 when the
     * block is malformed (a zero byte, or a code that runs past the end).
     */
    public static int decode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int in = off;
        int end = off + len;
        int out = dstOff;
        while (in < end) {
            int code = src[in++] & 0xFF;
            if (code == 0 || in + code - 1 > end) {
                return -1;
            }
            for (int k = 1; k < code; k++) {
                byte b = src[in++];
                if (b == 0) {
                    return -1;
                }
                dst[out++] = b;
            }
            if (code != 0xFF && in < end) {
                dst[out++] = 0;
            }
        }
        return out - dstOff;
    }
}
