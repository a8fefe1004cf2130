package io.midback.recording;

import io.midback.protocol.DecoderStats;
import io.midback.protocol.DeviceMessageListener;
import io.midback.protocol.FormatDetector;
import io.midback.protocol.ImuDecoder;
import io.midback.protocol.OrientationListener;
import io.midback.protocol.TextLineDecoder;
import io.midback.protocol.WireFormat;
import io.midback.sensor.SampleSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Replays a byte capture (what a sensor sent, saved to a file; {@code .gz} is unpacked) through the decoder of
 * its format into a {@link SampleSink}, and returns what the decoder counted.
 *
 * <pre>{@code
 * CaptureReplay.Result r = new CaptureReplay(null, 100.0)      // null = auto-detect; 100 Hz for formats without time
 *         .onMessage(m -> ...).onOrientation(listener)         // optional
 *         .replay(Path.of("capture.bin"), sink);
 * r.format(); r.stats().framesOk(); r.stats().toMap();         // for the JSON summary
 * }</pre>
 *
 * Errors the user can act on (unknown format, missing rate, unrecognised data) are
 * {@link IllegalArgumentException}s with a one-line message naming the file; I/O errors are {@link IOException}.
 */
public final class CaptureReplay {
    /** Bytes looked at to detect the format. */
    public static final int DETECT_BYTES = 4096;

    /** The format used, the decoder's counters, and how many bytes were read. */
    public record Result(WireFormat format, DecoderStats stats, long bytes) {
    }

    private final WireFormat format;
    private final double rateHz;
    private DeviceMessageListener messages = DeviceMessageListener.NONE;
    private OrientationListener orientation = OrientationListener.NONE;
    private TextLineDecoder.Layout textLayout = TextLineDecoder.Layout.MPU6050_RAW_DEFAULT;

    /**
     * @param format the format, or {@code null} to detect it from the first bytes
     * @param rateHz sample rate for formats without device timestamps (witmotion, teapot, text); NaN when not
     *               given (fine for midback and ximu3)
     */
    public CaptureReplay(WireFormat format, double rateHz) {
        this.format = format;
        this.rateHz = rateHz;
    }

    /** From command-line strings: {@code --format auto|midback|...} and {@code --rate} (null when absent). */
    public static CaptureReplay of(String format, Double rateHz) {
        return new CaptureReplay(WireFormat.parse(format == null ? "auto" : format),
                rateHz == null ? Double.NaN : rateHz);
    }

    public CaptureReplay onMessage(DeviceMessageListener listener) {
        this.messages = Objects.requireNonNull(listener);
        return this;
    }

    public CaptureReplay onOrientation(OrientationListener listener) {
        this.orientation = Objects.requireNonNull(listener);
        return this;
    }

    public Result replay(Path file, SampleSink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw) {
            return replay(in, file.toString(), sink);
        }
    }

    /** Reads {@code in} to its end; {@code name} names the source in messages. Does not close {@code in}. */
    public Result replay(InputStream in, String name, SampleSink sink) throws IOException {
        byte[] buf = new byte[65536];
        int head = in.readNBytes(buf, 0, DETECT_BYTES);
        WireFormat f = format;
        if (f == null) {
            f = FormatDetector.detect(buf, head);
            if (f == null) {
                throw new IllegalArgumentException(name + ": cannot recognise the data format from its first "
                        + head + " bytes; give --format midback|witmotion|ximu3|teapot|text");
            }
        }
        if (f.needsRate() && !(rateHz > 0 && Double.isFinite(rateHz))) {
            throw new IllegalArgumentException(name + ": " + f.cliName()
                    + " data carries no timestamps; give the sample rate with --rate HZ");
        }
        ImuDecoder d = (f == WireFormat.TEXT ? new TextLineDecoder(sink, rateHz, textLayout) : f.newDecoder(sink, rateHz))
                .onMessage(messages).onOrientation(orientation);
        long total = head;
        d.feed(buf, 0, head);
        int r;
        while ((r = in.read(buf)) > 0) {
            d.feed(buf, 0, r);
            total += r;
        }
        d.end();
        return new Result(f, d.stats(), total);
    }
}
