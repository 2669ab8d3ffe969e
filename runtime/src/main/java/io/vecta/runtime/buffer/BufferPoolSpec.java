package io.vecta.runtime.buffer;

import io.vecta.sdk.buffer.BufferPoolLayout;

/**
 * A pool to create: VPP makes one per NUMA node, named {@code default-numa-N}.
 *
 * @param name     the pool's name, shown by {@code show buffers}
 * @param numaNode the NUMA node it serves
 * @param buffers  at least this many buffers; the rest of its last page is filled too, as VPP does
 * @param dataSize bytes of data per buffer
 */
public record BufferPoolSpec(String name, int numaNode, int buffers, int dataSize) {

    /** Checks the values with the same rules as a pool layout. */
    public BufferPoolSpec {
        new BufferPoolLayout(name, 1, buffers, dataSize);
        if (numaNode < 0) {
            throw new IllegalArgumentException("buffer pool '" + name + "': NUMA node " + numaNode + " is negative");
        }
    }

    /** VPP's default pool of a NUMA node. */
    public static BufferPoolSpec defaultFor(int numaNode, BufferConfig config) {
        return new BufferPoolSpec("default-numa-" + numaNode, numaNode, config.buffersPerNuma(), config.dataSize());
    }
}
