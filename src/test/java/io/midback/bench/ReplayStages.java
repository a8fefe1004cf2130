package io.midback.bench;

import io.midback.alert.AlertListener;
import io.midback.alert.PostureEngine;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.breathing.BreathRateEstimator;
import io.midback.breathing.BreathingTally;
import io.midback.orientation.OrientationFilters;
import io.midback.orientation.OrientationStage;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.OrientationColumns;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a replay's time goes ({@code ./bench stages}): thread CPU time, per sample, of each stage of
 * {@code midback replay} over one recording, in this JVM.
 *
 * <p>First the whole replay as a user's process runs it, cold: the calling thread (posture, alerts, breathing,
 * summary), the reading thread (parse and orientation filter, ahead) and the JIT compiler threads (from
 * {@code /proc}, on Linux), with the wall time; then the same replay warm (median of the later passes). Then each
 * stage alone over the recording held in memory, cold (its first pass) and warm (median of the later passes):
 * parse (the reading thread, empty sink), orientation filter, posture engine (slump, break and staleness rules
 * included), breathing rate and its tally, and the whole session (every stage after parsing, on one thread).
 *
 * <p>Arguments: {@code FILE [PASSES]} (default 4; 1: the cold replay only).
 */
public final class ReplayStages {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path file;
    private final List<SampleBatch> batches = new ArrayList<>();
    private long samples;

    private ReplayStages(Path file) {
        this.file = file;
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        ReplayStages s = new ReplayStages(file);
        double[] compilers = compilerCpuS();
        long wall = System.nanoTime();
        double[] cold = s.replay();
        wall = System.nanoTime() - wall;
        double[] compiled = compilerCpuS();
        s.load();
        System.out.printf(Locale.ROOT, "%s: %d samples; load average %s%n", file, s.samples, loadAverage());
        System.out.printf(Locale.ROOT, "replay, cold (as a process): wall %.3f s; calling thread %s; reading thread "
                        + "%s; JIT compiler threads C1 %.2f s, C2 %.2f s%n", wall / 1e9, s.perSample(cold[0]),
                s.perSample(cold[1]), compiled[0] - compilers[0], compiled[1] - compilers[1]);
        if (passes < 2) {
            return;
        }
        double[][] warm = new double[2][passes - 1];
        for (int p = 1; p < passes; p++) {
            double[] r = s.replay();
            warm[0][p - 1] = r[0];
            warm[1][p - 1] = r[1];
        }
        System.out.printf(Locale.ROOT, "replay, warm (median of %d): calling thread %s; reading thread %s%n",
                passes - 1, s.perSample(median(warm[0])), s.perSample(median(warm[1])));
        for (String stage : List.of("parse", "orientation", "posture", "breathing", "session")) {
            double[] cpu = new double[passes];
            for (int p = 0; p < passes; p++) {
                cpu[p] = s.stage(stage);
            }
            System.out.printf(Locale.ROOT, "%-12s cold %s, warm (median of %d) %s%n", stage, s.perSample(cpu[0]),
                    passes - 1, s.perSample(median(Arrays.copyOfRange(cpu, 1, passes))));
        }
    }

    private String perSample(double cpuS) {
        return String.format(Locale.ROOT, "%.3f s CPU (%.0f ns per sample)", cpuS, cpuS * 1e9 / samples);
    }

    /** The replay as {@code midback replay} runs it: {calling thread, reading thread} CPU seconds. */
    private double[] replay() {
        SessionBuilder builder = new SessionBuilder(spec());
        SampleSink session = builder.start();
        double[] readingCpuS = {0};
        long before = THREADS.getCurrentThreadCpuTime();
        CsvSampleReader.of(file).read(new SampleSink() {
            @Override
            public Consumer<SampleBatch> ahead() {
                Consumer<SampleBatch> a = session.ahead();
                return b -> {
                    if (a != null) {
                        a.accept(b);
                    }
                    readingCpuS[0] = THREADS.getCurrentThreadCpuTime() / 1e9;
                };
            }

            @Override
            public void accept(SampleBatch b) {
                session.accept(b);
            }

            @Override
            public void gap(double fromS, double toS, String reason) {
                session.gap(fromS, toS, reason);
            }

            @Override
            public void end() {
                session.end();
            }
        });
        builder.close();
        return new double[] {(THREADS.getCurrentThreadCpuTime() - before) / 1e9, readingCpuS[0]};
    }

