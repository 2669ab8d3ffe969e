package io.vecta.sdk.config;

import java.util.Objects;

/**
 * One key a block accepts, and what follows it. A key may be several words
 * ({@code default data-size}); its words must then follow one another.
 *
 * <pre>
 *   FLAG         nodaemon
 *   VALUE        cli-listen /run/vecta/cli.sock        argument names the value: PATH
 *   BLOCK        default { variant avx2 }              inner: keys of the nested block
 *   NAMED_BLOCK  plugin sample_plugin.so { disable }   argument names the name: NAME
 * </pre>
 *
 * @param name     the key's words, separated by one space
 * @param kind     what follows the key
 * @param argument for VALUE and NAMED_BLOCK, what the word after the key stands for, shown in
 *                 messages and usage ({@code PATH}, {@code N}, {@code on|off}); otherwise empty
 * @param inner    for BLOCK and NAMED_BLOCK, the keys of the nested block; otherwise
 *                 {@link ConfigKeys#NONE}
 */
public record ConfigKey(String name, Kind kind, String argument, ConfigKeys inner) {

    /** What follows a key. */
    public enum Kind {
        /** Nothing: the key alone switches something on. */
        FLAG,
        /** One word. */
        VALUE,
        /** A block. */
        BLOCK,
        /** One word that names the block, then the block. */
        NAMED_BLOCK
    }

    /** Checks that the name is words and that argument and inner fit the kind. */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(inner, "inner");
        if (name.isEmpty() || !name.equals(name.strip()) || name.contains("  ") || !ConfigKeys.isBareWords(name)) {
            throw new IllegalArgumentException("config key '" + name
                    + "' is invalid: a key is one or more bare words separated by one space");
        }
        boolean takesArgument = kind == Kind.VALUE || kind == Kind.NAMED_BLOCK;
        if (takesArgument == argument.isEmpty()) {
            throw new IllegalArgumentException("config key '" + name + "' of kind " + kind
                    + (takesArgument ? " needs an argument name" : " takes no argument name"));
        }
        boolean takesBlock = kind == Kind.BLOCK || kind == Kind.NAMED_BLOCK;
        if (!takesBlock && inner != ConfigKeys.NONE) {
            throw new IllegalArgumentException("config key '" + name + "' of kind " + kind + " has no nested block");
        }
    }

    /** How the key is written, e.g. {@code cli-listen PATH} or {@code plugin NAME { ... }}. */
    public String usage() {
        return switch (kind) {
            case FLAG -> name;
            case VALUE -> name + " " + argument;
            case BLOCK -> name + " { ... }";
            case NAMED_BLOCK -> name + " " + argument + " { ... }";
        };
    }

    /** The number of words of the name. */
    int wordCount() {
        return (int) name.chars().filter(c -> c == ' ').count() + 1;
    }
}
