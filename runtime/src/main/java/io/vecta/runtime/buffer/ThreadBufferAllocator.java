package io.vecta.runtime.buffer;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.BufferPoolLayout;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.buffer.BuffersExhaustedException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The {@link BufferAllocator} of one thread, over that thread's cache in every pool.
 *
 * <h2>What is written when</h2>
 * Free returns a buffer to the state "free": the first 32 bytes of its metadata, every named
 * field of cache line 0, are rewritten from the pool's template (all zero except
 * {@code buffer_pool_index}), so {@code ref_count} is 0. Alloc then only stores
 * {@code ref_count = 1}, one byte per buffer, and copies indices.
 *
 * <p>Two choices differ from VPP, both for cost. VPP rewrites all of cache line 0 with one or
 * two vector stores; here each 8-byte store is an instruction of its own, so the eight opaque
 * words, which belong to the features that write them, are left as they are (about 1 ns a
 * buffer saved on the machine where this was measured). And VPP leaves {@code ref_count} at 1
 * in free buffers and writes nothing at all on alloc; the one byte written here buys
 * double-free detection, since a free buffer is the only one with a count of 0, and the
 * metadata line is usually written by the allocating node right after anyway.
 *
 * <h2>Cache policy</h2>
 * Allocation pops from the cache; when it runs short, the cache is refilled from the global
 * free list with enough for the request plus half a cache. Free pushes onto the cache; when
 * the next run of up to half a cache would not fit, the oldest half a cache goes back to the
 * global list. A thread that allocates and frees up to half a cache at a time therefore
 * settles where neither end is reached, and takes the pool lock no more.
 */
public final class ThreadBufferAllocator implements BufferAllocator {

    private static final int REF_COUNT_OFFSET = Buffers.REF_COUNT_OFFSET;
    private static final byte ONE_REFERENCE = 1;
    /** Where ref_count and buffer_pool_index sit in the native-order long at metadata offset 8. */
    private static final int REF_COUNT_SHIFT = bitOffsetInWord8(Buffers.REF_COUNT_OFFSET);
    private static final int POOL_INDEX_SHIFT = bitOffsetInWord8(Buffers.BUFFER_POOL_INDEX_OFFSET);
    private static final long REFERENCES_AND_POOL = 0xffL << REF_COUNT_SHIFT | 0xffL << POOL_INDEX_SHIFT;
    /** The lowest bit of the 16-bit error field in the word at offset 8, whichever its byte order. */
    private static final int ERROR_SHIFT = Math.min(bitOffsetInWord8(Buffers.ERROR_OFFSET),
            bitOffsetInWord8(Buffers.ERROR_OFFSET + 1));
    /** Where a run key keeps the rx interface, above the 16-bit error. */
    private static final int RUN_KEY_RX_SHIFT = 16;
    /** Payloads up to this much longer than the clone head are copied rather than shared. */
    private static final int CLONE_COPY_THRESHOLD = 2 * Buffers.CACHE_LINE;

    private final Buffers buffers;
    private final MemorySegment memory;
    private final BufferPoolThreadCache[] caches;
    private final BufferPoolThreadCache defaultCache;
    private final long indexLimit;
    /** Lets {@link #free(int)} share the array loop without allocating; the allocator has one thread. */
    private final int[] single = new int[1];

    ThreadBufferAllocator(Buffers buffers, BufferPool[] pools, int threadIndex, int defaultPool) {
        this.buffers = buffers;
        this.memory = buffers.memory();
        this.caches = new BufferPoolThreadCache[pools.length];
        for (BufferPool pool : pools) {
            caches[pool.index()] = pool.cache(threadIndex);
        }
        this.defaultCache = caches[defaultPool];
        this.indexLimit = buffers.indexLimit();
    }

    private static int bitOffsetInWord8(int byteOffset) {
        int byteInWord = byteOffset - 8;
        return 8 * (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? byteInWord : 7 - byteInWord);
    }

