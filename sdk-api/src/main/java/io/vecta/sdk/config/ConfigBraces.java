package io.vecta.sdk.config;

import java.util.List;
import java.util.Objects;

/**
 * A pair of braces and what is between them, as written: words and nested braces in order.
 * {@link ConfigBlock#read} gives it meaning with a set of {@link ConfigKeys}.
 *
 * @param position where the block opens ({@code '{'})
 * @param end      where it closes ({@code '}'}); errors about something missing at the end
 *                 of a block point here
 * @param elements the words and nested blocks between the braces
 */
public record ConfigBraces(ConfigPosition position, ConfigPosition end, List<ConfigElement> elements)
        implements ConfigElement {

    /** Checks the fields and copies the list. */
    public ConfigBraces {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(end, "end");
        elements = List.copyOf(elements);
    }

    /** An empty block at {@code position}, the body of a section the file does not contain. */
    public static ConfigBraces empty(ConfigPosition position) {
        return new ConfigBraces(position, position, List.of());
    }
}
