package io.midback.live;

import io.midback.recording.CaptureReplay;
import io.midback.protocol.DecoderStats;
import io.midback.protocol.DeviceMessageListener;
import io.midback.protocol.FormatDetector;
import io.midback.protocol.ImuDecoder;
import io.midback.protocol.WireFormat;
import io.midback.sensor.SampleSink;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The decoder of a live session for a given wire format, or for one recognised from the stream's first bytes
 * ({@code auto}): bytes are held until {@link FormatDetector} recognises a format (at most
 * {@link CaptureReplay#DETECT_BYTES}), then the format's decoder gets them and everything after. When the sink is
 * a {@link LiveTimeline}, its timing follows the format (device timestamps, or arrival for formats without).
 */
public final class LiveDecoder implements LiveSession.Decoder {
    /** Bytes needed before a detection is trusted (several frames of any format). */
    static final int MIN_DETECT_BYTES = 256;

    private final SampleSink sink;
    private final double rateHz;
    private final DeviceMessageListener messages;
    private final Consumer<String> onUnrecognised;
    private final byte[] head;
    private int headLen;
    private volatile ImuDecoder decoder;
    private volatile boolean failed;

    /**
     * @param format         the format, or null to recognise it
     * @param rateHz         nominal rate (timing of formats without device timestamps)
     * @param messages       device messages (INFO, ACK, events…)
     * @param onUnrecognised told (once, with a message naming {@code source}) when the first bytes match no format
     */
    public LiveDecoder(SampleSink sink, WireFormat format, double rateHz, DeviceMessageListener messages,
                       String source, Consumer<String> onUnrecognised) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.rateHz = rateHz;
        this.messages = Objects.requireNonNull(messages, "messages");
        this.onUnrecognised = msg -> onUnrecognised.accept(source + ": " + msg);
        this.head = format == null ? new byte[CaptureReplay.DETECT_BYTES] : null;
        if (format != null) {
            use(format);
        }
    }

    /** Timing a format needs: its own timestamps, or arrival times smoothed against the nominal rate. */
    public static LiveTimeline.Mode timing(WireFormat f) {
        return f == null || f.needsRate() ? LiveTimeline.Mode.ARRIVAL : LiveTimeline.Mode.DEVICE;
    }

    private void use(WireFormat f) {
        if (sink instanceof LiveTimeline t) {
            t.useMode(timing(f));
        }
        decoder = f.newDecoder(sink, rateHz).onMessage(messages);
    }

    /** The format in use; null while not yet recognised. */
    public WireFormat format() {
        ImuDecoder d = decoder;
        return d == null ? null : d.format();
    }

    /** The decoder's counters (all zero while the format is not yet recognised). */
    public DecoderStats stats() {
        ImuDecoder d = decoder;
        return d == null ? new DecoderStats() : d.stats();
    }

    @Override
    public void feed(byte[] bytes, int off, int len) {
        ImuDecoder d = decoder;
        if (d != null) {
            d.feed(bytes, off, len);
            return;
        }
        if (failed) {
            return;
        }
        int take = Math.min(len, head.length - headLen);
        System.arraycopy(bytes, off, head, headLen, take);
        headLen += take;
        WireFormat f = headLen >= MIN_DETECT_BYTES || headLen == head.length
                ? FormatDetector.detect(head, headLen) : null;
        if (f != null) {
            use(f);
            decoder.feed(head, 0, headLen);
            if (take < len) {
                decoder.feed(bytes, off + take, len - take);
            }
        } else if (headLen == head.length) {
            failed = true;
            onUnrecognised.accept("cannot recognise the data format from the first " + headLen
                    + " bytes (starting " + hex(head, Math.min(16, headLen))
                    + "); give --format midback|witmotion|ximu3|teapot|text, and --baud if the rate is not "
                    + "115200");
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (byte x : Arrays.copyOf(b, n)) {
            sb.append(String.format("%02x ", x & 0xFF));
        }
        return sb.toString().trim();
    }

    @Override
    public void end() {
        ImuDecoder d = decoder;
        if (d != null) {
            d.end();
        } else {
            sink.end();
        }
    }
}
