package io.vecta.runtime.show;

import io.vecta.runtime.buffer.BufferPool;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.sdk.buffer.Buffers;

/**
 * {@code show buffers [detail]}, in VPP's layout:
 * <pre>
 * Pool Name            Index NUMA  Size  Data Size  Total  Avail  Cached   Used
 * default-numa-0         0     0   2304     2048    16814  16782    32       0
 * </pre>
 * Size is data size plus the 256 bytes of metadata and headroom; Cached is what the threads'
 * caches hold, Used what is neither free nor cached. With {@code detail}, a line per thread
 * shows its cache.
 */
public final class ShowBuffers {

    private ShowBuffers() {
    }

    /** The text of {@code show buffers}, {@code detail} adding each thread's cache. */
    public static String format(BufferPools pools, boolean detail) {
        StringBuilder text = new StringBuilder();
        text.append(Columns.left("Pool Name", 20)).append(Columns.center("Index", 6)).append(Columns.center("NUMA", 6))
                .append(Columns.center("Size", 6)).append(Columns.center("Data Size", 11))
                .append(Columns.center("Total", 6)).append(Columns.center("Avail", 8))
                .append(Columns.center("Cached", 8)).append(Columns.center("Used", 8)).append('\n');
        for (BufferPool pool : pools.pools()) {
            int available = pool.available();
            int cached = pool.cached();
            text.append(Columns.left(pool.name(), 20)).append(Columns.center(pool.index(), 6))
                    .append(Columns.center(pool.numaNode(), 6))
                    .append(Columns.center(pool.dataSize() + Buffers.HEADER_SIZE, 6))
                    .append(Columns.center(pool.dataSize(), 11)).append(Columns.center(pool.total(), 6))
                    .append(Columns.center(available, 8)).append(Columns.center(cached, 8))
                    .append(Columns.center(pool.total() - available - cached, 8)).append('\n');
            if (detail) {
                for (int thread = 0; thread < pools.threadCount(); thread++) {
                    text.append(Columns.right("thread", 20)).append(Columns.center(thread, 6))
                            .append(" ".repeat(37)).append(Columns.center(pool.cached(thread), 8)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
