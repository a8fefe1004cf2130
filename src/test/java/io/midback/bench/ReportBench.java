package io.midback.bench;

import io.midback.history.DayData;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.history.SyntheticDay;
import io.midback.report.ChartImages;
import io.midback.report.DayCharts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full-day report chart: a generated day (100 Hz samples) recorded into a real SQLite history, then loaded and
 * drawn. {@code hours=24} is a whole day worn: 1,440 minutes, 8.6 million samples.
 * Run: {@code ./bench ReportBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class ReportBench {
    @Param({"24"})
    public int hours;

    private Path dir;
    private HistoryStore store;
    private DayData day;
    private final LocalDate date = LocalDate.of(2024, 4, 3);

    @Setup(Level.Trial)
    public void record() throws IOException {
        dir = Files.createTempDirectory("midback-bench");
        store = HistoryStore.open(dir.resolve("history.db"));
        ZoneId zone = ZoneId.of("UTC");
        HistoryRecorder rec = store.beginSession(new SessionInfo(
                LocalDateTime.of(date, java.time.LocalTime.MIDNIGHT).atZone(zone).toInstant(), zone, "sim",
                "bench", null, 20));
        SyntheticDay.office(3, hours - 0.5, 100).feed(rec);
        rec.close();
        day = store.day(date);
        if (day.minutes().size() < hours * 60 - 60) {
            throw new IllegalStateException("expected a full day, got " + day.minutes().size() + " minutes");
        }
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        store.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Load the day from SQLite (minutes, states, events). */
    @Benchmark
    public DayData loadDay() {
        return store.day(date);
    }

    /** Build and draw the day's charts (flexion envelope + ribbon, states, hourly) into a 1200×780 PNG image. */
    @Benchmark
    public BufferedImage dayPng() {
        return ChartImages.png(ChartImages.day(DayCharts.all(day, Double.NaN), 1200));
    }

    /** The same charts as an SVG document. */
    @Benchmark
    public String daySvg() {
        return ChartImages.svg(ChartImages.day(DayCharts.all(day, Double.NaN), 1200));
    }

    /** Load from the database and draw the PNG: what `midback report --out day.png` does, minus encoding. */
    @Benchmark
    public BufferedImage loadAndDrawPng() {
        return ChartImages.png(ChartImages.day(DayCharts.all(store.day(date), Double.NaN), 1200));
    }
}
