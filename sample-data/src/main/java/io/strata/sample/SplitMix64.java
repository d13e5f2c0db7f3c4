package io.strata.sample;

/**
 * SplitMix64 (Steele, Lea and Flood), the algorithm behind {@link java.util.SplittableRandom}, written out so that the
 * generated data never depends on how a JDK version derives doubles or bounded ints from it. Not thread-safe.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); multiply-shift is biased by at most bound / 2^32, negligible for the bounds used here. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A stateless hash with good avalanche, for values that must follow from a key alone (an account's plan). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) from a hash, see {@link #mix64}. */
    static double unitDouble(long key) {
        return (mix64(key) >>> 11) * 0x1.0p-53;
    }
}
