package io.vecta.runtime.fib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * IPv4 longest-prefix match as FD.io VPP's 16-8-8 mtrie: a root ply of 65,536 leaves indexed by
 * the top 16 bits of the address, then plies of 256 leaves for the third and the fourth byte.
 * A lookup is at most three dependent loads and has no branch on the data.
 *
 * <p>Every ply, the root included, lives in one {@code int[]}, so that a reader holds one array
 * for a whole lookup. Ply {@code p} is the 256 ints from {@code p << 8}; the root takes the
 * numbers 0 to 255, so the first ply of the next levels is 256:
 *
 * <pre>
 *   leaves[]  0 ........................ 65535 | 65536 ..... 65791 | 65792 ...
 *             root: slot = address >>> 16       | ply 256           | ply 257 ...
 *                                                 slot = next byte
 *
 *   leaf (int)   31                                    1   0
 *               +---------------------------------------+---+
 *   terminal    |  load-balance index                    | 1 |
 *   ply         |  ply number (256 .. MAX_PLIES + 255)   | 0 |
 *               +---------------------------------------+---+
 * </pre>
 *
 * <p>A lookup computes the next load from every leaf whether it is terminal or not: for a
 * terminal leaf the ply mask is zero, so the load reads slot {@code byte} of the root (harmless
 * and cached) and the arithmetic select keeps the terminal leaf.
 *
 * <p>A second array of the same shape, {@code lengths}, keeps the length of the prefix that set
 * each leaf (for a slot holding a ply: the ply's base length, 16 or 24). Only updates read it:
 * an added prefix replaces the leaves set by shorter or equal prefixes; a deleted prefix gives
 * its leaves back to its cover, whose length and index the caller passes, as VPP's FIB does.
 * A ply counts its leaves set by prefixes longer than its base; when the count falls to zero
 * its leaves are all its parent's cover, and the slot above it takes that cover again.
 *
 * <h2>Readers and the updater</h2>
 * One thread updates (the main thread); any number of threads look up. The minimum contract,
 * VPP's: updates run while the workers wait at the barrier. Beyond it, as in VPP, a lookup that
 * runs during an update sees either the old or the new leaf of every slot and never a
 * half-built ply: each leaf is written with one release store, a new ply is complete before the
 * store that links it, a ply unlinked by a delete keeps its leaves (all equal to the cover) and
 * is only {@linkplain #reclaimRetiredPlies reused} once the owner knows that no reader is still
 * inside it (after a barrier), and growing the store copies everything into a new array that is
 * published whole before the update writes any leaf, so a reader on the old array sees the
 * table as it was.
 */
public final class Ip4Mtrie {

    /** Slots of the root ply: the top 16 bits of the address. */
    public static final int ROOT_SLOTS = 1 << 16;
    /** Slots of every other ply: one byte of the address. */
    public static final int PLY_SLOTS = 256;
    /** Plies a table can hold besides its root: the store is one Java array. */
    public static final int MAX_PLIES = (Integer.MAX_VALUE - 8) / PLY_SLOTS - ROOT_SLOTS / PLY_SLOTS;

    private static final int ROOT_WIDTH = 16;
    private static final int PLY_WIDTH = 8;
    private static final int FIRST_PLY = ROOT_SLOTS / PLY_SLOTS;
    /** An add creates at most two plies (one per level under the root). */
    private static final int PLIES_PER_ADD = 2;
    private static final VarHandle LEAF = MethodHandles.arrayElementVarHandle(int[].class);

    private final String name;
    /** The root and every ply; replaced whole when it grows. */
    private volatile int[] leaves;
    private byte[] lengths;
    /** Per ply number: leaves set by prefixes longer than the ply's base. */
    private int[] nonEmpty;
    private int nextUnused = FIRST_PLY;
    private int[] free = new int[16];
    private int freeCount;
    private int[] retired = new int[16];
    private int retiredCount;
    private int livePlies;

    /**
     * An mtrie named {@code name} (for messages) whose every address maps to
     * {@code defaultIndex} (the /0), with room for {@code initialPlies} plies before it grows.
     */
    public Ip4Mtrie(String name, int defaultIndex, int initialPlies) {
        this.name = name;
        checkIndex(defaultIndex);
        if (initialPlies < 0 || initialPlies > MAX_PLIES) {
            throw new IllegalArgumentException("mtrie '" + name + "': " + initialPlies + " initial plies (0 to "
                    + MAX_PLIES + ")");
        }
        int slots = (FIRST_PLY + initialPlies) * PLY_SLOTS;
        int[] store = new int[slots];
        Arrays.fill(store, 0, ROOT_SLOTS, terminal(defaultIndex));
        this.lengths = new byte[slots];
        this.nonEmpty = new int[FIRST_PLY + initialPlies];
        this.leaves = store;
    }

    /** The load-balance index of the longest prefix that holds {@code address}. */
    public int lookup(int address) {
        int[] store = leaves;
        int leaf = store[address >>> 16];
        int plyMask = (leaf & 1) - 1;
        leaf ^= (leaf ^ store[((leaf << 7) & plyMask) | ((address >>> 8) & 0xff)]) & plyMask;
        plyMask = (leaf & 1) - 1;
        leaf ^= (leaf ^ store[((leaf << 7) & plyMask) | (address & 0xff)]) & plyMask;
        return leaf >>> 1;
    }

    /**
     * Looks up {@code count} addresses: {@code indices[i]} = {@link #lookup}{@code (addresses[i])};
     * {@code indices} may be {@code addresses}. One pass per level over the whole vector, so that
     * the loads of one level are all independent and their cache misses overlap; one read of the
     * store for the whole vector. When every address ends at the first level (under prefixes of
     * 16 bits or less, as most do), the other two passes are skipped.
     */
    public void lookup(int[] addresses, int[] indices, int count) {
        int[] store = leaves;
        int[] leavesOf = indices;
        if (leavesOf == addresses) {
            // the leaves cannot overwrite the addresses the later passes still need
            for (int i = 0; i < count; i++) {
                leavesOf[i] = lookup(addresses[i]);
            }
            return;
        }
        int allTerminal = 1;
        for (int i = 0; i < count; i++) {
            int leaf = store[addresses[i] >>> 16];
            leavesOf[i] = leaf;
            allTerminal &= leaf;
        }
        if (allTerminal == 0) {
            // some address lies under a prefix longer than 16 bits: the next two levels
            for (int i = 0; i < count; i++) {
                int leaf = leavesOf[i];
                int plyMask = (leaf & 1) - 1;
                leavesOf[i] = leaf ^ ((leaf ^ store[((leaf << 7) & plyMask) | ((addresses[i] >>> 8) & 0xff)]) & plyMask);
            }
            for (int i = 0; i < count; i++) {
                int leaf = leavesOf[i];
                int plyMask = (leaf & 1) - 1;
                leavesOf[i] = leaf ^ ((leaf ^ store[((leaf << 7) & plyMask) | (addresses[i] & 0xff)]) & plyMask);
            }
        }
        for (int i = 0; i < count; i++) {
            leavesOf[i] >>>= 1;
        }
    }

    /**
     * Maps {@code address/length} to {@code index}; addresses under a longer prefix keep theirs.
     * Bits of {@code address} past {@code length} are ignored.
     */
    public void add(int address, int length, int index) {
        checkLength(length);
        checkIndex(index);
        ensureSpare(PLIES_PER_ADD);
        set(0, 0, ROOT_WIDTH, Ip4Prefix.mask(address, length), length, terminal(index));
    }

    /**
     * Gives the addresses that {@code address/length} (added with {@code index}) holds back to its
     * cover, the longest shorter prefix that holds it, of length {@code coverLength} and
     * {@code coverIndex}. The /0 has no cover: change its index with {@link #add}.
     */
    public void remove(int address, int length, int index, int coverLength, int coverIndex) {
        checkLength(length);
        checkIndex(index);
        checkIndex(coverIndex);
        if (length == 0) {
            throw new IllegalArgumentException("mtrie '" + name + "': the /0 has no cover to fall back to; add it "
                    + "again with another index");
        }
        if (coverLength < 0 || coverLength >= length) {
            throw new IllegalArgumentException("mtrie '" + name + "': cover /" + coverLength + " of a /" + length
                    + " must be shorter");
        }
        unset(0, 0, ROOT_WIDTH, Ip4Prefix.mask(address, length), length, terminal(index),
                terminal(coverIndex), coverLength);
    }

    /**
     * Makes the plies unlinked by deletes since the last call available again. Call it only when
     * no reader can still be inside them: with the workers stopped, or after every worker has
     * been through the barrier since those deletes.
     */
    public void reclaimRetiredPlies() {
        for (int i = 0; i < retiredCount; i++) {
            pushFree(retired[i]);
        }
        retiredCount = 0;
    }

    /** Plies in use (linked into the trie), the root not counted. */
    public int plies() {
        return livePlies;
    }

    /** Plies unlinked and waiting for {@link #reclaimRetiredPlies}. */
    public int retiredPlies() {
        return retiredCount;
    }

    /** Bytes of the root and of the plies in use, leaves and lengths (VPP counts the same). */
    public long bytesUsed() {
        return (long) (FIRST_PLY + livePlies) * PLY_SLOTS * (Integer.BYTES + Byte.BYTES)
                + (long) livePlies * Integer.BYTES;
    }

    /** Bytes held, in use or not: the capacity of the store. */
    public long bytesReserved() {
        return (long) leaves.length * Integer.BYTES + lengths.length + (long) nonEmpty.length * Integer.BYTES;
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    // ---- updates -------------------------------------------------------------------------

    /**
     * Sets {@code leaf} in the ply at {@code start} (base length {@code base}, {@code width} bits
     * per slot) for the prefix {@code address/length}.
     */
    private void set(int start, int base, int width, int address, int length, int leaf) {
        int first = slotOf(address, base, width);
        if (length > base + width) {
            int child = descend(start, base, first + start, base + width);
            set(child << 8, base + width, PLY_WIDTH, address, length, leaf);
            return;
        }
        int count = 1 << (Math.min(width, base + width - length));
        int[] store = leaves;
        for (int pos = start + first, end = pos + count; pos < end; pos++) {
            int old = store[pos];
            if ((old & 1) == 0) {
                // a ply under this slot: the prefix covers it whole, so it fills its less specific leaves
                set(old << 7, base + width, PLY_WIDTH, address, length, leaf);
            } else if (length >= lengths[pos]) {
                writeLeaf(store, start, base, pos, leaf, length);
            }
        }
    }

    /** The ply under slot {@code pos} of the ply at {@code start}, created from its leaf if needed. */
    private int descend(int start, int base, int pos, int childBase) {
        int[] store = leaves;
        int old = store[pos];
        if ((old & 1) == 0) {
            return old >>> 1;
        }
        int ply = takePly();
        int oldLength = lengths[pos];
        int from = ply << 8;
        Arrays.fill(store, from, from + PLY_SLOTS, old);
        Arrays.fill(lengths, from, from + PLY_SLOTS, (byte) oldLength);
        nonEmpty[ply] = oldLength > childBase ? PLY_SLOTS : 0;
        writeLeaf(store, start, base, pos, ply << 1, childBase);
        return ply;
    }

    /**
     * Gives the leaves of {@code address/length} in the ply at {@code start} back to the cover;
     * true when that ply was left with no leaf of its own and was retired.
     */
    private boolean unset(int start, int base, int width, int address, int length, int deleted, int cover,
            int coverLength) {
        int first = slotOf(address, base, width);
        int count = length > base + width ? 1 : 1 << Math.min(width, base + width - length);
        int[] store = leaves;
        for (int pos = start + first, end = pos + count; pos < end; pos++) {
            int old = store[pos];
            boolean giveBack;
            if ((old & 1) == 0) {
                giveBack = unset(old << 7, base + width, PLY_WIDTH, address, length, deleted, cover, coverLength);
            } else {
                giveBack = old == deleted && lengths[pos] == length;
            }
            if (giveBack) {
                writeLeaf(store, start, base, pos, cover, coverLength);
                if (start != 0 && nonEmpty[start >>> 8] == 0) {
                    retire(start >>> 8);
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes one leaf and its length, keeping the ply's count of its own leaves. */
    private void writeLeaf(int[] store, int start, int base, int pos, int leaf, int length) {
        if (start != 0) {
            int ply = start >>> 8;
            nonEmpty[ply] += (length > base ? 1 : 0) - (lengths[pos] > base ? 1 : 0);
        }
        lengths[pos] = (byte) length;
        LEAF.setRelease(store, pos, leaf);
    }

    private static int slotOf(int address, int base, int width) {
        return (address << base) >>> (32 - width);
    }

    // ---- ply store -----------------------------------------------------------------------

    private int takePly() {
        int ply = freeCount > 0 ? free[--freeCount] : nextUnused++;
        livePlies++;
        return ply;
    }

    private void retire(int ply) {
        livePlies--;
        if (retiredCount == retired.length) {
            retired = Arrays.copyOf(retired, retiredCount * 2);
        }
        retired[retiredCount++] = ply;
    }

    private void pushFree(int ply) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = ply;
    }

    /** Grows the store, before an update writes anything, so that it can take {@code plies} more. */
    private void ensureSpare(int plies) {
        int capacity = nonEmpty.length;
        if (freeCount + (capacity - nextUnused) >= plies) {
            return;
        }
        int maxNumber = FIRST_PLY + MAX_PLIES;
        if (nextUnused + plies - freeCount > maxNumber) {
            throw new IllegalStateException("mtrie '" + name + "': ply store is full (" + MAX_PLIES + " plies of "
                    + PLY_SLOTS + " leaves)");
        }
        int grown = (int) Math.min(maxNumber, Math.max(capacity + plies, capacity * 2L));
        int[] store = Arrays.copyOf(leaves, grown * PLY_SLOTS);
        lengths = Arrays.copyOf(lengths, grown * PLY_SLOTS);
        nonEmpty = Arrays.copyOf(nonEmpty, grown);
        leaves = store;
    }

    // ---- leaves --------------------------------------------------------------------------

    private static int terminal(int index) {
        return (index << 1) | 1;
    }

    private void checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("mtrie '" + name + "': load-balance index " + index
                    + " is negative (0 to " + Integer.MAX_VALUE + ")");
        }
    }

    private void checkLength(int length) {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("mtrie '" + name + "': prefix length " + length + " (0 to 32)");
        }
    }
}
