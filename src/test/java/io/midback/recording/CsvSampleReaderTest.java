package io.midback.recording;

import io.midback.sensor.ImuSample;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class CsvSampleReaderTest {
    @TempDir
    Path dir;

    /** Collects everything a reader hands out. */
    static final class Collector implements SampleSink {
        final List<ImuSample> samples = new ArrayList<>();
        final List<double[]> extras = new ArrayList<>();
        final List<String> gaps = new ArrayList<>();
        boolean ended;

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                samples.add(b.get(i));
                double[] e = new double[b.extra.length];
                for (int c = 0; c < e.length; c++) {
                    e[c] = b.extra[c][i];
                }
                extras.add(e);
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            gaps.add(fromS + "->" + toS + " " + reason);
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(p))) {
                os.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, content);
        }
        return p;
    }

    @Test
    void findsColumnsByNameIgnoresOthersAndReadsMetadata() throws IOException {
        Path p = write("a.csv", """
                # device: test-imu
                # rate_hz: 100
                # start: 2026-11-20T09:00:00
                # a plain comment line
                extra,az,ay,ax,gz,gy,gx,t_s
                x,9.81,0.1,0.2,0.3,0.4,0.5,0
                y,9.8,0.1,0.2,0.3,0.4,0.5,0.01
                """);
        Collector c = new Collector();
        CsvSampleReader r = CsvSampleReader.of(p);
        ReadReport report = r.read(c);
        assertEquals(new ReadReport(2, 2, 0, 0, 0, 0, 0, false, List.of()), report); // nothing dropped or cut
        assertTrue(c.ended);
        assertEquals(sample6d(0, 0.5, 0.4, 0.3, 0.2, 0.1, 9.81), c.samples.get(0));
        assertEquals("test-imu", r.metadata().device().orElseThrow());
        assertEquals(100.0, r.metadata().rateHz().orElseThrow());
        assertEquals("2026-11-20T09:00", r.metadata().start().orElseThrow().toString());
        assertFalse(r.hasMagnetometer());
    }

    @Test
    void readsGzipAndMagnetometerAndExtraColumns() throws IOException {
        Path p = write("b.csv.gz", "t_s,gx,gy,gz,ax,ay,az,mx,my,mz,qw,movement\n"
                + "0,0,0,0,0,0,9.81,20,0,-40,1,0\n"
                + "0.01,0,0,0,0,0,9.81,,,,0.5,1\n");
        Collector c = new Collector();
        ReadReport report = CsvSampleReader.of(p, ReadOptions.DEFAULT.withExtraColumns("qw", "movement")).read(c);
        assertEquals(2, report.samples());
        assertTrue(c.samples.get(0).hasMagnetometer());
        assertEquals(-40, c.samples.get(0).mzMicroT());
        assertFalse(c.samples.get(1).hasMagnetometer(), "blank magnetometer fields mean no reading");
        assertArrayEquals(new double[] {0.5, 1}, c.extras.get(1));
    }

    @Test
    void malformedLineStopsWithFileAndLineButKeepsEarlierSamples() throws IOException {
        Path p = write("bad.csv", "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,0,zero,0,0,9.8\n0.02,0,0,0,0,0,9.8\n");
        Collector c = new Collector();
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> CsvSampleReader.of(p).read(c));
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
        assertTrue(e.getMessage().contains("gz"), e.getMessage());
        assertEquals(1, c.samples.size(), "the sample before the bad line reached the sink");
    }

    @Test
    void skipBadLinesSkipsAndCounts() throws IOException {
        Path p = write("bad.csv", "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,0\n0.02,0,0,0,0,0,9.8,7\n"
                + "0.03,0,0,0,0,0,9.8\n");
        Collector c = new Collector();
        ReadReport r = CsvSampleReader.of(p, ReadOptions.DEFAULT.withSkipBadLines(true)).read(c);
        assertEquals(2, r.samples());
        assertEquals(2, r.badLinesSkipped());
        assertTrue(r.problems().get(0).contains("line 3"), r.problems().toString());
    }

    @Test
    void backwardTimeNanAndGapsAreDroppedOrReportedNeverSilently() throws IOException {
        StringBuilder sb = new StringBuilder("# rate_hz: 100\nt_s,gx,gy,gz,ax,ay,az\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i * 0.01).append(",0,0,0,0,0,9.8\n");
        }
        sb.append("0.05,0,0,0,0,0,9.8\n");          // backwards: line 13
        sb.append("0.10,0,0,nan,0,0,9.8\n");        // NaN gyro: line 14
        sb.append("1.00,0,0,0,0,0,9.8\n");          // gap of 0.91 s: line 15
        Collector c = new Collector();
        ReadReport r = CsvSampleReader.of(write("g.csv", sb.toString())).read(c);
        assertEquals(11, r.samples());
        assertEquals(1, r.backwardSteps());
        assertEquals(1, r.nanSamples());
        assertEquals(1, r.gaps());
        assertEquals(0.91, r.gapSeconds(), 1e-9);
        assertEquals(1, c.gaps.size());
        assertTrue(c.gaps.get(0).contains("g.csv:15"), c.gaps.toString());
        assertTrue(String.join("\n", r.problems()).contains("line 13"));
    }

    @Test
    void truncatedFilesAreReportedWithWhatWasRead() throws IOException {
        StringBuilder sb = new StringBuilder("t_s,gx,gy,gz,ax,ay,az\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i * 0.01).append(",0.001,0.002,0.003,0.1,0.2,9.8\n");
        }
        byte[] full;
        Path gz = write("t.csv.gz", sb.toString());
        full = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(full, full.length / 2));
        Collector c = new Collector();
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> CsvSampleReader.of(gz).read(c));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(c.samples.size() > 1000, "samples before the damage are kept: " + c.samples.size());

        // A last line cut short (a recording stopped mid-write) costs only itself, even without skip-bad-lines.
        Path plain = write("t.csv", "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,0,0,0,0,9.8\n0.02,0,0,0,0");
        Collector cut = new Collector();
        ReadReport r = CsvSampleReader.of(plain).read(cut);
        assertEquals(2, cut.samples.size());
        assertTrue(r.lastLineCut());
        assertEquals(0, r.badLinesSkipped());
        assertTrue(r.problems().get(0).contains("t.csv: line 4") && r.problems().get(0).contains("cut short"),
                r.problems().toString());
        // The same line with its newline is a malformed line, not a cut one.
        Path broken = write("b.csv", "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.02,0,0,0,0\n0.03,0,0,0,0,0,9.8\n");
        e = assertThrows(RecordingFormatException.class, () -> CsvSampleReader.of(broken).read(new Collector()));
        assertTrue(e.getMessage().contains("b.csv:3"), e.getMessage());
    }

    @Test
    void aLineTooLongToHoldIsSkippedWithSkipBadLinesAndTheNextLinesRead() throws IOException {
        String head = "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n";
        Path p = write("long.csv", head + "7".repeat(3 << 20) + "\n0.01,0,0,0,0,0,9.8\n0.02,0,0,0,0,0,9.8\n");
        Collector c = new Collector();
        ReadReport r = CsvSampleReader.of(p, ReadOptions.DEFAULT.withSkipBadLines(true)).read(c);
        assertEquals(3, c.samples.size());
        assertEquals(1, r.badLinesSkipped());
        assertTrue(r.problems().get(0).contains("line 3"), r.problems().toString());
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> CsvSampleReader.of(p).read(new Collector()));
        assertTrue(e.getMessage().contains("long.csv:3") && e.getMessage().contains("--skip-bad-lines"),
                e.getMessage());
    }

    @Test
    void missingColumnsAndMissingFilesAreNamed() throws IOException {
        Path p = write("h.csv", "# x: y\ntime,gx,gy,gz,ax,ay,az\n1,2,3,4,5,6,7\n");
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> CsvSampleReader.of(p).read(new Collector()));
        assertTrue(e.getMessage().contains("h.csv:2") && e.getMessage().contains("t_s"), e.getMessage());
        e = assertThrows(RecordingFormatException.class,
                () -> CsvSampleReader.of(dir.resolve("nope.csv")).read(new Collector()));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("no such file"));
    }

    @Test
    void writerAndReaderRoundTrip() throws IOException {
        Path p = dir.resolve("rt.csv.gz");
        RecordingMetadata md = RecordingMetadata.empty().with("device", "sim").with("rate_hz", "100");
        List<ImuSample> written = new ArrayList<>();
        try (CsvSampleWriter w = CsvSampleWriter.create(p, md, true)) {
            for (int i = 0; i < 3000; i++) {
                ImuSample s = new ImuSample(i * 0.01, Math.sin(i) * 3, -0.0000123 * i, 1e-9, -9.80665, 0.5 * i,
                        12345.678, 20.5, -0.001, i % 7 == 0 ? Double.NaN : -40);
                written.add(s);
                w.write(s.tS(), s.gxRadPerS(), s.gyRadPerS(), s.gzRadPerS(), s.axMps2(), s.ayMps2(), s.azMps2(),
                        s.mxMicroT(), s.myMicroT(), s.mzMicroT());
            }
        }
        Collector c = new Collector();
        CsvSampleReader r = CsvSampleReader.of(p);
        r.read(c);
        assertEquals("sim", r.metadata().device().orElseThrow());
        assertEquals(written.size(), c.samples.size());
        for (int i = 0; i < written.size(); i++) {
            ImuSample a = written.get(i), b = c.samples.get(i);
            assertEquals(a.tS(), b.tS(), 1e-6);
            assertEquals(a.gxRadPerS(), b.gxRadPerS(), 1e-7);
            assertEquals(a.gyRadPerS(), b.gyRadPerS(), 1e-7);
            assertEquals(a.azMps2(), b.azMps2(), 1e-5);
            assertEquals(a.hasMagnetometer(), b.hasMagnetometer());
            if (a.hasMagnetometer()) {
                assertEquals(a.myMicroT(), b.myMicroT(), 1e-3);
            }
        }
    }

    @Test
    void linesAcrossTheReadBufferAndUnusualLinesAmongPlainOnesReadExactly() throws IOException {
        // over 1 MiB, so that lines straddle the reader's buffer; every 997th line is one the one-pass parse leaves
        // to the general path (exponent, spaces, CRLF)
        StringBuilder sb = new StringBuilder("# rate_hz: 100\nt_s,gx,gy,gz,ax,ay,az\n");
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            String t = String.format(java.util.Locale.ROOT, "%.2f", i * 0.01);
            if (i % 997 == 5) {
                sb.append(t).append(", 1.5e-3,-0.25,0.125,-9.75e0,0.5,9.80665\r\n");
            } else {
                sb.append(t).append(",0.0015,-0.25,0.125,-9.75,0.5,").append(i % 1000).append(".80665\n");
            }
        }
        Collector c = new Collector();
        ReadReport r = CsvSampleReader.of(write("big.csv", sb.toString())).read(c);
        assertEquals(new ReadReport(n, n, 0, 0, 0, 0, 0, false, List.of()), r); // nothing dropped or cut
        for (int i = 0; i < n; i++) {
            ImuSample s = c.samples.get(i);
            assertEquals(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", i * 0.01)), s.tS(), "t " + i);
            assertEquals(0.0015, s.gxRadPerS(), "gx " + i);
            assertEquals(-9.75, s.axMps2(), "ax " + i);
            assertEquals(i % 997 == 5 ? 9.80665 : Double.parseDouble((i % 1000) + ".80665"), s.azMps2(), "az " + i);
        }
    }

    @Test
    void readsBroadTrialsAsTheyAre() {
        Path trial = SharedData.require("data/broad/03_undisturbed_slow_rotation_C.csv.gz");
        Collector c = new Collector();
        ReadReport r = CsvSampleReader.of(trial, ReadOptions.DEFAULT.withExtraColumns("qw", "qx", "qy", "qz",
                "movement")).read(c);
        assertEquals(58412, r.samples(), "the manifest's sample count");
        assertEquals(0, r.gaps());
        long nanTruth = c.extras.stream().filter(e -> Double.isNaN(e[0])).count();
        assertEquals(4086, nanTruth, "the manifest's count of samples without ground truth");
        assertTrue(c.samples.get(0).hasMagnetometer());
    }

    /** A sample without a magnetometer reading. */
    static ImuSample sample6d(double tS, double gx, double gy, double gz, double ax, double ay, double az) {
        return new ImuSample(tS, gx, gy, gz, ax, ay, az, Double.NaN, Double.NaN, Double.NaN);
    }
}
