package io.vecta.runtime.cli;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services commands reach through {@link io.vecta.sdk.cli.CliContext#service}: the runtime
 * registers each by the type commands ask for (the graph, the interfaces, the
 * {@link io.vecta.sdk.cli.CliNames} that check names in arguments, ...) while it starts, before
 * the first command runs.
 *
 * <pre>{@code
 * CliServices services = new CliServices()
 *         .register(CliNames.class, names)
 *         .register(Graph.class, graph);
 * }</pre>
 */
public final class CliServices {

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    /**
     * Registers {@code service} as the one of {@code type}.
     *
     * @throws IllegalStateException if {@code type} already has one
     */
    public <T> CliServices register(Class<T> type, T service) {
        Objects.requireNonNull(service, "service");
        Object previous = services.putIfAbsent(type, type.cast(service));
        if (previous != null) {
            throw new IllegalStateException("CLI service " + type.getName() + " is registered twice: " + previous
                    + " and " + service);
        }
        return this;
    }

    /** The service of {@code type}, if one is registered. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
