package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;

/**
 * What the bihash shapes with keys of several longs ({@link Bihash16_8}, {@link Bihash24_8},
 * {@link Bihash40_8}, {@link Bihash48_8}) share: every operation, over a {@link BihashTable}
 * of their key width. Each shape adds its width, its constructors and its static hashes.
 *
 * <p><b>Threads.</b> One writer at a time ({@link #add}, {@link #delete}); the caller
 * serializes writers. Any number of threads may look up, iterate, count and format at the
 * same time as the writer: they never block, and they see each key with a value it really
 * had.
 *
 * <p><b>Keys.</b> A key is the shape's {@code KEY_WORDS} longs, taken from a caller-owned
 * {@code long[]} at an offset, or read straight from memory (a packet) where word i is the
 * 8 bytes at {@code offset + 8 * i} in native byte order, any alignment. Both forms hash and
 * compare the same words, so a key added from an array is found from memory holding the same
 * words. The key whose every bit is set marks free slots: it cannot be added and always
 * misses.
 *
 * <p><b>Hot path.</b> Lookups, adds and deletes allocate nothing on the Java heap and make
 * no virtual calls: each shape is a final class. Hash once, look up many: the shape's
 * {@code hashAll}, then {@link #getAll} for a frame of keys, whose cache misses then overlap.
 */
public abstract sealed class WideKeyBihash implements Bihash
        permits Bihash16_8, Bihash24_8, Bihash40_8, Bihash48_8 {

    private final BihashTable table;
    private final int keyWords;
    private final String shape;

    WideKeyBihash(String shape, int keyWords, String name, int bucketCount, long memoryLimit, int maxLog2Pages) {
        this.table = new BihashTable(name, keyWords, bucketCount, memoryLimit, maxLog2Pages);
        this.keyWords = keyWords;
        this.shape = shape;
    }

    private long hashOf(long[] key, int keyOffset) {
        return BihashHash.hashChecked(shape, key, keyOffset, keyWords);
    }

    /** The value of the key at {@code key[keyOffset..]}, or {@code missingValue}. */
    public long get(long[] key, int keyOffset, long missingValue) {
        return table.search(hashOf(key, keyOffset), key, keyOffset, keyWords, missingValue, false);
    }

    /** As {@link #get(long[], int, long)} with the key's hash given. */
    public long get(long hash, long[] key, int keyOffset, long missingValue) {
        return table.search(hash, key, keyOffset, keyWords, missingValue, false);
    }

    /**
     * The value of the key read from {@code memory} at {@code offset}, whose hash is given,
     * or {@code missingValue}.
     *
     * @throws IllegalArgumentException when the key runs past the end of {@code memory}
     */
    public long get(long hash, MemorySegment memory, long offset, long missingValue) {
        return table.search(hash, memory, offset, keyWords, missingValue, false);
    }

    public boolean containsKey(long[] key, int keyOffset) {
        return table.search(hashOf(key, keyOffset), key, keyOffset, keyWords, 0, true) != 0;
    }

    /** Whether the key read from {@code memory} at {@code offset}, whose hash is given, is present. */
    public boolean containsKey(long hash, MemorySegment memory, long offset) {
        return table.search(hash, memory, offset, keyWords, 0, true) != 0;
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
        return table.getAll(keys, hashes, count, keyWords, values, missingValue);
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
        return table.add(hashOf(key, keyOffset), key, keyOffset, value);
    }

    /** Deletes the key at {@code key[keyOffset..]}. Returns true when it was present. Writer only. */
    public boolean delete(long[] key, int keyOffset) {
        return table.delete(hashOf(key, keyOffset), key, keyOffset);
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
    public final String toString() {
        return table.type + " '" + table.name + "'";
    }
}
