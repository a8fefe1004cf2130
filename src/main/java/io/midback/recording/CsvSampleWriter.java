package io.midback.recording;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes samples in Midback's canonical CSV format: {@code # key: value} metadata lines, the header
 * {@code t_s,gx,gy,gz,ax,ay,az[,mx,my,mz]}, then one line per sample (seconds, rad/s, m/s², µT), in fixed-point
 * decimals formatted without allocation. A name ending in {@code .gz} is compressed; {@link #flush()} then
 * sync-flushes, so everything written before the last flush can be read back even if the process is killed.
 */
public final class CsvSampleWriter implements SampleSink, Flushable, Closeable {
    private static final int T_DECIMALS = 6;
    private static final int GYRO_DECIMALS = 7;
    private static final int ACC_DECIMALS = 5;
    private static final int MAG_DECIMALS = 3;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final Path file;
    private final OutputStream out;
    private final boolean magnetometer;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long samples;

    private CsvSampleWriter(Path file, OutputStream out, boolean magnetometer) {
        this.file = file;
        this.out = out;
        this.magnetometer = magnetometer;
    }

    /**
     * Creates (or replaces) {@code file} and writes the metadata and header.
     *
     * @param magnetometer whether to write the {@code mx,my,mz} columns
     */
    public static CsvSampleWriter create(Path file, RecordingMetadata metadata, boolean magnetometer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream raw = Files.newOutputStream(file);
            OutputStream os = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? new GZIPOutputStream(raw, 1 << 16, true) : raw;
            CsvSampleWriter w = new CsvSampleWriter(file, os, magnetometer);
            w.writeHeader(metadata);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot create: " + e.getMessage(), e);
        }
    }

    private void writeHeader(RecordingMetadata metadata) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : metadata.entries().entrySet()) {
            sb.append("# ").append(e.getKey()).append(": ").append(e.getValue().replace('\n', ' ')).append('\n');
        }
        sb.append("t_s,gx,gy,gz,ax,ay,az").append(magnetometer ? ",mx,my,mz" : "").append('\n');
        writeAscii(sb.toString());
    }

    /** Appends a metadata line in the data (e.g. a recalibration during a live session). */
    public void comment(String key, String value) {
        writeAscii("# " + key + ": " + value.replace('\n', ' ') + "\n");
    }

    private void writeAscii(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (pos == buf.length) {
                drain();
            }
            buf[pos++] = x;
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

    /** Writes one sample (magnetometer values are ignored unless the file has those columns). */
    public void write(double tS, double gx, double gy, double gz, double ax, double ay, double az,
                      double mx, double my, double mz) {
        if (buf.length - pos < 512) {
            drain();
        }
        fixed(tS, T_DECIMALS);
        comma();
        fixed(gx, GYRO_DECIMALS);
        comma();
        fixed(gy, GYRO_DECIMALS);
        comma();
        fixed(gz, GYRO_DECIMALS);
        comma();
        fixed(ax, ACC_DECIMALS);
        comma();
        fixed(ay, ACC_DECIMALS);
        comma();
        fixed(az, ACC_DECIMALS);
        if (magnetometer) {
            comma();
            fixed(mx, MAG_DECIMALS);
            comma();
            fixed(my, MAG_DECIMALS);
            comma();
            fixed(mz, MAG_DECIMALS);
        }
        buf[pos++] = '\n';
        samples++;
    }

    private void comma() {
        buf[pos++] = ',';
    }

    /** Appends {@code v} rounded to {@code decimals} places, without trailing zeros; NaN as "nan". */
    private void fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            buf[pos++] = 'n';
            buf[pos++] = 'a';
            buf[pos++] = 'n';
            return;
        }
        if (Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            byte[] b = Double.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return;
        }
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        if (scaled == 0) {
            buf[pos++] = '0';
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
        }
        long intPart = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        writeLong(intPart);
        if (frac != 0) {
            int d = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                d--;
            }
            buf[pos++] = '.';
            for (int k = d - 1; k >= 0; k--) {
                buf[pos++] = (byte) ('0' + (frac / POW10[k]) % 10);
            }
        }
    }

    private void writeLong(long x) {
        if (x == 0) {
            buf[pos++] = '0';
            return;
        }
        int digits = 1;
        while (digits < 19 && x >= POW10[digits]) {
            digits++;
        }
        for (int k = digits - 1; k >= 0; k--) {
            buf[pos++] = (byte) ('0' + (x / POW10[k]) % 10);
        }
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Pushes everything written so far to the file (and, for .gz, to a readable point of the stream). */
    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    public long samplesWritten() {
        return samples;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            drain();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
