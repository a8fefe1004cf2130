package io.midback.bench;

import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The per-sample cost of recording history: one {@code onPosture} call at 100 Hz sample times, states changing
 * every 40 s, including the amortized once-a-minute hand-off to the writer (which commits on its own thread).
 * Run: {@code ./bench HistoryRecorderBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryRecorderBench {
    private static final PostureState[] CYCLE = {PostureState.UPRIGHT, PostureState.SLOUCHED,
        PostureState.UPRIGHT, PostureState.RECLINED, PostureState.STANDING};

    private Path dir;
    private HistoryStore store;
    private HistoryRecorder rec;
    private final PostureFrame frame = new PostureFrame();
    private long i;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("midback-bench");
        store = HistoryStore.open(dir.resolve("history.db"));
        rec = store.beginSession(new SessionInfo(Instant.parse("2024-04-03T08:00:00Z"), ZoneId.of("Europe/Berlin"),
                "sim", "bench"));
        frame.calibrated = true;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        rec.close();
        store.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public void onPosture() {
        long n = i++;
        frame.tS = n / 100.0;
        frame.state = CYCLE[(int) ((n / 4000) % CYCLE.length)];
        frame.flexionDeg = (n % 700) * 0.05;
        rec.onPosture(frame);
    }
}
