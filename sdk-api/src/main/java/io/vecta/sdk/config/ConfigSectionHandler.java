package io.vecta.sdk.config;

/**
 * What a plugin does with its section of startup.conf, VPP's config function
 * ({@code VLIB_CONFIG_FUNCTION}). The runtime calls it once at startup, on the main thread,
 * before any node runs, with the section already read against the declared keys; with an empty
 * block if the file has no such section, so that defaults are set in one place.
 */
@FunctionalInterface
public interface ConfigSectionHandler {

    /**
     * Takes the section's settings.
     *
     * @param section the section, read with the descriptor's keys
     * @throws ConfigException for a value the plugin cannot use; build it with
     *                         {@link ConfigBlock#error} or {@link ConfigBlock#expected} so that
     *                         it names the position
     */
    void configure(ConfigBlock section);
}
