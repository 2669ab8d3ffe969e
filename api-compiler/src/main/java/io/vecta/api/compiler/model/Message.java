package io.vecta.api.compiler.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code define name { fields; options };}: one binary-API message. The implicit first field
 * {@code u16 _vl_msg_id} is not among {@link #fields()}.
 *
 * @param flags as written before {@code define}, in written order
 * @param options the {@code option} statements of the body in written order
 * @param comment the documentation comment written just before it
 * @param autoreplyOf for a reply made by {@code autoreply define x}: {@code x}
 */
public record Message(String name, List<DefinitionFlag> flags, List<Field> fields, Map<String, OptionValue> options,
        Optional<String> comment, Optional<String> autoreplyOf, SourcePosition position) implements Definition {

    public Message {
        flags = List.copyOf(flags);
        fields = List.copyOf(fields);
        options = Ordered.copy(options);
    }

    public boolean has(DefinitionFlag flag) {
        return flags.contains(flag);
    }
}
