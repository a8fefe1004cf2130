package io.midback.breathing;

/**
 * {@code (long) Math.floor(x)}, the same value for every double (NaN gives 0, ±infinity the long's extremes), without
 * calling {@link Math#floor}: the quick compiler, which {@code midback replay} runs on, makes that a call into
 * {@link StrictMath#floor} rather than one instruction, and the breathing stages take it once or twice per sample.
 */
final class WholeSeconds {
    private WholeSeconds() {
    }

    /** The largest long not above {@code x} (clamped to the long's range). */
    static long floor(double x) {
        long t = (long) x;
        return x < t && t != Long.MIN_VALUE ? t - 1 : t;
    }
}
