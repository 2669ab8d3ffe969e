package io.vecta.sdk.config;

import java.util.Objects;

/**
 * One word of a configuration file: a bare word, or the text of a quoted string without its
 * quotes and escapes.
 *
 * @param text     the word
 * @param position where it starts (for a quoted string, its opening quote)
 */
public record ConfigWord(String text, ConfigPosition position) implements ConfigElement {

    /** Checks both fields. */
    public ConfigWord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
