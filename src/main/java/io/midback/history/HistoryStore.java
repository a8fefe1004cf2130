package io.midback.history;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history database: one SQLite file (WAL, foreign keys on, synchronous=FULL so that a committed minute
 * survives a killed process and a power cut), its schema migrated on open ({@code PRAGMA user_version}).
 *
 * <pre>{@code
 * try (HistoryStore store = HistoryStore.open(HistoryPaths.defaultDatabase())) {
 *     HistoryRecorder rec = store.beginSession(new SessionInfo(start, zone, "simulator", "replay:x.csv"));
 *     pipeline.addPostureListener(rec); pipeline.addAlertListener(rec);   // and rec.onGap(...) on gaps
 *     ... run ...
 *     rec.close();                                                        // writes the last minute
 * }
 * }</pre>
 *
 * <p>Every method is safe to call from any thread (calls are serialized on the store). Nothing is deleted except
 * when the user asks ({@link #deleteSession}, {@link #deleteDay}).
 */
public final class HistoryStore implements AutoCloseable {
    private static final PostureState[] STATES = PostureState.values();

    private final Path path;
    private final Connection conn;
    private PreparedStatement insertMinute;
    private PreparedStatement insertState;
    private PreparedStatement insertBreathing;
    private PreparedStatement insertSpine;
    private PreparedStatement insertEvent;
    private PreparedStatement updateEvent;
    private PreparedStatement deleteEvent;
    private PreparedStatement updateSessionEnd;
    private PreparedStatement updateSessionCalibration;

    private HistoryStore(Path path, Connection conn) {
        this.path = path;
        this.conn = conn;
    }

    /** Opens (creating it and its folder if needed) and migrates the database at {@code path}. */
    public static HistoryStore open(Path path) {
        Path abs = path.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new HistoryException("cannot create the folder for the history " + abs + ": " + e.getMessage(), e);
        }
        return connect(abs);
    }

    /** Opens an existing database (for reading reports): fails, naming the file, when there is none. */
    public static HistoryStore openExisting(Path path) {
        Path abs = path.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            throw new HistoryException("no history at " + abs
                    + " (sessions are saved by `midback live`, or `midback replay --save-history`)");
        }
        return connect(abs);
    }

    /**
     * Opens an existing database only to read it (history, reports, export): it needs no write access, so a
     * database in a read-only folder or on a read-only disk reads as any other. Read-only first; where SQLite
     * cannot share the write-ahead log there (no {@code -shm} file and no right to make one), as an immutable
     * file. A database from an older Midback, whose schema this one would migrate, is opened for writing.
     */
    public static HistoryStore openForReading(Path path) {
        Path abs = path.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            return openExisting(abs); // the one message for a missing history
        }
        HistoryStore store;
        try {
            store = connectReadOnly(abs, "mode=ro");
        } catch (HistoryException e) {
            store = connectReadOnly(abs, "immutable=1");
        }
        try {
            int version = store.schemaVersion();
            if (version == 0) {
                // an empty file, or another program's database: nothing to read, and nothing to write into it
                String foreign = foreignTables(store.conn);
                store.close();
                throw new HistoryException(foreign.isEmpty()
                        ? "no history at " + abs + " (an empty file: sessions are saved by `midback live`, or "
                                + "`midback replay --save-history`)"
                        : notAHistory(abs, foreign));
            }
            if (version < Schema.latestVersion()) {
                store.close();
                return openExisting(abs);
            }
        } catch (SQLException e) {
            store.close();
            throw new HistoryException("cannot read the history " + abs + ": " + e.getMessage(), e);
        }
        return store;
    }

    private static HistoryStore connectReadOnly(Path abs, String mode) {
        Connection c = null;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            c = DriverManager.getConnection("jdbc:sqlite:" + abs.toUri() + "?" + mode, config.toProperties());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
                st.executeQuery("SELECT count(*) FROM sqlite_master").close(); // fails here if it cannot read
            }
            return new HistoryStore(abs, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new HistoryException("cannot open the history " + abs + " for reading: " + e.getMessage(), e);
        }
    }

    private static HistoryStore connect(Path abs) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    String foreign = rs.next() && rs.getInt(1) == 0 ? foreignTables(c) : "";
                    if (!foreign.isEmpty()) {
                        throw new HistoryException(notAHistory(abs, foreign));
                    }
                }
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
            }
            HistoryStore store = new HistoryStore(abs, c);
            store.migrate();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new HistoryException("cannot open the history " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The tables of a database that has no Midback schema version (another program's), comma-separated. */
    private static String foreignTables(Connection c) throws SQLException {
        StringBuilder names = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 4")) {
            while (rs.next()) {
                names.append(names.length() == 0 ? "" : ", ").append(rs.getString(1));
            }
        }
        return names.toString();
    }

    private static String notAHistory(Path abs, String tables) {
        return abs + " is not a Midback history (a database of other tables: " + tables
                + "); it is left untouched: give another --db";
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    public Path path() {
        return path;
    }

    private synchronized void migrate() throws SQLException {
        int version = schemaVersion();
        int latest = Schema.latestVersion();
        if (version > latest) {
            throw new HistoryException("the history " + path + " has schema version " + version
                    + ", newer than this Midback knows (" + latest + "); leaving it untouched");
        }
        if (version == latest) {
            return;
        }
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            for (int v = version; v < latest; v++) {
                for (String sql : Schema.MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = " + latest);
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    /** {@code PRAGMA user_version}: the schema version of the file. */
    public synchronized int schemaVersion() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Starts recording a session fed by the pipeline: slump episodes from the alert stage, the default break
     * length and sample-interval limit.
     */
    public HistoryRecorder beginSession(SessionInfo info) {
        return beginSession(info, HistoryRecorder.EpisodeSource.ALERT_STAGE);
    }

    /** Starts recording a session, with slump episodes from the given source and the default break length. */
    public HistoryRecorder beginSession(SessionInfo info, HistoryRecorder.EpisodeSource episodes) {
        return beginSession(info, episodes, PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S,
                HistoryRecorder.DEFAULT_MAX_SAMPLE_INTERVAL_S);
    }

    /**
     * Starts recording a session.
     *
     * @param episodes           where slump episodes come from
     * @param breakS             the break length ({@link PostureSettings#breakEndsAfterS()})
     * @param maxSampleIntervalS a longer interval between samples counts as a data gap
     */
    public synchronized HistoryRecorder beginSession(SessionInfo info, HistoryRecorder.EpisodeSource episodes,
                                                     double breakS, double maxSampleIntervalS) {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sessions(start_ms, zone, device, source, "
                + "calibration, slump_threshold_deg, created_ms) VALUES (?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, info.start().toEpochMilli());
            ps.setString(2, info.zone().getId());
            ps.setString(3, info.device());
            ps.setString(4, info.source());
            ps.setString(5, info.calibration());
            setDouble(ps, 6, info.slumpThresholdDeg());
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
            long id;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
            return new HistoryRecorder(this, id, info, episodes, breakS, maxSampleIntervalS);
        } catch (SQLException e) {
            throw fail("start a session in", e);
        }
    }

    /** Writes completed minutes and their event changes in one transaction (the recorder's writer thread). */
    synchronized void write(long sessionId, List<MinuteBatch> batches) throws SQLException {
        prepareWriters();
        conn.setAutoCommit(false);
        try {
            for (MinuteBatch b : batches) {
                if (b.hasSeconds()) {
                    insertMinute.setLong(1, sessionId);
                    insertMinute.setLong(2, b.epochMinute);
                    insertMinute.setString(3, b.localDate.toString());
                    insertMinute.setInt(4, b.minuteOfDay);
                    insertMinute.setDouble(5, b.gapS);
                    MinuteRow row = b.toRow();
                    insertMinute.setInt(6, row.flexionSamples());
                    setDouble(insertMinute, 7, row.flexionMeanDeg());
                    setDouble(insertMinute, 8, row.flexionP50Deg());
                    setDouble(insertMinute, 9, row.flexionP90Deg());
                    setDouble(insertMinute, 10, row.flexionMinDeg());
                    setDouble(insertMinute, 11, row.flexionMaxDeg());
                    insertMinute.executeUpdate();
                    SpineMinute spine = row.spine();
                    if (spine != null) {
                        insertSpine.setLong(1, sessionId);
                        insertSpine.setLong(2, b.epochMinute);
                        insertSpine.setInt(3, spine.samples());
                        setDouble(insertSpine, 4, spine.flexionP50Deg());
                        setDouble(insertSpine, 5, spine.flexionP90Deg());
                        setDouble(insertSpine, 6, spine.pelvicTiltMeanDeg());
                        insertSpine.executeUpdate();
                    }
                    for (PostureState st : STATES) {
                        double s = b.stateSeconds[st.ordinal()];
                        if (s > 0) {
                            insertState.setLong(1, sessionId);
                            insertState.setLong(2, b.epochMinute);
                            insertState.setString(3, st.label());
                            insertState.setDouble(4, s);
                            insertState.executeUpdate();
                        }
                    }
                }
                if (b.ops != null) {
                    for (MinuteBatch.EventOp op : b.ops) {
                        writeOp(sessionId, op);
                    }
                }
                if (b.breathing != null) {
                    for (MinuteBatch.Breathing br : b.breathing) {
                        insertBreathing.setLong(1, sessionId);
                        insertBreathing.setLong(2, br.epochMinute());
                        insertBreathing.setDouble(3, br.ratePerMin());
                        insertBreathing.setDouble(4, br.validS());
                        insertBreathing.executeUpdate();
                    }
                }
                if (b.calibration != null) {
                    updateSessionCalibration.setString(1, b.calibration);
                    updateSessionCalibration.setLong(2, sessionId);
                    updateSessionCalibration.executeUpdate();
                }
                if (b.sessionEndMs != MinuteBatch.EventOp.OPEN) {
                    updateSessionEnd.setLong(1, b.sessionEndMs);
                    updateSessionEnd.setLong(2, sessionId);
                    updateSessionEnd.executeUpdate();
                }
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private void writeOp(long sessionId, MinuteBatch.EventOp op) throws SQLException {
        if (op.insert()) {
            PreparedStatement ps = insertEvent;
            ps.setLong(1, sessionId);
            ps.setInt(2, op.seq());
            ps.setString(3, op.kind().label());
            ps.setString(4, op.localDate().toString());
            ps.setLong(5, op.startMs());
            if (op.endMs() == MinuteBatch.EventOp.OPEN) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setLong(6, op.endMs());
            }
            ps.setString(7, op.detail());
            setDouble(ps, 8, op.peakFlexionDeg());
            ps.setString(9, op.message());
            ps.executeUpdate();
        } else if (op.endMs() == MinuteBatch.EventOp.WITHDRAWN) {
            deleteEvent.setLong(1, sessionId);
            deleteEvent.setInt(2, op.seq());
            deleteEvent.executeUpdate();
        } else {
            PreparedStatement ps = updateEvent;
            ps.setLong(1, op.endMs());
            setDouble(ps, 2, op.peakFlexionDeg());
            ps.setLong(3, sessionId);
            ps.setInt(4, op.seq());
            ps.executeUpdate();
        }
    }

    private void prepareWriters() throws SQLException {
        if (insertMinute != null) {
            return;
        }
        insertMinute = conn.prepareStatement("INSERT INTO minutes(session_id, epoch_minute, local_date, "
                + "minute_of_day, gap_s, flexion_n, flexion_mean_deg, flexion_p50_deg, flexion_p90_deg, "
                + "flexion_min_deg, flexion_max_deg) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        insertBreathing = conn.prepareStatement("INSERT OR REPLACE INTO minute_breathing(session_id, "
                + "epoch_minute, rate_per_min, valid_s) VALUES (?,?,?,?)");
        insertSpine = conn.prepareStatement("INSERT INTO minute_spine(session_id, epoch_minute, samples, "
                + "flexion_p50_deg, flexion_p90_deg, pelvic_tilt_mean_deg) VALUES (?,?,?,?,?,?)");
        insertState = conn.prepareStatement(
                "INSERT INTO minute_states(session_id, epoch_minute, state, seconds) VALUES (?,?,?,?)");
        insertEvent = conn.prepareStatement("INSERT INTO events(session_id, seq, kind, local_date, start_ms, "
                + "end_ms, detail, peak_flexion_deg, message) VALUES (?,?,?,?,?,?,?,?,?)");
        updateEvent = conn.prepareStatement("UPDATE events SET end_ms = ?, "
                + "peak_flexion_deg = COALESCE(?, peak_flexion_deg) WHERE session_id = ? AND seq = ?");
        deleteEvent = conn.prepareStatement("DELETE FROM events WHERE session_id = ? AND seq = ?");
        updateSessionEnd = conn.prepareStatement("UPDATE sessions SET end_ms = ? WHERE id = ?");
        updateSessionCalibration = conn.prepareStatement("UPDATE sessions SET calibration = ? WHERE id = ?");
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    static double getDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    // ---- what a session was saved from; deleting on request ---------------------------------------------------

    /** Notes that session {@code sessionId} was saved from content with this SHA-256 (see {@link ContentHash}). */
    public synchronized void setContentHash(long sessionId, String sha256) {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO session_content(session_id, sha256) VALUES (?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setString(2, sha256);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("write", e);
        }
    }

    /** The first session saved from content with this SHA-256, if any. */
    public synchronized java.util.Optional<SessionRow> sessionWithContent(String sha256) {
        return querySessions("SELECT id, start_ms, end_ms, zone, device, source, calibration, slump_threshold_deg "
                + "FROM sessions WHERE id IN (SELECT session_id FROM session_content WHERE sha256 = ?) "
                + "AND ? IS NOT NULL ORDER BY id", sha256).stream().findFirst();
    }

    /** Saves a mobility check; returns it with its id. */
    public synchronized MobilityRecord saveMobilityCheck(MobilityRecord r) {
        return inTransaction(() -> r.withId(MobilityTable.insert(conn, r)));
    }

    /**
     * Saves a mobility check analysed from a recording with this content (its SHA-256, {@link ContentHash}), so that
     * {@link #mobilityCheckWithContent} finds it; returns it with its id.
     */
    public synchronized MobilityRecord saveMobilityCheck(MobilityRecord r, String sha256) {
        return inTransaction(() -> {
            MobilityRecord saved = r.withId(MobilityTable.insert(conn, r));
            MobilityTable.setContent(conn, saved.id(), sha256);
            return saved;
        });
    }

    /** The first mobility check saved from content with this SHA-256, if any. */
    public synchronized java.util.Optional<MobilityRecord> mobilityCheckWithContent(String sha256) {
        try {
            long id = MobilityTable.withContent(conn, sha256);
            return id < 0 ? java.util.Optional.empty()
                    : MobilityTable.all(conn).stream().filter(c -> c.id() == id).findFirst();
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** Every mobility check, oldest first. */
    public synchronized List<MobilityRecord> mobilityChecks() {
        try {
            return MobilityTable.all(conn);
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** Deletes session {@code id} whole (its minutes, events and record); false when there is none. */
    public synchronized boolean deleteSession(long id) {
        return inTransaction(() -> {
            for (String table : new String[] {"minute_states", "minute_breathing", "minute_spine", "minutes",
                    "events", "session_content"}) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE session_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Deletes everything recorded on a local day (its minutes, events and mobility checks), and the finished
     * sessions left with nothing; a session that runs into the next day keeps that part. Returns the minutes,
     * events and checks deleted.
     */
    public synchronized int deleteDay(LocalDate date) {
        String d = date.toString();
        return inTransaction(() -> {
            int n = 0;
            for (String table : new String[] {"minute_states", "minute_breathing", "minute_spine"}) {
                try (PreparedStatement ps = conn.prepareStatement(String.format("DELETE FROM %1$s WHERE EXISTS "
                        + "(SELECT 1 FROM minutes m WHERE m.session_id = %1$s.session_id AND m.epoch_minute = "
                        + "%1$s.epoch_minute AND m.local_date = ?)", table))) {
                    ps.setString(1, d);
                    ps.executeUpdate();
                }
            }
            for (String table : new String[] {"minutes", "events"}) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE local_date = ?")) {
                    ps.setString(1, d);
                    n += ps.executeUpdate();
                }
            }
            n += MobilityTable.deleteOn(conn, d);
            String empty = "NOT EXISTS (SELECT 1 FROM minutes m WHERE m.session_id = %1$s) AND NOT EXISTS "
                    + "(SELECT 1 FROM events e WHERE e.session_id = %1$s)";
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("DELETE FROM session_content WHERE session_id IN (SELECT id FROM sessions WHERE "
                        + "end_ms IS NOT NULL AND " + String.format(empty, "sessions.id") + ")");
                st.executeUpdate("DELETE FROM sessions WHERE end_ms IS NOT NULL AND "
                        + String.format(empty, "sessions.id"));
            }
            return n;
        });
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            conn.setAutoCommit(false);
            try {
                T result = work.run();
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("delete from", e);
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The local dates with anything recorded, oldest first. */
    public synchronized List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT local_date FROM minutes UNION SELECT local_date FROM events ORDER BY 1")) {
            while (rs.next()) {
                out.add(LocalDate.parse(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /**
     * Every event of one kind, on every day, oldest first (an event the session left open ends where it began: read a
     * day with {@link #day} for its end). Routines for their minutes and the streak ({@link RoutineDays}).
     */
    public synchronized List<HistoryEvent> events(EventKind kind) {
        List<HistoryEvent> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT session_id, local_date, start_ms, end_ms, detail, "
                + "peak_flexion_deg, message FROM events WHERE kind = ? ORDER BY start_ms, session_id, seq")) {
            ps.setString(1, kind.label());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long start = rs.getLong(3);
                    long end = rs.getLong(4);
                    boolean open = rs.wasNull();
                    out.add(new HistoryEvent(rs.getLong(1), kind, LocalDate.parse(rs.getString(2)),
                            Instant.ofEpochMilli(start), Instant.ofEpochMilli(open ? start : Math.max(start, end)),
                            open, rs.getString(5), getDouble(rs, 6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** Every session, oldest first. */
    public synchronized List<SessionRow> sessions() {
        return querySessions("SELECT id, start_ms, end_ms, zone, device, source, calibration, slump_threshold_deg "
                + "FROM sessions ORDER BY start_ms, id", null);
    }

    private List<SessionRow> querySessions(String sql, String date) {
        List<SessionRow> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (date != null) {
                ps.setString(1, date);
                ps.setString(2, date);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long end = rs.getLong(3);
                    Instant endI = rs.wasNull() ? null : Instant.ofEpochMilli(end);
                    out.add(new SessionRow(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), endI,
                            ZoneId.of(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            getDouble(rs, 8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** One local day: minutes of every session merged, events and sessions. Empty lists when nothing. */
    public synchronized DayData day(LocalDate date) {
        String d = date.toString();
        List<SessionRow> sessions = querySessions("SELECT id, start_ms, end_ms, zone, device, source, "
                + "calibration, slump_threshold_deg FROM sessions WHERE id IN (SELECT session_id FROM minutes "
                + "WHERE local_date = ? UNION SELECT session_id FROM events WHERE local_date = ?) "
                + "ORDER BY start_ms, id", d);
        try {
            Map<Long, double[]> states = new LinkedHashMap<>();
            eachMinuteRow("SELECT s.session_id, s.epoch_minute, s.state, s.seconds FROM minute_states s", d,
                    (key, rs) -> states.computeIfAbsent(key, k -> new double[STATES.length])
                            [PostureState.fromLabel(rs.getString(3)).ordinal()] += rs.getDouble(4));
            Map<Long, double[]> breathing = new HashMap<>();
            eachMinuteRow("SELECT s.session_id, s.epoch_minute, s.rate_per_min, s.valid_s "
                            + "FROM minute_breathing s", d,
                    (key, rs) -> breathing.put(key, new double[] {rs.getDouble(3), rs.getDouble(4)}));
            Map<Long, SpineMinute> spine = new HashMap<>();
            eachMinuteRow("SELECT s.session_id, s.epoch_minute, s.samples, s.flexion_p50_deg, s.flexion_p90_deg, "
                            + "s.pelvic_tilt_mean_deg FROM minute_spine s", d,
                    (key, rs) -> spine.put(key, new SpineMinute(rs.getInt(3), getDouble(rs, 4), getDouble(rs, 5),
                            getDouble(rs, 6))));
            List<MinuteRow> minutes = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT session_id, epoch_minute, minute_of_day, "
                    + "gap_s, flexion_n, flexion_mean_deg, flexion_p50_deg, flexion_p90_deg, flexion_min_deg, "
                    + "flexion_max_deg FROM minutes WHERE local_date = ? ORDER BY epoch_minute, session_id")) {
                ps.setString(1, d);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long em = rs.getLong(2);
                        long key = minuteKey(rs.getLong(1), em);
                        double[] s = states.getOrDefault(key,
                                new double[STATES.length]);
                        MinuteRow row = new MinuteRow(em, date, rs.getInt(3), s, rs.getDouble(4), rs.getInt(5),
                                getDouble(rs, 6), getDouble(rs, 7), getDouble(rs, 8), getDouble(rs, 9),
                                getDouble(rs, 10));
                        double[] br = breathing.get(key);
                        if (br != null) {
                            row = row.withBreathing(br[0], br[1]);
                        }
                        row = row.withSpine(spine.get(key));
                        int last = minutes.size() - 1;
                        if (last >= 0 && minutes.get(last).epochMinute() == em) {
                            minutes.set(last, minutes.get(last).merge(row));
                        } else {
                            minutes.add(row);
                        }
                    }
                }
            }
            List<HistoryEvent> events = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT e.session_id, e.kind, e.start_ms, e.end_ms, "
                    + "e.detail, e.peak_flexion_deg, e.message, s.end_ms, "
                    + "(SELECT MAX(epoch_minute) FROM minutes m WHERE m.session_id = e.session_id) "
                    + "FROM events e JOIN sessions s ON s.id = e.session_id WHERE e.local_date = ? "
                    + "ORDER BY e.start_ms, e.session_id, e.seq")) {
                ps.setString(1, d);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long start = rs.getLong(3);
                        long end = rs.getLong(4);
                        boolean open = rs.wasNull();
                        if (open) {
                            long sessionEnd = rs.getLong(8);
                            if (rs.wasNull()) {
                                long lastMinute = rs.getLong(9);
                                sessionEnd = rs.wasNull() ? start : (lastMinute + 1) * 60_000L;
                            }
                            end = Math.max(start, sessionEnd);
                        }
                        events.add(new HistoryEvent(rs.getLong(1), EventKind.fromLabel(rs.getString(2)), date,
                                Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), open, rs.getString(5),
                                getDouble(rs, 6), rs.getString(7)));
                    }
                }
            }
            ZoneId zone = sessions.isEmpty() ? ZoneId.systemDefault() : sessions.get(0).zone();
            return new DayData(date, zone, minutes, events, sessions);
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    private interface MinuteRowReader {
        void read(long sessionMinuteKey, ResultSet rs) throws SQLException;
    }

    /**
     * Each row of {@code select} (a table {@code s} keyed by session_id and epoch_minute, those first) whose minute
     * is on the local date {@code date}, with its key (session id × 10⁸ + epoch minute).
     */
    /** One key for a session's minute (sessions and minutes since 1970 both fit: minutes stay under 10^8 to 2160). */
    private static long minuteKey(long sessionId, long epochMinute) {
        return sessionId * 100_000_000L + epochMinute;
    }

    private void eachMinuteRow(String select, String date, MinuteRowReader reader) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(select + " JOIN minutes m ON m.session_id = s.session_id "
                + "AND m.epoch_minute = s.epoch_minute WHERE m.local_date = ?")) {
            ps.setString(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(minuteKey(rs.getLong(1), rs.getLong(2)), rs);
                }
            }
        }
    }

    /** The totals of every day on record, oldest first. */
    public List<DaySummary> summaries() {
        List<DaySummary> out = new ArrayList<>();
        for (LocalDate d : days()) {
            out.add(day(d).summary());
        }
        return out;
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /** A consistent copy of the whole database (VACUUM INTO); {@code target} must not exist. */
    public synchronized void backupTo(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new HistoryException(abs + " exists; not overwriting it");
        }
        // On a connection of its own: VACUUM needs one with no statement in progress.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("VACUUM INTO '" + abs.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new HistoryException("cannot copy the history to " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Everything as CSV: the minutes (one row per session and minute, a column per state), the events and the
     * sessions, in three files.
     */
    public synchronized void exportCsv(Path minutesCsv, Path eventsCsv, Path sessionsCsv) {
        try {
            StringBuilder head = new StringBuilder("session_id,minute_start_utc,local_date,local_time,gap_s,"
                    + "flexion_n,flexion_mean_deg,flexion_p50_deg,flexion_p90_deg,flexion_min_deg,flexion_max_deg");
            for (PostureState st : STATES) {
                head.append(",s_").append(st.label());
            }
            head.append(",breath_rate_per_min,breath_valid_s,spine_samples,spine_flexion_p50_deg,"
                    + "spine_flexion_p90_deg,pelvic_tilt_mean_deg");
            StringBuilder stateCols = new StringBuilder();
            for (PostureState st : STATES) {
                stateCols.append(", (SELECT seconds FROM minute_states s WHERE s.session_id = m.session_id AND "
                        + "s.epoch_minute = m.epoch_minute AND s.state = '").append(st.label()).append("')");
            }
            stateCols.append(", b.rate_per_min, b.valid_s, p.samples, p.flexion_p50_deg, p.flexion_p90_deg, "
                    + "p.pelvic_tilt_mean_deg");
            writeQuery(minutesCsv, head.toString(), "SELECT m.session_id, m.epoch_minute, m.local_date, "
                    + "m.minute_of_day, m.gap_s, m.flexion_n, m.flexion_mean_deg, m.flexion_p50_deg, "
                    + "m.flexion_p90_deg, m.flexion_min_deg, m.flexion_max_deg" + stateCols
                    + " FROM minutes m LEFT JOIN minute_breathing b ON b.session_id = m.session_id AND b.epoch_minute"
                    + " = m.epoch_minute LEFT JOIN minute_spine p ON p.session_id = m.session_id AND p.epoch_minute"
                    + " = m.epoch_minute ORDER BY m.epoch_minute, m.session_id", (rs, i) -> switch (i) {
                        case 2 -> Instant.ofEpochSecond(rs.getLong(2) * 60).toString();
                        case 4 -> String.format("%02d:%02d", rs.getInt(4) / 60, rs.getInt(4) % 60);
                        default -> null;
                    });
            writeQuery(eventsCsv, "session_id,seq,kind,local_date,start_utc,end_utc,detail,peak_flexion_deg,message",
                    "SELECT session_id, seq, kind, local_date, start_ms, end_ms, detail, peak_flexion_deg, message "
                            + "FROM events ORDER BY start_ms, session_id, seq", (rs, i) -> i == 5 || i == 6
                            ? instantOrEmpty(rs, i) : null);
            writeQuery(sessionsCsv, "id,start_utc,end_utc,zone,device,source,calibration,slump_threshold_deg",
                    "SELECT id, start_ms, end_ms, zone, device, source, calibration, slump_threshold_deg "
                            + "FROM sessions ORDER BY id", (rs, i) -> i == 2 || i == 3 ? instantOrEmpty(rs, i) : null);
        } catch (SQLException e) {
            throw fail("export", e);
        } catch (IOException e) {
            throw new HistoryException("cannot write the export: " + e.getMessage(), e);
        }
    }

    private static String instantOrEmpty(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? "" : Instant.ofEpochMilli(v).toString();
    }

    private interface Column {
        /** The text for column i (1-based), or null to use the value as is. */
        String format(ResultSet rs, int i) throws SQLException;
    }

    private void writeQuery(Path out, String header, String sql, Column column) throws SQLException, IOException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        w.write(',');
                    }
                    String f = column.format(rs, i);
                    if (f == null) {
                        Object v = rs.getObject(i);
                        f = v == null ? "" : v.toString();
                    }
                    w.write(Csv.quote(f));
                }
                w.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private HistoryException fail(String what, SQLException e) {
        return new HistoryException("cannot " + what + " the history " + path + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
