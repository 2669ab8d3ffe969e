package io.vecta.runtime.show;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's memory at one moment, as {@code show memory} reports it: heap, non-heap, the
 * JDK's buffer pools (direct and mapped {@code ByteBuffer}s), and how much each dispatch
 * thread has allocated on the heap.
 *
 * @param heap           heap in use, committed and its maximum
 * @param nonHeap        code cache, metaspace and the like
 * @param bufferPools    the JDK's buffer pools: {@code direct}, {@code mapped}, ...
 * @param allocatedBytes heap bytes each thread of the list given to {@link #now} allocated
 *                       since it started, in that order; {@link DispatchThread#UNKNOWN} when
 *                       the JVM cannot tell
 */
public record JvmMemory(Usage heap, Usage nonHeap, List<BufferPool> bufferPools, List<Long> allocatedBytes) {

    /**
     * Bytes of one kind of memory.
     *
     * @param used      in use
     * @param committed reserved from the operating system
     * @param max       the most it may grow to, or -1 if unbounded
     */
    public record Usage(long used, long committed, long max) {
    }

    /**
     * One of the JDK's buffer pools.
     *
     * @param name     {@code direct}, {@code mapped}, ...
     * @param count    buffers in the pool
     * @param used     bytes the JVM uses for them
     * @param capacity bytes of all their capacities
     */
    public record BufferPool(String name, long count, long used, long capacity) {
    }

    /** Copies the lists. */
    public JvmMemory {
        bufferPools = List.copyOf(bufferPools);
        allocatedBytes = List.copyOf(allocatedBytes);
    }

    /** The JVM's memory now, with the heap allocations of {@code threads}. */
    public static JvmMemory now(List<DispatchThread> threads) {
        var memory = ManagementFactory.getMemoryMXBean();
        List<BufferPool> pools = new ArrayList<>();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            pools.add(new BufferPool(pool.getName(), pool.getCount(), pool.getMemoryUsed(), pool.getTotalCapacity()));
        }
        List<Long> allocated = new ArrayList<>(threads.size());
        var threadBean = ManagementFactory.getThreadMXBean();
        for (DispatchThread thread : threads) {
            long bytes = DispatchThread.UNKNOWN;
            if (thread.javaThreadId() != DispatchThread.UNKNOWN
                    && threadBean instanceof com.sun.management.ThreadMXBean sun
                    && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled()) {
                bytes = sun.getThreadAllocatedBytes(thread.javaThreadId());
            }
            allocated.add(bytes);
        }
        return new JvmMemory(usage(memory.getHeapMemoryUsage()), usage(memory.getNonHeapMemoryUsage()), pools,
                allocated);
    }

    private static Usage usage(MemoryUsage usage) {
        return new Usage(usage.getUsed(), usage.getCommitted(), usage.getMax());
    }
}
