package io.midback.sim;

/**
 * A small seeded random source (xoshiro256** seeded through SplitMix64, Marsaglia's polar method for normal
 * deviates) written out here so that a seed gives the same numbers on every JDK: the bundled samples are
 * regenerated from their seeds. Not thread-safe; allocation-free.
 */
final class Rng {
    private long s0, s1, s2, s3;
    private double spare;
    private boolean hasSpare;

    Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    /** An independent stream for a purpose named by {@code stream} (same seed, different numbers). */
    static Rng forStream(long seed, long stream) {
        return new Rng(mix(seed * 0x632BE59BD9B4E019L + stream + 0x1234567L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Standard normal deviate. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
