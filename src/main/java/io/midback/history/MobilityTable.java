package io.midback.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mobility checks' tables ({@code mobility_checks}, one row per check; {@code mobility_directions}, one row per
 * direction of a check), written and read for {@link HistoryStore}. Lists (peaks, notes) are stored as text, one
 * item a line.
 */
final class MobilityTable {
    private MobilityTable() {
    }

    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE mobility_checks (
              id INTEGER PRIMARY KEY,
              start_ms INTEGER NOT NULL,
              zone TEXT NOT NULL,
              local_date TEXT NOT NULL,
              device TEXT NOT NULL,
              source TEXT NOT NULL,
              ended TEXT NOT NULL,
              notes TEXT NOT NULL,
              created_ms INTEGER NOT NULL
            )""",
            "CREATE INDEX mobility_checks_by_date ON mobility_checks(local_date, start_ms)",
            """
            CREATE TABLE mobility_directions (
              check_id INTEGER NOT NULL REFERENCES mobility_checks(id),
              direction TEXT NOT NULL,
              rom_deg REAL,
              reps INTEGER NOT NULL,
              spread_deg REAL,
              peaks_deg TEXT NOT NULL,
              notes TEXT NOT NULL,
              PRIMARY KEY (check_id, direction)
            )""");

    /** Schema 6: with two sensors, each direction's trunk range beside the spine's. */
    static final List<String> TRUNK_MIGRATION = List.of(
            "ALTER TABLE mobility_directions ADD COLUMN trunk_rom_deg REAL");

    /**
     * Schema 7: what an analysed check was saved from (its recording's SHA-256, {@link ContentHash}), so the same
     * recording is not saved twice; null for a guided check.
     */
    static final List<String> CONTENT_MIGRATION = List.of(
            "ALTER TABLE mobility_checks ADD COLUMN content_sha256 TEXT",
            "CREATE INDEX mobility_checks_by_content ON mobility_checks(content_sha256)");

    /** Notes that check {@code id} was saved from content with this SHA-256. */
    static void setContent(Connection conn, long id, String sha256) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE mobility_checks SET content_sha256 = ? "
                + "WHERE id = ?")) {
            ps.setString(1, sha256);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The id of the first check saved from content with this SHA-256, or -1. */
    static long withContent(Connection conn, String sha256) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM mobility_checks WHERE content_sha256 = ? "
                + "ORDER BY id LIMIT 1")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    static long insert(Connection conn, MobilityRecord r) throws SQLException {
        long id;
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO mobility_checks(start_ms, zone, local_date, "
                + "device, source, ended, notes, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, r.start().toEpochMilli());
            ps.setString(2, r.zone().getId());
            ps.setString(3, r.localDate().toString());
            ps.setString(4, r.device());
            ps.setString(5, r.source());
            ps.setString(6, r.ended());
            ps.setString(7, String.join("\n", r.notes()));
            ps.setLong(8, System.currentTimeMillis());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO mobility_directions(check_id, direction, "
                + "rom_deg, reps, spread_deg, peaks_deg, notes, trunk_rom_deg) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, MobilityRecord.Direction> e : r.directions().entrySet()) {
                MobilityRecord.Direction d = e.getValue();
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                setDouble(ps, 3, d.romDeg());
                ps.setInt(4, d.reps());
                setDouble(ps, 5, d.spreadDeg());
                ps.setString(6, d.peaksDeg().stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
                        .collect(Collectors.joining("\n")));
                ps.setString(7, String.join("\n", d.notes()));
                setDouble(ps, 8, d.trunkRomDeg());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Deletes the checks of a local day with their directions; returns how many checks. */
    static int deleteOn(Connection conn, String localDate) throws SQLException {
        try (PreparedStatement dirs = conn.prepareStatement("DELETE FROM mobility_directions WHERE check_id IN "
                + "(SELECT id FROM mobility_checks WHERE local_date = ?)");
             PreparedStatement checks = conn.prepareStatement("DELETE FROM mobility_checks WHERE local_date = ?")) {
            dirs.setString(1, localDate);
            dirs.executeUpdate();
            checks.setString(1, localDate);
            return checks.executeUpdate();
        }
    }

    /** Every check, oldest first. */
    static List<MobilityRecord> all(Connection conn) throws SQLException {
        List<MobilityRecord> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, start_ms, zone, device, source, ended, notes "
                + "FROM mobility_checks ORDER BY start_ms, id");
             PreparedStatement dirs = conn.prepareStatement("SELECT direction, rom_deg, reps, spread_deg, peaks_deg, "
                     + "notes, trunk_rom_deg FROM mobility_directions WHERE check_id = ? ORDER BY rowid")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new MobilityRecord(id, Instant.ofEpochMilli(rs.getLong(2)), ZoneId.of(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), lines(rs.getString(7)),
                            directions(dirs, id)));
                }
            }
        }
        return out;
    }

    private static Map<String, MobilityRecord.Direction> directions(PreparedStatement ps, long id)
            throws SQLException {
        Map<String, MobilityRecord.Direction> out = new LinkedHashMap<>();
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Double> peaks = lines(rs.getString(5)).stream().map(Double::parseDouble).toList();
                out.put(rs.getString(1), new MobilityRecord.Direction(HistoryStore.getDouble(rs, 2), rs.getInt(3),
                        HistoryStore.getDouble(rs, 4), peaks, lines(rs.getString(6)), HistoryStore.getDouble(rs, 7)));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, java.sql.Types.REAL);
        }
    }
}
