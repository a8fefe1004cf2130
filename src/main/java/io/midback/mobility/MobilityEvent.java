package io.midback.mobility;

import java.util.Locale;

/**
 * A prompt of the guided check as stored in a recording: a {@code # event: T KIND [DETAIL]} line, T in seconds
 * from the first sample. Kinds: {@code block-start MOVEMENT} (a direction's or a plane's JSON name),
 * {@code block-end}, {@code rep DIRECTION} (a repetition was counted), {@code capture} (upright captured),
 * {@code stop REASON} (the check was ended, e.g. {@code stop hurts}).
 */
public record MobilityEvent(double tS, String kind, String detail) {
    public static final String KEY = "event";
    public static final String BLOCK_START = "block-start", BLOCK_END = "block-end", REP = "rep",
            CAPTURE = "capture", STOP = "stop";

    public MobilityEvent {
        if (!Double.isFinite(tS) || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an event needs a finite time and a kind");
        }
        detail = detail == null ? "" : detail.trim();
    }

    /** The value of the {@code # event:} line (after the key). */
    public String toValue() {
        return String.format(Locale.ROOT, "%.3f %s%s", tS, kind, detail.isEmpty() ? "" : " " + detail);
    }

    /**
     * Parses the value of an {@code # event:} line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static MobilityEvent parse(String value) {
        String[] f = value.trim().split("\\s+", 3);
        if (f.length < 2) {
            throw new IllegalArgumentException("an event line needs a time and a kind: '" + value + "'");
        }
        double t;
        try {
            t = Double.parseDouble(f[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an event line must start with its time in seconds: '" + value + "'");
        }
        return new MobilityEvent(t, f[1].toLowerCase(Locale.ROOT), f.length > 2 ? f[2] : "");
    }
}
