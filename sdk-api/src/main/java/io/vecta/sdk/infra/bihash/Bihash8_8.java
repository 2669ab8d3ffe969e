package io.vecta.sdk.infra.bihash;

/**
 * A bounded-index extensible hash from 8-byte keys to 8-byte values, VPP's
 * {@code clib_bihash_8_8_t}, over off-heap memory. Layout, growth and the concurrency
 * argument are described on {@link BihashTable}.
 *
 * <p><b>Threads.</b> One writer at a time ({@link #add}, {@link #delete}); the caller
 * serializes writers. Any number of threads may call the lookups ({@link #get},
 * {@link #containsKey}, {@link #getAll}), {@link #forEach}, {@link #size} and
 * {@link #format} at the same time as the writer: they never block, and they see each key
 * with a value it really had.
 *
 * <p><b>Hot path.</b> Lookups, adds and deletes allocate nothing on the Java heap and make
 * no virtual calls. Hash once, look up many: {@link #hash(long)} is a pure function, so a
 * node can hash a whole frame of keys with {@link #hashAll}, then resolve them with
 * {@link #getAll}, which overlaps their cache misses.
 *
 * <p>The key {@code -1} (every bit set) marks free slots: it cannot be added, and looking
 * it up always misses.
 */
public final class Bihash8_8 implements Bihash {

    /** Words (longs) in a key. */
    public static final int KEY_WORDS = 1;

    private final BihashTable table;

    /**
     * A table of {@code bucketCount} buckets (a power of two; VPP sizes it about half the
     * expected entries) that may use up to {@code memoryLimit} bytes of off-heap memory,
     * buckets included, like {@code clib_bihash_init (h, name, nbuckets, memory_size)}. Memory
     * beyond the bucket array is taken in chunks as entries arrive.
     *
     * @throws IllegalArgumentException when the bucket count is not a power of two or the
     *     limit cannot hold the buckets
     */
    public Bihash8_8(String name, int bucketCount, long memoryLimit) {
        this(name, bucketCount, memoryLimit, BihashTable.DEFAULT_MAX_LOG2_PAGES);
    }

    /**
     * As {@link #Bihash8_8(String, int, long)}, with each bucket's page set bounded to
     * {@code 1 << maxLog2Pages} pages of four entries (default 8: 256 pages).
     */
    public Bihash8_8(String name, int bucketCount, long memoryLimit, int maxLog2Pages) {
        this.table = new BihashTable(name, KEY_WORDS, bucketCount, memoryLimit, maxLog2Pages);
    }

    /** The hash that places {@code key}; the same for every table. */
    public static long hash(long key) {
        return BihashHash.hash(key);
    }

    /** Hashes {@code keys[0..count)} into {@code hashes}. */
    public static void hashAll(long[] keys, long[] hashes, int count) {
        if (count < 0 || count > keys.length || count > hashes.length) {
            throw new IllegalArgumentException("bihash_8_8: " + count + " keys need " + count + " key words and "
                    + count + " hashes; got " + keys.length + " and " + hashes.length);
        }
        for (int i = 0; i < count; i++) {
            hashes[i] = BihashHash.hash(keys[i]);
        }
    }

    /** The value of {@code key}, or {@code missingValue}. */
    public long get(long key, long missingValue) {
        return table.search8(BihashHash.hash(key), key, missingValue, false);
    }

    /** The value of {@code key} whose {@link #hash(long)} is {@code hash}, or {@code missingValue}. */
    public long get(long hash, long key, long missingValue) {
        return table.search8(hash, key, missingValue, false);
    }

    public boolean containsKey(long key) {
        return table.search8(BihashHash.hash(key), key, 0, true) != 0;
    }

    /** Whether {@code key}, whose {@link #hash(long)} is {@code hash}, is present. */
    public boolean containsKey(long hash, long key) {
        return table.search8(hash, key, 0, true) != 0;
    }

    /**
     * Looks up {@code keys[0..count)} with their {@code hashes}, writing each value, or
     * {@code missingValue}, to {@code values}. Returns the number of keys found. Loads every
     * bucket, then every page, then searches, so the cache misses of the batch overlap.
     *
     * @throws IllegalArgumentException when an array is shorter than {@code count}
     */
    public int getAll(long[] keys, long[] hashes, int count, long[] values, long missingValue) {
        return table.getAll8(keys, hashes, count, values, missingValue);
    }

    /**
     * Adds {@code key} with {@code value}, or replaces the value of a present key. Returns
     * true when the key was new. Writer only.
     *
     * @throws IllegalArgumentException for the reserved key {@code -1}
     * @throws IllegalStateException when the key's bucket is full or the memory limit is
     *     reached; the table is unchanged
     */
    public boolean add(long key, long value) {
        return table.add8(BihashHash.hash(key), key, value);
    }

    /** Deletes {@code key}. Returns true when it was present. Writer only; never runs out of memory. */
    public boolean delete(long key) {
        return table.delete8(BihashHash.hash(key), key);
    }

    /**
     * Calls the visitor with every entry. Each bucket is copied out at one consistent moment
     * before its entries are visited, so a concurrent writer cannot tear an entry, and the
     * writer itself may add or delete from inside the visitor; entries changed during the walk
     * may or may not be seen.
     */
    public void forEach(LongLongVisitor visitor) {
        table.forEach8(visitor);
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
