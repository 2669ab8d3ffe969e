package io.vecta.runtime.config;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigException;
import io.vecta.sdk.config.ConfigKeys;

/**
 * Reads the {@code buffers { }} section into the buffer pools' own {@link BufferConfig}, which
 * documents the keys and VPP's defaults.
 */
public final class BuffersSection {

    /** The section's name. */
    public static final String SECTION = "buffers";

    /**
     * The fewest buffers per NUMA node: four full frames, so that a main thread and a worker
     * can each hold a per-thread cache and still find buffers in the pool.
     */
    public static final int MIN_BUFFERS_PER_NUMA = 1024;

    /** The most buffers per NUMA node, 2^24. */
    public static final int MAX_BUFFERS_PER_NUMA = 1 << 24;

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("buffers-per-numa", "N")
            .value("default data-size", "N")
            .value("page-size", "4k|2m|default|default-hugepage")
            .build();

    private BuffersSection() {
    }

    /**
     * Reads the section; an absent key keeps VPP's default.
     *
     * @throws ConfigException at the value out of range, or at the section
     *         if the pool as a whole is too large to address
     */
    public static BufferConfig from(ConfigBlock buffers) {
        BufferConfig.Builder builder = BufferConfig.builder();
        buffers.intValue("buffers-per-numa", MIN_BUFFERS_PER_NUMA, MAX_BUFFERS_PER_NUMA)
                .ifPresent(builder::buffersPerNuma);
        buffers.intValue("default data-size", Buffers.MIN_DATA_SIZE, Buffers.MAX_DATA_SIZE)
                .ifPresent(builder::dataSize);
        buffers.choice("page-size", "4k", "2m", "default", "default-hugepage")
                .ifPresent(size -> builder.pageSize(BufferPageSize.parse(size)));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // each value is in range, but together they are not: BufferConfig says why
            throw new ConfigException(buffers.position(), e.getMessage());
        }
    }
}
