package io.midback.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mobility check as the history keeps it: when, from what, how it ended, and per direction the range,
 * repetitions, peaks and notes.
 *
 * @param id         the history's id (0 before it is saved)
 * @param start      when the check started
 * @param zone       the wearer's zone then
 * @param device     the sensor
 * @param source     what it ran on ("simulator", "live /dev/ttyUSB0", "replay check.csv")
 * @param ended      {@code done}, {@code done, N of 6 directions skipped}, {@code stop hurts}, {@code stop REASON},
 *                   {@code the samples ended}
 * @param notes      the notes that belong to no one direction
 * @param directions by direction's JSON name ({@code flexion}, …, {@code rotationRight}), in the check's order
 */
public record MobilityRecord(long id, Instant start, ZoneId zone, String device, String source, String ended,
                             List<String> notes, Map<String, Direction> directions) {
    /**
     * One direction's figures.
     *
     * @param romDeg    the range, degrees (NaN: no repetitions)
     * @param reps      repetitions counted
     * @param spreadDeg largest minus smallest peak, degrees (NaN: none)
     * @param peaksDeg  every repetition's peak, degrees
     * @param notes     its quality notes
     * @param trunkRomDeg with two sensors (then {@code romDeg} is the spine's between them): the upper sensor's
     *                  trunk range, hips included; NaN with one sensor
     */
    public record Direction(double romDeg, int reps, double spreadDeg, List<Double> peaksDeg, List<String> notes,
                            double trunkRomDeg) {
        public Direction {
            peaksDeg = List.copyOf(peaksDeg);
            notes = List.copyOf(notes);
        }
    }

    public MobilityRecord {
        notes = List.copyOf(notes);
        directions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directions));
    }

    /** The local date of the check. */
    public LocalDate localDate() {
        return start.atZone(zone).toLocalDate();
    }

    /** Whether the check was stopped because it hurt. */
    public boolean hurt() {
        return ended.equals("stop hurts");
    }

    /**
     * One line: {@code #ID  2026-12-02 09:14  done  flexion 57° ×3  extension 27° ×3 …}; with two sensors each
     * direction's trunk range beside the spine's ({@code flexion 38° (trunk 57°) ×3}).
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "#%-4d %s  %s ",
                id, start.atZone(zone).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                ended));
        directions.forEach((d, fig) -> sb.append(String.format(java.util.Locale.ROOT, " %s %s%s ×%d", d,
                Double.isFinite(fig.romDeg()) ? String.format(java.util.Locale.ROOT, "%.0f°", fig.romDeg()) : "–",
                Double.isFinite(fig.trunkRomDeg()) ? String.format(java.util.Locale.ROOT, " (trunk %.0f°)",
                        fig.trunkRomDeg()) : "", fig.reps())));
        return sb.toString();
    }

    MobilityRecord withId(long newId) {
        return new MobilityRecord(newId, start, zone, device, source, ended, notes, directions);
    }
}
