package io.midback.history;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryRecorderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A session of the simulator starting 2024-05-01 10:00 UTC. */
    private static HistoryRecorder beginAtTen(HistoryStore store) {
        return store.beginSession(new SessionInfo(Instant.parse("2024-05-01T10:00:00Z"), ZoneId.of("UTC"), "sim",
                "test"));
    }

    @TempDir
    Path dir;

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** With episodes from the alert stage (as the pipeline feeds them) or from the slouched state alone. */
    @ParameterizedTest
    @EnumSource(HistoryRecorder.EpisodeSource.class)
    void aFullDayRecordedReadsBackWithTheTotalsFed(HistoryRecorder.EpisodeSource source) {
        SyntheticDay day = SyntheticDay.office(7, 8, 100);
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = store.beginSession(new SessionInfo(at("2024-03-12T08:30:00", BERLIN), BERLIN,
                    "sim", "test", "{}", 20), source);
            day.feed(rec);
            rec.close();
        }
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            assertEquals("ok", Integrity.check(db));
            assertEquals(List.of(LocalDate.of(2024, 3, 12)), store.days());
            DayData data = store.day(LocalDate.of(2024, 3, 12));
            DaySummary s = data.summary();
            double[] expected = day.expectedStateSeconds();
            for (PostureState st : PostureState.values()) {
                assertEquals(expected[st.ordinal()], s.postureSeconds().get(st.label()), 1e-6, st.label());
            }
            assertEquals(day.expectedGapS(), s.gapS(), 1e-6);
            assertEquals(day.expectedSlumpEpisodes(), s.slumpEpisodes());
            assertTrue(s.slumpEpisodes() > 5, "the day has slumps");
            for (AlertKind k : AlertKind.values()) {
                long fed = day.alerts.stream().filter(a -> a.kind() == k).count();
                assertEquals(fed, (long) s.alerts().get(k.label()), k.label());
            }
            assertEquals(day.expectedBreaks(PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S), s.breaks());
            assertTrue(s.breaks() > 3);
            assertEquals(1, s.sessions());
            assertEquals(20, data.slumpThresholdDeg());
            // every minute is a row, and no minute holds more than 60 s
            long firstMinute = at("2024-03-12T08:30:00", BERLIN).getEpochSecond() / 60;
            assertEquals(firstMinute, data.minutes().get(0).epochMinute());
            int expectedRows = (int) Math.ceil((day.durationS() - 0.01) / 60);
            assertEquals(expectedRows, data.minutes().size());
            for (MinuteRow m : data.minutes()) {
                assertTrue(m.recordedSeconds() + m.gapS() <= 60 + 1e-6);
            }
            // slump episodes carry the slouched flexion as their peak (base 30 + 3 sin)
            for (HistoryEvent e : data.events(EventKind.SLUMP_EPISODE)) {
                assertTrue(e.peakFlexionDeg() > 29 && e.peakFlexionDeg() <= 33 + 1e-9, e.toString());
                assertFalse(e.open());
            }
            // the longest sitting stretch is a real bout, and bouts never overlap breaks
            assertTrue(s.longestSittingS() > 600);
            List<HistoryEvent> bouts = data.events(EventKind.SITTING_BOUT);
            for (int i = 1; i < bouts.size(); i++) {
                assertFalse(bouts.get(i).start().isBefore(bouts.get(i - 1).end()));
            }
        }
    }

    @Test
    void flexionStatisticsPerMinute() {
        Path db = dir.resolve("f.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = beginAtTen(store);
            PostureFrame f = new PostureFrame();
            f.calibrated = true;
            f.state = PostureState.UPRIGHT;
            // minute 0: flexion 0..59.99 uniformly (100 Hz, 1°/s) → mean 30, p50 30, p90 54, min 0, max 59.99
            for (int i = 0; i <= 6000; i++) {
                f.tS = i / 100.0;
                f.flexionDeg = i / 100.0;
                rec.onPosture(f);
            }
            rec.close();
            List<MinuteRow> rows = store.day(LocalDate.of(2024, 5, 1)).minutes();
            assertEquals(2, rows.size());
            MinuteRow m = rows.get(0);
            assertEquals(6000, m.flexionSamples());
            assertEquals(29.995, m.flexionMeanDeg(), 1e-9);
            assertEquals(30, m.flexionP50Deg(), 0.1);
            assertEquals(54, m.flexionP90Deg(), 0.1);
            assertEquals(0, m.flexionMinDeg());
            assertEquals(59.99, m.flexionMaxDeg(), 1e-9);
            assertEquals(60, m.seconds(PostureState.UPRIGHT), 1e-9);
            assertEquals(600, m.minuteOfDay());
            assertEquals(1, rows.get(1).flexionSamples());
        }
    }

    @Test
    void twoSessionsOnTheSameDayMergeIntoThatDay() {
        Path db = dir.resolve("m.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            record(store, at("2024-06-03T09:00:00", BERLIN), BERLIN, 3600, PostureState.UPRIGHT);
            record(store, at("2024-06-03T14:00:00", BERLIN), BERLIN, 1800, PostureState.SLOUCHED);
            assertEquals(List.of(LocalDate.of(2024, 6, 3)), store.days());
            DaySummary s = store.day(LocalDate.of(2024, 6, 3)).summary();
            assertEquals(2, s.sessions());
            assertEquals(3600, s.postureSeconds().get("upright"), 1e-6);
            assertEquals(1800, s.postureSeconds().get("slouched"), 1e-6);
            assertEquals(1, s.slumpEpisodes());
            assertEquals(2, s.sittingBouts());
            assertEquals(3600, s.longestSittingS(), 0.011);
            // 60 + 30 minutes, plus for each session the minute its last sample (at the full hour) falls in
            assertEquals(92, store.day(LocalDate.of(2024, 6, 3)).minutes().size());
        }
    }

    @Test
    void overlappingSessionsMergeMinuteByMinute() {
        Path db = dir.resolve("o.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            record(store, at("2024-06-03T09:00:00", BERLIN), BERLIN, 600, PostureState.UPRIGHT);
            record(store, at("2024-06-03T09:05:00", BERLIN), BERLIN, 600, PostureState.UPRIGHT);
            DayData d = store.day(LocalDate.of(2024, 6, 3));
            assertEquals(16, d.minutes().size()); // 09:00–09:15 and the last sample's minute
            assertEquals(1200, d.summary().postureSeconds().get("upright"), 1e-6);
        }
    }

    @Test
    void aSessionAcrossMidnightSplitsThereOnTheNightClocksSpringForward() {
        // Berlin, 2024-03-31: clocks jump from 02:00 to 03:00, so 22:00 → 04:00 local is 5 hours.
        Path db = dir.resolve("dst.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            record(store, at("2024-03-30T22:00:00", BERLIN), BERLIN, 5 * 3600, PostureState.UPRIGHT);
            assertEquals(List.of(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 3, 31)), store.days());
            DayData before = store.day(LocalDate.of(2024, 3, 30));
            DayData after = store.day(LocalDate.of(2024, 3, 31));
            assertEquals(120, before.minutes().size());
            assertEquals(181, after.minutes().size()); // 3 h and the last sample's minute
            assertEquals(7200, before.summary().postureSeconds().get("upright"), 1e-6);
            assertEquals(3 * 3600, after.summary().postureSeconds().get("upright"), 1e-6);
            assertEquals(0, after.minutes().get(0).minuteOfDay());
            assertEquals(3 * 60, after.minutes().get(120).minuteOfDay(), "02:00 does not exist: 01:59 → 03:00");
            // the sitting bout is cut at local midnight
            HistoryEvent b1 = before.events(EventKind.SITTING_BOUT).get(0);
            HistoryEvent b2 = after.events(EventKind.SITTING_BOUT).get(0);
            assertEquals(at("2024-03-31T00:00:00", BERLIN), b1.end());
            assertEquals(at("2024-03-31T00:00:00", BERLIN), b2.start());
            assertEquals(7200, before.summary().longestSittingS(), 1e-9);
            assertEquals(1, before.summary().sessions());
            assertEquals(1, after.summary().sessions());
        }
    }

    @Test
    void aSessionAcrossAMidnightThatDoesNotExist() {
        // Santiago, 2024-09-08: clocks jump from 00:00 to 01:00, so that day starts at 01:00.
        ZoneId santiago = ZoneId.of("America/Santiago");
        Path db = dir.resolve("scl.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            record(store, at("2024-09-07T23:00:00", santiago), santiago, 2 * 3600, PostureState.UPRIGHT);
            DayData before = store.day(LocalDate.of(2024, 9, 7));
            DayData after = store.day(LocalDate.of(2024, 9, 8));
            assertEquals(60, before.minutes().size());
            assertEquals(61, after.minutes().size());
            assertEquals(60, after.minutes().get(0).minuteOfDay());
            assertEquals(after.minutes().get(0).start(), before.events(EventKind.SITTING_BOUT).get(0).end());
        }
    }

    @Test
    void gapsAreCountedAndLongGapsEndBouts() {
        Path db = dir.resolve("g.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = beginAtTen(store);
            PostureFrame f = new PostureFrame();
            f.state = PostureState.UPRIGHT;
            for (int i = 0; i <= 100; i++) { // 0..10 s at 10 Hz
                f.tS = i / 10.0;
                rec.onPosture(f);
            }
            for (int i = 0; i <= 100; i++) { // silence for 290 s, then 300..310 s
                f.tS = 300 + i / 10.0;
                rec.onPosture(f);
            }
            rec.onAlert(new Alert(310, AlertKind.RECALIBRATE, "recalibrate"));
            Calibration cal = new Calibration(305, "recalibrated", new double[] {1, 0, 0, 0},
                    new double[] {1, 0, 0, 0}, "default", 0.01, 0.05, 2, Double.NaN, Double.NaN, List.of());
            rec.onCalibration(cal);
            rec.close();
            assertEquals(cal.toMetadata(), store.sessions().get(0).calibration(), "the latest calibration is kept");
            DayData d = store.day(LocalDate.of(2024, 5, 1));
            DaySummary s = d.summary();
            assertEquals(20, s.postureSeconds().get("upright"), 1e-9);
            assertEquals(290, s.gapS(), 1e-9);
            assertEquals(2, s.sittingBouts());
            assertEquals(0, s.breaks());
            assertEquals(1, d.events(EventKind.GAP).size());
            assertEquals(1, s.alerts().get("recalibrate"));
            assertEquals(6, d.minutes().size());
        }
    }

    @Test
    void movingBrieflyAcrossMidnightEndsTheBoutWhereTheMovementBegan() {
        ZoneId utc = ZoneId.of("UTC");
        Path db = dir.resolve("mid.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryRecorder rec = store.beginSession(new SessionInfo(Instant.parse("2024-05-01T23:50:00Z"), utc,
                    "sim", "test"));
            PostureFrame f = new PostureFrame();
            for (int i = 0; i <= 1200 * 10; i++) { // 23:50:00 .. 00:10:00 at 10 Hz
                f.tS = i / 10.0;
                // walking 23:59:50 – 00:00:20 (30 s: not a break), sitting otherwise
                f.state = f.tS >= 590 && f.tS < 620 ? PostureState.WALKING : PostureState.UPRIGHT;
                rec.onPosture(f);
            }
            rec.close();
            List<HistoryEvent> day1 = store.day(LocalDate.of(2024, 5, 1)).events(EventKind.SITTING_BOUT);
            List<HistoryEvent> day2 = store.day(LocalDate.of(2024, 5, 2)).events(EventKind.SITTING_BOUT);
            assertEquals(1, day1.size());
            assertEquals(Instant.parse("2024-05-01T23:59:50Z"), day1.get(0).end());
            assertEquals(1, day2.size());
            assertEquals(Instant.parse("2024-05-02T00:00:20Z"), day2.get(0).start());
            assertEquals(Instant.parse("2024-05-02T00:10:00Z"), day2.get(0).end());
            assertEquals(0, store.day(LocalDate.of(2024, 5, 1)).summary().breaks()
                    + store.day(LocalDate.of(2024, 5, 2)).summary().breaks());
        }
    }

    /** The break is the session's break length of movement; standing still is sedentary, not a break. */
    @Test
    void aBreakIsMovementForTheSessionsBreakLength() {
        // 10 min sitting, 3 min standing still, 90 s walking, 10 min sitting (10 Hz)
        for (double breakS : new double[] {60, PostureSettings.DEFAULT_BREAK_ENDS_AFTER_S}) {
            Path db = dir.resolve("b" + (int) breakS + ".db");
            try (HistoryStore store = HistoryStore.open(db)) {
                HistoryRecorder rec = store.beginSession(new SessionInfo(Instant.parse("2024-05-01T10:00:00Z"),
                        ZoneId.of("UTC"), "sim", "test"), HistoryRecorder.EpisodeSource.ALERT_STAGE, breakS,
                        HistoryRecorder.DEFAULT_MAX_SAMPLE_INTERVAL_S);
                PostureFrame f = new PostureFrame();
                for (int i = 0; i <= 14_700; i++) {
                    f.tS = i / 10.0;
                    f.state = f.tS < 600 ? PostureState.UPRIGHT : f.tS < 780 ? PostureState.STANDING
                            : f.tS < 870 ? PostureState.WALKING : PostureState.UPRIGHT;
                    rec.onPosture(f);
                }
                rec.close();
                DayData d = store.day(LocalDate.of(2024, 5, 1));
                List<HistoryEvent> bouts = d.events(EventKind.SITTING_BOUT);
                List<HistoryEvent> breaks = d.events(EventKind.BREAK);
                if (breakS == 60) {
                    assertEquals(1, breaks.size(), "90 s of walking is a 60-s break");
                    assertEquals(Instant.parse("2024-05-01T10:13:00Z"), breaks.get(0).start());
                    assertEquals(Instant.parse("2024-05-01T10:14:30Z"), breaks.get(0).end());
                    assertEquals(2, bouts.size());
                    assertEquals(Instant.parse("2024-05-01T10:13:00Z"), bouts.get(0).end(),
                            "the bout takes in the standing and ends where the walk began");
                    assertEquals(Instant.parse("2024-05-01T10:14:30Z"), bouts.get(1).start());
                } else {
                    assertEquals(0, breaks.size(), "90 s of walking is not a 2-min break");
                    assertEquals(1, bouts.size());
                }
            }
        }
    }

    /** A session of one state at 50 Hz for durationS seconds (durationS + 1 sample, so the total is exact). */
    static void record(HistoryStore store, Instant start, ZoneId zone, int durationS, PostureState state) {
        HistoryRecorder rec = store.beginSession(new SessionInfo(start, zone, "sim", "test"),
                HistoryRecorder.EpisodeSource.POSTURE_STATE);
        PostureFrame f = new PostureFrame();
        f.calibrated = true;
        f.state = state;
        f.flexionDeg = state == PostureState.SLOUCHED ? 30 : 5;
        for (long i = 0; i <= durationS * 50L; i++) {
            f.tS = i / 50.0;
            rec.onPosture(f);
        }
        rec.close();
    }

    /**
     * A routine done to its end is a break (one rule, {@link io.midback.posture.SedentaryBouts#activeBreak}): a
     * bout that began after the routine began lay wholly inside it and is taken back (it was written open across a
     * minute's end first); a bout that began before it ends where the routine began.
     */
    @Test
    void aBoutWhollyInsideARoutineIsTakenBackAndOneBeforeItEndsWhereTheRoutineBegan() {
        for (double routineFromS : new double[] {0, 200}) {
            Path db = dir.resolve("routine-" + (int) routineFromS + ".db");
            try (HistoryStore store = HistoryStore.open(db)) {
                HistoryRecorder rec = beginAtTen(store);
                PostureFrame f = new PostureFrame();
                f.calibrated = true;
                f.state = PostureState.UPRIGHT;
                for (int i = 30; i <= 3000; i++) { // calibrated at 3 s; sitting until 300 s, at 10 Hz
                    f.tS = i / 10.0;
                    if (i == 2900) {
                        rec.onActiveBreak(routineFromS, 290);
                    }
                    rec.onPosture(f);
                }
                rec.close();
                DayData d = store.day(LocalDate.of(2024, 5, 1));
                List<HistoryEvent> bouts = d.events(EventKind.SITTING_BOUT), breaks = d.events(EventKind.BREAK);
                String events = d.events().toString();
                assertEquals(1, breaks.size(), events);
                // the break ends at the first sedentary sample after the routine's end (290.1 s)
                assertEquals(Instant.parse("2024-05-01T10:04:50.100Z"), breaks.get(0).end(), events);
                Instant boutStart = Instant.parse("2024-05-01T10:00:03Z");
                if (routineFromS == 0) {
                    // the first bout began at 3 s, inside the routine: only the bout after it is left
                    assertEquals(1, bouts.size(), events);
                    assertEquals(boutStart, breaks.get(0).start(), events);
                    assertEquals(breaks.get(0).end(), bouts.get(0).start(), events);
                } else {
                    assertEquals(2, bouts.size(), events);
                    assertEquals(boutStart, bouts.get(0).start(), events);
                    assertEquals(Instant.parse("2024-05-01T10:03:20Z"), bouts.get(0).end(), events);
                    assertEquals(bouts.get(0).end(), breaks.get(0).start(), events);
                }
            }
        }
    }

    /** A session that never got a sample (a sensor that connected and sent nothing) is not kept. */
    @Test
    void aSessionWithoutSamplesIsNotKept() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("empty-session.db"))) {
            beginAtTen(store).close();
            assertEquals(List.of(), store.sessions());
            HistoryRecorder kept = beginAtTen(store);
            PostureFrame f = new PostureFrame();
            f.state = PostureState.UPRIGHT;
            f.tS = 0;
            kept.onPosture(f);
            kept.close();
            assertEquals(1, store.sessions().size(), "one sample is a session");
        }
    }
}
