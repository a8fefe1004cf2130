package io.midback.history;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Writes a generated 8-hour office day (100 Hz) into a history database, for trying the report commands:
 * {@code java -cp target/test-classes:target/classes:CP io.midback.history.SyntheticDayMain DB [YYYY-MM-DDTHH:MM:SS] [ZONE]}.
 */
public final class SyntheticDayMain {
    private SyntheticDayMain() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        LocalDateTime start = LocalDateTime.parse(args.length > 1 ? args[1] : "2024-04-03T08:45:00");
        ZoneId zone = ZoneId.of(args.length > 2 ? args[2] : "Europe/Berlin");
        SyntheticDay day = SyntheticDay.office(start.toLocalDate().toEpochDay(), 8, 100);
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = store.beginSession(new SessionInfo(start.atZone(zone).toInstant(), zone,
                    "simulator", "synthetic-day", null, 20));
            day.feed(rec);
            rec.close();
        }
        System.err.println("wrote an 8-hour day from " + start + " " + zone + " into " + db);
    }
}
