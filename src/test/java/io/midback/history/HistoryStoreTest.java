package io.midback.history;

import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryStoreTest {
    @TempDir
    Path dir;

    @Test
    void opensMigratedInWalModeWithForeignKeys() throws Exception {
        Path db = dir.resolve("sub/folder/h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(Schema.latestVersion(), store.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            st.execute("PRAGMA foreign_keys = ON");
            // a minute of a session that does not exist is refused
            assertThrows(java.sql.SQLException.class, () -> st.execute("INSERT INTO minutes(session_id, "
                    + "epoch_minute, local_date, minute_of_day, gap_s, flexion_n) VALUES (99, 1, '2024-01-01', 0, 0, 0)"));
        }
        try (HistoryStore store = HistoryStore.open(db)) { // reopening migrates nothing and keeps the version
            assertEquals(Schema.latestVersion(), store.schemaVersion());
        }
    }

    /**
     * A history of schema 6 (before analysed checks kept their recording's SHA-256) migrates on open: its checks read
     * as before, none of them is taken for a recording's, and a check saved with its content is found by it.
     */
    @Test
    void aHistoryOfSchema6MigratesAndItsChecksKeepNoContent() throws Exception {
        Path db = dir.resolve("v6.db");
        MobilityRecord check = new MobilityRecord(0, Instant.parse("2026-11-20T09:00:00Z"), ZoneId.of("UTC"), "sim",
                "replay check.csv", "done", List.of(), Map.of("flexion", new MobilityRecord.Direction(50, 3, 2,
                        List.of(49.0, 50.0, 51.0), List.of(), Double.NaN)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (List<String> migration : Schema.MIGRATIONS.subList(0, 6)) {
                for (String sql : migration) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 6");
            MobilityTable.insert(c, check);
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(Schema.latestVersion(), store.schemaVersion());
            assertEquals(1, store.mobilityChecks().size());
            assertTrue(store.mobilityCheckWithContent("abc").isEmpty());
            MobilityRecord saved = store.saveMobilityCheck(check, "abc");
            assertEquals(saved.id(), store.mobilityCheckWithContent("abc").orElseThrow().id());
            assertEquals(2, store.mobilityChecks().size());
        }
    }

    @Test
    void refusesADatabaseFromANewerMidbackAndLeavesItAlone() throws Exception {
        Path db = dir.resolve("new.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(db));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertEquals(99, rs.getInt(1));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamed() throws Exception {
        Path db = dir.resolve("notes.db");
        Files.writeString(db, "these are my notes, not a database\n".repeat(50));
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(db));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertTrue(Files.readString(db).startsWith("these are my notes"), "left untouched");
    }

    @Test
    void openExistingNamesAMissingFile() {
        Path db = dir.resolve("none.db");
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.openExisting(db));
        assertTrue(e.getMessage().contains("no history at " + db), e.getMessage());
        assertTrue(Files.notExists(db));
    }

    @Test
    void exportsEverythingAsCsvAndAsAConsistentCopy() throws Exception {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorderTest.record(store, Instant.parse("2024-06-03T09:00:00Z"), ZoneId.of("UTC"), 300,
                    PostureState.UPRIGHT);
            HistoryRecorderTest.record(store, Instant.parse("2024-06-04T09:00:00Z"), ZoneId.of("UTC"), 120,
                    PostureState.SLOUCHED);
            Path m = dir.resolve("m.csv");
            Path e = dir.resolve("e.csv");
            Path s = dir.resolve("s.csv");
            store.exportCsv(m, e, s);
            List<String> minutes = Files.readAllLines(m, StandardCharsets.UTF_8);
            assertEquals(1 + 6 + 3, minutes.size()); // header, 5 + 1 and 2 + 1 minutes
            assertTrue(minutes.get(0).contains("s_upright"));
            assertTrue(minutes.get(1).startsWith("1,2024-06-03T09:00:00Z,2024-06-03,09:00,"), minutes.get(1));
            List<String> sessions = Files.readAllLines(s, StandardCharsets.UTF_8);
            assertEquals(3, sessions.size());
            assertTrue(Files.readString(e).contains("slump-episode"));

            Path copy = dir.resolve("copy.db");
            store.backupTo(copy);
            assertThrows(HistoryException.class, () -> store.backupTo(copy), "never overwrites");
            try (HistoryStore c = HistoryStore.openExisting(copy)) {
                assertEquals("ok", Integrity.check(copy));
                assertEquals(store.days(), c.days());
                assertEquals(store.day(LocalDate.of(2024, 6, 3)).summary(), c.day(LocalDate.of(2024, 6, 3)).summary());
            }
        }
    }

    @Test
    void defaultDatabasePerPlatform() {
        Path home = Path.of("/home/ana");
        assertEquals(Path.of("/home/ana/.local/share/midback/history.db"),
                HistoryPaths.defaultDatabase(Map.of(), "Linux", home));
        assertEquals(Path.of("/data/x/midback/history.db"),
                HistoryPaths.defaultDatabase(Map.of("XDG_DATA_HOME", "/data/x"), "Linux", home));
        assertEquals(Path.of("/home/ana/.local/share/midback/history.db"),
                HistoryPaths.defaultDatabase(Map.of("XDG_DATA_HOME", "relative"), "Linux", home));
        assertEquals(Path.of("/Users/ana/Library/Application Support/Midback/history.db"),
                HistoryPaths.defaultDatabase(Map.of(), "Mac OS X", Path.of("/Users/ana")));
        assertEquals(Path.of("C:\\Users\\ana\\AppData\\Roaming", "Midback", "history.db"),
                HistoryPaths.defaultDatabase(Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), "Windows 11",
                        home));
    }

    @Test
    void histogramPercentiles() {
        FlexionHistogram h = new FlexionHistogram();
        assertTrue(Double.isNaN(h.percentile(0.5)));
        for (int i = 0; i < 1000; i++) {
            h.add(10 + i * 0.02); // uniform over [10, 30)
        }
        assertEquals(20, h.percentile(0.5), 0.05);
        assertEquals(28, h.percentile(0.9), 0.05);
        h.clear();
        h.add(-500);
        h.add(500);
        assertEquals(FlexionHistogram.MIN_DEG, h.percentile(0.01), 1.0);
        assertEquals(FlexionHistogram.MAX_DEG, h.percentile(0.99), 1.0);
    }

    /**
     * Another program's SQLite file given as the history is refused by reading and writing alike, and left byte for
     * byte as it was (reading used to migrate it: nine Midback tables written into it); an empty file reads as no
     * history and stays empty.
     */
    @Test
    void anotherProgramsDatabaseOrAnEmptyFileIsLeftUntouched() throws Exception {
        Path foreign = dir.resolve("contacts.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE contacts (name TEXT)");
            st.execute("INSERT INTO contacts VALUES ('Ada')");
        }
        byte[] before = Files.readAllBytes(foreign);
        HistoryException read = assertThrows(HistoryException.class, () -> HistoryStore.openForReading(foreign));
        assertTrue(read.getMessage().contains("is not a Midback history") && read.getMessage().contains("contacts"),
                read.getMessage());
        HistoryException write = assertThrows(HistoryException.class, () -> HistoryStore.open(foreign));
        assertEquals(read.getMessage(), write.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(foreign)), "the file was changed");
        assertTrue(!Files.exists(dir.resolve("contacts.db-wal")), "a write-ahead log was made beside it");

        Path empty = Files.createFile(dir.resolve("empty.db"));
        HistoryException none = assertThrows(HistoryException.class, () -> HistoryStore.openForReading(empty));
        assertTrue(none.getMessage().startsWith("no history at "), none.getMessage());
        assertEquals(0, Files.size(empty), "reading an empty file wrote into it");
    }
}
