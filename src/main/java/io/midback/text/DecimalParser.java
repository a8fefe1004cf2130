package io.midback.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from ASCII bytes without allocating: the common case (at most 18 significant
 * digits and a small exponent) is computed exactly as a correctly rounded double, anything else falls back to
 * {@link Double#parseDouble}. Accepts {@code nan}, {@code inf}, {@code -inf} in any case.
 */
public final class DecimalParser {
    /** Returned for text that is not a number; callers check with {@link #isError}. */
    public static final double ERROR = Double.longBitsToDouble(0x7ff8dead0000beefL);

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

    public static boolean isError(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(ERROR);
    }

    /** The number in {@code b[from, to)} (surrounding spaces allowed), or {@link #ERROR}. */
    public static double parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t' || b[to - 1] == '\r')) {
            to--;
        }
        if (from >= to) {
            return ERROR;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        int anyDigit = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            anyDigit = 1;
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exp10++;
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                anyDigit = 1;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exp10--;
                }
                i++;
            }
        }
        if (anyDigit == 0) {
            return special(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int e = 0;
            int expDigits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (e < 100000) {
                    e = e * 10 + (b[i] - '0');
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return ERROR;
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != to) {
            return ERROR;
        }
        double v;
        if (mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            v = exp10 < 0 ? mantissa / POW10[-exp10] : mantissa * POW10[exp10];
        } else if (mantissa == 0) {
            v = 0;
        } else {
            return slowPath(b, from, to);
        }
        return negative ? -v : v;
    }

    private static double special(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        int n = to - i;
        if (n == 3 && lower(b[i]) == 'n' && lower(b[i + 1]) == 'a' && lower(b[i + 2]) == 'n') {
            return Double.NaN;
        }
        if ((n == 3 || n == 8) && lower(b[i]) == 'i' && lower(b[i + 1]) == 'n' && lower(b[i + 2]) == 'f') {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return ERROR;
    }

    private static int lower(byte c) {
        return c | 0x20;
    }

    private static double slowPath(byte[] b, int from, int to) {
        try {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return ERROR;
        }
    }
}
