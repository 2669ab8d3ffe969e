package io.vecta.runtime.config;

import io.vecta.runtime.log.LogLevel;
import io.vecta.runtime.log.LogRouter;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigItem;
import io.vecta.sdk.config.ConfigKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code logging { }} section: the in-memory log ring and the levels that reach it and
 * syslog, overall and per class.
 * <pre>
 * logging {
 *   size 512                          # entries in the ring
 *   default-log-level notice          # emerg alert crit error warn notice info debug disabled
 *   default-syslog-log-level warn
 *   class dpdk/cryptodev { rate-limit 100 level debug syslog-level error }
 * }
 * </pre>
 *
 * @param size                  entries the log ring holds
 * @param defaultLogLevel       the least severe level kept in the ring
 * @param defaultSyslogLogLevel the least severe level sent to syslog
 * @param classes               per-class settings by class name, in file order
 */
public record LoggingConfig(int size, LogLevel defaultLogLevel, LogLevel defaultSyslogLogLevel,
        Map<String, LogClass> classes) {

    /** The section's name. */
    public static final String SECTION = "logging";

    /** VPP's ring size. */
    public static final int DEFAULT_SIZE = LogRouter.DEFAULT_RING_SIZE;

    private static final String LEVELS = String.join("|", LogLevel.labels());

    private static final ConfigKeys CLASS_KEYS = ConfigKeys.builder()
            .value("level", LEVELS)
            .value("syslog-level", LEVELS)
            .value("rate-limit", "N")
            .build();

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("size", "N")
            .value("default-log-level", LEVELS)
            .value("default-syslog-log-level", LEVELS)
            .namedBlock("class", "CLASS", CLASS_KEYS)
            .build();

    /**
     * One class's settings; absent ones follow the defaults.
     *
     * @param name        the class, e.g. {@code dpdk/cryptodev}
     * @param level       the least severe level kept in the ring
     * @param syslogLevel the least severe level sent to syslog
     * @param rateLimit   messages per second before the class is throttled
     */
    public record LogClass(String name, Optional<LogLevel> level, Optional<LogLevel> syslogLevel,
            OptionalInt rateLimit) {
    }

    /** Copies the map, keeping its order. */
    public LoggingConfig {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** Reads the section. */
    public static LoggingConfig from(ConfigBlock logging) {
        Map<String, LogClass> classes = new LinkedHashMap<>();
        Map<String, ConfigItem> seen = new LinkedHashMap<>();
        for (ConfigItem item : logging.items()) {
            if (!item.key().equals("class")) {
                continue;
            }
            ConfigBlock block = item.block().orElseThrow();
            String name = block.label().orElseThrow();
            ConfigItem first = seen.putIfAbsent(name, item);
            if (first != null) {
                throw logging.error(item.position(), "class '" + name + "' is configured twice (first at "
                        + first.position().lineAndColumn() + ")");
            }
            classes.put(name, new LogClass(name, level(block, "level"), level(block, "syslog-level"),
                    block.intValue("rate-limit", 0, Integer.MAX_VALUE)));
        }
        return new LoggingConfig(
                logging.intValue("size", 1, 1 << 20).orElse(DEFAULT_SIZE),
                level(logging, "default-log-level").orElse(LogRouter.DEFAULT_LEVEL),
                level(logging, "default-syslog-log-level").orElse(LogLevel.WARN),
                classes);
    }

    private static Optional<LogLevel> level(ConfigBlock block, String key) {
        return block.choice(key, LogLevel.labels()).map(LogLevel::parse);
    }
}
