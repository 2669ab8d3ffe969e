package io.vecta.runtime.graph;

import io.vecta.sdk.node.PluginRegistration;

/**
 * A plugin found by the {@link PluginLoader}, and where it was found.
 *
 * @param registration the plugin's registration
 * @param origin       {@code class path} or the jar's path, for messages and {@code show plugins}
 */
public record LoadedPlugin(PluginRegistration registration, String origin) {

    /** The plugin's name. */
    public String name() {
        return registration.name();
    }
}
