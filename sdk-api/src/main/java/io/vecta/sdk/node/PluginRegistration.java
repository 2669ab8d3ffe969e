package io.vecta.sdk.node;

import io.vecta.sdk.api.ApiModuleDescriptor;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.config.ConfigSectionDescriptor;
import java.util.List;

/**
 * A plugin, as the runtime finds it with {@link java.util.ServiceLoader}: VPP's
 * {@code vlib_plugin_registration_t} plus everything the plugin registers. The processor
 * generates the implementation from {@code @Plugin} and the nodes, arcs, features, CLI
 * commands and binary API modules of the compilation, and its {@code META-INF/services} entry.
 *
 * <p>The runtime first checks {@link #sdkVersion()} with {@link SdkVersion#checkCompatible},
 * and refuses the plugin, naming both versions, when it does not fit.
 */
public interface PluginRegistration {

    /** The plugin's unique name. */
    String name();

    /** The plugin's own version. */
    String version();

    /** One line for {@code show plugins}. */
    String description();

    /** Whether the runtime loads it unless the configuration disables it. */
    boolean enabledByDefault();

    /** The SDK version the plugin was compiled against. */
    SdkVersion sdkVersion();

    /** The plugin's nodes. */
    List<NodeDescriptor> nodes();

    /** The feature arcs the plugin declares. */
    List<FeatureArcDescriptor> featureArcs();

    /** The features the plugin puts on arcs (its own or other plugins'). */
    List<FeatureDescriptor> features();

    /**
     * The startup.conf sections the plugin reads, each with its keys and handler; none by
     * default. The runtime hands each section to its handler before the graph starts.
     */
    default List<ConfigSectionDescriptor> configSections() {
        return List.of();
    }

    /**
     * The plugin's CLI commands. The generated registration creates the objects of instance
     * commands on the first call, one per class, and returns the same list on every call.
     */
    default List<CommandDescriptor> commands() {
        return List.of();
    }

    /**
     * The plugin's binary API modules, one per {@code .api} file of its {@code @ApiModule}
     * packages, each with the bindings of the plugin's {@code @ApiHandler} methods; none by
     * default. The generated registration creates the handler objects on the first call, one
     * per class (the same object as the class's CLI commands use), and returns the same list on
     * every call. The runtime registers them when its API server starts, after its own modules.
     */
    default List<ApiModuleDescriptor> apiModules() {
        return List.of();
    }
}
