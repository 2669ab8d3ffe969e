package io.vecta.runtime.l2;

import io.vecta.sdk.packet.MacAddress;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The L2 FIB (VPP's {@code l2fib}): which interface a MAC address is behind, per bridge domain.
 * An open-addressing table of {@code long} keys and {@code long} results with linear probing: a
 * lookup is a hash and a few array reads, allocating nothing.
 *
 * <pre>
 *   key (64 bits)
 *   +---+----------------------+-----------------------------------------------+
 *   | 0 | bd_index (15 bits)   | MAC address (48 bits)                          |
 *   +---+----------------------+-----------------------------------------------+
 *    63  62                  48 47                                             0
 *
 *   result (64 bits)
 *   +-------------------------------+---+-----------------------------------+
 *   | last seen, seconds (31 bits)  | S | sw_if_index (32 bits)             |
 *   +-------------------------------+---+-----------------------------------+
 *    63                           33  32  31                               0
 *   S: static (set by the operator: never aged, never moved by learning)
 * </pre>
 *
 * A key slot holds {@link #EMPTY} (never used), {@link #DELETED} (a tombstone) or a key; since
 * a bridge domain index is at least 1, no key is either.
 *
 * <h2>Threads</h2>
 * {@code l2-learn} inserts and refreshes entries from any dataplane thread: an insert claims an
 * empty slot with a compare-and-set after writing its result, so a reader that sees the key sees
 * its result; two threads learning the same new address at once may both claim a slot, and the
 * later one is never found (harmless: lookups stop at the first). Deletions ({@code l2fib del},
 * ageing, {@code clear l2fib}, an interface leaving its bridge) run on the main thread with the
 * workers stopped, and are the only writers of tombstones; when tombstones reach a quarter of the
 * table they are swept by rehashing in place, also with the workers stopped.
 */
public final class L2Fib {

    /** A key slot never used. */
    static final long EMPTY = 0;

    /** A key slot whose entry was deleted. */
    static final long DELETED = -1;

    /** In a lookup's answer: no entry. */
    public static final long MISS = 0;

    private static final long MAC_MASK = 0xffff_ffff_ffffL;
    private static final int BD_SHIFT = 48;
    private static final long STATIC_BIT = 1L << 32;
    private static final int SEEN_SHIFT = 33;
    private static final long SEEN_LIMIT = (1L << 31) - 1;

    /** The largest bridge domain index a key holds. */
    public static final int MAX_BD_INDEX = (1 << 15) - 1;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] keys;
    private final long[] results;
    private final int mask;
    private final int limit;
    private final AtomicInteger used = new AtomicInteger();
    private int tombstones;

    /**
     * A table of {@code capacity} slots, a power of two, holding at most three quarters of it.
     *
     * @throws IllegalArgumentException if {@code capacity} is not a power of two from 16 to 2^26
     */
    public L2Fib(int capacity) {
        if (capacity < 16 || capacity > 1 << 26 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("l2fib capacity " + capacity + ": must be a power of two from 16 to "
                    + (1 << 26));
        }
        keys = new long[capacity];
        results = new long[capacity];
        mask = capacity - 1;
        limit = capacity / 4 * 3;
    }

    /** The key of {@code mac} in bridge domain {@code bdIndex}. */
    public static long key(int bdIndex, long mac) {
        return (long) bdIndex << BD_SHIFT | mac & MAC_MASK;
    }

    /** A result: {@code swIfIndex}, static or learnt, last seen at {@code seenSeconds}. */
    public static long result(int swIfIndex, boolean isStatic, long seenSeconds) {
        return Math.min(seenSeconds, SEEN_LIMIT) << SEEN_SHIFT | (isStatic ? STATIC_BIT : 0) | swIfIndex & 0xffff_ffffL;
    }

    /** The interface of {@code result}. */
    public static int swIfIndex(long result) {
        return (int) result;
    }

    /** Whether {@code result} was set by the operator. */
    public static boolean isStatic(long result) {
        return (result & STATIC_BIT) != 0;
    }

    /** When {@code result} was last seen, in the clock's seconds. */
    public static long seenSeconds(long result) {
        return result >>> SEEN_SHIFT;
    }

    /** The bridge domain index of {@code key}. */
    public static int bdIndex(long key) {
        return (int) (key >>> BD_SHIFT);
    }

    /** The MAC address of {@code key}. */
    public static long mac(long key) {
        return key & MAC_MASK;
    }

    /** The result for {@code key}, or {@link #MISS}. Any thread; allocates nothing. */
    public long lookup(long key) {
        int slot = slotOf(key);
        return slot < 0 ? MISS : (long) SLOTS.getAcquire(results, slot);
    }

    /** The slot of {@code key}, or -1. */
    private int slotOf(long key) {
        long[] k = keys;
        int i = hash(key) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            long found = (long) SLOTS.getAcquire(k, i);
            if (found == key) {
                return i;
            }
            if (found == EMPTY) {
                return -1;
            }
            i = i + 1 & mask;
        }
        return -1;
    }

    /**
     * Sets the result of {@code key}, adding the entry if it is new. Any thread.
     *
     * @return false if the entry is new and the table holds its limit already (nothing changed)
     */
    public boolean put(long key, long result) {
        int slot = slotOf(key);
        if (slot >= 0) {
            SLOTS.setRelease(results, slot, result);
            return true;
        }
        if (used.incrementAndGet() > limit) {
            used.decrementAndGet();
            return false;
        }
        int i = hash(key) & mask;
        while (true) {
            if ((long) SLOTS.getAcquire(keys, i) == EMPTY) {
                SLOTS.setRelease(results, i, result);
                if (SLOTS.compareAndSet(keys, i, EMPTY, key)) {
                    return true;
                }
            }
            i = i + 1 & mask;
        }
    }

    /**
     * Removes {@code key}'s entry. Main thread, workers stopped.
     *
     * @return whether there was one
     */
    public boolean remove(long key) {
        int slot = slotOf(key);
        if (slot < 0) {
            return false;
        }
        keys[slot] = DELETED;
        results[slot] = MISS;
        tombstones++;
        sweepIfNeeded();
        return true;
    }

    /** Removes every entry that {@code which} accepts; returns how many. Main thread, workers stopped. */
    public int removeIf(EntryFilter which) {
        int removed = 0;
        for (int i = 0; i <= mask; i++) {
            long key = keys[i];
            if (key != EMPTY && key != DELETED && which.test(key, results[i])) {
                keys[i] = DELETED;
                results[i] = MISS;
                tombstones++;
                removed++;
            }
        }
        sweepIfNeeded();
        return removed;
    }

    /** How many entries {@code which} accepts. Any thread: it reads as a lookup does. */
    public int count(EntryFilter which) {
        int found = 0;
        for (int i = 0; i <= mask; i++) {
            long key = (long) SLOTS.getAcquire(keys, i);
            if (key != EMPTY && key != DELETED && which.test(key, (long) SLOTS.getAcquire(results, i))) {
                found++;
            }
        }
        return found;
    }

    /** Tells whether an entry is to go. */
    @FunctionalInterface
    public interface EntryFilter {
        /** Whether the entry of {@code key} with {@code result} is to go. */
        boolean test(long key, long result);
    }

    /** An entry as the control plane lists it. */
    public record Entry(long key, long result) {
        /** The entry's bridge domain index. */
        public int bdIndex() {
            return L2Fib.bdIndex(key);
        }

        /** The entry's MAC address. */
        public long mac() {
            return L2Fib.mac(key);
        }

        @Override
        public String toString() {
            return MacAddress.format(mac()) + " bd_index " + bdIndex() + " -> sw_if_index " + swIfIndex(result)
                    + (isStatic(result) ? " static" : "");
        }
    }

    /** Every entry, by bridge domain index then MAC address. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i <= mask; i++) {
            long key = (long) SLOTS.getAcquire(keys, i);
            if (key != EMPTY && key != DELETED) {
                all.add(new Entry(key, (long) SLOTS.getAcquire(results, i)));
            }
        }
        all.sort((a, b) -> Long.compare(a.key(), b.key()));
        return all;
    }

    /** How many entries the table holds. */
    public int size() {
        return used.get();
    }

    /** The most entries the table holds (VPP's learn limit). */
    public int limit() {
        return limit;
    }

    /**
     * After deletions: the count set anew, and tombstones swept once they are a quarter of the
     * slots, so that live entries and tombstones never fill the table and a probe always ends.
     */
    private void sweepIfNeeded() {
        int live = 0;
        if (tombstones < (mask + 1) / 4) {
            recount();
            return;
        }
        long[] oldKeys = keys.clone();
        long[] oldResults = results.clone();
        java.util.Arrays.fill(keys, EMPTY);
        java.util.Arrays.fill(results, MISS);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != EMPTY && key != DELETED) {
                int j = hash(key) & mask;
                while (keys[j] != EMPTY) {
                    j = j + 1 & mask;
                }
                keys[j] = key;
                results[j] = oldResults[i];
                live++;
            }
        }
        tombstones = 0;
        used.set(live);
    }

    private void recount() {
        int live = 0;
        for (long key : keys) {
            if (key != EMPTY && key != DELETED) {
                live++;
            }
        }
        used.set(live);
    }

    /** A 64-bit mix (Stafford's variant 13) folded to an int: MAC addresses share their high bytes. */
    private static int hash(long key) {
        long h = (key ^ key >>> 30) * 0xbf58_476d_1ce4_e5b9L;
        h = (h ^ h >>> 27) * 0x94d0_49bb_1331_11ebL;
        h ^= h >>> 31;
        return (int) h;
    }
}
