package io.midback.history;

import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                KillableWriterMain.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Long, double[]> committed = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < 40 && (line = out.readLine()) != null) {
                String[] p = line.split(" ");
                committed.put(Long.parseLong(p[1]), new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3])});
            }
            assertEquals(40, committed.size(), "the child committed 40 minutes before dying on its own");
            child.destroyForcibly(); // mid-session, likely mid-transaction
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            // (destroying a process closes its pipes: minutes committed after our last read go unchecked)
        } finally {
            child.destroyForcibly();
        }

        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals("ok", store.integrityCheck());
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
            assertEquals("ok", store.integrityCheck());
        }
    }
}
