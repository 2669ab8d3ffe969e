package io.vecta.api.compiler.model;

import java.util.List;

/**
 * {@code union name { arms };}: the arms share one place on the wire, as big as the biggest.
 * In a tagged union every arm carries {@code [case=ENUM_ENTRY]} and the field that holds the
 * union names its tag with {@code [discriminator=field]}.
 */
public record Union(String name, List<DefinitionFlag> flags, List<Field> arms, SourcePosition position)
        implements UserType {

    public Union {
        flags = List.copyOf(flags);
        arms = List.copyOf(arms);
    }

    public boolean isVariableLength() {
        return arms.stream().anyMatch(Field::isVariableLength);
    }
}
