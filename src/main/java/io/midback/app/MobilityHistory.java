package io.midback.app;

import io.midback.history.MobilityRecord;
import io.midback.mobility.Direction;
import io.midback.mobility.MobilityResult;
import io.midback.mobility.Rep;
import io.midback.routine.RangeTargets;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mobility check's result as the history keeps it: per direction the range, repetitions, peaks and notes. */
public final class MobilityHistory {
    private MobilityHistory() {
    }

    /**
     * The record of a check. A note goes with the direction it names first ({@code rotationLeft repetition 2: …});
     * the others stay with the check.
     */
    public static MobilityRecord record(MobilityResult result, Instant start, ZoneId zone, String device,
                                        String source, String ended) {
        return record(result, null, start, zone, device, source, ended);
    }

    /**
     * The record of a check with two sensors: {@code spine}'s ranges (between the sensors) as the directions'
     * ranges, {@code trunk}'s (the upper sensor alone) beside them; {@code trunk} null for one sensor.
     */
    public static MobilityRecord record(MobilityResult result, MobilityResult trunk, Instant start, ZoneId zone,
                                        String device, String source, String ended) {
        Map<String, List<String>> notesBy = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (String n : result.notes()) {
            Direction d = Direction.byJsonName(n.split("[ :]", 2)[0]);
            if (d == null) {
                general.add(n);
            } else {
                notesBy.computeIfAbsent(d.jsonName(), k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, MobilityRecord.Direction> dirs = new LinkedHashMap<>();
        for (Direction d : Direction.values()) {
            List<Double> peaks = result.reps().get(d).stream().map(Rep::peakDeg).toList();
            dirs.put(d.jsonName(), new MobilityRecord.Direction(result.romDeg(d), peaks.size(), result.spreadDeg(d),
                    peaks, notesBy.getOrDefault(d.jsonName(), List.of()), trunk == null ? Double.NaN
                    : trunk.romDeg(d)));
        }
        return new MobilityRecord(0, start, zone, device, source, ended, general, dirs);
    }

    /**
     * The ranges a routine may ask for: those of the latest check (the last of {@code checks}, oldest first), per
     * direction it measured; {@link RangeTargets#none()} when there is no check.
     */
    public static RangeTargets targets(List<MobilityRecord> checks) {
        if (checks.isEmpty()) {
            return RangeTargets.none();
        }
        Map<Direction, Double> measured = new EnumMap<>(Direction.class);
        checks.get(checks.size() - 1).directions().forEach((name, d) -> {
            Direction dir = Direction.byJsonName(name);
            if (dir != null && d.romDeg() > 0 && Double.isFinite(d.romDeg())) {
                measured.put(dir, d.romDeg());
            }
        });
        return RangeTargets.of(measured);
    }
}
