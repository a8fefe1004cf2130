package io.midback.text;

/**
 * Text from outside (a file's bytes, a device's reply) made safe to show on a terminal in one line: control
 * characters and bytes that are not printable become {@code ?}, and it is cut to a length, marked with {@code …}.
 * A binary file named as a recording then shows as a short row of {@code ?} instead of raw bytes and escape codes.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code b[from, to)} as printable ASCII, at most {@code maxChars} characters (then {@code …}). */
    public static String of(byte[] b, int from, int to, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(to - from, maxChars) + 1);
        for (int i = from; i < to && sb.length() < maxChars; i++) {
            int c = b[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : c == '\t' ? ' ' : '?');
        }
        String s = sb.toString().strip();
        return to - from > maxChars ? s + "…" : s;
    }

    /**
     * {@code text} in one line: line breaks become {@code " | "}, other control characters {@code ?}; letters
     * beyond ASCII (°, –, é) are kept.
     */
    public static String line(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                sb.append(" | ");
            } else if (c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.SURROGATE
                    || c == '\uFFFD') {
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
