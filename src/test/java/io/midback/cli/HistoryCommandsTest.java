package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.Integrity;
import io.midback.history.SessionInfo;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryCommandsTest {
    @TempDir
    Path dir;

    private Path twoDays() {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            // day 1: 30 min upright then 10 min slouched, then 121 s walking (a break: over the 2-min break length
            // as the samples measure it), then 59 s upright
            record(store, Instant.parse("2024-05-06T08:00:00Z"), new PostureState[] {PostureState.UPRIGHT,
                PostureState.SLOUCHED, PostureState.WALKING, PostureState.UPRIGHT}, new int[] {1800, 600, 121, 59});
            record(store, Instant.parse("2024-05-07T08:00:00Z"), new PostureState[] {PostureState.UPRIGHT},
                    new int[] {3600});
        }
        return db;
    }

    private static void record(HistoryStore store, Instant start, PostureState[] states, int[] seconds) {
        HistoryRecorder rec = store.beginSession(new SessionInfo(start, ZoneId.of("UTC"), "sim", "test"),
                HistoryRecorder.EpisodeSource.POSTURE_STATE);
        PostureFrame f = new PostureFrame();
        f.calibrated = true;
        long i = 0;
        for (int k = 0; k < states.length; k++) {
            for (int j = 0; j < seconds[k] * 10; j++, i++) {
                f.tS = i / 10.0;
                f.state = states[k];
                rec.onPosture(f);
            }
        }
        f.tS = i / 10.0; // one last sample closes the last interval
        rec.onPosture(f);
        rec.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Reading needs no write access (issue 16): {@code history} and {@code report} on a database in a read-only
     * folder. As root (who may write anywhere) the folder is a read-only bind mount in a mount namespace of the
     * child's own ({@code unshare -m}); as another user, a folder without write permission.
     */
    @Test
    void historyAndReportReadADatabaseInAReadOnlyFolder() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path db = twoDays();
        Files.move(db, ro.resolve("h.db"));
        db = ro.resolve("h.db");
        Path report = dir.resolve("day.csv");
        boolean root = "root".equals(System.getProperty("user.name"));
        Run list;
        Run day;
        if (root) {
            Run touch = readOnlyChild(ro, List.of("touch", ro.resolve("x").toString()));
            org.junit.jupiter.api.Assumptions.assumeTrue(touch.code() != 0 && touch.err().contains("Read-only")
                            || "true".equals(System.getenv("CI")),
                    "cannot make a read-only bind mount here (unshare -m): " + touch);
            assertTrue(touch.code() != 0 && touch.err().contains("Read-only"), "the folder is read-only: " + touch);
            list = readOnlyChild(ro, midback("history", "--db", db.toString()));
            day = readOnlyChild(ro, midback("report", "--db", db.toString(), "--day", "2024-05-06",
                    "--out", report.toString()));
        } else {
            assertTrue(ro.toFile().setWritable(false, false));
            try {
                list = run("history", "--db", db.toString());
                day = run("report", "--db", db.toString(), "--day", "2024-05-06", "--out", report.toString());
            } finally {
                ro.toFile().setWritable(true, true);
            }
        }
        assertEquals(0, list.code(), list.toString());
        assertEquals(2, list.out().strip().lines().count(), list.toString());
        assertTrue(list.out().startsWith("2024-05-06  1 session"), list.toString());
        assertEquals(0, day.code(), day.toString());
        assertTrue(Files.readString(report).lines().count() > 40, "a minute per row");
        try (var files = Files.list(ro)) {
            assertEquals(List.of(db), files.toList(), "nothing written beside the database");
        }
    }

    private static List<String> midback(String... args) {
        return io.midback.testing.ChildProcess.java(List.of("-Djava.awt.headless=true"), Main.class, args)
                .command();
    }

    /** Runs {@code command} with {@code dir} mounted read-only, in a mount namespace of its own. */
    private static Run readOnlyChild(Path dir, List<String> command) throws InterruptedException {
        List<String> all = new java.util.ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "d=$1; shift; mount --bind \"$d\" \"$d\" && mount -o remount,ro,bind \"$d\" \"$d\" && exec \"$@\"",
                "sh", dir.toString()));
        all.addAll(command);
        try (var child = io.midback.testing.ChildProcess.start("read-only child", new ProcessBuilder(all))) {
            int code = child.awaitExit(java.time.Duration.ofSeconds(60));
            return new Run(code, child.out(), child.err());
        }
    }

    /** Issue 16: replaying the same recording twice with --save-history counted it twice. */
    @Test
    void aRecordingAlreadyInTheHistoryIsNotSavedAgainUnlessAsked() {
        Path db = dir.resolve("replays.db");
        String sample = Path.of("samples", "slump-demo.csv.gz").toString();
        Run first = run("replay", sample, "--save-history", "--db", db.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        Run second = run("replay", sample, "--save-history", "--db", db.toString(), "--quiet");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("in the history already") && second.err().contains("not saved again"),
                second.err());
        assertTrue(second.out().contains("60000 samples"), "the replay itself still runs: " + second.out());
        Run days = run("history", "--db", db.toString());
        assertTrue(days.out().startsWith("2026-11-20  1 session "), days.out());
        Run again = run("replay", sample, "--save-history", "--save-history-again", "--db", db.toString(),
                "--quiet");
        assertEquals(0, again.code(), again.err());
        assertTrue(run("history", "--db", db.toString()).out().startsWith("2026-11-20  2 sessions"));
        assertEquals(2, run("history", "--sessions", "--db", db.toString()).out().strip().lines().count());
    }

    @Test
    void historyDeleteRemovesASessionOrADayOnlyWithYes() throws Exception {
        Path db = twoDays();
        Run sessions = run("history", "--sessions", "--db", db.toString());
        assertEquals(0, sessions.code(), sessions.err());
        List<String> lines = sessions.out().strip().lines().toList();
        assertEquals(2, lines.size(), sessions.out());
        assertTrue(lines.get(0).startsWith("#1") && lines.get(0).contains("2024-05-06 08:00"), lines.get(0));
        String second = lines.get(1).substring(1, lines.get(1).indexOf(' '));

        Run dry = run("history", "delete", "--session", second, "--db", db.toString());
        assertEquals(2, dry.code(), dry.err());
        assertTrue(dry.out().startsWith("would delete session #" + second), dry.out());
        assertTrue(dry.err().contains("add --yes"), dry.err());
        assertEquals(2, run("history", "--db", db.toString()).out().strip().lines().count(), "nothing deleted");

        Run del = run("history", "delete", "--session", second, "--db", db.toString(), "--yes");
        assertEquals(0, del.code(), del.err());
        Run left = run("history", "--db", db.toString());
        assertEquals(1, left.out().strip().lines().count(), left.out());
        assertTrue(left.out().startsWith("2024-05-06"), left.out());
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(1, store.sessions().size());
            assertEquals("ok", Integrity.check(db));
        }

        Run missing = run("history", "delete", "--session", "99", "--db", db.toString(), "--yes");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("--session 99: no such session"), missing.err());

        try (HistoryStore store = HistoryStore.open(db)) { // a mobility check that day and one the day after
            for (String when : List.of("2024-05-06T10:00:00Z", "2024-05-07T10:00:00Z")) {
                store.saveMobilityCheck(new io.midback.history.MobilityRecord(0, java.time.Instant.parse(when),
                        java.time.ZoneOffset.UTC, "sim", "simulator", "done", List.of(), java.util.Map.of("flexion",
                        new io.midback.history.MobilityRecord.Direction(50, 3, 2, List.of(49.0, 50.0, 51.0),
                                List.of(), Double.NaN))));
            }
        }
        Run dryDay = run("history", "delete", "--day", "2024-05-06", "--db", db.toString());
        assertTrue(dryDay.out().contains("1 mobility check(s)"), dryDay.out());
        Run day = run("history", "delete", "--day", "2024-05-06", "--db", db.toString(), "--yes");
        assertEquals(0, day.code(), day.err());
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(List.of(java.time.LocalDate.parse("2024-05-07")), store.mobilityChecks().stream()
                    .map(io.midback.history.MobilityRecord::localDate).toList(), "that day's check goes, not the next");
            assertTrue(store.days().isEmpty(), store.days().toString());
            assertTrue(store.sessions().isEmpty(), "a session with nothing left goes too");
            assertEquals("ok", Integrity.check(db));
        }
        Run both = run("history", "delete", "--db", db.toString());
        assertEquals(2, both.code(), "--session or --day is required: " + both.err());
    }

    @Test
    void historyListsOneLinePerDay() {
        Path db = twoDays();
        Run r = run("history", "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("2024-05-06  1 session"), lines[0]);
        assertTrue(lines[0].contains("  43 min worn"), lines[0]);
        assertTrue(lines[0].contains("upright  76%"), lines[0]); // 31 of 41 sitting minutes
        assertTrue(lines[0].contains("slump   10 min  1 episode "), lines[0]);
        assertTrue(lines[0].endsWith("1 break"), lines[0]);
        assertTrue(lines[1].contains("upright 100%"), lines[1]);
    }

    @Test
    void historyAsJson() {
        Path db = twoDays();
        Run r = run("history", "--db", db.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, a.size());
        JsonObject d = a.get(0).getAsJsonObject();
        assertEquals("2024-05-06", d.get("date").getAsString());
        assertEquals(43.0, d.get("minutesWorn").getAsDouble());
        assertEquals(10.0, d.get("slumpMinutes").getAsDouble());
        assertEquals(1, d.get("breaks").getAsInt());
        assertEquals(600.0, d.getAsJsonObject("postureSeconds").get("slouched").getAsDouble(), 1e-6);
    }

    /**
     * A recording saved from replay: the day's seconds in each state in {@code history --json} are replay's own, to
     * the hundredth (the sums of many sample intervals used to show as 61.48000000000002).
     */
    @Test
    void historyAsJsonGivesTheStateSecondsReplayGave() {
        Path db = dir.resolve("replayed.db");
        Run replay = run("replay", Path.of("samples", "workday-1h.csv.gz").toAbsolutePath().toString(),
                "--save-history", "--db", db.toString(), "--json", "--quiet");
        assertEquals(0, replay.code(), replay.err());
        String[] lines = replay.out().strip().split("\n");
        JsonObject replayed = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject()
                .getAsJsonObject("postureSeconds");
        Run r = run("history", "--db", db.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject history = JsonParser.parseString(r.out()).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonObject("postureSeconds");
        assertEquals(replayed, history);
    }

    @Test
    void historyWithoutADatabaseSaysWhereItLooked() {
        Path db = dir.resolve("absent.db");
        Run r = run("history", "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("midback history: no history at " + db), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line, no stack trace");
        assertFalse(Files.exists(db));
    }

    @Test
    void exportWritesCsvFilesAndACopyAndNeverOverwritesSilently() throws Exception {
        Path db = twoDays();
        Path csv = dir.resolve("all.csv");
        Run r = run("export", "--db", db.toString(), "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 44 + 61, Files.readAllLines(csv).size()); // header, 43 + 60 minutes, each last sample's minute
        assertTrue(Files.readString(dir.resolve("all-events.csv")).contains("break"));
        assertEquals(3, Files.readAllLines(dir.resolve("all-sessions.csv")).size());

        Run again = run("export", "--db", db.toString(), "--out", csv.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists; choose another name or add --force"), again.err());
        assertEquals(0, run("export", "--db", db.toString(), "--out", csv.toString(), "--force").code());

        Path copy = dir.resolve("backup.db");
        assertEquals(0, run("export", "--db", db.toString(), "--out", copy.toString()).code());
        Run fromCopy = run("history", "--db", copy.toString());
        assertEquals(run("history", "--db", db.toString()).out(), fromCopy.out());
        assertEquals(1, run("export", "--db", db.toString(), "--out", copy.toString()).code());
        assertEquals(2, run("export", "--db", db.toString(), "--out", dir.resolve("x.txt").toString()).code());
    }
}
