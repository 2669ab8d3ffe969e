package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The engine behind every bihash shape: bucket array, page sets, the copy-on-write writer,
 * the lock-free search kernels, iteration and statistics. The public shapes
 * ({@link Bihash8_8}, {@link Bihash40_8}, ...) are thin final facades that pass their key
 * width as a constant to the kernels here.
 *
 * <h2>Layout</h2>
 * <pre>
 *  bucket words: 8 bytes each ({@link BihashBucket})    entry counts: 4 bytes each, right after
 * +--------+--------+--------+-- ... --+               +---------+---------+-- ... --+
 * | word 0 | word 1 | word 2 |         |               | count 0 | count 1 |         |
 * +--------+---+----+--------+-- ... --+               +---------+---------+-- ... --+
 *   bucket = hash &amp; (bucketCount - 1)                  kept and read by the writer only; VPP
 *              |                                         keeps it (refcnt) in the word, whose
 *              |                                         bits go to the version here
 *              |  offset, log2 pages = 1, linear = 0, version
 *              v
 *  page set: 1 &lt;&lt; log2Pages pages, 64-byte aligned, in page memory ({@link BihashArena})
 * +-------------------------------------------+-------------------------------------------+
 * | page 0                                    | page 1                                    |
 * | slot 0 | slot 1 | slot 2 | slot 3         | slot 0 | slot 1 | slot 2 | slot 3         |
 * +-------------------------------------------+-------------------------------------------+
 *   page = (hash &gt;&gt;&gt; log2(bucketCount)) &amp; ((1 &lt;&lt; log2Pages) - 1), unless linear
 *
 *  slot (KEY_WORDS + 1 longs, native byte order):
 * +-------------+-------------+-- ... --+---------------------+
 * | key word 0  | key word 1  |         | value               |
 * +-------------+-------------+-- ... --+---------------------+
 *   offset 0      offset 8               offset 8 * KEY_WORDS
 *   a slot whose key words are all {@link #FREE_WORD} (every bit set) is free
 * </pre>
 * {@link #KVP_PER_PAGE} slots per page, so a page is 64 bytes for 8_8 (one cache line),
 * 96 for 16_8, 128 for 24_8, 192 for 40_8 and 224 for 48_8. The key with every bit set is
 * reserved for free slots and cannot be stored.
 *
 * <h2>Writing: one writer, copy-on-write per bucket</h2>
 * A table has ONE writer at a time; callers serialize {@code add}/{@code delete} themselves
 * (one control thread, or a lock of their own). To add or delete, the writer never touches a
 * published page set's keys: it takes a page set from the free lists (or fresh memory),
 * copies the bucket into it with the change made, and publishes it with one release store of
 * the bucket word, which also bumps the bucket's version. The retired set goes back to a
 * free list after a release fence ({@link BihashArena#free}). Updating the value of a key
 * that is present is done in place with one release store: the value is one aligned 64-bit
 * word and the key beside it does not change, so a reader sees the old or the new value of
 * that key and nothing else.
 *
 * <p>When the bucket's page has no free slot the set is split as in VPP: the entries are
 * rehashed into twice the pages (the page bit pattern now takes one more hash bit), then
 * four times if that fails, and if the hashes still collide on the page bits the bucket
 * becomes a linear-search bucket of twice the pages whose every slot is searched. Growth
 * stops at {@code 1 << maxLog2Pages} pages per bucket: beyond that {@code add} throws
 * "page chain ... is full".
 *
 * <h2>Reading: lock-free, never blocking, never torn</h2>
 * A reader loads the bucket word with acquire, searches the page set it names, issues an
 * acquire (load-load) fence and loads the bucket word again. If the word is unchanged it
 * returns what it found; otherwise it starts over with the new word. Why this is enough:
 * <ol>
 *   <li>The acquire load of word W pairs with the writer's release store of W, so the reader
 *       sees the set as it was built before W was published.</li>
 *   <li>The writer writes into a page set only while it is unpublished: freshly allocated,
 *       or retired by the publish of a newer word (values of present keys are the one
 *       exception, and they are single atomic words). Between the publish that retires a set
 *       and the first write into it stands a release fence.</li>
 *   <li>So if any load of the search saw such a write, the reader's acquire fence after its
 *       loads makes the retiring publish visible to the second load of the bucket word (the
 *       fence-to-fence pairing of a seqlock), which then differs from W because every publish
 *       bumps the version. The reader retries; it never returns what it read from a reused
 *       set.</li>
 *   <li>If no load saw such a write, the reader saw exactly the set published as W, and its
 *       answer was true at the moment it loaded W.</li>
 * </ol>
 * The reader never waits for the writer and needs no epoch or reclamation scheme: memory is
 * only returned to the operating system by {@link #close()}, and a reader only ever follows
 * addresses taken from bucket words, never from page contents, so reading a reused set can
 * produce a wrong key or value but never a wild access. A retry only happens when a publish
 * hit the reader's bucket during its search. The version field is 26 bits: a reader could be
 * fooled only if it stalled while exactly a multiple of 2^26 publishes hit its bucket and the
 * last one reused the same page set.
 *
 * <p>{@link #close()} frees the memory at once. Readers must be stopped first (in Vecta, the
 * workers wait at the barrier): a lookup that races the close reads freed memory, which can
 * crash the JVM, because page memory is read through one whole-address-space segment for
 * speed ({@link BihashArena}). A lookup that starts after the close fails with an
 * {@link IllegalStateException} naming the table.
 */
final class BihashTable {

    /** Key/value pairs per page, as VPP's BIHASH_KVP_PER_PAGE. */
    static final int KVP_PER_PAGE = 4;
    /** Key words of a free slot: every bit set. */
    static final long FREE_WORD = -1L;
    /** Default bound on a bucket's page set: 256 pages, 1024 entries. */
    static final int DEFAULT_MAX_LOG2_PAGES = 8;
    static final int MAX_BUCKET_COUNT = 1 << 30;

    private static final int CHUNK_SHIFT = BihashArena.CHUNK_SHIFT;
    private static final long CHUNK_MASK = BihashArena.CHUNK_MASK;
    private static final MemorySegment MEMORY = BihashArena.MEMORY;
    private static final int PAGE_BYTES_8_8 = 2 * Long.BYTES * KVP_PER_PAGE;
    /** Memory per bucket: its word, and its entry count (an int) in a second array. */
    private static final int BUCKET_BYTES = Long.BYTES + Integer.BYTES;
    private static final ValueLayout.OfInt COUNT = ValueLayout.JAVA_INT;
    private static final long NO_SLOT = -1L;
    private static final long TOUCH_SENTINEL = 0x5DEECE66DL;

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    /**
     * Key words are read without the alignment check of {@link #WORD}: slots are aligned
     * anyway, a reader's torn read is caught by validation, and keys read from packet memory
     * may sit at any offset.
     */
    private static final ValueLayout.OfLong KEY_WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    /** Acquire/release access to bucket words and in-place values: (MEMORY, absolute address). */
    private static final VarHandle LONG_ACCESS = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(BihashTable.class, "size", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String name;
    final String type;
    final int keyWords;
    final int kvBytes;
    final int pageBytes;
    final int bucketCount;
    final int log2Buckets;
    final long bucketMask;
    final int maxLog2Pages;
    private final String label;
    private final BihashArena arena;
    /** Absolute address of the bucket array. */
    private final long bucketBase;
    /** Absolute address of the writer's entry count per bucket, just after the bucket words. */
    private final long countBase;
    /** Absolute address of each page-memory chunk ({@link BihashArena#chunkBases}). */
    private final long[] chunkBases;
    /** The writer's copy of a one-word key, so 8_8 adds and deletes share the generic writer. */
    private final long[] writerKey;
    @SuppressWarnings("unused") // accessed through SIZE
    private long size;
    private boolean closed;

    BihashTable(String name, int keyWords, int bucketCount, long memoryLimit, int maxLog2Pages) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = "bihash_" + (keyWords * Long.BYTES) + "_8";
        this.label = type + " '" + name + "'";
        this.keyWords = keyWords;
        this.kvBytes = (keyWords + 1) * Long.BYTES;
        this.pageBytes = kvBytes * KVP_PER_PAGE;
        if (bucketCount <= 0 || bucketCount > MAX_BUCKET_COUNT || Integer.bitCount(bucketCount) != 1) {
            throw new IllegalArgumentException(label + ": bucket count " + bucketCount
                    + " is not a power of two between 1 and " + MAX_BUCKET_COUNT);
        }
        int largestLog2Pages = largestLog2Pages(pageBytes);
        if (maxLog2Pages < 0 || maxLog2Pages > largestLog2Pages) {
            throw new IllegalArgumentException(label + ": max log2 pages " + maxLog2Pages + " is outside 0.."
                    + largestLog2Pages + " (a bucket's page set must fit in a " + BihashArena.CHUNK_BYTES
                    + "-byte chunk)");
        }
        long bucketBytes = (long) bucketCount * BUCKET_BYTES;
        long smallest = bucketBytes + BihashBucket.LINE_BYTES + 2 * BihashArena.setBytes(pageBytes, 0);
        if (memoryLimit < smallest) {
            throw new IllegalArgumentException(label + ": memory limit of " + memoryLimit + " bytes cannot hold "
                    + bucketCount + " buckets (" + bucketBytes + " bytes) and a first page set (needs " + smallest
                    + " bytes)");
        }
        if (memoryLimit - bucketBytes > BihashBucket.MAX_PAGE_MEMORY_BYTES) {
            throw new IllegalArgumentException(label + ": memory limit of " + memoryLimit
                    + " bytes leaves more page memory than the " + BihashBucket.MAX_PAGE_MEMORY_BYTES
                    + " bytes a bucket word can address");
        }
        this.bucketCount = bucketCount;
        this.log2Buckets = Integer.numberOfTrailingZeros(bucketCount);
        this.bucketMask = bucketCount - 1L;
        this.maxLog2Pages = maxLog2Pages;
        this.arena = new BihashArena(label, pageBytes, maxLog2Pages, memoryLimit, bucketBytes);
        this.bucketBase = arena.allocateBuckets().address();
        this.countBase = bucketBase + (long) bucketCount * Long.BYTES;
        this.chunkBases = arena.chunkBases;
        this.writerKey = new long[keyWords];
    }

    /** The largest log2 page count whose page set fits in one chunk (and in the bucket word). */
    static int largestLog2Pages(int pageBytes) {
        int log2 = 0;
        while (log2 < BihashBucket.LOG2_PAGES_MASK
                && BihashArena.setBytes(pageBytes, log2 + 1) <= BihashArena.CHUNK_BYTES) {
            log2++;
        }
        return log2;
    }

    // ------------------------------------------------------------------ readers

    /**
     * Searches a one-word key. Returns, if {@code presence}, 1 for found and 0 for absent;
     * otherwise the value, or {@code missingValue}. Kept small so the JIT inlines it into the
     * caller's loop: a retry, rare, is a separate method.
     */
    long search8(long hash, long key, long missingValue, boolean presence) {
        ensureOpen();
        long bucket = bucketAddress(hash);
        long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
        long result = attempt8(word, hash, key, missingValue, presence);
        VarHandle.acquireFence();
        if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
            return result;
        }
        return retry8(hash, key, missingValue, presence);
    }

    private long retry8(long hash, long key, long missingValue, boolean presence) {
        long bucket = bucketAddress(hash);
        while (true) {
            ensureOpen();
            long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
            long result = attempt8(word, hash, key, missingValue, presence);
            VarHandle.acquireFence();
            if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
                return result;
            }
        }
    }

    /** One search of the page set named by {@code word}; the caller validates it. */
    private long attempt8(long word, long hash, long key, long missingValue, boolean presence) {
        if (BihashBucket.isEmpty(word) || key == FREE_WORD) {
            return presence ? 0 : missingValue;
        }
        long slot = findSlot8(word, hash, key);
        if (slot == NO_SLOT) {
            return presence ? 0 : missingValue;
        }
        return presence ? 1 : valueAt(slot, 1);
    }

    /** Searches a key of {@code keyWords} words from {@code key[keyOffset..]}; results as {@link #search8}. */
    long search(long hash, long[] key, int keyOffset, int keyWords, long missingValue, boolean presence) {
        ensureOpen();
        checkKey(key, keyOffset, keyWords);
        long bucket = bucketAddress(hash);
        long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
        long result = attempt(word, hash, key, keyOffset, keyWords, missingValue, presence);
        VarHandle.acquireFence();
        if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
            return result;
        }
        return retry(hash, key, keyOffset, keyWords, missingValue, presence);
    }

    private long retry(long hash, long[] key, int keyOffset, int keyWords, long missingValue, boolean presence) {
        long bucket = bucketAddress(hash);
        while (true) {
            ensureOpen();
            long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
            long result = attempt(word, hash, key, keyOffset, keyWords, missingValue, presence);
            VarHandle.acquireFence();
            if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
                return result;
            }
        }
    }

    private long attempt(long word, long hash, long[] key, int keyOffset, int keyWords, long missingValue,
            boolean presence) {
        if (BihashBucket.isEmpty(word)
                || (key[keyOffset] == FREE_WORD && isReservedKey(key, keyOffset, keyWords))) {
            return presence ? 0 : missingValue;
        }
        long slot = findSlot(word, hash, key, keyOffset, keyWords);
        if (slot == NO_SLOT) {
            return presence ? 0 : missingValue;
        }
        return presence ? 1 : valueAt(slot, keyWords);
    }

    /** Searches a key read from {@code key} at {@code keyOffset}; results as {@link #search8}. */
    long search(long hash, MemorySegment key, long keyOffset, int keyWords, long missingValue, boolean presence) {
        ensureOpen();
        checkKey(key, keyOffset, keyWords);
        long bucket = bucketAddress(hash);
        long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
        long result = attempt(word, hash, key, keyOffset, keyWords, missingValue, presence);
        VarHandle.acquireFence();
        if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
            return result;
        }
        return retry(hash, key, keyOffset, keyWords, missingValue, presence);
    }

    private long retry(long hash, MemorySegment key, long keyOffset, int keyWords, long missingValue,
            boolean presence) {
        long bucket = bucketAddress(hash);
        while (true) {
            ensureOpen();
            long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucket);
            long result = attempt(word, hash, key, keyOffset, keyWords, missingValue, presence);
            VarHandle.acquireFence();
            if ((long) LONG_ACCESS.getAcquire(MEMORY, bucket) == word) {
                return result;
            }
        }
    }

    private long attempt(long word, long hash, MemorySegment key, long keyOffset, int keyWords, long missingValue,
            boolean presence) {
        if (BihashBucket.isEmpty(word)
                || (key.get(KEY_WORD, keyOffset) == FREE_WORD && isReservedKey(key, keyOffset, keyWords))) {
            return presence ? 0 : missingValue;
        }
        long slot = findSlot(word, hash, key, keyOffset, keyWords);
        if (slot == NO_SLOT) {
            return presence ? 0 : missingValue;
        }
        return presence ? 1 : valueAt(slot, keyWords);
    }

    /**
     * Looks up {@code count} one-word keys whose hashes are given. All bucket words are loaded
     * first, then every page is touched, then each key is searched and validated, so the cache
     * misses of different keys overlap instead of queueing behind each other.
     */
    int getAll8(long[] keys, long[] hashes, int count, long[] values, long missingValue) {
        ensureOpen();
        checkBatch(keys.length, 1, hashes, count, values);
        loadBucketWords(hashes, count, values);
        touchPages(hashes, values, count, PAGE_BYTES_8_8);
        int hits = 0;
        for (int i = 0; i < count; i++) {
            long hash = hashes[i];
            long key = keys[i];
            long word = values[i];
            while (true) {
                long slot = BihashBucket.isEmpty(word) || key == FREE_WORD ? NO_SLOT : findSlot8(word, hash, key);
                long value = slot == NO_SLOT ? missingValue : valueAt(slot, 1);
                VarHandle.acquireFence();
                long again = (long) LONG_ACCESS.getAcquire(MEMORY, bucketAddress(hash));
                if (again == word) {
                    values[i] = value;
                    hits += slot == NO_SLOT ? 0 : 1;
                    break;
                }
                ensureOpen();
                word = again;
            }
        }
        return hits;
    }

    /** As {@link #getAll8} for keys of {@code keyWords} words, key i at {@code keys[i * keyWords]}. */
    int getAll(long[] keys, long[] hashes, int count, int keyWords, long[] values, long missingValue) {
        ensureOpen();
        checkBatch(keys.length, keyWords, hashes, count, values);
        loadBucketWords(hashes, count, values);
        touchPages(hashes, values, count, (keyWords + 1) * Long.BYTES * KVP_PER_PAGE);
        int hits = 0;
        for (int i = 0; i < count; i++) {
            long hash = hashes[i];
            int keyOffset = i * keyWords;
            long word = values[i];
            boolean reserved = keys[keyOffset] == FREE_WORD && isReservedKey(keys, keyOffset, keyWords);
            while (true) {
                long slot = BihashBucket.isEmpty(word) || reserved
                        ? NO_SLOT
                        : findSlot(word, hash, keys, keyOffset, keyWords);
                long value = slot == NO_SLOT ? missingValue : valueAt(slot, keyWords);
                VarHandle.acquireFence();
                long again = (long) LONG_ACCESS.getAcquire(MEMORY, bucketAddress(hash));
                if (again == word) {
                    values[i] = value;
                    hits += slot == NO_SLOT ? 0 : 1;
                    break;
                }
                ensureOpen();
                word = again;
            }
        }
        return hits;
    }

    private long bucketAddress(long hash) {
        return bucketBase + ((hash & bucketMask) << 3);
    }

    private void loadBucketWords(long[] hashes, int count, long[] words) {
        for (int i = 0; i < count; i++) {
            words[i] = (long) LONG_ACCESS.getAcquire(MEMORY, bucketAddress(hashes[i]));
        }
    }

    /**
     * Loads every cache line of each key's page so the misses overlap; Java has no prefetch
     * instruction. The branch on the sum keeps the loads from being optimised away.
     */
    private void touchPages(long[] hashes, long[] words, int count, int pageBytes) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            long word = words[i];
            if (BihashBucket.isEmpty(word)) {
                continue;
            }
            long page = pageAddress(word, hashes[i], pageBytes);
            for (int line = 0; line < pageBytes; line += BihashBucket.LINE_BYTES) {
                sum += MEMORY.get(KEY_WORD, page + line);
            }
        }
        if (sum == TOUCH_SENTINEL) {
            Thread.onSpinWait();
        }
    }

    /** Absolute address of the page the hash selects, or of the whole set for a linear bucket. */
    private long pageAddress(long word, long hash, int pageBytes) {
        long set = BihashBucket.address(word);
        long absolute = chunkBases[(int) (set >>> CHUNK_SHIFT)] + (set & CHUNK_MASK);
        if (BihashBucket.isLinear(word)) {
            return absolute;
        }
        long pageMask = (1L << BihashBucket.log2Pages(word)) - 1;
        return absolute + ((hash >>> log2Buckets) & pageMask) * pageBytes;
    }

    /** Absolute address of the slot holding {@code key}, or {@link #NO_SLOT}. */
    private long findSlot8(long word, long hash, long key) {
        if (BihashBucket.isLinear(word)) {
            return findSlotLinear8(word, key);
        }
        long page = pageAddress(word, hash, PAGE_BYTES_8_8);
        int matches = pageMatches8(page, key);
        return matches == 0 ? NO_SLOT : page + ((long) Integer.numberOfTrailingZeros(matches) << 4);
    }

    private long findSlotLinear8(long word, long key) {
        long page = pageAddress(word, 0, PAGE_BYTES_8_8);
        int pages = 1 << BihashBucket.log2Pages(word);
        for (int p = 0; p < pages; p++, page += PAGE_BYTES_8_8) {
            int matches = pageMatches8(page, key);
            if (matches != 0) {
                return page + ((long) Integer.numberOfTrailingZeros(matches) << 4);
            }
        }
        return NO_SLOT;
    }

    /**
     * Bit i set when slot i of the page holds {@code key}; at most one bit, since keys are
     * unique. All four slots are compared without branches: where a key sits is random, so a
     * compare-and-exit loop would mispredict on most lookups.
     */
    private static int pageMatches8(long page, long key) {
        return equal(MEMORY.get(KEY_WORD, page) ^ key)
                | equal(MEMORY.get(KEY_WORD, page + 16) ^ key) << 1
                | equal(MEMORY.get(KEY_WORD, page + 32) ^ key) << 2
                | equal(MEMORY.get(KEY_WORD, page + 48) ^ key) << 3;
    }

    /** Absolute address of the slot holding the multi-word key, or {@link #NO_SLOT}. */
    private long findSlot(long word, long hash, long[] key, int keyOffset, int keyWords) {
        int pageBytes = (keyWords + 1) * Long.BYTES * KVP_PER_PAGE;
        if (BihashBucket.isLinear(word)) {
            return findSlotLinear(word, key, keyOffset, keyWords);
        }
        return findInPage(pageAddress(word, hash, pageBytes), key, keyOffset, keyWords);
    }

    private long findSlotLinear(long word, long[] key, int keyOffset, int keyWords) {
        int pageBytes = (keyWords + 1) * Long.BYTES * KVP_PER_PAGE;
        long page = pageAddress(word, 0, pageBytes);
        int pages = 1 << BihashBucket.log2Pages(word);
        for (int p = 0; p < pages; p++, page += pageBytes) {
            long slot = findInPage(page, key, keyOffset, keyWords);
            if (slot != NO_SLOT) {
                return slot;
            }
        }
        return NO_SLOT;
    }

    /**
     * The first key word of the page's four slots is compared without branches, and only
     * candidate slots (in practice the hit, if any) are compared in full, which keeps the
     * compiled lookup small enough to inline at every width.
     */
    private static long findInPage(long page, long[] key, int keyOffset, int keyWords) {
        int slotBytes = (keyWords + 1) * Long.BYTES;
        long first = key[keyOffset];
        int candidates = equal(MEMORY.get(KEY_WORD, page) ^ first)
                | equal(MEMORY.get(KEY_WORD, page + slotBytes) ^ first) << 1
                | equal(MEMORY.get(KEY_WORD, page + 2L * slotBytes) ^ first) << 2
                | equal(MEMORY.get(KEY_WORD, page + 3L * slotBytes) ^ first) << 3;
        while (candidates != 0) {
            long slot = page + (long) Integer.numberOfTrailingZeros(candidates) * slotBytes;
            candidates &= candidates - 1;
            long difference = 0;
            for (int w = 1; w < keyWords; w++) {
                difference |= MEMORY.get(KEY_WORD, slot + ((long) w << 3)) ^ key[keyOffset + w];
            }
            if (difference == 0) {
                return slot;
            }
        }
        return NO_SLOT;
    }

    private long findSlot(long word, long hash, MemorySegment key, long keyOffset, int keyWords) {
        int pageBytes = (keyWords + 1) * Long.BYTES * KVP_PER_PAGE;
        if (BihashBucket.isLinear(word)) {
            return findSlotLinear(word, key, keyOffset, keyWords);
        }
        return findInPage(pageAddress(word, hash, pageBytes), key, keyOffset, keyWords);
    }

    private long findSlotLinear(long word, MemorySegment key, long keyOffset, int keyWords) {
        int pageBytes = (keyWords + 1) * Long.BYTES * KVP_PER_PAGE;
        long page = pageAddress(word, 0, pageBytes);
        int pages = 1 << BihashBucket.log2Pages(word);
        for (int p = 0; p < pages; p++, page += pageBytes) {
            long slot = findInPage(page, key, keyOffset, keyWords);
            if (slot != NO_SLOT) {
                return slot;
            }
        }
        return NO_SLOT;
    }

    private static long findInPage(long page, MemorySegment key, long keyOffset, int keyWords) {
        int slotBytes = (keyWords + 1) * Long.BYTES;
        long first = key.get(KEY_WORD, keyOffset);
        int candidates = equal(MEMORY.get(KEY_WORD, page) ^ first)
                | equal(MEMORY.get(KEY_WORD, page + slotBytes) ^ first) << 1
                | equal(MEMORY.get(KEY_WORD, page + 2L * slotBytes) ^ first) << 2
                | equal(MEMORY.get(KEY_WORD, page + 3L * slotBytes) ^ first) << 3;
        while (candidates != 0) {
            long slot = page + (long) Integer.numberOfTrailingZeros(candidates) * slotBytes;
            candidates &= candidates - 1;
            long difference = 0;
            for (int w = 1; w < keyWords; w++) {
                long keyWordOffset = (long) w << 3;
                difference |= MEMORY.get(KEY_WORD, slot + keyWordOffset) ^ key.get(KEY_WORD, keyOffset + keyWordOffset);
            }
            if (difference == 0) {
                return slot;
            }
        }
        return NO_SLOT;
    }

    /** 1 when {@code difference} is zero, else 0, without a branch. */
    private static int equal(long difference) {
        return (int) (((difference | -difference) >>> 63) ^ 1);
    }

    /** The value beside a slot's key: one aligned word, so never torn by an in-place update. */
    private static long valueAt(long slot, int keyWords) {
        return MEMORY.get(WORD, slot + ((long) keyWords << 3));
    }

    // ------------------------------------------------------------------ writer
    // The writer works in page-space addresses (what bucket words and free lists hold) and
    // reaches memory through arena.absolute(...).

    /** Adds a one-word key, or updates its value. Returns true when the key was new. */
    boolean add8(long hash, long key, long value) {
        writerKey[0] = key;
        return add(hash, writerKey, 0, value);
    }

    /** Deletes a one-word key. Returns true when it was present. */
    boolean delete8(long hash, long key) {
        writerKey[0] = key;
        return delete(hash, writerKey, 0);
    }

    /**
     * Adds a key or updates its value. Returns true when the key was new.
     *
     * @throws IllegalStateException when the bucket's page chain is full or memory runs out;
     *     the table is unchanged then
     */
    boolean add(long hash, long[] key, int keyOffset, long value) {
        ensureOpen();
        checkKey(key, keyOffset, keyWords);
        if (isReservedKey(key, keyOffset, keyWords)) {
            throw new IllegalArgumentException(label + ": the key with every bit set marks free slots and cannot"
                    + " be stored");
        }
        int bucket = (int) (hash & bucketMask);
        long bucketWord = bucketAddress(hash);
        long word = MEMORY.get(WORD, bucketWord);
        if (BihashBucket.isEmpty(word)) {
            long set = arena.allocate(0);
            arena.clear(set, 0);
            writeEntry(set, key, keyOffset, value);
            LONG_ACCESS.setRelease(MEMORY, bucketWord, BihashBucket.successor(word, set, 0, false));
            countEntry(bucket, 1);
            return true;
        }
        long set = BihashBucket.address(word);
        int log2Pages = BihashBucket.log2Pages(word);
        boolean linear = BihashBucket.isLinear(word);
        long page = linear ? set : set + ((hash >>> log2Buckets) & ((1L << log2Pages) - 1)) * pageBytes;
        int slots = linear ? KVP_PER_PAGE << log2Pages : KVP_PER_PAGE;
        long freeSlot = NO_SLOT;
        for (int s = 0; s < slots; s++) {
            long slot = page + (long) s * kvBytes;
            if (holdsKey(slot, key, keyOffset)) {
                LONG_ACCESS.setRelease(MEMORY, arena.absolute(slot) + ((long) keyWords << 3), value);
                return false;
            }
            if (freeSlot == NO_SLOT && isFree(slot)) {
                freeSlot = slot;
            }
        }
        if (freeSlot != NO_SLOT) {
            long copy = arena.allocate(log2Pages);
            arena.copy(set, copy, (long) pageBytes << log2Pages);
            writeEntry(copy + (freeSlot - set), key, keyOffset, value);
            replace(bucketWord, word, copy, log2Pages, linear);
            countEntry(bucket, 1);
            return true;
        }
        grow(bucket, word, hash, key, keyOffset, value);
        countEntry(bucket, 1);
        return true;
    }

    /**
     * Makes room for a key whose page (or, for a linear bucket, whose whole set) is full: split
     * into 2x then 4x the pages, else fall back to a linear-search set of 2x the pages.
     */
    private void grow(int bucket, long word, long hash, long[] key, int keyOffset, long value) {
        long bucketWord = bucketAddress(hash);
        long set = BihashBucket.address(word);
        int log2Pages = BihashBucket.log2Pages(word);
        long pageHash = hash >>> log2Buckets;
        if (!BihashBucket.isLinear(word)) {
            int deepest = Math.min(log2Pages + 2, maxLog2Pages);
            for (int newLog2Pages = log2Pages + 1; newLog2Pages <= deepest; newLog2Pages++) {
                long split = splitAndRehash(set, log2Pages, newLog2Pages);
                if (split == NO_SLOT) {
                    continue;
                }
                long page = split + (pageHash & ((1L << newLog2Pages) - 1)) * pageBytes;
                long slot = freeSlotIn(page, KVP_PER_PAGE);
                if (slot != NO_SLOT) {
                    writeEntry(slot, key, keyOffset, value);
                    replace(bucketWord, word, split, newLog2Pages, false);
                    return;
                }
                arena.free(split, newLog2Pages);
            }
        }
        int linearLog2Pages = Math.min(log2Pages + 1, maxLog2Pages);
        int entries = MEMORY.get(COUNT, countAddress(bucket));
        if (entries >= KVP_PER_PAGE << linearLog2Pages) {
            throw new IllegalStateException(label + ": page chain of bucket " + bucket + " is full ("
                    + (1 << linearLog2Pages) + " pages of " + KVP_PER_PAGE + " entries, at most "
                    + (1 << maxLog2Pages) + " pages per bucket)");
        }
        long packed = arena.allocate(linearLog2Pages);
        arena.clear(packed, linearLog2Pages);
        long end = packed;
        long slots = (long) KVP_PER_PAGE << log2Pages;
        for (long s = 0; s < slots; s++) {
            long slot = set + s * kvBytes;
            if (!isFree(slot)) {
                arena.copy(slot, end, kvBytes);
                end += kvBytes;
            }
        }
        writeEntry(end, key, keyOffset, value);
        replace(bucketWord, word, packed, linearLog2Pages, true);
    }

    /**
     * Rehashes the entries of a set into a new set of {@code 1 << newLog2Pages} pages, each
     * entry onto the page its hash now selects. Returns the new set, or {@link #NO_SLOT} (the
     * new set freed again) when some page overflows.
     */
    private long splitAndRehash(long set, int log2Pages, int newLog2Pages) {
        long split = arena.allocate(newLog2Pages);
        arena.clear(split, newLog2Pages);
        long pageMask = (1L << newLog2Pages) - 1;
        long slots = (long) KVP_PER_PAGE << log2Pages;
        for (long s = 0; s < slots; s++) {
            long slot = set + s * kvBytes;
            if (isFree(slot)) {
                continue;
            }
            long entryHash = BihashHash.hashStored(MEMORY, arena.absolute(slot), keyWords);
            long page = split + ((entryHash >>> log2Buckets) & pageMask) * pageBytes;
            long target = freeSlotIn(page, KVP_PER_PAGE);
            if (target == NO_SLOT) {
                arena.free(split, newLog2Pages);
                return NO_SLOT;
            }
            arena.copy(slot, target, kvBytes);
        }
        return split;
    }

    /**
     * Deletes a key. Returns true when it was present. Never fails for lack of memory: a
     * delete takes its copy from the free list or the size's spare ({@link BihashArena}).
     */
    boolean delete(long hash, long[] key, int keyOffset) {
        ensureOpen();
        checkKey(key, keyOffset, keyWords);
        if (isReservedKey(key, keyOffset, keyWords)) {
            return false;
        }
        int bucket = (int) (hash & bucketMask);
        long bucketWord = bucketAddress(hash);
        long word = MEMORY.get(WORD, bucketWord);
        if (BihashBucket.isEmpty(word)) {
            return false;
        }
        long set = BihashBucket.address(word);
        int log2Pages = BihashBucket.log2Pages(word);
        boolean linear = BihashBucket.isLinear(word);
        long page = linear ? set : set + ((hash >>> log2Buckets) & ((1L << log2Pages) - 1)) * pageBytes;
        int slots = linear ? KVP_PER_PAGE << log2Pages : KVP_PER_PAGE;
        long found = NO_SLOT;
        for (int s = 0; s < slots && found == NO_SLOT; s++) {
            long slot = page + (long) s * kvBytes;
            if (holdsKey(slot, key, keyOffset)) {
                found = slot;
            }
        }
        if (found == NO_SLOT) {
            return false;
        }
        if (MEMORY.get(COUNT, countAddress(bucket)) == 1) {
            LONG_ACCESS.setRelease(MEMORY, bucketWord, BihashBucket.emptied(word));
            arena.free(set, log2Pages);
        } else {
            long copy = arena.allocateForDelete(log2Pages);
            arena.copy(set, copy, (long) pageBytes << log2Pages);
            clearEntry(copy + (found - set));
            replace(bucketWord, word, copy, log2Pages, linear);
        }
        countEntry(bucket, -1);
        return true;
    }

    /** Publishes a new page set for a bucket and retires the old one. */
    private void replace(long bucketWord, long word, long set, int log2Pages, boolean linear) {
        LONG_ACCESS.setRelease(MEMORY, bucketWord, BihashBucket.successor(word, set, log2Pages, linear));
        arena.free(BihashBucket.address(word), BihashBucket.log2Pages(word));
    }

    private void countEntry(int bucket, int delta) {
        long count = countAddress(bucket);
        MEMORY.set(COUNT, count, MEMORY.get(COUNT, count) + delta);
        SIZE.setRelease(this, (long) SIZE.get(this) + delta);
    }

    private long countAddress(int bucket) {
        return countBase + ((long) bucket << 2);
    }

    private boolean holdsKey(long slot, long[] key, int keyOffset) {
        long at = arena.absolute(slot);
        for (int w = 0; w < keyWords; w++) {
            if (MEMORY.get(WORD, at + ((long) w << 3)) != key[keyOffset + w]) {
                return false;
            }
        }
        return true;
    }

    private boolean isFree(long slot) {
        long at = arena.absolute(slot);
        for (int w = 0; w < keyWords; w++) {
            if (MEMORY.get(WORD, at + ((long) w << 3)) != FREE_WORD) {
                return false;
            }
        }
        return true;
    }

    private long freeSlotIn(long page, int slots) {
        for (int s = 0; s < slots; s++) {
            long slot = page + (long) s * kvBytes;
            if (isFree(slot)) {
                return slot;
            }
        }
        return NO_SLOT;
    }

    private void writeEntry(long slot, long[] key, int keyOffset, long value) {
        long at = arena.absolute(slot);
        for (int w = 0; w < keyWords; w++) {
            MEMORY.set(WORD, at + ((long) w << 3), key[keyOffset + w]);
        }
        MEMORY.set(WORD, at + ((long) keyWords << 3), value);
    }

    private void clearEntry(long slot) {
        long at = arena.absolute(slot);
        for (int w = 0; w <= keyWords; w++) {
            MEMORY.set(WORD, at + ((long) w << 3), FREE_WORD);
        }
    }

    // ------------------------------------------------------------------ iteration and statistics

    long size() {
        return (long) SIZE.getAcquire(this);
    }

    /** Calls the visitor with each live one-word entry. See {@link Bihash8_8#forEach}. */
    void forEach8(LongLongVisitor visitor) {
        ensureOpen();
        BucketSnapshot snapshot = new BucketSnapshot(this);
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            if (snapshot.take(bucket)) {
                for (int e = 0; e < snapshot.count; e++) {
                    visitor.accept(snapshot.keyWord(e, 0), snapshot.value(e));
                }
            }
        }
    }

    /** Calls the visitor with each live entry; the key array is reused between calls. */
    void forEach(KeyWordsVisitor visitor) {
        ensureOpen();
        BucketSnapshot snapshot = new BucketSnapshot(this);
        long[] key = new long[keyWords];
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            if (snapshot.take(bucket)) {
                for (int e = 0; e < snapshot.count; e++) {
                    for (int w = 0; w < keyWords; w++) {
                        key[w] = snapshot.keyWord(e, w);
                    }
                    visitor.accept(key, snapshot.value(e));
                }
            }
        }
    }

    /** Number of buckets currently in linear-search mode. */
    long linearSearchBuckets() {
        ensureOpen();
        long linear = 0;
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            if (BihashBucket.isLinear((long) LONG_ACCESS.getAcquire(MEMORY, bucketBase + ((long) bucket << 3)))) {
                linear++;
            }
        }
        return linear;
    }

    /** The deepest page set of any bucket, as log2 pages; -1 when the table is empty. */
    int deepestLog2Pages() {
        ensureOpen();
        int deepest = -1;
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            long word = (long) LONG_ACCESS.getAcquire(MEMORY, bucketBase + ((long) bucket << 3));
            if (!BihashBucket.isEmpty(word)) {
                deepest = Math.max(deepest, BihashBucket.log2Pages(word));
            }
        }
        return deepest;
    }

    /**
     * The table in the layout of VPP's {@code format_bihash}: name, active elements and
     * buckets, free lists by size, linear-search buckets, arena use; verbose adds every
     * non-empty bucket and its entries.
     */
    String format(boolean verbose) {
        ensureOpen();
        StringBuilder out = new StringBuilder(256);
        out.append("Hash table '").append(name).append("' (").append(type).append(")\n");
        BucketSnapshot snapshot = new BucketSnapshot(this);
        long activeElements = 0;
        long activeBuckets = 0;
        long linearBuckets = 0;
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            if (!snapshot.take(bucket)) {
                continue;
            }
            activeBuckets++;
            activeElements += snapshot.count;
            boolean linear = BihashBucket.isLinear(snapshot.word);
            if (linear) {
                linearBuckets++;
            }
            if (verbose) {
                out.append('[').append(bucket).append("]: heap offset ")
                        .append(BihashBucket.address(snapshot.word))
                        .append(", len ").append(1 << BihashBucket.log2Pages(snapshot.word))
                        .append(", linear ").append(linear ? 1 : 0)
                        .append(", version ").append(BihashBucket.version(snapshot.word)).append('\n');
                for (int e = 0; e < snapshot.count; e++) {
                    out.append("    ").append(snapshot.slotIndex(e)).append(": key");
                    for (int w = 0; w < keyWords; w++) {
                        out.append(' ').append(Long.toUnsignedString(snapshot.keyWord(e, w)));
                    }
                    out.append(" value ").append(Long.toUnsignedString(snapshot.value(e))).append('\n');
                }
            }
        }
        out.append("    ").append(activeElements).append(" active elements ")
                .append(activeBuckets).append(" active buckets\n");
        out.append("    ").append(arena.freeListCount()).append(" free lists\n");
        for (int log2 = 0; log2 < arena.freeListCount(); log2++) {
            out.append("       [len ").append(1 << log2).append("] ").append(arena.freeSets(log2))
                    .append(" free elts\n");
        }
        out.append("    ").append(linearBuckets).append(" linear search buckets\n");
        long used = arena.usedBytes();
        long limit = arena.memoryLimit();
        out.append("    arena: used ").append(used).append(" b (").append(used >> 20).append(" Mbytes) of ")
                .append(limit).append(" b (").append(limit >> 20).append(" Mbytes)\n");
        out.append("           buckets ").append(arena.bucketBytes()).append(" b, ")
                .append(arena.chunkCount()).append(" chunk(s) of up to ").append(BihashArena.CHUNK_BYTES)
                .append(" b, scrap ").append(arena.scrapBytes()).append(" b\n");
        out.append("    ").append(bucketCount).append(" buckets, ").append(KVP_PER_PAGE)
                .append(" kvp per page, at most ").append(1 << maxLog2Pages).append(" pages per bucket\n");
        return out.toString();
    }

    void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
    }

    private void checkKey(long[] key, int keyOffset, int keyWords) {
        if (keyOffset < 0 || keyOffset > key.length - keyWords) {
            throw new IllegalArgumentException(label + ": a key is " + keyWords + " words, but offset " + keyOffset
                    + " in an array of " + key.length + " does not hold one");
        }
    }

    private void checkKey(MemorySegment key, long keyOffset, int keyWords) {
        if (keyOffset < 0 || keyOffset > key.byteSize() - (long) keyWords * Long.BYTES) {
            throw new IllegalArgumentException(label + ": a key is " + keyWords * Long.BYTES + " bytes, but offset "
                    + keyOffset + " in " + key.byteSize() + " bytes of memory does not hold one");
        }
    }

    private void checkBatch(int keyArrayLength, int keyWords, long[] hashes, int count, long[] values) {
        if (count < 0 || count > hashes.length || count > values.length || (long) count * keyWords > keyArrayLength) {
            throw new IllegalArgumentException(label + ": a batch of " + count + " keys of " + keyWords
                    + " words needs " + count + " hashes, " + count + " values and " + ((long) count * keyWords)
                    + " key words; got " + hashes.length + ", " + values.length + " and " + keyArrayLength);
        }
    }

    private static boolean isReservedKey(long[] key, int keyOffset, int keyWords) {
        for (int w = 0; w < keyWords; w++) {
            if (key[keyOffset + w] != FREE_WORD) {
                return false;
            }
        }
        return true;
    }

    private static boolean isReservedKey(MemorySegment key, long keyOffset, int keyWords) {
        for (int w = 0; w < keyWords; w++) {
            if (key.get(KEY_WORD, keyOffset + ((long) w << 3)) != FREE_WORD) {
                return false;
            }
        }
        return true;
    }

    /** One bucket's live entries, copied out at one published version of its word. */
    private static final class BucketSnapshot {
        private final BihashTable table;
        /** Per entry: slot index, key words, value. */
        private final long[] entries;
        private final int stride;
        long word;
        int count;

        BucketSnapshot(BihashTable table) {
            this.table = table;
            this.stride = table.keyWords + 2;
            this.entries = new long[(KVP_PER_PAGE << table.maxLog2Pages) * stride];
        }

        /** Copies the bucket's entries; false when it is empty. */
        boolean take(int bucket) {
            long bucketWord = table.bucketBase + ((long) bucket << 3);
            long current = (long) LONG_ACCESS.getAcquire(MEMORY, bucketWord);
            while (true) {
                table.ensureOpen();
                word = current;
                count = 0;
                if (BihashBucket.isEmpty(current)) {
                    return false;
                }
                long set = BihashBucket.address(current);
                long base = table.chunkBases[(int) (set >>> CHUNK_SHIFT)] + (set & CHUNK_MASK);
                int slots = KVP_PER_PAGE << BihashBucket.log2Pages(current);
                for (int s = 0; s < slots; s++) {
                    long slot = base + (long) s * table.kvBytes;
                    boolean free = true;
                    for (int w = 0; w < table.keyWords; w++) {
                        free &= MEMORY.get(WORD, slot + ((long) w << 3)) == FREE_WORD;
                    }
                    if (free) {
                        continue;
                    }
                    int at = count * stride;
                    entries[at] = s;
                    for (int w = 0; w <= table.keyWords; w++) {
                        entries[at + 1 + w] = MEMORY.get(WORD, slot + ((long) w << 3));
                    }
                    count++;
                }
                VarHandle.acquireFence();
                long again = (long) LONG_ACCESS.getAcquire(MEMORY, bucketWord);
                if (again == current) {
                    return true;
                }
                current = again;
            }
        }

        long slotIndex(int entry) {
            return entries[entry * stride];
        }

        long keyWord(int entry, int word) {
            return entries[entry * stride + 1 + word];
        }

        long value(int entry) {
            return entries[entry * stride + 1 + table.keyWords];
        }
    }
}
