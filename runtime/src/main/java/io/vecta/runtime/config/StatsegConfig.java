package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigKeys;
import java.nio.file.Path;

/**
 * The {@code statseg { }} section: the shared-memory segment that other processes read
 * counters from, and the socket that hands it out.
 * <pre>
 * statseg {
 *   socket-name stats.sock        # in the runtime directory unless absolute
 *   size 32M                      # K, M or G
 *   page-size 4k                  # 4k | 2m | default | default-hugepage
 *   per-node-counters on          # on | off
 *   update-interval 10            # seconds between updates of the gauges
 * }
 * </pre>
 * VPP's {@code default} keyword, which it ignores, is accepted and ignored too.
 *
 * @param socketName      the socket that hands out the segment
 * @param size            the segment's size in bytes
 * @param pageSize        {@code 4k}, {@code 2m}, {@code default} or {@code default-hugepage}
 * @param perNodeCounters keep counters for every node
 * @param updateInterval  seconds between updates
 */
public record StatsegConfig(Path socketName, long size, String pageSize, boolean perNodeCounters,
        double updateInterval) {

    /** The section's name. */
    public static final String SECTION = "statseg";

    /** VPP's socket name, in the runtime directory. */
    public static final String DEFAULT_SOCKET_NAME = "stats.sock";

    /** VPP's segment size, 32M. */
    public static final long DEFAULT_SIZE = 32L << 20;

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("socket-name", "PATH")
            .flag("default")
            .value("size", "SIZE")
            .value("page-size", "4k|2m|default|default-hugepage")
            .value("per-node-counters", "on|off")
            .value("update-interval", "SECONDS")
            .build();

    /**
     * Reads the section.
     *
     * @param runtimeDir where a relative socket name goes
     */
    public static StatsegConfig from(ConfigBlock statseg, Path runtimeDir) {
        return new StatsegConfig(
                runtimeDir.resolve(statseg.value("socket-name").orElse(DEFAULT_SOCKET_NAME)),
                statseg.sizeValue("size", 1L << 20, 64L << 30).orElse(DEFAULT_SIZE),
                statseg.choice("page-size", "4k", "2m", "default", "default-hugepage").orElse("4k"),
                statseg.booleanValue("per-node-counters").orElse(false),
                statseg.doubleValue("update-interval", 0.01, 3600).orElse(10.0));
    }
}
