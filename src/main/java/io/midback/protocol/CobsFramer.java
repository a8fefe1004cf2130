package io.midback.protocol;

/**
 * Splits a byte stream into COBS frames delimited by 0x00, decoding each on the fly into a fixed buffer, and
 * checks its trailing CRC-16/CCITT-FALSE (little-endian). A frame longer than the maximum is discarded up to
 * the next delimiter, so memory stays bounded on endless garbage. Any corruption costs at most the frame it is
 * in: the next 0x00 starts afresh.
 */
abstract class CobsFramer {
    private final byte[] buf;
    private int len;          // decoded bytes so far
    private int remaining;    // data bytes left in the current COBS block
    private int lastCode;     // code of the current block; 0 before the first
    private int raw;          // raw bytes of the current frame so far (for skip accounting)
    private boolean overflow;

    CobsFramer(int maxPayload) {
        this.buf = new byte[maxPayload + 2];
    }

    /** A frame whose CRC checked: {@code payload[0, len)} (the CRC removed). Valid only during the call. */
    abstract void onFrame(byte[] payload, int len);

    /** A frame that failed (bad COBS, bad CRC, too long or too short) of {@code rawBytes} bytes with delimiter. */
    abstract void onCorrupt(int rawBytes);

    final void feed(byte[] src, int off, int n) {
        byte[] b = buf;
        int cap = b.length;
        int len = this.len;
        int remaining = this.remaining;
        int lastCode = this.lastCode;
        int raw = this.raw;
        boolean overflow = this.overflow;
        int end = off + n;
        for (int i = off; i < end; i++) {
            if (remaining > 0 && !overflow) {
                // fast path: copy the rest of the current block up to a zero (a delimiter) or the end of input
                int run = Math.min(remaining, Math.min(end - i, cap - len));
                int k = 0;
                while (k < run && src[i + k] != 0) {
                    b[len + k] = src[i + k];
                    k++;
                }
                len += k;
                remaining -= k;
                raw += k;
                i += k;
                if (i == end) {
                    break;
                }
            }
            int v = src[i] & 0xFF;
            if (v == 0) {
                if (raw != 0) {
                    boolean ok = !overflow && remaining == 0 && len >= 4;
                    if (ok) {
                        int crc = Crc16.of(b, 0, len - 2);
                        ok = crc == ((b[len - 2] & 0xFF) | (b[len - 1] & 0xFF) << 8);
                    }
                    if (ok) {
                        onFrame(b, len - 2);
                    } else {
                        onCorrupt(raw + 1);
                    }
                }
                len = 0;
                remaining = 0;
                lastCode = 0;
                raw = 0;
                overflow = false;
                continue;
            }
            raw++;
            if (overflow) {
                continue;
            }
            if (remaining == 0) {
                if (lastCode != 0 && lastCode != 0xFF) {
                    if (len == cap) {
                        overflow = true;
                        continue;
                    }
                    b[len++] = 0;
                }
                lastCode = v;
                remaining = v - 1;
            } else {
                if (len == cap) {
                    overflow = true;
                    continue;
                }
                b[len++] = (byte) v;
                remaining--;
            }
        }
        this.len = len;
        this.remaining = remaining;
        this.lastCode = lastCode;
        this.raw = raw;
        this.overflow = overflow;
    }

    /** Bytes of an unfinished frame (at end of stream they are a truncated frame). */
    final int pendingBytes() {
        return raw;
    }

    final void reset() {
        len = 0;
        remaining = 0;
        lastCode = 0;
        raw = 0;
        overflow = false;
    }
}
