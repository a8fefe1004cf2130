package io.midback.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.protocol.ImuDecoder;
import io.midback.protocol.WireFormat;
import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's claim that nothing on the per-sample path allocates, logs or blocks. The per-sample stages
 * (decoders, orientation filters, posture, alerts, the pipeline joining them) call no logger, no console, no
 * sleep, no lock and no synchronized method; and, measured with the thread's allocation counter, decoding,
 * filtering and a whole session over a recording allocate nothing per sample.
 */
class HotPathTest {
    /** The packages of the stages every sample passes through. */
    private static final String[] PER_SAMPLE = {"io.midback.protocol..", "io.midback.orientation",
            "io.midback.posture..", "io.midback.alert..", "io.midback.sensor..", "io.midback.breathing..",
            "io.midback.mobility.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.midback");
    }

    /** The per-sample stages, and the pipeline that joins them. */
    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> perSample() {
        return resideInAnyPackage(PER_SAMPLE).or(DescribedPredicate.describe("the pipeline",
                c -> c.isEquivalentTo(Pipeline.class)));
    }

    @Test
    void perSampleStagesNeitherLogNorPrint() {
        ArchRule rule = noClasses().that(perSample())
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..",
                        "org.apache.logging..", "java.lang.System$Logger")
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace");
        rule.check(classes);
    }

    @Test
    void perSampleStagesNeitherSleepNorLock() {
        noClasses().that(perSample())
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(Object.class, "wait")
                .orShould().callMethod(Object.class, "wait", long.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent.locks..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.CountDownLatch.class,
                        java.util.concurrent.Semaphore.class, java.util.concurrent.BlockingQueue.class,
                        java.util.concurrent.Future.class)
                .check(classes);
        methods().that().areDeclaredInClassesThat(perSample())
                .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
                .check(classes);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private static long allocatedBytes() {
        return allocationCounter().getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void theTeapotDecoderAllocatesNothingPerPacket() {
        // (the sample-carrying formats are measured in protocol.AllocationTest)
        long[] quaternions = {0};
        ImuDecoder d = WireFormat.TEAPOT.newDecoder(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
            }
        }, 100).onOrientation(new io.midback.protocol.OrientationListener() {
            @Override
            public void onQuaternion(double tS, double w, double x, double y, double z) {
                quaternions[0]++;
            }
        });
        byte[] packets = new byte[14 * 200];
        for (int p = 0; p < 200; p++) {
            byte[] f = {'$', 2, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, (byte) p, '\r', '\n'};
            System.arraycopy(f, 0, packets, 14 * p, 14);
        }
        for (int round = 0; round < 50; round++) {
            d.feed(packets);
        }
        long before = allocatedBytes();
        for (int round = 0; round < 100; round++) {
            d.feed(packets);
        }
        long allocated = allocatedBytes() - before;
        assertTrue(quaternions[0] >= 150 * 200, "quaternions decoded: " + quaternions[0]);
        assertTrue(allocated < 2048, "teapot: " + allocated + " bytes over 20 000 packets");
    }

    @Test
    void everyOrientationFilterUpdatesWithoutAllocating() {
        double dtS = 0.01;
        for (String name : OrientationFilters.NAMES) {
            OrientationFilter f = OrientationFilters.create(name, 100);
            double sum = 0;
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 4; round++) {
                long before = allocatedBytes();
                for (int i = 0; i < 100_000; i++) {
                    double t = i * dtS;
                    f.update(dtS, 0.3 * Math.sin(t), 0.1, 0.2 * Math.cos(t), 0.5, 0.3, 9.7, Double.NaN, Double.NaN,
                            Double.NaN);
                    sum += f.qw();
                }
                // The quietest round: a compilation or deoptimisation may allocate once on this thread, but an
                // allocation per update would cost ≥ 1.6 MB in every round.
                allocated = Math.min(allocated, allocatedBytes() - before);
            }
            assertTrue(Double.isFinite(sum), name);
            assertTrue(allocated < 1000, name + " allocated " + allocated + " bytes over 100 000 updates");
        }
    }

    /** The slump demo in memory, in the batches a decoder hands on. */
    private static List<SampleBatch> slumpDemo() throws Exception {
        List<SampleBatch> batches = new ArrayList<>();
        CsvSampleReader.of(Path.of("samples", "slump-demo.csv.gz")).read(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    if (batches.isEmpty() || batches.get(batches.size() - 1).isFull()) {
                        batches.add(new SampleBatch(256));
                    }
                    batches.get(batches.size() - 1).add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i],
                            b.axMps2[i], b.ayMps2[i], b.azMps2[i], Double.NaN, Double.NaN, Double.NaN);
                }
            }
        });
        return batches;
    }

    @Test
    void aWholeSessionAllocatesNothingPerSample() throws Exception {
        List<SampleBatch> batches = slumpDemo();
        long samples = batches.stream().mapToLong(SampleBatch::size).sum();
        assertTrue(samples == 60_000, "the slump demo's 10 minutes at 100 Hz: " + samples);
        double bytesPerSample = Double.NaN;
        long alerts = 0;
        for (int round = 0; round < 4; round++) { // the last, after the JIT has settled, counts
            SessionBuilder session = new SessionBuilder(new SessionSpec(SessionSpec.Kind.RECORDING, "slump demo",
                    "simulator", 100, false, Instant.parse("2026-11-20T09:00:00Z"), true, ZoneOffset.UTC, null,
                    OrientationFilters.DEFAULT, PostureSettings.defaults()));
            long[] seen = {0};
            session.addAlertListener(a -> seen[0]++);
            SampleSink sink = session.start();
            long before = allocatedBytes();
            for (SampleBatch b : batches) {
                sink.accept(b);
            }
            sink.end();
            bytesPerSample = (allocatedBytes() - before) / (double) samples;
            alerts = seen[0];
        }
        System.out.printf(Locale.ROOT, "HotPathTest: a whole session over the slump demo allocates %.3f B per"
                + " sample (%d samples, %d alerts and episodes)%n", bytesPerSample, samples, alerts);
        assertTrue(alerts >= 4, "the demo's slumps alert: " + alerts);
        // Alerts, episodes and state changes allocate their records; one object per sample would be ≥ 16 B.
        assertTrue(bytesPerSample < 1, "a session allocates " + bytesPerSample + " B per sample");
    }

    /**
     * A live two-sensor session: the lower sensor's frames handed over through its ring (as its link's thread does)
     * between the upper sensor's, read by the session's lower stream: nothing allocated per sample either.
     */
    @Test
    void aLiveTwoSensorSessionAllocatesNothingPerSample() {
        io.midback.sim.Scenario sc = io.midback.sim.Scenario.builtin("two-sensor-demo");
        io.midback.sim.SimulatorConfig cfg = io.midback.sim.SimulatorConfig.defaults().withRate(100).withSeed(3);
        List<SampleBatch> upper = frames(new io.midback.sim.Simulator(sc, cfg), 24_000);
        List<SampleBatch> lower = frames(new io.midback.sim.Simulator(sc, cfg, io.midback.sim.Site.SACRUM,
                io.midback.sim.SensorClock.IDEAL), 24_000);
        double bytesPerSample = Double.NaN;
        long spineFrames = 0;
        for (int round = 0; round < 3; round++) { // the last, after the JIT has settled, counts
            io.midback.align.SampleRing ring = new io.midback.align.SampleRing();
            SessionBuilder session = new SessionBuilder(SessionSpec.live(SessionSpec.Kind.SERIAL, "/dev/ttyUSB0",
                    "virtual", 100, true, false, Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC,
                    OrientationFilters.DEFAULT, PostureSettings.defaults())
                    .withLower(SessionSpec.Lower.live("/dev/ttyUSB1", 100, ring, OrientationFilters.DEFAULT)));
            long[] spine = {0};
            session.addPostureListener(f -> spine[0] += f.spineValid ? 1 : 0);
            SampleSink sink = session.start();
            long before = allocatedBytes();
            for (int i = 0; i < upper.size(); i++) {
                ring.accept(lower.get(i));
                sink.accept(upper.get(i));
            }
            bytesPerSample = (allocatedBytes() - before) / 48_000.0;
            sink.end();
            spineFrames = spine[0];
        }
        System.out.printf(Locale.ROOT, "HotPathTest: a live two-sensor session allocates %.3f B per sample (24000 "
                + "samples of each sensor, %d with spine angles)%n", bytesPerSample, spineFrames);
        assertTrue(spineFrames > 20_000, "spine angles once both are calibrated: " + spineFrames);
        assertTrue(bytesPerSample < 1, "a live two-sensor session allocates " + bytesPerSample + " B per sample");
    }

    /** A simulator's first {@code n} samples in the frames of a live link (10 samples each). */
    private static List<SampleBatch> frames(io.midback.sim.Simulator sim, int n) {
        List<SampleBatch> frames = new ArrayList<>();
        while (sim.position() < n && sim.hasNext()) {
            SampleBatch b = new SampleBatch(10);
            sim.fill(b, 10);
            frames.add(b);
        }
        return frames;
    }
}
