package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;

/**
 * A bounded-index extensible hash from 24-byte keys (3 longs) to 8-byte values,
 * VPP's {@code clib_bihash_24_8_t}, over off-heap memory.
 * Fits an IPv6 address with a table id, as in VPP's IPv6 FIB.
 * Layout, growth and the concurrency argument are described on {@link BihashTable}.
 *
 * <p><b>Threads.</b> One writer at a time ({@link #add}, {@link #delete}); the caller
 * serializes writers. Any number of threads may look up, iterate, count and format at the
 * same time as the writer: they never block, and they see each key with a value it really
 * had.
 *
 * <p><b>Keys.</b> A key is {@value #KEY_WORDS} longs, taken from a caller-owned
 * {@code long[]} at an offset, or read straight from memory (a packet) where word i is the
 * 8 bytes at {@code offset + 8 * i} in native byte order, any alignment. Both forms hash and
 * compare the same words, so a key added from an array is found from memory holding the same
 * words. The key whose every bit is set marks free slots: it cannot be added and always
 * misses.
 *
 * <p><b>Hot path.</b> Lookups, adds and deletes allocate nothing on the Java heap and make
 * no virtual calls. Hash once, look up many: {@link #hashAll} then {@link #getAll} for a
 * frame of keys, whose cache misses then overlap.
 */
public final class Bihash24_8 implements Bihash {

    /** Words (longs) in a key. */
    public static final int KEY_WORDS = 3;

    private final BihashTable table;

    /**
     * A table of {@code bucketCount} buckets (a power of two; VPP sizes it about half the
     * expected entries) that may use up to {@code memoryLimit} bytes of off-heap memory,
     * buckets included, like {@code clib_bihash_init (h, name, nbuckets, memory_size)}.
     *
     * @throws IllegalArgumentException when the bucket count is not a power of two or the
     *     limit cannot hold the buckets
     */
    public Bihash24_8(String name, int bucketCount, long memoryLimit) {
        this(name, bucketCount, memoryLimit, BihashTable.DEFAULT_MAX_LOG2_PAGES);
    }

    /**
     * As {@link #Bihash24_8(String, int, long)}, with each bucket's page set bounded to
     * {@code 1 << maxLog2Pages} pages of four entries (default 8: 256 pages).
     */
    public Bihash24_8(String name, int bucketCount, long memoryLimit, int maxLog2Pages) {
        this.table = new BihashTable(name, KEY_WORDS, bucketCount, memoryLimit, maxLog2Pages);
    }

    /**
     * The hash of the key at {@code key[keyOffset..]}; the same for every table.
     *
     * @throws IllegalArgumentException when the array holds no key at that offset
     */
    public static long hash(long[] key, int keyOffset) {
        return BihashHash.hashChecked("bihash_24_8", key, keyOffset, KEY_WORDS);
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
        BihashHash.hashAllChecked("bihash_24_8", keys, hashes, count, KEY_WORDS);
    }

    /** The value of the key at {@code key[keyOffset..]}, or {@code missingValue}. */
    public long get(long[] key, int keyOffset, long missingValue) {
        return table.search(hash(key, keyOffset), key, keyOffset, KEY_WORDS, missingValue, false);
    }

    /** As {@link #get(long[], int, long)} with the key's hash given. */
    public long get(long hash, long[] key, int keyOffset, long missingValue) {
        return table.search(hash, key, keyOffset, KEY_WORDS, missingValue, false);
    }

    /**
     * The value of the key read from {@code memory} at {@code offset}, whose hash is given,
     * or {@code missingValue}.
     *
     * @throws IllegalArgumentException when the key runs past the end of {@code memory}
     */
    public long get(long hash, MemorySegment memory, long offset, long missingValue) {
        return table.search(hash, memory, offset, KEY_WORDS, missingValue, false);
    }

    public boolean containsKey(long[] key, int keyOffset) {
        return table.search(hash(key, keyOffset), key, keyOffset, KEY_WORDS, 0, true) != 0;
    }

    /** Whether the key read from {@code memory} at {@code offset}, whose hash is given, is present. */
    public boolean containsKey(long hash, MemorySegment memory, long offset) {
        return table.search(hash, memory, offset, KEY_WORDS, 0, true) != 0;
    }

    /**
     * Looks up {@code count} keys laid end to end in {@code keys} with their {@code hashes},
     * writing each value, or {@code missingValue}, to {@code values}. Returns the number of
     * keys found. Loads every bucket, then every page, then searches, so the cache misses of
     * the batch overlap.
     *
     * @throws IllegalArgumentException when an array is too short for {@code count} keys
     */
    public int getAll(long[] keys, long[] hashes, int count, long[] values, long missingValue) {
        return table.getAll(keys, hashes, count, KEY_WORDS, values, missingValue);
    }

    /**
     * Adds the key at {@code key[keyOffset..]} with {@code value}, or replaces the value of a
     * present key. Returns true when the key was new. Writer only.
     *
     * @throws IllegalArgumentException for a short array or the reserved all-ones key
     * @throws IllegalStateException when the key's bucket is full or the memory limit is
     *     reached; the table is unchanged
     */
    public boolean add(long[] key, int keyOffset, long value) {
        return table.add(hash(key, keyOffset), key, keyOffset, value);
    }

    /** Deletes the key at {@code key[keyOffset..]}. Returns true when it was present. Writer only. */
    public boolean delete(long[] key, int keyOffset) {
        return table.delete(hash(key, keyOffset), key, keyOffset);
    }

    /**
     * Calls the visitor with every entry. Each bucket is copied out at one consistent moment
     * before its entries are visited, so a concurrent writer cannot tear an entry, and the
     * writer itself may add or delete from inside the visitor; entries changed during the walk
     * may or may not be seen.
     */
    public void forEach(KeyWordsVisitor visitor) {
        table.forEach(visitor);
    }

    @Override
    public String name() {
        return table.name;
    }

    @Override
    public String type() {
        return table.type;
    }

    @Override
    public long size() {
        return table.size();
    }

    @Override
    public String format(boolean verbose) {
        return table.format(verbose);
    }

    @Override
    public void close() {
        table.close();
    }

    BihashTable table() {
        return table;
    }

    @Override
    public String toString() {
        return table.type + " '" + table.name + "'";
    }
}
