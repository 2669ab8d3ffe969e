package io.vecta.sdk.infra.bihash;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The off-heap memory of one table: its bucket array and its page memory, with the page-set
 * free lists. Used by the table's single writer only; readers reach the memory through
 * {@link #chunks} and addresses taken from published bucket words.
 *
 * <h2>Page memory</h2>
 * Page sets are addressed by a byte address in one flat page space, bump-allocated and
 * aligned to 64-byte lines. The space is backed by chunks of {@link #CHUNK_BYTES} allocated
 * from a shared {@link Arena} the first time an address in them is handed out, so a large
 * memory limit costs nothing until it is used.
 *
 * <pre>
 *  page address: | chunk index (address &gt;&gt;&gt; CHUNK_SHIFT) | offset in chunk (address &amp; CHUNK_MASK) |
 *
 *  chunk 0                         chunk 1
 * +------+-------+-------+--....--+-------+-----------+--....
 * |line 0| set A | set B |  scrap | set C |  set D    |
 * +------+-------+-------+--....--+-------+-----------+--....
 *   never handed out: offset 0 in a bucket word means "empty"
 * </pre>
 * A page set never straddles two chunks: when the rest of a chunk is too small for a set,
 * the rest is skipped and counted as scrap.
 *
 * <h2>Free lists and delete spares</h2>
 * Retired page sets go to a free list per log2 page count (as VPP keeps them); the list link
 * lives in the set's first word. Deleting copies a bucket's page set, so a delete needs a
 * set of the same size. To keep deletes from ever failing for lack of memory, the first
 * allocation at each size also puts aside one <em>spare</em> set of that size that only
 * deletes may take; the set a delete retires becomes the new spare.
 *
 * <h2>Access</h2>
 * Every read and write goes through {@link #MEMORY}, one constant segment over the whole
 * address space, at absolute addresses ({@link #absolute}: the chunk's base address plus the
 * offset in the chunk). Measured against reading through each chunk's own segment, the
 * compiled lookup shrinks from about 2.7 KB to 1.2 KB of machine code, small enough for the
 * JIT to inline into a caller's loop, and runs about a third faster: the bounds and liveness
 * checks of a constant segment fold away. The price is FFM's guarantee on close: a lookup
 * racing {@link #close()} would read freed memory instead of failing. Tables are closed only
 * when no reader can run (in Vecta, behind the workers' barrier), which the shapes document.
 *
 * <h2>Memory limit</h2>
 * The limit covers the bucket array and the page space together (like VPP's arena size).
 * Chunks are sized so the allocated memory never exceeds it.
 */
@SuppressWarnings("restricted")
final class BihashArena implements AutoCloseable {

    /** The whole address space as one segment; see "Access" above. */
    static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final int CHUNK_SHIFT = 22;
    /** Page memory is allocated in chunks of this many bytes (4 MiB). */
    static final int CHUNK_BYTES = 1 << CHUNK_SHIFT;
    static final long CHUNK_MASK = CHUNK_BYTES - 1;

    private static final int LINE_BYTES = BihashBucket.LINE_BYTES;
    private static final long NO_SET = 0L;

    private final String label;
    private final Arena arena = Arena.ofShared();
    private final int pageBytes;
    private final long memoryLimit;
    private final long bucketBytes;
    private final long pageSpaceBytes;

    /** Chunk i backs page addresses [i &lt;&lt; CHUNK_SHIFT, (i + 1) &lt;&lt; CHUNK_SHIFT); null until used. */
    private final MemorySegment[] chunks;
    /**
     * Absolute address of each chunk, 0 until used. Written before any bucket word that
     * points into the chunk is published, so a reader that sees the word sees the base.
     */
    final long[] chunkBases;

    private final long[] freeHeads;
    private final int[] freeCounts;
    private final long[] spares;
    private long next = LINE_BYTES;
    private long scrapBytes;
    private int chunkCount;
    private int largestLog2Pages = -1;

    BihashArena(String label, int pageBytes, int maxLog2Pages, long memoryLimit, long bucketBytes) {
        this.label = label;
        this.pageBytes = pageBytes;
        this.memoryLimit = memoryLimit;
        this.bucketBytes = bucketBytes;
        this.pageSpaceBytes = memoryLimit - bucketBytes;
        this.chunks = new MemorySegment[(int) ((pageSpaceBytes + CHUNK_MASK) >>> CHUNK_SHIFT)];
        this.chunkBases = new long[chunks.length];
        this.freeHeads = new long[maxLog2Pages + 1];
        this.freeCounts = new int[maxLog2Pages + 1];
        this.spares = new long[maxLog2Pages + 1];
    }

    /** Bytes a set of {@code 1 << log2Pages} pages of {@code pageBytes} takes, whole lines. */
    static long setBytes(int pageBytes, int log2Pages) {
        long bytes = (long) pageBytes << log2Pages;
        return (bytes + LINE_BYTES - 1) & -LINE_BYTES;
    }

    /** The zero-filled bucket array (every bucket empty at version 0). */
    MemorySegment allocateBuckets() {
        return arena.allocate(bucketBytes, LINE_BYTES);
    }

    /**
     * A page set for an add: from the free list, else fresh memory. The first allocation of a
     * size also reserves that size's delete spare.
     *
     * @throws IllegalStateException when the memory limit is reached
     */
    long allocate(int log2Pages) {
        if (spares[log2Pages] == NO_SET) {
            spares[log2Pages] = fresh(log2Pages);
        }
        long set = freeHeads[log2Pages];
        if (set != NO_SET) {
            freeHeads[log2Pages] = getLong(set);
            freeCounts[log2Pages]--;
            return set;
        }
        return fresh(log2Pages);
    }

    /** A page set for a delete of a bucket of this size: from the free list, else the spare. */
    long allocateForDelete(int log2Pages) {
        long set = freeHeads[log2Pages];
        if (set != NO_SET) {
            freeHeads[log2Pages] = getLong(set);
            freeCounts[log2Pages]--;
            return set;
        }
        set = spares[log2Pages];
        spares[log2Pages] = NO_SET;
        return set;
    }

    /**
     * Takes back a page set. The release fence orders the bucket publish that retired the set
     * before every later write into it (this link and whatever the set is reused for), which is
     * what lets a reader still searching the old set see a changed bucket word.
     */
    void free(long set, int log2Pages) {
        java.lang.invoke.VarHandle.releaseFence();
        if (spares[log2Pages] == NO_SET) {
            spares[log2Pages] = set;
            return;
        }
        setLong(set, freeHeads[log2Pages]);
        freeHeads[log2Pages] = set;
        freeCounts[log2Pages]++;
    }

    private long fresh(int log2Pages) {
        long bytes = setBytes(pageBytes, log2Pages);
        long at = next;
        long room = CHUNK_BYTES - (at & CHUNK_MASK);
        long skipped = bytes > room ? room : 0;
        at += skipped;
        if (at + bytes > pageSpaceBytes) {
            throw new IllegalStateException(label + ": memory limit of " + memoryLimit + " bytes reached ("
                    + usedBytes() + " bytes in use, a set of " + (1 << log2Pages) + " pages needs " + bytes
                    + " more)");
        }
        int chunk = (int) (at >>> CHUNK_SHIFT);
        if (chunks[chunk] == null) {
            long chunkStart = (long) chunk << CHUNK_SHIFT;
            chunks[chunk] = arena.allocate(Math.min(CHUNK_BYTES, pageSpaceBytes - chunkStart), LINE_BYTES);
            chunkBases[chunk] = chunks[chunk].address();
            chunkCount++;
        }
        next = at + bytes;
        scrapBytes += skipped;
        largestLog2Pages = Math.max(largestLog2Pages, log2Pages);
        return at;
    }

    /** The absolute address of a page-space address. */
    long absolute(long address) {
        return chunkBases[(int) (address >>> CHUNK_SHIFT)] + (address & CHUNK_MASK);
    }

    long getLong(long address) {
        return MEMORY.get(ValueLayout.JAVA_LONG, absolute(address));
    }

    void setLong(long address, long value) {
        MEMORY.set(ValueLayout.JAVA_LONG, absolute(address), value);
    }

    /** Marks every slot of the set free: all bits set, as VPP does. */
    void clear(long set, int log2Pages) {
        long at = absolute(set);
        long end = at + ((long) pageBytes << log2Pages);
        for (; at < end; at += Long.BYTES) {
            MEMORY.set(ValueLayout.JAVA_LONG, at, BihashTable.FREE_WORD);
        }
    }

    void copy(long from, long to, long bytes) {
        MemorySegment.copy(MEMORY, absolute(from), MEMORY, absolute(to), bytes);
    }

    /** Bucket array plus page space handed out (including line 0 and scrap), as VPP's arena "used". */
    long usedBytes() {
        return bucketBytes + next;
    }

    long memoryLimit() {
        return memoryLimit;
    }

    long bucketBytes() {
        return bucketBytes;
    }

    long scrapBytes() {
        return scrapBytes;
    }

    int chunkCount() {
        return chunkCount;
    }

    /** Number of free lists in use: one per size allocated so far. */
    int freeListCount() {
        return largestLog2Pages + 1;
    }

    int freeSets(int log2Pages) {
        return freeCounts[log2Pages];
    }

    boolean hasSpare(int log2Pages) {
        return spares[log2Pages] != NO_SET;
    }

    @Override
    public void close() {
        arena.close();
    }
}
