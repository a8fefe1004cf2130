package io.midback.recording;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code # key: value} lines of a recording, in file order. Well-known keys: {@code device},
 * {@code port}, {@code rate_hz}, {@code mounting}, {@code start} (local date-time, ISO), {@code calibration}, {@code source}.
 * Unknown keys are kept as they are.
 *
 * <p>A two-sensor recording is two files, one per sensor, each naming the other (its file name, in the same
 * folder): the upper sensor's (thoracic) file says {@code # lower: FILE2}, the lower sensor's (sacral) file
 * {@code # upper: FILE}; each says where it sat ({@code # site: thorax} or {@code sacrum}). Each file keeps its own
 * sensor's clock in {@code t_s} (a live session's two files: its one timeline): they are aligned when replayed
 * together.
 */
public record RecordingMetadata(Map<String, String> entries) {
    public static final String DEVICE = "device";
    /** The port or Bluetooth address a live recording came through (the device is the sensor's own name). */
    public static final String PORT = "port";
    public static final String RATE_HZ = "rate_hz";
    public static final String MOUNTING = "mounting";
    public static final String START = "start";
    public static final String CALIBRATION = "calibration";
    /** In the upper sensor's file of a two-sensor recording: the lower sensor's file. */
    public static final String LOWER = "lower";
    /** In the lower sensor's file of a two-sensor recording: the upper sensor's file. */
    public static final String UPPER = "upper";
    /** Where the sensor sat: {@code thorax} or {@code sacrum}. */
    public static final String SITE = "site";

    public RecordingMetadata {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static RecordingMetadata empty() {
        return new RecordingMetadata(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Optional<String> device() {
        return get(DEVICE);
    }

    public Optional<String> mounting() {
        return get(MOUNTING);
    }

    public Optional<String> calibration() {
        return get(CALIBRATION);
    }

    /** The nominal sampling rate, when the file states a positive number. */
    public OptionalDouble rateHz() {
        String v = entries.get(RATE_HZ);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            double hz = Double.parseDouble(v.trim());
            return hz > 0 && Double.isFinite(hz) ? OptionalDouble.of(hz) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The wall-clock start (local time) of the recording, when stated and well formed. */
    public Optional<LocalDateTime> start() {
        String v = entries.get(START);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(v.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A copy with one entry set (added at the end, or replaced in place). */
    public RecordingMetadata with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new RecordingMetadata(m);
    }
}
