package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigKeys;
import java.nio.file.Path;

/**
 * The {@code socksvr { }} section: the unix socket that serves the binary API.
 * <pre>
 * socksvr {
 *   socket-name /run/vecta/api.sock   # in the runtime directory unless absolute
 * }
 * </pre>
 * VPP's {@code default} keyword (the default socket, which is what happens anyway) is accepted.
 *
 * @param socketName the API socket
 */
public record SocksvrConfig(Path socketName) {

    /** The section's name. */
    public static final String SECTION = "socksvr";

    /** VPP's socket name, in the runtime directory. */
    public static final String DEFAULT_SOCKET_NAME = "api.sock";

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("socket-name", "PATH")
            .flag("default")
            .build();

    /**
     * Reads the section.
     *
     * @param runtimeDir where a relative socket name goes
     */
    public static SocksvrConfig from(ConfigBlock socksvr, Path runtimeDir) {
        return new SocksvrConfig(runtimeDir.resolve(socksvr.value("socket-name").orElse(DEFAULT_SOCKET_NAME)));
    }
}
