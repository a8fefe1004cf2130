package io.midback.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a decoder has seen so far. Counters only grow; a decoder updates them as it goes (no allocation).
 *
 * <ul>
 *   <li>{@code framesOk}: frames that passed every check the format has (checksum, CRC, length, terminator);
 *   <li>{@code framesCorrupt}: frames that started like a frame but failed a check; their bytes are skipped;
 *   <li>{@code samplesLost}: samples the device sent but that never arrived, from sequence/counter gaps (only
 *       formats with a sample counter: Midback, teapot);
 *   <li>{@code bytesSkipped}: bytes that ended up in no good frame (garbage, corrupt or truncated frames);
 *   <li>{@code unknownMessages}: well-formed frames of a type this decoder does not know; skipped.
 * </ul>
 */
public final class DecoderStats {
    long framesOk;
    long framesCorrupt;
    long samplesLost;
    long bytesSkipped;
    long unknownMessages;
    long samples;
    long orientations;

    public long framesOk() {
        return framesOk;
    }

    public long framesCorrupt() {
        return framesCorrupt;
    }

    public long unknownMessages() {
        return unknownMessages;
    }

    /** Samples delivered to the {@link io.midback.sensor.SampleSink}. */
    public long samples() {
        return samples;
    }

    /** The counters by name, in a fixed order: for JSON summaries. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("framesOk", framesOk);
        m.put("framesCorrupt", framesCorrupt);
        m.put("samplesLost", samplesLost);
        m.put("bytesSkipped", bytesSkipped);
        m.put("unknownMessages", unknownMessages);
        m.put("samplesDecoded", samples);
        m.put("orientations", orientations);
        return m;
    }

    /**
     * The counters in words, for people: {@code 242 frames decoded, 0 corrupt; 2400 samples, 0 lost; 0 bytes
     * skipped; 0 unknown messages} (orientations only when there are some).
     */
    public String describe() {
        return framesOk + " frames decoded, " + framesCorrupt + " corrupt; " + samples + " samples, " + samplesLost
                + " lost; " + bytesSkipped + " bytes skipped; " + unknownMessages + " unknown messages"
                + (orientations > 0 ? "; " + orientations + " orientation readings" : "");
    }

    @Override
    public String toString() {
        return "DecoderStats" + toMap();
    }
}
