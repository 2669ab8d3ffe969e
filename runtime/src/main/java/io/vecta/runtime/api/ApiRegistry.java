package io.vecta.runtime.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where modules register their messages before the server starts, in a fixed order (the
 * runtime's own modules, then plugins' by plugin name, see {@link PluginApiModules}), so that
 * the ids are the same on every start with the same plugins. {@link #table()} numbers them; registration ends there, because
 * clients learn the whole table once, at their handshake.
 *
 * <pre>{@code
 * ApiRegistry registry = ApiRegistry.withMemclnt();
 * registry.register(generatedVpeModule);      // generated from vpe.api, handlers bound
 * registry.register(pluginModule);
 * MessageTable table = registry.table();      // memclnt 1..28, vpe from 29, the plugin after it
 * }</pre>
 */
public final class ApiRegistry {

    private final ApiModule bootstrap;
    private final List<ApiModule> modules = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private MessageTable table;

    private ApiRegistry(ApiModule bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A registry whose fixed ids are memclnt's, answered by {@link Memclnt}'s handlers. */
    public static ApiRegistry withMemclnt() {
        return new ApiRegistry(Memclnt.module());
    }

    /**
     * Adds a module; its block follows those registered before.
     *
     * @throws IllegalStateException if the table was already built
     * @throws IllegalArgumentException if a module with the same range name is registered
     */
    public synchronized ApiRegistry register(ApiModule module) {
        Objects.requireNonNull(module, "module");
        if (table != null) {
            throw new IllegalStateException("api module " + module.rangeName() + ": registered after the message"
                    + " table was built; clients already know their ids");
        }
        if (module.name().equals(bootstrap.name())
                || modules.stream().anyMatch(m -> m.rangeName().equals(module.rangeName()))) {
            throw new IllegalArgumentException("api module " + module.rangeName() + " is registered twice");
        }
        modules.add(module);
        return this;
    }

    /** The modules registered so far, the bootstrap module first. */
    public synchronized List<ApiModule> modules() {
        List<ApiModule> all = new ArrayList<>();
        all.add(bootstrap);
        all.addAll(modules);
        return List.copyOf(all);
    }

    /**
     * Notes a module that was not registered and why, for {@code show api message-table}.
     *
     * @throws IllegalStateException if the table was already built
     */
    public synchronized void refused(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (table != null) {
            throw new IllegalStateException("api module refused after the message table was built: " + reason);
        }
        refused.add(reason);
    }

    /** The numbered table; the first call ends registration. */
    public synchronized MessageTable table() {
        if (table == null) {
            table = MessageTable.build(bootstrap, modules, refused);
        }
        return table;
    }
}