    /** Bytes 8 to 15 of a free buffer's metadata in native order: only the pool index byte is set. */
    static long freeTemplateWord8(int poolIndex) {
        ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        word.put(Buffers.BUFFER_POOL_INDEX_OFFSET - 8, (byte) poolIndex);
        return word.getLong(0);
    }

    /**
     * Writes the first 32 bytes of the metadata of the buffer at address {@code b} as those of a
     * free buffer: {@code word8} (from {@link #freeTemplateWord8}) at offset 8, zero elsewhere.
     * The pools' creation writes every buffer so, and every free writes the freed one again.
     */
    static void writeFreeTemplate(long b, long word8) {
        UncheckedBuffers.setMetadataLong(b, 0L);
        UncheckedBuffers.setMetadataLong(b + 8, word8);
        UncheckedBuffers.setMetadataLong(b + 16, 0L);
        UncheckedBuffers.setMetadataLong(b + 24, 0L);
    }

    @Override
    public Buffers buffers() {
        return buffers;
    }

    @Override
    public int alloc(int[] dst, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, dst.length);
        return allocFrom(defaultCache, dst, offset, count);
    }

    @Override
    public void allocExactly(int[] dst, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, dst.length);
        BufferPoolThreadCache cache = defaultCache;
        int allocated = allocFrom(cache, dst, offset, count);
        if (allocated < count) {
            for (int i = offset; i < offset + allocated; i++) {
                memory.set(JAVA_BYTE, Buffers.metadataOffset(dst[i]) + REF_COUNT_OFFSET, (byte) 0);
                push(cache, dst[i]);
            }
            // none was delivered: the ones given back count as failures too
            cache.allocFailures += allocated;
            throw new BuffersExhaustedException(cache.pool.name(), cache.pool.total(), count, allocated);
        }
    }

    private int allocFrom(BufferPoolThreadCache cache, int[] dst, int offset, int count) {
        int cached = cache.count;
        if (count <= cached) {
            int from = cached - count;
            System.arraycopy(cache.indices, from, dst, offset, count);
            cache.count = from;
            markAllocated(dst, offset, count);
            return count;
        }
        return allocRefilling(cache, dst, offset, count);
    }

    private int allocRefilling(BufferPoolThreadCache cache, int[] dst, int offset, int count) {
        int done = 0;
        while (done < count) {
            int cached = cache.count;
            if (cached == 0) {
                int want = Math.min(BufferPoolThreadCache.CAPACITY, count - done + BufferPoolThreadCache.BATCH);
                cached = cache.pool.take(cache.indices, 0, want);
                cache.count = cached;
                if (cached == 0) {
                    cache.allocFailures += count - done;
                    break;
                }
            }
            int n = Math.min(cached, count - done);
            System.arraycopy(cache.indices, cached - n, dst, offset + done, n);
            cache.count = cached - n;
            done += n;
        }
        markAllocated(dst, offset, done);
        return done;
    }

    private void markAllocated(int[] indices, int offset, int count) {
        // the indices come from this allocator's own caches: no check needed per buffer
        long base = memory.address();
        for (int i = offset, end = offset + count; i < end; i++) {
            UncheckedBuffers.setU8(UncheckedBuffers.address(base, indices[i]) + REF_COUNT_OFFSET, ONE_REFERENCE);
        }
    }

    /** One buffer from {@code cache}, or {@link Buffers#NO_BUFFER} (not counted as a failure here). */
    private int allocOne(BufferPoolThreadCache cache) {
        int cached = cache.count;
        if (cached == 0) {
            cached = cache.pool.take(cache.indices, 0, BufferPoolThreadCache.BATCH);
            if (cached == 0) {
                return Buffers.NO_BUFFER;
            }
        }
        int bi = cache.indices[--cached];
        cache.count = cached;
        memory.set(JAVA_BYTE, Buffers.metadataOffset(bi) + REF_COUNT_OFFSET, ONE_REFERENCE);
        return bi;
    }

    @Override
    public void free(int[] src, int offset, int count) {
        freeBuffers(src, offset, count, true, null);
    }

    @Override
    public void free(int bi) {
        single[0] = bi;
        freeBuffers(single, 0, 1, true, null);
    }

    @Override
    public void freeNoNext(int[] src, int offset, int count) {
        freeBuffers(src, offset, count, false, null);
    }

    /**
     * {@link #free(int[], int, int)}, telling {@code packets} of each run of packets that carry
     * the same error and came in on the same interface before freeing them (VPP's error-drop
     * counts them in a walk of its own, then frees them in another). The run's key is compared
     * in the loop that frees, on the metadata that loop reads anyway: one load more per packet.
     */
    public void freeCounting(int[] src, int offset, int count, FreedPackets packets) {
        freeBuffers(src, offset, count, true, Objects.requireNonNull(packets, "packets"));
    }

    /**
     * Drops one reference to each buffer of {@code src} (and, following chains, to each buffer
     * after it: a packet holds one reference on every buffer of its chain), returning buffers
     * whose count reaches zero to this thread's cache of their pool.
     *
     * <p>The usual buffer, one reference, no chain, of the default pool, takes the fast loop:
     * one range-and-stride check of its index against that pool, one compare of its
     * reference count and pool index together, one of its flags, the template's stores and a
     * push, with room on the cache made once per run of up to {@link BufferPoolThreadCache#BATCH}
     * buffers. Any other buffer goes through {@link #freeGeneral}, which checks and handles
     * every case.
     */
    private void freeBuffers(int[] src, int offset, int count, boolean followChain, FreedPackets packets) {
        Objects.checkFromIndexSize(offset, count, src.length);
        BufferPoolThreadCache cache = defaultCache;
        int[] stack = cache.indices;
        long firstIndex = cache.firstIndex;
        long spanLines = cache.spanLines;
        long strideTestMultiplier = cache.strideTestMultiplier;
        long freeWord8 = cache.freeTemplateWord8;
        long usualWord8 = (long) ONE_REFERENCE << REF_COUNT_SHIFT | (long) cache.pool.index() << POOL_INDEX_SHIFT;
        long base = memory.address();
        int end = offset + count;
        int i = offset;
        // the current run of (error, rx interface) and its length, when packets are told of
        long runKey = 0;
        long runLength = 0;
        try {
            while (i < end) {
                int runEnd = Math.min(end, i + BufferPoolThreadCache.BATCH);
                int depth = cache.count;
                if (depth + (runEnd - i) > BufferPoolThreadCache.CAPACITY) {
                    // more than BATCH are cached, and after the spill at most BATCH: room for the run
                    depth = spill(cache, depth);
                }
                for (; i < runEnd; i++) {
                    int b = src[i];
                    long index = Integer.toUnsignedLong(b);
                    if (!BufferPoolLayout.isBufferAt(index - firstIndex, spanLines, strideTestMultiplier)) {
                        break;
                    }
                    // a buffer of the default pool: its metadata is read unchecked from here on
                    long metadata = base + (index << Buffers.LOG2_CACHE_LINE);
                    long word8 = UncheckedBuffers.metadataLong(metadata + 8);
                    if ((word8 & REFERENCES_AND_POOL) != usualWord8
                            || (followChain && (UncheckedBuffers.flags(metadata) & BufferFlags.NEXT_PRESENT) != 0)) {
                        break;
                    }
                    if (packets != null) {
                        long key = runKey(word8, metadata);
                        if (key != runKey) {
                            tell(packets, runKey, runLength);
                            runKey = key;
                            runLength = 0;
                        }
                        runLength++;
                    }
                    writeFreeTemplate(metadata, freeWord8);
                    stack[depth++] = b;
                }
                cache.count = depth;
                if (i < runEnd) {
                    // the buffer that left the fast loop, and on after it; its key is read while its
                    // metadata is there (an index outside buffer memory is refused by the free)
                    long index = Integer.toUnsignedLong(src[i]);
                    long metadata = base + (index << Buffers.LOG2_CACHE_LINE);
                    long key = packets != null && index < indexLimit
                            ? runKey(UncheckedBuffers.metadataLong(metadata + 8), metadata) : 0;
                    freeGeneral(src, i, 1, followChain);
                    if (packets != null) {
                        if (key != runKey) {
                            tell(packets, runKey, runLength);
                            runKey = key;
                            runLength = 0;
                        }
                        runLength++;
                    }
                    i++;
                }
            }
        } finally {
            // what was freed is counted, even when a bad index ends the walk
            if (packets != null) {
                tell(packets, runKey, runLength);
            }
        }
    }

    /** A packet's error and rx interface as one number: runs of equal keys are counted at once. */
    private static long runKey(long word8, long metadata) {
        return word8 >>> ERROR_SHIFT & 0xffff | (long) UncheckedBuffers.rxSwIfIndex(metadata) << RUN_KEY_RX_SHIFT;
    }

    private static void tell(FreedPackets packets, long runKey, long runLength) {
        if (runLength > 0) {
            packets.count((int) runKey & 0xffff, (int) (runKey >> RUN_KEY_RX_SHIFT), runLength);
        }
    }

    /**
     * {@link #freeBuffers} for any buffer: every check, any pool, shared references, chains.
     * One loop for the whole array, with the current pool's stack and depth in locals.
     */
    private void freeGeneral(int[] src, int offset, int count, boolean followChain) {
        BufferPoolThreadCache cache = defaultCache;
        int cachePool = cache.pool.index();
        int[] stack = cache.indices;
        int depth = cache.count;
        long firstIndex = cache.firstIndex;
        long spanLines = cache.spanLines;
        long strideTestMultiplier = cache.strideTestMultiplier;
        long freeWord8 = cache.freeTemplateWord8;
        long base = memory.address();
        try {
            for (int i = offset, end = offset + count; i < end; i++) {
                int b = src[i];
                while (true) {
                    long index = Integer.toUnsignedLong(b);
                    if (index >= indexLimit) {
                        throw notABuffer(b);
                    }
                    // the index is inside buffer memory: its metadata is read unchecked from here on
                    long metadata = base + (index << Buffers.LOG2_CACHE_LINE);
                    // flow_id, ref_count, buffer_pool_index and error in one load
                    long word8 = UncheckedBuffers.metadataLong(metadata + 8);
                    int pool = (int) (word8 >>> POOL_INDEX_SHIFT) & 0xff;
                    if (pool != cachePool) {
                        if (pool >= caches.length) {
                            throw notABuffer(b);
                        }
                        cache.count = depth;
                        cache = caches[pool];
                        cachePool = pool;
                        stack = cache.indices;
                        depth = cache.count;
                        firstIndex = cache.firstIndex;
                        spanLines = cache.spanLines;
                        strideTestMultiplier = cache.strideTestMultiplier;
                        freeWord8 = cache.freeTemplateWord8;
                    }
                    if (!BufferPoolLayout.isBufferAt(index - firstIndex, spanLines, strideTestMultiplier)) {
                        throw notABuffer(b);
                    }
                    int flags = UncheckedBuffers.flags(metadata);
                    int next = UncheckedBuffers.nextBuffer(metadata);
                    int references = (int) (word8 >>> REF_COUNT_SHIFT) & 0xff;
                    if (references == 1 || (references > 1 && dropSharedReference(b) == 1)) {
                        writeFreeTemplate(metadata, freeWord8);
                        if (depth == BufferPoolThreadCache.CAPACITY) {
                            depth = spill(cache, depth);
                        }
                        stack[depth++] = b;
                    } else if (references == 0) {
                        throw freedTwice(b);
                    }
                    if (!followChain || (flags & BufferFlags.NEXT_PRESENT) == 0) {
                        break;
                    }
                    b = next;
                }
            }
        } finally {
            cache.count = depth;
        }
    }

    /**
     * Gives the oldest {@link BufferPoolThreadCache#BATCH} buffers of a cache holding
     * {@code depth} (more than that) back to the pool; the recently freed, cache-warm ones stay.
     *
     * @return the new depth
     */
    private static int spill(BufferPoolThreadCache cache, int depth) {
        cache.pool.put(cache.indices, 0, BufferPoolThreadCache.BATCH);
        int kept = depth - BufferPoolThreadCache.BATCH;
        System.arraycopy(cache.indices, BufferPoolThreadCache.BATCH, cache.indices, 0, kept);
        return kept;
    }

    /** The exception {@link Buffers#checkBuffer} gives for an index this allocator's check refused. */
    private IllegalArgumentException notABuffer(int bi) {
        try {
            buffers.checkBuffer(bi);
        } catch (IllegalArgumentException e) {
            return e;
        }
        return new IllegalArgumentException("buffer index 0x" + Integer.toHexString(bi) + " is not a buffer");
    }

    /** @return the count before the decrement; 1 means this thread held the last reference */
    private int dropSharedReference(int bi) {
        try {
            return buffers.addRefCountAtomically(bi, -1);
        } catch (IllegalStateException e) {
            throw freedTwice(bi);
        }
    }

    private IllegalStateException freedTwice(int bi) {
        return new IllegalStateException("buffer 0x" + Integer.toHexString(bi) + " of pool '"
                + caches[buffers.bufferPoolIndex(bi)].pool.name() + "' is already free (ref_count 0): freed twice");
    }

    private static void push(BufferPoolThreadCache cache, int bi) {
        int depth = cache.count;
        if (depth == BufferPoolThreadCache.CAPACITY) {
            depth = spill(cache, depth);
        }
        cache.indices[depth] = bi;
        cache.count = depth + 1;
    }

    @Override
    public int copy(int bi) {
        int segments = buffers.buffersInChain(bi);
        int head = Buffers.NO_BUFFER;
        int previous = Buffers.NO_BUFFER;
        int source = bi;
        for (int segment = 0; segment < segments; segment++) {
            if (segment > 0) {
                source = buffers.nextBuffer(source);
            }
            // each segment is copied into a buffer of its own pool, where its data is sure to fit
            BufferPoolThreadCache cache = caches[buffers.checkBuffer(source)];
            int copy = allocOne(cache);
            if (copy == Buffers.NO_BUFFER) {
                cache.allocFailures += segments;
                if (head != Buffers.NO_BUFFER) {
                    free(head);
                }
                return Buffers.NO_BUFFER;
            }
            if (segment == 0) {
                head = copy;
                copyHeadMetadata(bi, copy);
            } else {
                buffers.setCurrentData(copy, buffers.currentData(source));
                buffers.setCurrentLength(copy, buffers.currentLength(source));
                buffers.setFlags(copy, buffers.flags(source) & BufferFlags.COPY_CLONE_MASK);
                buffers.setNextBuffer(previous, copy);
                buffers.addFlags(previous, BufferFlags.NEXT_PRESENT);
            }
            MemorySegment.copy(memory, buffers.dataOffset(source), memory, buffers.dataOffset(copy),
                    buffers.currentLength(source));
            previous = copy;
        }
        return head;
    }

    /**
     * Gives {@code copy} the metadata of the packet head {@code source}: both cache lines, with
     * its own reference, no next buffer yet, and the flags a copy keeps plus the chain total.
     */
    private void copyHeadMetadata(int source, int copy) {
        long rest = buffers.lengthInChain(source) - buffers.currentLength(source);
        MemorySegment.copy(memory, Buffers.metadataOffset(source), memory, Buffers.metadataOffset(copy),
                Buffers.METADATA_SIZE);
        buffers.setRefCount(copy, 1);
        buffers.setNextBuffer(copy, Buffers.NO_BUFFER);
        buffers.setFlags(copy, (buffers.flags(source) & BufferFlags.COPY_CLONE_MASK) | BufferFlags.TOTAL_LENGTH_VALID);
        buffers.setTotalLengthNotIncludingFirstBuffer(copy, rest);
    }

    @Override
    public int clone(int src, int[] dst, int offset, int count, int headLength) {
        Objects.checkFromIndexSize(offset, count, dst.length);
        if (count < 1 || count > Buffers.MAX_REF_COUNT) {
            throw new IllegalArgumentException("clone count " + count + " is outside 1 to " + Buffers.MAX_REF_COUNT
                    + " (ref_count is 8 bits)");
        }
        int pool = buffers.checkBuffer(src);
        int references = buffers.refCount(src);
        if (references != 1) {
            throw new IllegalStateException("buffer 0x" + Integer.toHexString(src) + " has ref_count " + references
                    + ": only a packet this thread alone holds can be cloned");
        }
        int currentData = buffers.currentData(src);
        int length = buffers.currentLength(src);
        int dataSize = buffers.dataSize(src);
        if (headLength < 0 || currentData + headLength > dataSize) {
            throw new IllegalArgumentException("clone head length " + headLength + " does not fit in buffer 0x"
                    + Integer.toHexString(src) + " after current_data " + currentData + " (data size " + dataSize + ")");
        }
        if (length <= headLength + CLONE_COPY_THRESHOLD) {
            dst[offset] = src;
            for (int i = 1; i < count; i++) {
                int copy = copy(src);
                if (copy == Buffers.NO_BUFFER) {
                    return i;
                }
                dst[offset + i] = copy;
            }
            return count;
        }
        if (count == 1) {
            dst[offset] = src;
            return 1;
        }
        checkTailReferencesRoom(src, count - 1);
        long rest = buffers.lengthInChain(src) - length;
        int srcFlags = buffers.flags(src);
        int clones = allocFrom(caches[pool], dst, offset, count);
        if (clones == 0) {
            dst[offset] = src;
            return 1;
        }
        int headFlags = (srcFlags & BufferFlags.COPY_CLONE_MASK) | BufferFlags.NEXT_PRESENT
                | BufferFlags.TOTAL_LENGTH_VALID;
        long srcData = buffers.dataOffset(src);
        for (int i = offset; i < offset + clones; i++) {
            int head = dst[i];
            MemorySegment.copy(memory, Buffers.metadataOffset(src), memory, Buffers.metadataOffset(head),
                    Buffers.METADATA_SIZE);
            buffers.setRefCount(head, 1);
            buffers.setCurrentLength(head, headLength);
            buffers.setFlags(head, headFlags);
            buffers.setNextBuffer(head, src);
            buffers.setTotalLengthNotIncludingFirstBuffer(head, length - headLength + rest);
            MemorySegment.copy(memory, srcData, memory, buffers.dataOffset(head), headLength);
        }
        buffers.advance(src, headLength);
        buffers.setRefCount(src, clones);
        int tail = src;
        while ((buffers.flags(tail) & BufferFlags.NEXT_PRESENT) != 0) {
            tail = buffers.nextBuffer(tail);
            buffers.addRefCountAtomically(tail, clones - 1);
        }
        return clones;
    }

    private void checkTailReferencesRoom(int src, int added) {
        int tail = src;
        int buffersInChain = buffers.buffersInChain(src);
        for (int i = 1; i < buffersInChain; i++) {
            tail = buffers.nextBuffer(tail);
            int references = buffers.refCount(tail);
            if (references + added > Buffers.MAX_REF_COUNT) {
                throw new IllegalStateException("buffer 0x" + Integer.toHexString(tail) + " in the chain of 0x"
                        + Integer.toHexString(src) + " has ref_count " + references + ": " + added
                        + " more clones would pass " + Buffers.MAX_REF_COUNT);
            }
        }
    }
}
