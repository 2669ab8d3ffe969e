package io.vecta.runtime.buffer;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.HugePages;
import io.vecta.nativeio.linux.MemfdRegion;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferPoolLayout;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Buffer memory and the pools in it (VPP's {@code vlib_buffer_main_t}): one memfd mapping that
 * holds every pool, the {@link Buffers} view over it, and one {@link BufferAllocator} per thread.
 *
 * <h2>Memory</h2>
 * <pre>
 *  offset 0     64          page boundary              page boundary
 *  +-----------+-------------------------+- - - -+------------------------ ...
 *  | index 0:  | pool 0: stride-spaced   | rest  | pool 1 ...
 *  | no buffer | buffers from index 1    | of pg |
 *  +-----------+-------------------------+- - - -+------------------------ ...
 * </pre>
 * All pools live in one memfd ({@value #MEMFD_NAME}), so that one descriptor and one
 * mapping give a memif peer every buffer, and buffer indices of all pools share one space.
 * The first cache line is left unused so that index 0 is never a buffer. Each pool starts on
 * a page boundary and takes whole pages; like VPP, it gets every buffer that fits in them, so
 * {@link BufferPool#total()} may be a little more than asked for. Unlike VPP, a buffer may
 * straddle a page boundary: nothing here hands physical addresses to devices, and the memif
 * peer and the kernel see virtual addresses, so the memory VPP leaves unused at the end of
 * each page (on 4K pages, almost half) is used.
 *
 * <h2>Page size</h2>
 * {@code page-size} absent ({@link BufferPageSize#UNSET}) does what VPP does: map on the
 * default hugepage size and, if that fails, log a warning ({@code falling back to
 * non-hugepage backed buffer memory (...)}, kept in {@link #pageSizeFallback()}) and map on
 * 4K pages. An explicit page size never falls back: its failure is reported.
 *
 * <h2>Fresh memory</h2>
 * Every buffer starts free: its metadata is zero but for its pool index, and it sits on its
 * pool's global free list.
 */
public final class BufferPools implements AutoCloseable {

    /** Name of the memfd that holds buffer memory, seen in {@code /proc/PID/maps}. */
    public static final String MEMFD_NAME = "vecta-buffers";

    private static final System.Logger LOG = System.getLogger("io.vecta.runtime.buffer");

    private final MemfdRegion region;
    private final Buffers buffers;
    private final List<BufferPool> pools;
    private final List<ThreadBufferAllocator> allocators;
    private final String pageSizeFallback;

    private BufferPools(MemfdRegion region, Buffers buffers, List<BufferPool> pools,
            List<ThreadBufferAllocator> allocators, String pageSizeFallback) {
        this.region = region;
        this.buffers = buffers;
        this.pools = pools;
        this.allocators = allocators;
        this.pageSizeFallback = pageSizeFallback;
    }

    /**
     * The pools of a {@code buffers { }} configuration: {@code default-numa-0} for now, since
     * Vecta does not yet place threads on NUMA nodes.
     *
     * @param threadCount threads that allocate buffers (main thread and workers), at least 1
     */
    public static BufferPools create(BufferConfig config, int threadCount) {
        return create(List.of(BufferPoolSpec.defaultFor(0, config)), config.pageSize(), threadCount);
    }

    /**
     * Maps buffer memory for {@code specs} on pages of {@code pageSize} and creates the pools;
     * thread {@code t}'s allocator takes from pool 0 by default.
     *
     * @throws IllegalArgumentException if there are no specs or more than 256, fewer than 1
     *                                  thread, or the memory would pass 256 GiB
     * @throws IllegalStateException    if the memory cannot be mapped (the message says why,
     *                                  with the failed call)
     */
    public static BufferPools create(List<BufferPoolSpec> specs, BufferPageSize pageSize, int threadCount) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("buffer pools need at least 1 thread, got " + threadCount);
        }
        if (specs.isEmpty() || specs.size() > Buffers.MAX_POOLS) {
            throw new IllegalArgumentException("buffer memory holds 1 to " + Buffers.MAX_POOLS + " pools, not "
                    + specs.size());
        }
        long hugePageSize = HugePages.defaultSize();
        return switch (pageSize) {
            case DEFAULT, SIZE_4K -> create(specs, MemfdRegion.PAGE_4K, threadCount, null);
            case SIZE_2M -> create(specs, MemfdRegion.PAGE_2M, threadCount, null);
            case DEFAULT_HUGEPAGE -> {
                if (hugePageSize == 0) {
                    throw new IllegalStateException("buffers: page-size default-hugepage, but the kernel reports no"
                            + " hugepage size (Hugepagesize in /proc/meminfo)");
                }
                yield create(specs, hugePageSize, threadCount, null);
            }
            case UNSET -> {
                String reason;
                if (hugePageSize == 0) {
                    reason = "the kernel reports no hugepage size";
                } else {
                    try {
                        yield create(specs, hugePageSize, threadCount, null);
                    } catch (IllegalStateException e) {
                        reason = e.getMessage();
                    }
                }
                String warning = "falling back to non-hugepage backed buffer memory (" + reason + ")";
                LOG.log(System.Logger.Level.WARNING, warning);
                yield create(specs, MemfdRegion.PAGE_4K, threadCount, warning);
            }
        };
    }

    private static BufferPools create(List<BufferPoolSpec> specs, long pageSize, int threadCount, String fallback) {
        List<BufferPoolLayout> layouts = plan(specs, pageSize);
        long bytes = layouts.getLast().endOffset();
        bytes = roundUp(bytes, pageSize);
        MemfdRegion region;
        try {
            region = MemfdRegion.create(MEMFD_NAME, bytes, pageSize, true);
        } catch (ErrnoException e) {
            String pages = pageSize == MemfdRegion.PAGE_4K ? "" : ", " + HugePages.free(pageSize) + " of "
                    + HugePages.total(pageSize) + " such hugepages free";
            throw new IllegalStateException("buffer memory of " + bytes + " bytes on " + sizeName(pageSize) + " pages"
                    + pages + ": " + e.getMessage(), e);
        }
        try {
            Buffers buffers = new Buffers(region.segment(), layouts);
            List<BufferPool> pools = new ArrayList<>(layouts.size());
            for (int index = 0; index < layouts.size(); index++) {
                BufferPoolLayout layout = layouts.get(index);
                long word8 = ThreadBufferAllocator.freeTemplateWord8(index);
                long base = buffers.baseAddress();
                for (int n = 0; n < layout.bufferCount(); n++) {
                    ThreadBufferAllocator.writeFreeTemplate(UncheckedBuffers.address(base, layout.bufferIndex(n)), word8);
                }
                pools.add(new BufferPool(index, specs.get(index).numaNode(), layout, threadCount));
            }
            BufferPool[] poolArray = pools.toArray(new BufferPool[0]);
            List<ThreadBufferAllocator> allocators = new ArrayList<>(threadCount);
            for (int thread = 0; thread < threadCount; thread++) {
                allocators.add(new ThreadBufferAllocator(buffers, poolArray, thread, 0));
            }
            return new BufferPools(region, buffers, List.copyOf(pools), List.copyOf(allocators), fallback);
        } catch (RuntimeException e) {
            region.close();
            throw e;
        }
    }

    /** Places each pool on its own pages, the first after the unused line of index 0. */
    private static List<BufferPoolLayout> plan(List<BufferPoolSpec> specs, long pageSize) {
        List<BufferPoolLayout> layouts = new ArrayList<>(specs.size());
        long start = Buffers.CACHE_LINE;
        for (BufferPoolSpec spec : specs) {
            int stride = BufferPoolLayout.strideBytes(spec.dataSize());
            long end = roundUp(start + (long) spec.buffers() * stride, pageSize);
            long count = (end - start) / stride;
            if (end > 1L << (32 + Buffers.LOG2_CACHE_LINE) || count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("buffer pool '" + spec.name() + "' ends at byte " + end
                        + ", past the 256 GiB that 32-bit buffer indices address");
            }
            layouts.add(new BufferPoolLayout(spec.name(), (int) (start >>> Buffers.LOG2_CACHE_LINE), (int) count,
                    spec.dataSize()));
            start = end;
        }
        return layouts;
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static String sizeName(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + "G" : bytes >= 1L << 20 ? (bytes >> 20) + "M" : (bytes >> 10) + "K";
    }

    /** The buffers of every pool. */
    public Buffers buffers() {
        return buffers;
    }

    /** The pools, in buffer pool index order. */
    public List<BufferPool> pools() {
        return pools;
    }

    /** Pool {@code index}. */
    public BufferPool pool(int index) {
        return pools.get(index);
    }

    /** Threads that have an allocator. */
    public int threadCount() {
        return allocators.size();
    }

    /**
     * The allocator of thread {@code threadIndex} (0 is the main thread), to be used by that
     * thread only.
     */
    public BufferAllocator allocator(int threadIndex) {
        return allocators.get(threadIndex);
    }

    /** The memfd mapping of buffer memory: its descriptor is what memif hands to a peer. */
    public MemfdRegion region() {
        return region;
    }

    /** Page size of buffer memory in bytes. */
    public long pageSize() {
        return region.pageSize();
    }

    /** The warning logged when hugepages failed and 4K pages were used instead; empty otherwise. */
    public Optional<String> pageSizeFallback() {
        return Optional.ofNullable(pageSizeFallback);
    }

    /** Unmaps buffer memory and closes its memfd; every later access to a buffer fails. */
    @Override
    public void close() {
        region.close();
    }

    @Override
    public String toString() {
        return "buffer pools " + pools.stream().map(BufferPool::name).toList() + " in " + region;
    }
}
