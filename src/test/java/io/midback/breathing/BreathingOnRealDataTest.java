package io.midback.breathing;

import io.midback.recording.CsvSampleReader;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real recordings from sensors that nobody wore (on a desk, moved by hand, on a foot or pelvis while walking):
 * whatever their jitter, gaps and still stretches, the breathing stage must find no breathing in them.
 */
class BreathingOnRealDataTest {

    /** Runs the stage over every sample; returns the seconds with a rate. */
    private static long secondsWithARate(Path csv) {
        BreathRateEstimator e = new BreathRateEstimator();
        BreathingTally tally = new BreathingTally();
        CsvSampleReader.of(csv).read(new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                for (int i = 0; i < b.size(); i++) {
                    e.update(b.tS[i], b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
                    tally.add(b.tS[i], e.ratePerMin());
                }
            }
        });
        tally.end();
        return tally.validSeconds();
    }

    /** The x-io files: a time column in s or µs, then gyroscope (°/s) and accelerometer (g) columns. */
    private static long secondsWithARateXio(Path csv) throws IOException {
        BreathRateEstimator e = new BreathRateEstimator();
        BreathingTally tally = new BreathingTally();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            double timeScale = header.startsWith("Timestamp (us)") ? 1e-6 : 1;
            double t0 = Double.NaN;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double t = Double.parseDouble(f[0]) * timeScale;
                t0 = Double.isNaN(t0) ? t : t0;
                // In g, as the files hold them: the stage does not mind the unit.
                e.update(t - t0, Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                tally.add(t - t0, e.ratePerMin());
            }
        }
        tally.end();
        return tally.validSeconds();
    }

    @Test
    void theBroadRecordingsHoldNoBreathing() throws IOException {
        Path dir = SharedData.require("data/broad");
        int files = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv.gz")) {
            for (Path p : ds) {
                long s = secondsWithARate(p);
                System.out.println(p.getFileName() + ": " + s + " s with a breathing rate");
                assertEquals(0, s, p.getFileName().toString());
                files++;
            }
        }
        assertTrue(files >= 10, "only " + files + " BROAD files");
    }

    @Test
    void theDeviceRecordingsHoldNoBreathing() throws IOException {
        for (String f : new String[] {"data/devices/fusion_sensor_data.csv", "data/devices/ximu3_csv_udp/Inertial.csv",
                "data/devices/ngimu_gait_short_walk.csv"}) {
            Path p = SharedData.require(f);
            long s = secondsWithARateXio(p);
            System.out.println(f + ": " + s + " s with a breathing rate");
            assertEquals(0, s, f);
        }
    }
}
