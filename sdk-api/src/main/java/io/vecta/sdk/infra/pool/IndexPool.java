package io.vecta.sdk.infra.pool;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Hands out stable integer indices with O(1) {@link #get()} and {@link #put(int)}: the core of
 * every pool in this package, and on its own the primitive pool a plugin pairs with its own
 * struct-of-arrays columns ({@code long[] packets = new long[pool.capacity()]}, grown when
 * {@link #get()} returns an index at or beyond the column's length).
 *
 * <pre>
 *  index:        0   1   2   3   4   5   6   7        capacity = 8
 *  live bitmap:  1   0   1   1   0   1   0   0        bit i set = index i handed out
 *                                    |
 *                                    +-- highWater = 6: indices from here on were never used
 *  free stack:  [4, 1]                                get() pops 1 (the last one put) first,
 *                ^ bottom    top ^                    so the most recently freed slot, still
 *                                                     warm in cache, is reused first
 * </pre>
 *
 * <p>An index stays valid and names the same slot from {@link #get()} until it is {@link
 * #put(int) put}; growth never moves indices (capacity doubles up to the maximum). A {@link
 * #fixed(String, int) fixed} pool has its whole capacity from the start and never grows; when
 * every index is live, {@link #get()} throws an exception naming the pool and its limit.
 *
 * <p>Live indices are visited in ascending order, without allocation, by the cursor {@link
 * #nextLive(int)} or by {@link #forEachLive(IntConsumer)}.
 *
 * <p><b>Threads.</b> Not thread-safe, by design. Keep one pool per thread (per-worker state),
 * or mutate it only from the main thread while the workers wait at the barrier; readers on
 * other threads may then call {@link #isLive(int)} between barriers.
 */
public final class IndexPool {

    /** The largest capacity any pool can reach. */
    public static final int MAX_CAPACITY = 1 << 30;

    private static final int WORD_SHIFT = 6;

    private final String name;
    private final int maxCapacity;
    private int capacity;
    private long[] liveWords;
    private int[] freeStack;
    private int freeCount;
    private int highWater;
    private int size;

    private IndexPool(String name, int initialCapacity, int maxCapacity) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("pool name must not be empty");
        }
        if (initialCapacity < 1 || initialCapacity > maxCapacity) {
            throw new IllegalArgumentException("pool '" + name + "': capacity " + initialCapacity
                    + " must be from 1 to " + maxCapacity);
        }
        this.name = name;
        this.maxCapacity = maxCapacity;
        this.capacity = initialCapacity;
        this.liveWords = new long[wordsFor(initialCapacity)];
        this.freeStack = new int[initialCapacity];
    }

    /** A pool that starts with {@code initialCapacity} indices and doubles up to {@link #MAX_CAPACITY}. */
    public static IndexPool growable(String name, int initialCapacity) {
        return new IndexPool(name, initialCapacity, MAX_CAPACITY);
    }

    /** A pool of exactly {@code capacity} indices that never grows (VPP's {@code pool_init_fixed}). */
    public static IndexPool fixed(String name, int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("pool '" + name + "': capacity " + capacity
                    + " is beyond the limit of " + MAX_CAPACITY);
        }
        return new IndexPool(name, capacity, capacity);
    }

    /**
     * Takes a free index, preferring the most recently put one. Grows the capacity when every
     * index is live; callers that keep columns per index check {@code index >= column.length}
     * and resize their columns to {@link #capacity()}.
     *
     * @throws IllegalStateException when the pool is at its maximum capacity and every index is live
     */
    public int get() {
        int index;
        if (freeCount > 0) {
            index = freeStack[--freeCount];
        } else {
            if (highWater == capacity) {
                grow();
            }
            index = highWater++;
        }
        liveWords[index >>> WORD_SHIFT] |= 1L << index;
        size++;
        return index;
    }

    /**
     * Returns a live index to the pool.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     * @throws IllegalArgumentException when the index is not live (a double free)
     */
    public void put(int index) {
        requireLive(index);
        liveWords[index >>> WORD_SHIFT] &= ~(1L << index);
        freeStack[freeCount++] = index;
        size--;
    }

    /** Whether {@code index} is live; false for any index outside the capacity. */
    public boolean isLive(int index) {
        return index >= 0 && index < highWater && (liveWords[index >>> WORD_SHIFT] & (1L << index)) != 0;
    }

    /**
     * Throws unless {@code index} is live: the check a caller runs before trusting an index it
     * received from outside.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     * @throws IllegalArgumentException when the index is free
     */
    public void requireLive(int index) {
        if (!isLive(index)) {
            throw notLive(index);
        }
    }

    private RuntimeException notLive(int index) {
        if (index < 0 || index >= capacity) {
            return new IndexOutOfBoundsException("pool '" + name + "': index " + index
                    + " is out of range (capacity " + capacity + ")");
        }
        return new IllegalArgumentException("pool '" + name + "': index " + index
                + " is not in use (capacity " + capacity + ")");
    }

    /**
     * The smallest live index at or after {@code from}, or -1 when there is none: an allocation-free
     * cursor, {@code for (int i = pool.nextLive(0); i >= 0; i = pool.nextLive(i + 1))}.
     */
    public int nextLive(int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("pool '" + name + "': cursor " + from + " is negative");
        }
        if (from >= highWater) {
            return -1;
        }
        int wordIndex = from >>> WORD_SHIFT;
        long word = liveWords[wordIndex] & (-1L << from);
        int wordsInUse = wordsFor(highWater);
        while (word == 0) {
            if (++wordIndex == wordsInUse) {
                return -1;
            }
            word = liveWords[wordIndex];
        }
        return (wordIndex << WORD_SHIFT) + Long.numberOfTrailingZeros(word);
    }

    /**
     * Calls {@code action} with each live index in ascending order. The action may put the index
     * it was given; indices it gets during the walk may or may not be visited.
     */
    public void forEachLive(IntConsumer action) {
        for (int index = nextLive(0); index >= 0; index = nextLive(index + 1)) {
            action.accept(index);
        }
    }

    /** How many indices are live. */
    public int size() {
        return size;
    }

    /** How many indices exist now, live or free: every live index is below this. */
    public int capacity() {
        return capacity;
    }

    /** The capacity this pool may grow to: its fixed size, or {@link #MAX_CAPACITY}. */
    public int maxCapacity() {
        return maxCapacity;
    }

    /** The name used in error messages. */
    public String name() {
        return name;
    }

    private void grow() {
        if (capacity == maxCapacity) {
            throw new IllegalStateException("pool '" + name + "' is full: " + size + " of "
                    + maxCapacity + " elements in use" + (maxCapacity == MAX_CAPACITY ? "" : " (fixed size)"));
        }
        int newCapacity = (int) Math.min((long) capacity * 2, maxCapacity);
        liveWords = Arrays.copyOf(liveWords, wordsFor(newCapacity));
        freeStack = Arrays.copyOf(freeStack, newCapacity);
        capacity = newCapacity;
    }

    private static int wordsFor(int bits) {
        return (bits + 63) >>> WORD_SHIFT;
    }

    @Override
    public String toString() {
        return "pool '" + name + "' (" + size + " of " + capacity + " in use)";
    }
}
