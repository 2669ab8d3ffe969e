package io.vecta.sdk.infra.bihash;

/**
 * The 64-bit bucket word: where a bucket's page set lives, how big it is, how to search it
 * and which version of it is published.
 *
 * <pre>
 *  63                        38 37      33  32  31                                  0
 * +----------------------------+----------+---+-------------------------------------+
 * |          version           |  log2    | L |        page-set offset              |
 * |         (26 bits)          |  pages   |   |   (32 bits, in 64-byte lines)       |
 * +----------------------------+----------+---+-------------------------------------+
 *   VERSION_SHIFT               LOG2_PAGES  LINEAR_SHIFT  OFFSET_SHIFT
 *                               _SHIFT
 * </pre>
 *
 * <ul>
 *   <li><b>offset</b>: the page set's address in the table's page memory, counted in 64-byte
 *       lines, so 2^32 lines address 256 GiB. Line 0 is never handed out: offset 0 means the
 *       bucket is empty.</li>
 *   <li><b>L</b> (linear): set when splitting could not separate the bucket's hashes; the
 *       whole page set is then searched slot by slot instead of one page.</li>
 *   <li><b>log2 pages</b>: the page set holds {@code 1 << log2Pages} pages.</li>
 *   <li><b>version</b>: bumped by every publish of this bucket, so a word once replaced never
 *       comes back (until the counter wraps after 2^26 publishes of the same bucket). This is
 *       what lets a reader detect that the page set it searched was retired and perhaps reused
 *       while it read; see {@link BihashTable}.</li>
 * </ul>
 *
 * <p>An all-zero word is an empty bucket at version 0, which is how a freshly zeroed bucket
 * array starts.
 */
final class BihashBucket {

    static final int OFFSET_SHIFT = 0;
    static final int OFFSET_BITS = 32;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    static final int LINEAR_SHIFT = 32;
    static final long LINEAR_BIT = 1L << LINEAR_SHIFT;

    static final int LOG2_PAGES_SHIFT = 33;
    static final int LOG2_PAGES_BITS = 5;
    static final long LOG2_PAGES_MASK = (1L << LOG2_PAGES_BITS) - 1;

    static final int VERSION_SHIFT = 38;
    static final int VERSION_BITS = 26;
    static final long VERSION_MASK = (1L << VERSION_BITS) - 1;

    /** Offsets count lines of this many bytes; page sets are aligned to them. */
    static final int LINE_SHIFT = 6;
    static final int LINE_BYTES = 1 << LINE_SHIFT;

    /** The largest page-memory size an offset can address. */
    static final long MAX_PAGE_MEMORY_BYTES = 1L << (OFFSET_BITS + LINE_SHIFT);

    private BihashBucket() {
    }

    static boolean isEmpty(long word) {
        return (word & OFFSET_MASK) == 0;
    }

    /** Byte address of the page set in the table's page memory. */
    static long address(long word) {
        return ((word >>> OFFSET_SHIFT) & OFFSET_MASK) << LINE_SHIFT;
    }

    static boolean isLinear(long word) {
        return (word & LINEAR_BIT) != 0;
    }

    static int log2Pages(long word) {
        return (int) ((word >>> LOG2_PAGES_SHIFT) & LOG2_PAGES_MASK);
    }

    static long version(long word) {
        return (word >>> VERSION_SHIFT) & VERSION_MASK;
    }

    /** The word that replaces {@code previous} with a page set at {@code address}. */
    static long successor(long previous, long address, int log2Pages, boolean linear) {
        long nextVersion = (version(previous) + 1) & VERSION_MASK;
        return (nextVersion << VERSION_SHIFT)
                | ((long) log2Pages << LOG2_PAGES_SHIFT)
                | (linear ? LINEAR_BIT : 0L)
                | ((address >>> LINE_SHIFT) << OFFSET_SHIFT);
    }

    /** The word that empties the bucket of {@code previous}. */
    static long emptied(long previous) {
        return ((version(previous) + 1) & VERSION_MASK) << VERSION_SHIFT;
    }
}
