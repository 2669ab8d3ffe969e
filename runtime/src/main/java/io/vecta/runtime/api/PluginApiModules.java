package io.vecta.runtime.api;

import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiModuleDescriptor;
import io.vecta.sdk.api.MessageCodec;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the binary API modules plugins contribute ({@code PluginRegistration.apiModules()}),
 * after the runtime's own, as VPP gives each plugin's {@code .api} file its own block of ids.
 *
 * <pre>
 *   memclnt 1..28 │ vlib │ vpe │ plugin a's modules │ plugin b's modules │ ...
 *                  runtime      plugins by name; each plugin's modules in its registration's order
 * </pre>
 *
 * Plugins are taken in name order, not in the order they were found, so that the ids do not
 * depend on the class path or on which jar the directory lists first: the same plugins give
 * the same ids on every start.
 *
 * <p>A module is refused, and the runtime serves the others, when its name is already taken
 * (by the runtime or by a plugin earlier in name order), when one of its message names is
 * already a message of another module (message names are one namespace for clients, which look
 * ids up by {@code name_crc}), or when it is given two handlers for one request. Each refusal
 * names both owners, is logged as a warning and is listed by {@code show api message-table}.
 * A plugin's handler for a request none of its modules defines is never called; it is logged.
 */
public final class PluginApiModules {

    private static final System.Logger LOG = System.getLogger(PluginApiModules.class.getName());
    private static final String RUNTIME = "the runtime";

    private final ApiRegistry registry;
    /** Owner of each registered module and message name: the runtime or {@code plugin 'x'}. */
    private final Map<String, String> moduleOwners = new HashMap<>();
    private final Map<String, String> messageOwners = new HashMap<>();
    private final List<String> refused = new ArrayList<>();

    private PluginApiModules(ApiRegistry registry) {
        this.registry = registry;
        for (ApiModule module : registry.modules()) {
            moduleOwners.put(module.name(), RUNTIME);
            for (ApiMessage message : module.messages()) {
                messageOwners.put(message.name(), describe(RUNTIME, module.name()));
            }
        }
    }

    /**
     * Registers the modules of {@code plugins} into {@code registry}, which holds the runtime's
     * own modules already, and returns why each refused module was refused (empty if none).
     */
    public static List<String> register(ApiRegistry registry, List<LoadedPlugin> plugins) {
        PluginApiModules modules = new PluginApiModules(registry);
        plugins.stream().sorted(Comparator.comparing(LoadedPlugin::name)).forEach(modules::register);
        return List.copyOf(modules.refused);
    }

    private void register(LoadedPlugin plugin) {
        String owner = "plugin '" + plugin.name() + "' (" + plugin.origin() + ")";
        List<ApiModuleDescriptor> descriptors;
        try {
            // the plugin's code makes its handler objects here: a failure refuses its modules only
            descriptors = plugin.registration().apiModules();
        } catch (RuntimeException | LinkageError e) {
            refuse("the api modules of " + owner + " are refused: making its handlers failed: " + e);
            return;
        }
        Set<String> defined = new HashSet<>();
        for (ApiModuleDescriptor descriptor : descriptors) {
            String reason = conflict(descriptor);
            ApiModule module = null;
            if (reason == null) {
                try {
                    module = ApiModule.fromCodecs(descriptor.name(), descriptor.fileCrc(), descriptor.messages(),
                            descriptor.handlers());
                } catch (IllegalArgumentException e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                refuse("api module " + descriptor.rangeName() + " of " + owner + " is refused: " + reason);
                continue;
            }
            registry.register(module);
            moduleOwners.put(descriptor.name(), owner);
            for (MessageCodec<?> codec : descriptor.messages()) {
                messageOwners.put(codec.name(), describe(owner, descriptor.name()));
            }
        }
        for (ApiModuleDescriptor descriptor : descriptors) {
            descriptor.messages().forEach(codec -> defined.add(codec.key()));
        }
        Set<String> warned = new HashSet<>();
        for (ApiModuleDescriptor descriptor : descriptors) {
            for (ApiHandlerBinding binding : descriptor.handlers()) {
                String key = binding.request().key();
                if (!defined.contains(key) && warned.add(key)) {
                    LOG.log(Level.WARNING, owner + " has a handler for " + key + ", which none of its api modules "
                            + "defines: it is not served");
                }
            }
        }
    }

    /** Why {@code descriptor} cannot be registered beside the modules already there, or null. */
    private String conflict(ApiModuleDescriptor descriptor) {
        String moduleOwner = moduleOwners.get(descriptor.name());
        if (moduleOwner != null) {
            return "module '" + descriptor.name() + "' is already registered by " + moduleOwner;
        }
        Set<String> names = new HashSet<>();
        for (MessageCodec<?> codec : descriptor.messages()) {
            String messageOwner = messageOwners.get(codec.name());
            if (messageOwner != null) {
                return "its message '" + codec.name() + "' is already a message of " + messageOwner;
            }
            if (!names.add(codec.name())) {
                return "it defines message '" + codec.name() + "' twice";
            }
        }
        return null;
    }

    private void refuse(String reason) {
        LOG.log(Level.WARNING, reason);
        refused.add(reason);
        registry.refused(reason);
    }

    private static String describe(String owner, String module) {
        return "module '" + module + "' of " + owner;
    }
}
