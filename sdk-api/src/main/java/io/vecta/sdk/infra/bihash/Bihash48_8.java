package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;

/**
 * A bounded-index extensible hash from 48-byte keys (6 longs) to 8-byte values,
 * VPP's {@code clib_bihash_48_8_t}, over off-heap memory.
 * Fits an IPv6 five-tuple with more context, as in VPP's session tables.
 * Layout, growth and the concurrency argument are described on {@link BihashTable}.
 *
 * <p>Threads, keys and the hot path: {@link WideKeyBihash}.
 */
public final class Bihash48_8 extends WideKeyBihash {

    /** Words (longs) in a key. */
    public static final int KEY_WORDS = 6;

    /**
     * A table of {@code bucketCount} buckets (a power of two; VPP sizes it about half the
     * expected entries) that may use up to {@code memoryLimit} bytes of off-heap memory,
     * buckets included, like {@code clib_bihash_init (h, name, nbuckets, memory_size)}.
     *
     * @throws IllegalArgumentException when the bucket count is not a power of two or the
     *     limit cannot hold the buckets
     */
    public Bihash48_8(String name, int bucketCount, long memoryLimit) {
        this(name, bucketCount, memoryLimit, BihashTable.DEFAULT_MAX_LOG2_PAGES);
    }

    /**
     * As {@link #Bihash48_8(String, int, long)}, with each bucket's page set bounded to
     * {@code 1 << maxLog2Pages} pages of four entries (default 8: 256 pages).
     */
    public Bihash48_8(String name, int bucketCount, long memoryLimit, int maxLog2Pages) {
        super("bihash_48_8", KEY_WORDS, name, bucketCount, memoryLimit, maxLog2Pages);
    }

    /**
     * The hash of the key at {@code key[keyOffset..]}; the same for every table.
     *
     * @throws IllegalArgumentException when the array holds no key at that offset
     */
    public static long hash(long[] key, int keyOffset) {
        return BihashHash.hashChecked("bihash_48_8", key, keyOffset, KEY_WORDS);
    }

    /** The hash of the key in {@code memory} at {@code offset}. */
    public static long hash(MemorySegment memory, long offset) {
        return BihashHash.hash(memory, offset, KEY_WORDS);
    }

    /**
     * Hashes {@code count} keys laid end to end in {@code keys} (key i at
     * {@code keys[i * KEY_WORDS]}) into {@code hashes}.
     */
    public static void hashAll(long[] keys, long[] hashes, int count) {
        BihashHash.hashAllChecked("bihash_48_8", keys, hashes, count, KEY_WORDS);
    }
}
