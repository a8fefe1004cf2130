package io.midback.history;

import java.util.List;

/**
 * The history's schema as a list of migrations: migration i (1-based) takes the database from
 * {@code PRAGMA user_version} i−1 to i. Migrations only add; none drops or deletes data.
 */
final class Schema {
    private Schema() {
    }

    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE sessions (
                      id INTEGER PRIMARY KEY,
                      start_ms INTEGER NOT NULL,
                      end_ms INTEGER,
                      zone TEXT NOT NULL,
                      device TEXT NOT NULL,
                      source TEXT NOT NULL,
                      calibration TEXT,
                      slump_threshold_deg REAL,
                      created_ms INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE minutes (
                      session_id INTEGER NOT NULL REFERENCES sessions(id),
                      epoch_minute INTEGER NOT NULL,
                      local_date TEXT NOT NULL,
                      minute_of_day INTEGER NOT NULL,
                      gap_s REAL NOT NULL,
                      flexion_n INTEGER NOT NULL,
                      flexion_mean_deg REAL,
                      flexion_p50_deg REAL,
                      flexion_p90_deg REAL,
                      flexion_min_deg REAL,
                      flexion_max_deg REAL,
                      PRIMARY KEY (session_id, epoch_minute)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX minutes_by_date ON minutes(local_date, epoch_minute)",
                    """
                    CREATE TABLE minute_states (
                      session_id INTEGER NOT NULL,
                      epoch_minute INTEGER NOT NULL,
                      state TEXT NOT NULL,
                      seconds REAL NOT NULL,
                      PRIMARY KEY (session_id, epoch_minute, state),
                      FOREIGN KEY (session_id, epoch_minute) REFERENCES minutes(session_id, epoch_minute)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE events (
                      session_id INTEGER NOT NULL REFERENCES sessions(id),
                      seq INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      local_date TEXT NOT NULL,
                      start_ms INTEGER NOT NULL,
                      end_ms INTEGER,
                      detail TEXT,
                      peak_flexion_deg REAL,
                      message TEXT,
                      PRIMARY KEY (session_id, seq)
                    )""",
                    "CREATE INDEX events_by_date ON events(local_date, start_ms)"),
            // 2: what a session was saved from (a recording's SHA-256), so the same recording is not saved twice.
            List.of(
                    """
                    CREATE TABLE session_content (
                      session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
                      sha256 TEXT NOT NULL
                    )""",
                    "CREATE INDEX session_content_by_hash ON session_content(sha256)"),
            // 3: the breathing rate of each minute (its sedentary seconds with a rate, and their median).
            List.of(
                    """
                    CREATE TABLE minute_breathing (
                      session_id INTEGER NOT NULL REFERENCES sessions(id),
                      epoch_minute INTEGER NOT NULL,
                      rate_per_min REAL NOT NULL,
                      valid_s REAL NOT NULL,
                      PRIMARY KEY (session_id, epoch_minute)
                    ) WITHOUT ROWID"""),
            // 4: the mobility checks, per direction.
            MobilityTable.MIGRATION,
            // 5: the spine between two sensors, per minute (sessions with a lower sensor only).
            List.of(
                    """
                    CREATE TABLE minute_spine (
                      session_id INTEGER NOT NULL REFERENCES sessions(id),
                      epoch_minute INTEGER NOT NULL,
                      samples INTEGER NOT NULL,
                      flexion_p50_deg REAL,
                      flexion_p90_deg REAL,
                      pelvic_tilt_mean_deg REAL,
                      PRIMARY KEY (session_id, epoch_minute)
                    ) WITHOUT ROWID"""),
            // 6: with two sensors, each mobility direction's trunk range beside the spine's.
            MobilityTable.TRUNK_MIGRATION,
            // 7: what an analysed mobility check was saved from (its recording's SHA-256), so it is saved once.
            MobilityTable.CONTENT_MIGRATION);

    static int latestVersion() {
        return MIGRATIONS.size();
    }
}
