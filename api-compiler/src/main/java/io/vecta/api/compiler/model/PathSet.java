package io.vecta.api.compiler.model;

import java.util.List;

/** {@code paths { "/err/ip4-input" "ip4"; ... };}: which counter set each stats path shows. */
public record PathSet(List<Mapping> mappings, SourcePosition position) implements Definition {

    public PathSet {
        mappings = List.copyOf(mappings);
    }

    public record Mapping(String path, String counterSet) {
    }
}
