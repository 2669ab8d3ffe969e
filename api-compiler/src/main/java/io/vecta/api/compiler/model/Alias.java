package io.vecta.api.compiler.model;

import java.util.List;

/**
 * {@code typedef u8 ip4_address[4];} or {@code typedef vl_api_prefix_t address_with_prefix;}: a
 * new name for a type or a fixed array of it. Its CRC text is always {@code []}, whatever it names.
 *
 * @param target the aliased type
 * @param shape scalar or fixed array
 */
public record Alias(String name, List<DefinitionFlag> flags, ApiType target, FieldShape shape,
        SourcePosition position) implements UserType {

    public Alias {
        flags = List.copyOf(flags);
    }
}
