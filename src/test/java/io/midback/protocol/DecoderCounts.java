package io.midback.protocol;

/** Counters the product shows only in its JSON summary, read from there ({@link DecoderStats#toMap()}). */
final class DecoderCounts {
    private DecoderCounts() {
    }

    static long samplesLost(DecoderStats s) {
        return s.toMap().get("samplesLost");
    }

    static long bytesSkipped(DecoderStats s) {
        return s.toMap().get("bytesSkipped");
    }
}
