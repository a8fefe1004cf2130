package io.midback.protocol;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

/**
 * Recognises the wire format from the first bytes of a stream by decoding them with every decoder and keeping
 * the one that finds the most good frames (minus corrupt ones). A few hundred bytes are plenty; 4 KiB is used
 * by {@code recording.CaptureReplay}.
 */
public final class FormatDetector {
    /** How many good frames a format needs in the head to be recognised. */
    public static final int MIN_FRAMES = 2;
    private static final SampleSink DISCARD = new SampleSink() {
        @Override
        public void accept(SampleBatch batch) {
        }
    };

    private FormatDetector() {
    }

    /** The best format for {@code head[0, len)}, or {@code null} when no format finds {@link #MIN_FRAMES} frames. */
    public static WireFormat detect(byte[] head, int len) {
        WireFormat best = null;
        long bestScore = 0;
        for (WireFormat f : WireFormat.values()) {
            ImuDecoder d = f.newDecoder(DISCARD, 100.0);
            d.feed(head, 0, len);
            DecoderStats s = d.stats();
            long score = s.framesOk() - s.unknownMessages() - s.framesCorrupt();
            if (s.framesOk() - s.unknownMessages() >= MIN_FRAMES && score > bestScore) {
                best = f;
                bestScore = score;
            }
        }
        return best;
    }
}
