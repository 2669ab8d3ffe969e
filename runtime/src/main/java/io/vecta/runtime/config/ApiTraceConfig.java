package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigKeys;
import java.util.Optional;

/**
 * The {@code api-trace { }} section: keep a ring of the last binary-API messages received.
 * <pre>
 * api-trace {
 *   on                         # or enable
 *   nitems 262144              # messages in the ring
 *   save-api-table api.table   # write the message table to /tmp/FILE
 * }
 * </pre>
 *
 * @param on           tracing is on
 * @param nitems       messages the ring holds
 * @param saveApiTable file to save the message table in, if any
 */
public record ApiTraceConfig(boolean on, int nitems, Optional<String> saveApiTable) {

    /** The section's name. */
    public static final String SECTION = "api-trace";

    /** VPP's ring size, 256K messages. */
    public static final int DEFAULT_NITEMS = 256 << 10;

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .flag("on")
            .flag("enable")
            .value("nitems", "N")
            .value("save-api-table", "FILE")
            .build();

    /** Reads the section. */
    public static ApiTraceConfig from(ConfigBlock apiTrace) {
        return new ApiTraceConfig(
                apiTrace.flag("on") || apiTrace.flag("enable"),
                apiTrace.intValue("nitems", 1, 1 << 24).orElse(DEFAULT_NITEMS),
                apiTrace.value("save-api-table", name -> !name.contains("/"),
                        "a FILE name without '/' (it is written in /tmp)"));
    }
}
