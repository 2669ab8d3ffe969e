package io.vecta.api.compiler.model;

import java.util.List;

/** {@code service { rpc ...; ... };} */
public record ServiceBlock(List<Service> services, SourcePosition position) implements Definition {

    public ServiceBlock {
        services = List.copyOf(services);
    }
}
