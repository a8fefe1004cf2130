package io.midback.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small buffered ASCII writer that formats numbers with a fixed number of decimals (trailing zeros dropped)
 * without allocating: recordings and the simulator write millions of them. NaN is written as {@code NaN}.
 */
public final class AsciiOut implements AutoCloseable {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int pos;

    public AsciiOut(OutputStream out) {
        this.out = out;
    }

    public AsciiOut text(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // rare: metadata with non-ASCII text
                for (byte x : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    put(x);
                }
                return this;
            }
            put((byte) c);
        }
        return this;
    }

    public AsciiOut put(char c) throws IOException {
        put((byte) c);
        return this;
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    /** {@code v} rounded to {@code decimals} places, trailing zeros (and a bare point) dropped. */
    public AsciiOut fixed(double v, int decimals) throws IOException {
        if (pos > buf.length - 48) {
            flushBuffer();
        }
        if (!Double.isFinite(v) || Math.abs(v) * POW10[decimals] >= 9e17) {
            return text(Double.isNaN(v) ? "NaN" : Double.toString(v));
        }
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (scaled == 0) {
            buf[pos++] = '0';
            return this;
        }
        if (v < 0) {
            buf[pos++] = '-';
        }
        long intPart = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + intPart % 10);
            intPart /= 10;
        } while (intPart > 0);
        while (n > 0) {
            buf[pos++] = digits[--n];
        }
        if (frac != 0) {
            int d = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                d--;
            }
            buf[pos++] = '.';
            for (int i = d - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + frac % 10);
                frac /= 10;
            }
            pos += d;
        }
        return this;
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** Hands everything written so far to the stream, and flushes the stream. */
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
