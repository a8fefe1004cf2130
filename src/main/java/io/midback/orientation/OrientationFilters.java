package io.midback.orientation;

import java.util.List;
import java.util.Locale;

/** Builds the orientation filters by their command-line names ({@code --filter NAME}). */
public final class OrientationFilters {
    /** The default filter: {@link VqfFilter}. */
    public static final String DEFAULT = "midback";
    /** Every name {@link #create} accepts, default first. */
    public static final List<String> NAMES = List.of(DEFAULT, "madgwick", "mahony");

    private OrientationFilters() {
    }

    /**
     * @param name   {@code midback} (VQF-based, default settings), {@code madgwick} (β = 0.1) or {@code mahony}
     *               (Kp = 0.5, Ki = 0), or {@code tilt} ({@link TiltFilter}, accelerometer only); case-insensitive
     * @param rateHz nominal sampling rate, Hz
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static OrientationFilter create(String name, double rateHz) {
        return create(name, rateHz, VqfSettings.defaults());
    }

    /**
     * As {@link #create}, for either sensor of a session with two: {@code midback} with
     * {@link VqfSettings#twoSensors()} (the spine's rotation comes from the two filters' headings).
     */
    public static OrientationFilter forTwoSensors(String name, double rateHz) {
        return create(name, rateHz, VqfSettings.twoSensors());
    }

    private static OrientationFilter create(String name, double rateHz, VqfSettings midback) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "midback":
                return new VqfFilter(midback, rateHz);
            case "madgwick":
                return new MadgwickFilter(rateHz);
            case "mahony":
                return new MahonyFilter();
            case TiltFilter.NAME: // not in NAMES: for sensors without a gyroscope, chosen by their recordings
                return new TiltFilter();
            default:
                throw new IllegalArgumentException("unknown filter '" + name + "' (known: "
                        + String.join(", ", NAMES) + ")");
        }
    }
}
