package io.vecta.runtime.buffer;

/**
 * One thread's cache of free buffer indices of one pool (VPP's
 * {@code vlib_buffer_pool_thread_t}): a stack the thread pushes freed buffers onto and pops
 * allocations from, without locking. It is refilled from and spilled to the pool's global
 * free list half a cache at a time.
 *
 * <p>Only the owning thread writes it. {@code show buffers} reads {@code count} and
 * {@code allocFailures} from another thread without synchronisation; the figures may be a
 * moment old. Padding keeps the written fields off the cache lines of other threads' caches.
 */
final class BufferPoolThreadCache extends BufferPoolThreadCacheFields {

    /** Indices a thread keeps at most, VPP's {@code VLIB_BUFFER_POOL_PER_THREAD_CACHE_SZ}. */
    static final int CAPACITY = 512;
    /** Indices moved between the cache and the global free list at a time. */
    static final int BATCH = CAPACITY / 2;
    /** Unused ints after the stack, so that its end never shares a cache line with another object. */
    private static final int TAIL_PADDING = 16;

    long p10;
    long p11;
    long p12;
    long p13;
    long p14;
    long p15;
    long p16;
    long p17;

    /** The stack: {@code indices[0 .. count)} are free buffers, the top is the most recently freed. */
    final int[] indices = new int[CAPACITY + TAIL_PADDING];
    final BufferPool pool;
    final int threadIndex;
    /** The pool's geometry, at hand for the check of every buffer freed into this cache. */
    final long firstIndex;
    final long spanLines;
    final long strideTestMultiplier;
    /** Bytes 8 to 15 of a free buffer of the pool, written by every free. */
    final long freeTemplateWord8;

    BufferPoolThreadCache(BufferPool pool, int threadIndex) {
        this.pool = pool;
        this.threadIndex = threadIndex;
        this.firstIndex = Integer.toUnsignedLong(pool.layout().firstIndex());
        this.spanLines = pool.layout().spanLines();
        this.strideTestMultiplier = pool.layout().strideTestMultiplier();
        this.freeTemplateWord8 = ThreadBufferAllocator.freeTemplateWord8(pool.index());
    }
}

/** Leading padding of {@link BufferPoolThreadCache}. */
abstract class BufferPoolThreadCacheLeftPadding {
    long p00;
    long p01;
    long p02;
    long p03;
    long p04;
    long p05;
    long p06;
    long p07;
}

/** The fields of {@link BufferPoolThreadCache} its thread writes. */
abstract class BufferPoolThreadCacheFields extends BufferPoolThreadCacheLeftPadding {
    /** Free buffers on the stack. */
    int count;
    /** Buffers asked for from this cache and not delivered because the pool was empty. */
    long allocFailures;
}
