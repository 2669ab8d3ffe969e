package io.vecta.runtime.buffer;

import io.vecta.sdk.buffer.BufferPoolLayout;
import io.vecta.sdk.buffer.Buffers;
import java.util.Objects;

/**
 * The {@code buffers { }} section of startup.conf, with VPP's meanings and defaults:
 * <pre>
 * buffers {
 *   buffers-per-numa 16384        # buffers in the pool of each NUMA node
 *   default data-size 2048        # bytes of packet data per buffer
 *   page-size default-hugepage    # 4K | 2M | default | default-hugepage; absent: hugepages, else 4K
 * }
 * </pre>
 *
 * @param buffersPerNuma buffers in each NUMA node's pool, at least 1
 * @param dataSize       bytes of data per buffer, {@link Buffers#MIN_DATA_SIZE} to
 *                       {@link Buffers#MAX_DATA_SIZE}
 * @param pageSize       pages for buffer memory
 */
public record BufferConfig(int buffersPerNuma, int dataSize, BufferPageSize pageSize) {

    /** VPP's default {@code buffers-per-numa}. */
    public static final int DEFAULT_BUFFERS_PER_NUMA = 16384;

    /** Checks every field; messages name the startup.conf field and its limit. */
    public BufferConfig {
        Objects.requireNonNull(pageSize, "buffers: page-size");
        if (buffersPerNuma < 1) {
            throw new IllegalArgumentException("buffers: buffers-per-numa " + buffersPerNuma
                    + " is invalid: a pool needs at least 1 buffer");
        }
        if (dataSize < Buffers.MIN_DATA_SIZE) {
            throw new IllegalArgumentException("buffers: default data-size " + dataSize + " is below the minimum of "
                    + Buffers.MIN_DATA_SIZE + " bytes");
        }
        if (dataSize > Buffers.MAX_DATA_SIZE) {
            throw new IllegalArgumentException("buffers: default data-size " + dataSize + " is above the maximum of "
                    + Buffers.MAX_DATA_SIZE + " bytes (current_length is 16 bits)");
        }
        long bytes = (long) buffersPerNuma * BufferPoolLayout.strideBytes(dataSize);
        if (bytes > 1L << 38) {
            throw new IllegalArgumentException("buffers: buffers-per-numa " + buffersPerNuma + " of data-size "
                    + dataSize + " need " + bytes + " bytes, more than the 256 GiB that 32-bit buffer indices address");
        }
    }

    /** All defaults: 16384 buffers per NUMA node, 2048 bytes of data, hugepages if the host has them. */
    public static BufferConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BufferConfig}, starting from VPP's defaults. */
    public static final class Builder {

        private int buffersPerNuma = DEFAULT_BUFFERS_PER_NUMA;
        private int dataSize = Buffers.DEFAULT_DATA_SIZE;
        private BufferPageSize pageSize = BufferPageSize.UNSET;

        private Builder() {
        }

        /** {@code buffers-per-numa N}. */
        public Builder buffersPerNuma(int buffers) {
            this.buffersPerNuma = buffers;
            return this;
        }

        /** {@code default data-size N}. */
        public Builder dataSize(int bytes) {
            this.dataSize = bytes;
            return this;
        }

        /** {@code page-size 4K|2M|default|default-hugepage}. */
        public Builder pageSize(BufferPageSize size) {
            this.pageSize = size;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first field out of range
         */
        public BufferConfig build() {
            return new BufferConfig(buffersPerNuma, dataSize, pageSize);
        }
    }
}
