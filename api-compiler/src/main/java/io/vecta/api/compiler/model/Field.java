package io.vecta.api.compiler.model;

import java.util.Map;

/**
 * One member of a message, struct typedef or union, or the target of an alias.
 *
 * @param type the element type, resolved
 * @param name as written
 * @param shape scalar, fixed array, counted array or open string
 * @param options the bracketed field options in written order ({@code default}, {@code limit},
 *     {@code discriminator}, {@code case}); none of them changes a CRC
 * @param position where the field's name is written
 */
public record Field(ApiType type, String name, FieldShape shape, Map<String, OptionValue> options,
        SourcePosition position) {

    public Field {
        options = Ordered.copy(options);
    }

    /** Whether the field's size depends on the message: a counted array, an open string, or a type that ends in one. */
    public boolean isVariableLength() {
        if (shape.isVariableLength()) {
            return true;
        }
        return switch (type) {
            case TypeDef typeDef -> typeDef.isVariableLength();
            case Union union -> union.isVariableLength();
            default -> false;
        };
    }
}
