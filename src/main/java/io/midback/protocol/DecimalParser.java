package io.midback.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Parses ASCII decimal numbers straight from bytes without allocating, with the same result as
 * {@link Double#parseDouble} (mantissa and power of ten are exact doubles, so one division rounds correctly);
 * rare forms (exponents, more than 15 digits) fall back to {@link Double#parseDouble}.
 */
final class DecimalParser {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /** The number in {@code b[from, to)} (surrounding spaces allowed), or NaN when it is not a finite number. */
    static double parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t' || b[to - 1] == '\r')) {
            to--;
        }
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int frac = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits < 15) {
                    mant = mant * 10 + (c - '0');
                    if (mant != 0) {
                        digits++;
                    }
                    if (dot) {
                        frac++;
                    }
                } else {
                    return slow(b, from, to);
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == 'e' || c == 'E') {
                return slow(b, from, to);
            } else {
                return Double.NaN;
            }
        }
        int start = (b[from] == '-' || b[from] == '+') ? from + 1 : from;
        if (to - start == (dot ? 1 : 0)) {
            return Double.NaN; // no digits at all
        }
        double v = frac == 0 ? (double) mant : mant / POW10[frac];
        return neg ? -v : v;
    }

    private static double slow(byte[] b, int from, int to) {
        try {
            double v = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
