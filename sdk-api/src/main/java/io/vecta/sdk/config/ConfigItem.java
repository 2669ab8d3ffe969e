package io.vecta.sdk.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of a block with what followed it: nothing (a flag), a value word, or a nested block
 * (with its name word for a named block, as {@code plugin sample_plugin.so { disable }}).
 */
public final class ConfigItem {

    private final ConfigKey key;
    private final String name;
    private final ConfigPosition position;
    private final ConfigWord value;
    private final ConfigBlock block;

    ConfigItem(ConfigKey key, String name, ConfigPosition position, ConfigWord value, ConfigBlock block) {
        this.key = Objects.requireNonNull(key, "key");
        this.name = Objects.requireNonNull(name, "name");
        this.position = Objects.requireNonNull(position, "position");
        this.value = value;
        this.block = block;
    }

    /**
     * The key as written: the declared key's words, or for a block under any other name
     * ({@link ConfigKeys.Builder#otherBlocks}), that name.
     */
    public String key() {
        return name;
    }

    /** The declared key this item matched. */
    public ConfigKey declaredKey() {
        return key;
    }

    /** Where the key's first word starts. */
    public ConfigPosition position() {
        return position;
    }

    /** The word after a VALUE key, or the name of a NAMED_BLOCK; empty otherwise. */
    public Optional<ConfigWord> value() {
        return Optional.ofNullable(value);
    }

    /** The nested block of a BLOCK or NAMED_BLOCK key; empty otherwise. */
    public Optional<ConfigBlock> block() {
        return Optional.ofNullable(block);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        if (value != null) {
            text.append(' ').append(value.text());
        }
        if (block != null) {
            text.append(" { ... }");
        }
        return text.append(" @ ").append(position.lineAndColumn()).toString();
    }
}
