package io.midback.history;

import io.midback.posture.PostureState;
import io.midback.testing.ChildProcess;
import io.midback.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A writer process killed mid-session leaves a consistent database holding every minute it committed. */
class KillTest {
    @TempDir
    Path dir;

    @Test
    void killingTheWriterKeepsEveryCommittedMinute() throws Exception {
        Path db = dir.resolve("killed.db");
        Map<Long, double[]> committed = new HashMap<>();
        try (ChildProcess child = ChildProcess.start("history writer", ChildProcess.java(List.of(),
                KillableWriterMain.class, db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD))) {
            Poll.until(() -> child.out().lines().count() >= 40, Duration.ofSeconds(60),
                    () -> "the child committed 40 minutes; " + child.transcript());
            String printed = child.out(); // whole lines: each a minute committed before the kill
            child.kill(); // mid-session, likely mid-transaction
            printed.lines().forEach(line -> {
                String[] p = line.split(" ");
                committed.put(Long.parseLong(p[1]), new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3])});
            });
            assertTrue(committed.size() >= 40, "the child committed 40 minutes before the kill: " + printed);
        }

        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals("ok", Integrity.check(db));
            Map<Long, MinuteRow> stored = new HashMap<>();
            for (LocalDate d : store.days()) {
                for (MinuteRow m : store.day(d).minutes()) {
                    stored.put(m.epochMinute(), m);
                }
            }
            for (Map.Entry<Long, double[]> e : committed.entrySet()) {
                MinuteRow m = stored.get(e.getKey());
                assertNotNull(m, "minute " + e.getKey() + " was committed before the kill");
                assertEquals(e.getValue()[0], m.seconds(PostureState.UPRIGHT), 1e-9);
                assertEquals(e.getValue()[1], m.seconds(PostureState.SLOUCHED), 1e-9);
            }
            List<SessionRow> sessions = store.sessions();
            assertEquals(1, sessions.size());
            assertNull(sessions.get(0).end(), "the killed session never ended");
            // events still open at the kill read back closed at the session's last recorded minute
            DayData day = store.day(LocalDate.of(2024, 4, 2));
            assertTrue(day.events(EventKind.SITTING_BOUT).stream().anyMatch(HistoryEvent::open));
            // and the database takes new sessions
            HistoryRecorderTest.record(store, Instant.parse("2024-04-03T07:00:00Z"),
                    ZoneId.of("UTC"), 60, PostureState.UPRIGHT);
            assertEquals("ok", Integrity.check(db));
        }
    }
}
