package io.midback.recording;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.text.AsciiOut;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes samples in Midback's canonical CSV format: {@code # key: value} metadata lines, the header
 * {@code t_s,gx,gy,gz,ax,ay,az[,mx,my,mz]} ({@code t_s,ax,ay,az[,mx,my,mz]} for a sensor without a gyroscope), then
 * one line per sample (seconds, rad/s, m/s², µT), in fixed-point
 * decimals formatted without allocation. A name ending in {@code .gz} is compressed; {@link #flush()} then
 * sync-flushes, so everything written before the last flush can be read back even if the process is killed.
 */
public final class CsvSampleWriter implements SampleSink, Flushable, Closeable {

    /**
     * Decimal places per quantity (trailing zeros are dropped).
     *
     * @param time  of {@code t_s}, s
     * @param gyro  of the gyroscope, rad/s
     * @param accel of the accelerometer, m/s²
     * @param mag   of the magnetometer, µT
     */
    public record Precision(int time, int gyro, int accel, int mag) {
        /** Finer than any IMU's resolution: 1 µs, 1e-7 rad/s, 1e-5 m/s², 1 nT. */
        public static final Precision DEFAULT = new Precision(6, 7, 5, 3);

        public Precision {
            for (int d : new int[] {time, gyro, accel, mag}) {
                if (d < 0 || d > 12) {
                    throw new IllegalArgumentException("decimals must be 0..12: " + d);
                }
            }
        }
    }

    private final Path file;
    private final AsciiOut out;
    private final boolean gyroscope;
    private final boolean magnetometer;
    private final Precision precision;
    private long samples;

    private CsvSampleWriter(Path file, OutputStream stream, boolean gyroscope, boolean magnetometer,
                            Precision precision) {
        this.file = file;
        this.out = new AsciiOut(stream);
        this.gyroscope = gyroscope;
        this.magnetometer = magnetometer;
        this.precision = precision;
    }

    /**
     * Creates (or replaces) {@code file} and writes the metadata and header.
     *
     * @param magnetometer whether to write the {@code mx,my,mz} columns
     */
    public static CsvSampleWriter create(Path file, RecordingMetadata metadata, boolean magnetometer) {
        return create(file, metadata, magnetometer, Precision.DEFAULT);
    }

    public static CsvSampleWriter create(Path file, RecordingMetadata metadata, boolean magnetometer,
                                         Precision precision) {
        return create(file, metadata, true, magnetometer, precision);
    }

    /**
     * Creates (or replaces) {@code file} and writes the metadata and header.
     *
     * @param gyroscope    whether to write the {@code gx,gy,gz} columns (false for a sensor without a gyroscope)
     * @param magnetometer whether to write the {@code mx,my,mz} columns
     */
    public static CsvSampleWriter create(Path file, RecordingMetadata metadata, boolean gyroscope,
                                         boolean magnetometer, Precision precision) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream raw = Files.newOutputStream(file);
            OutputStream os = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? new GZIPOutputStream(raw, 1 << 16, true) : raw;
            CsvSampleWriter w = new CsvSampleWriter(file, os, gyroscope, magnetometer, precision);
            w.writeHeader(metadata);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot create: " + e.getMessage(), e);
        }
    }

    private void writeHeader(RecordingMetadata metadata) throws IOException {
        for (Map.Entry<String, String> e : metadata.entries().entrySet()) {
            out.text("# " + e.getKey() + ": " + e.getValue().replace('\n', ' ') + "\n");
        }
        out.text((gyroscope ? "t_s,gx,gy,gz,ax,ay,az" : "t_s,ax,ay,az") + (magnetometer ? ",mx,my,mz\n" : "\n"));
    }

    /** Appends a metadata line in the data (e.g. a recalibration or a gap during a live session). */
    public void comment(String key, String value) {
        try {
            out.text("# " + key + ": " + value.replace('\n', ' ') + "\n");
        } catch (IOException e) {
            throw failed("write", e);
        }
    }

    @Override
    public void accept(SampleBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            write(batch.tS[i], batch.gxRadPerS[i], batch.gyRadPerS[i], batch.gzRadPerS[i],
                    batch.axMps2[i], batch.ayMps2[i], batch.azMps2[i],
                    batch.mxMicroT[i], batch.myMicroT[i], batch.mzMicroT[i]);
        }
    }

    /** Writes one sample (gyroscope and magnetometer values are ignored unless the file has those columns). */
    public void write(double tS, double gx, double gy, double gz, double ax, double ay, double az,
                      double mx, double my, double mz) {
        Precision p = precision;
        try {
            out.fixed(tS, p.time()).put(',');
            if (gyroscope) {
                out.fixed(gx, p.gyro()).put(',').fixed(gy, p.gyro()).put(',').fixed(gz, p.gyro()).put(',');
            }
            out.fixed(ax, p.accel()).put(',').fixed(ay, p.accel()).put(',').fixed(az, p.accel());
            if (magnetometer) {
                out.put(',').fixed(mx, p.mag()).put(',').fixed(my, p.mag()).put(',').fixed(mz, p.mag());
            }
            out.put('\n');
        } catch (IOException e) {
            throw failed("write", e);
        }
        samples++;
    }

    /** Pushes everything written so far to the file (and, for .gz, to a readable point of the stream). */
    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed("write", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw failed("close", e);
        }
    }

    private UncheckedIOException failed(String what, IOException e) {
        return new UncheckedIOException(file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
