package io.vecta.benchmarks.bihash;

import java.util.SplittableRandom;

/**
 * Pre-generated random keys for the bihash benchmarks. Present keys have their lowest bit
 * clear and absent or fresh keys have it set, so the sets never overlap; no key is the
 * all-ones word bihash reserves.
 */
final class BenchmarkKeys {

    /** Keys looked up or added per benchmark invocation. */
    static final int BATCH = 256;
    /** Miss and add keys cycle through this many, enough to defeat the caches. */
    static final int ROTATING_KEYS = 1 << 20;
    static final long MISSING = Long.MIN_VALUE;

    private BenchmarkKeys() {
    }

    /** {@code count} keys of {@code words} words laid end to end. */
    static long[] keys(int count, int words, boolean present, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[count * words];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        for (int i = 0; i < count; i++) {
            long first = keys[i * words] & ~1L;
            keys[i * words] = present ? first : first | 1L;
            if (words == 1 && keys[i] == -1L) {
                keys[i] = 1L;
            }
        }
        return keys;
    }

    /** Bucket count VPP would pick: about half the entries, a power of two. */
    static int bucketsFor(int entries) {
        return Integer.highestOneBit(Math.max(1, entries / 2));
    }

    /** A memory limit with room to spare; only what is used is allocated. */
    static long memoryFor(int entries, int keyWords) {
        long slotBytes = (keyWords + 1) * 8L;
        return bucketsFor(entries) * 8L + entries * slotBytes * 4 + (64L << 20);
    }

    /** Start of the next batch in a cycle of {@code count} keys. */
    static int advance(int cursor, int count) {
        int next = cursor + BATCH;
        return next + BATCH > count ? 0 : next;
    }
}
