package io.vecta.api.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code typedef name { fields };}: a struct, laid out on the wire as its fields in order.
 *
 * @param comment the documentation comment written just before it, as written
 */
public record TypeDef(String name, List<DefinitionFlag> flags, List<Field> fields, Optional<String> comment,
        SourcePosition position) implements UserType {

    public TypeDef {
        flags = List.copyOf(flags);
        fields = List.copyOf(fields);
    }

    /** Whether the struct ends in a variable-length field, which makes every use of it variable too. */
    public boolean isVariableLength() {
        return fields.stream().anyMatch(Field::isVariableLength);
    }
}