    private SessionSpec spec() {
        return SessionSpec.ofRecording(file, null, null, ZoneOffset.UTC, OrientationFilters.DEFAULT,
                PostureSettings.defaults(), w -> {
                });
    }

    /** The recording in memory, oriented (each batch a copy). */
    private void load() {
        OrientationStage orientation = new OrientationStage(OrientationFilters.create(OrientationFilters.DEFAULT,
                spec().rateHz()));
        CsvSampleReader.of(file).read(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                SampleBatch copy = new SampleBatch(b.size());
                for (int i = 0; i < b.size(); i++) {
                    copy.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                            b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                }
                orientation.orient(copy);
                batches.add(copy);
                samples += b.size();
            }
        });
    }

    /** One pass of a stage alone: its thread's CPU seconds. */
    private double stage(String stage) {
        long before = THREADS.getCurrentThreadCpuTime();
        double sink = 0;
        switch (stage) {
            case "parse" -> {
                double[] readingCpuS = {0};
                CsvSampleReader.of(file).read(new SampleSink() {
                    @Override
                    public Consumer<SampleBatch> ahead() {
                        return b -> readingCpuS[0] = THREADS.getCurrentThreadCpuTime() / 1e9;
                    }

                    @Override
                    public void accept(SampleBatch b) {
                    }
                });
                return readingCpuS[0];
            }
            case "orientation" -> {
                OrientationStage o = new OrientationStage(OrientationFilters.create(OrientationFilters.DEFAULT,
                        spec().rateHz()));
                SampleBatch scratch = new SampleBatch(SampleBatch.DEFAULT_CAPACITY);
                for (SampleBatch b : batches) {
                    scratch.clear();
                    for (int i = 0; i < b.size(); i++) {
                        scratch.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i],
                                b.ayMps2[i], b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                    }
                    o.orient(scratch);
                    sink += scratch.orientation().qw[0];
                }
            }
            case "posture" -> {
                SessionSpec spec = spec();
                PostureEngine engine = new PostureEngine(spec.posture(), new AlertListener() {
                    @Override
                    public void onAlert(io.midback.alert.Alert a) {
                    }
                }, Clock.fixed(spec.start(), spec.zone()));
                PostureFrame frame = new PostureFrame();
                double t0 = batches.get(0).tS[0];
                for (SampleBatch b : batches) {
                    OrientationColumns o = b.orientation();
                    for (int i = 0; i < b.size(); i++) {
                        engine.update(b.tS[i] - t0, o.qw[i], o.qx[i], o.qy[i], o.qz[i], o.rateXRadPerS[i],
                                o.rateYRadPerS[i], o.rateZRadPerS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i], frame);
                    }
                    sink += frame.flexionDeg;
                }
            }
            case "breathing" -> {
                BreathRateEstimator breathing = new BreathRateEstimator();
                BreathingTally tally = new BreathingTally();
                double t0 = batches.get(0).tS[0];
                for (SampleBatch b : batches) {
                    for (int i = 0; i < b.size(); i++) {
                        breathing.update(b.tS[i] - t0, b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
                        tally.add(b.tS[i] - t0, breathing.ratePerMin());
                    }
                }
                sink += tally.validSeconds();
            }
            case "session" -> {
                SessionBuilder builder = new SessionBuilder(spec());
                SampleSink session = builder.start();
                for (SampleBatch b : batches) {
                    session.accept(b);
                }
                session.end();
                sink += builder.summary().samples();
            }
            default -> throw new IllegalArgumentException(stage);
        }
        if (Double.isNaN(sink)) {
            System.out.println("(NaN)");
        }
        return (THREADS.getCurrentThreadCpuTime() - before) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU seconds of this process's C1 and C2 compiler threads so far (0 where /proc is not there). */
    private static double[] compilerCpuS() {
        double[] s = new double[2];
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return s;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String name = Files.readString(t.resolve("comm")).strip();
                int kind = name.startsWith("C1 Compiler") ? 0 : name.startsWith("C2 Compiler") ? 1 : -1;
                if (kind >= 0) {
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    s[kind] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, in ticks
                }
            }
        } catch (IOException | RuntimeException e) {
            return s; // a thread that ended while being read: the figures are only indicative anyway
        }
        return s;
    }
}
