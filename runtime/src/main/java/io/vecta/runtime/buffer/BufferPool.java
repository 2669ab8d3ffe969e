package io.vecta.runtime.buffer;

import io.vecta.sdk.buffer.BufferPoolLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One pool of buffers of one data size (VPP's {@code vlib_buffer_pool_t}): a global free list
 * and a cache per thread.
 *
 * <p>Allocation and free go through the calling thread's {@link BufferPoolThreadCache} and take
 * no lock. The global free list is a stack of indices guarded by the pool's monitor, taken
 * once per batch of up to {@link BufferPoolThreadCache#BATCH} buffers when a cache runs empty
 * or full: {@code synchronized} costs one compare-and-set when uncontended and lets the JVM
 * spin briefly when two threads meet, which suits a lock held for one array copy.
 *
 * <p>Counters, as {@code show buffers} prints them: {@link #total()}, {@link #available()}
 * (on the global free list), {@link #cached()} (in thread caches), {@link #used()} (the rest:
 * held by packets) and {@link #allocFailures()}.
 */
public final class BufferPool {

    private final int index;
    private final int numaNode;
    private final BufferPoolLayout layout;
    private final int[] free;
    private int available;
    private final List<BufferPoolThreadCache> threads;

    BufferPool(int index, int numaNode, BufferPoolLayout layout, int threadCount) {
        this.index = index;
        this.numaNode = numaNode;
        this.layout = layout;
        this.free = new int[layout.bufferCount()];
        List<BufferPoolThreadCache> caches = new ArrayList<>(threadCount);
        for (int thread = 0; thread < threadCount; thread++) {
            caches.add(new BufferPoolThreadCache(this, thread));
        }
        this.threads = Collections.unmodifiableList(caches);
        // highest index at the bottom of the stack, so that a fresh pool hands out ascending indices
        for (int n = layout.bufferCount() - 1; n >= 0; n--) {
            free[available++] = layout.bufferIndex(n);
        }
    }

    /** The pool's buffer pool index, as stored in each of its buffers. */
    public int index() {
        return index;
    }

    /** The pool's name, e.g. {@code default-numa-0}. */
    public String name() {
        return layout.name();
    }

    /** The NUMA node the pool serves. */
    public int numaNode() {
        return numaNode;
    }

    /** Where the pool's buffers lie. */
    public BufferPoolLayout layout() {
        return layout;
    }

    /** Bytes of data per buffer. */
    public int dataSize() {
        return layout.dataSize();
    }

    /** Buffers in the pool. */
    public int total() {
        return layout.bufferCount();
    }

    /** Buffers on the global free list. */
    public synchronized int available() {
        return available;
    }

    /** Buffers in all thread caches. */
    public int cached() {
        int cached = 0;
        for (BufferPoolThreadCache cache : threads) {
            cached += cache.count;
        }
        return cached;
    }

    /** Buffers in thread {@code threadIndex}'s cache. */
    public int cached(int threadIndex) {
        return threads.get(threadIndex).count;
    }

    /** Buffers held by packets: neither on the free list nor in a cache. */
    public int used() {
        return total() - available() - cached();
    }

    /** Buffers asked for and not delivered because the pool was empty, over all threads. */
    public long allocFailures() {
        long failures = 0;
        for (BufferPoolThreadCache cache : threads) {
            failures += cache.allocFailures;
        }
        return failures;
    }

    int threadCount() {
        return threads.size();
    }

    BufferPoolThreadCache cache(int threadIndex) {
        return threads.get(threadIndex);
    }

    /** Moves up to {@code max} indices from the top of the free list to {@code dst[offset..]}. */
    synchronized int take(int[] dst, int offset, int max) {
        int n = Math.min(max, available);
        available -= n;
        System.arraycopy(free, available, dst, offset, n);
        return n;
    }

    /** Pushes {@code src[offset .. offset + n)} onto the free list. */
    synchronized void put(int[] src, int offset, int n) {
        if (n > free.length - available) {
            throw new IllegalStateException("buffer pool '" + name() + "': " + n + " buffers returned to a free list"
                    + " holding " + available + " of " + free.length + ": some were freed twice");
        }
        System.arraycopy(src, offset, free, available, n);
        available += n;
    }
}
