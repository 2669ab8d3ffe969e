package io.vecta.sdk.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a block accepts: the schema that turns a block's words into items. VPP has no
 * such schema written down; each section's C handler knows which words take a value. Here the
 * handler declares it, so that every section gets the same checks and the same messages, and
 * the words after a key are read the way VPP reads them (a value is the next word, whatever
 * it is).
 *
 * <pre>{@code
 * ConfigKeys keys = ConfigKeys.builder()
 *         .flag("nodaemon")
 *         .value("cli-listen", "PATH|HOST:PORT")
 *         .namedBlock("plugin", "NAME", ConfigKeys.builder().flag("enable").flag("disable").build())
 *         .build();
 * }</pre>
 *
 * <p>A block may also accept {@linkplain Builder#otherBlocks blocks under any other name},
 * like {@code node { ip4-rewrite { variant avx2 } }}, whose keys are node names.
 */
public final class ConfigKeys {

    /** No keys: a block that must be empty. */
    public static final ConfigKeys NONE = new ConfigKeys(List.of(), null);

    private final List<ConfigKey> keys;
    private final Map<String, ConfigKey> byName;
    private final List<ConfigKey> longestFirst;
    private final ConfigKey otherBlocks;

    private ConfigKeys(List<ConfigKey> keys, ConfigKey otherBlocks) {
        this.keys = List.copyOf(keys);
        Map<String, ConfigKey> map = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            map.put(key.name(), key);
        }
        this.byName = map;
        this.longestFirst = keys.stream().sorted(Comparator.comparingInt(ConfigKey::wordCount).reversed()).toList();
        this.otherBlocks = otherBlocks;
    }

    /** A builder with no keys. */
    public static Builder builder() {
        return new Builder();
    }

    /** The declared keys in declaration order. */
    public List<ConfigKey> keys() {
        return keys;
    }

    /** The key of that name. */
    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The block accepted under any word that is not a key: a BLOCK key whose name says what
     * that word stands for (e.g. {@code NODE}) and whose inner keys are the nested block's;
     * empty if this block accepts none.
     */
    public Optional<ConfigKey> otherBlocks() {
        return Optional.ofNullable(otherBlocks);
    }

    /** Every key as it is written, for messages and help: {@code nodaemon, cli-listen PATH, ...}. */
    public String usage() {
        List<String> forms = new ArrayList<>();
        keys.forEach(key -> forms.add(key.usage()));
        if (otherBlocks != null) {
            forms.add(otherBlocks.name() + " { ... }");
        }
        return forms.isEmpty() ? "none" : String.join(", ", forms);
    }

    /** Keys longest first, so that {@code default data-size} is tried before {@code default}. */
    List<ConfigKey> longestFirst() {
        return longestFirst;
    }

    /** The key nearest to a misspelt word, if one is close enough to suggest. */
    Optional<String> suggestion(String word) {
        int best = Math.max(1, Math.min(3, word.length() / 3));
        String suggestion = null;
        for (ConfigKey key : keys) {
            String first = key.name().split(" ")[0];
            int distance = editDistance(word, first);
            if (distance <= best) {
                best = distance - 1;
                suggestion = key.name();
            }
        }
        return Optional.ofNullable(suggestion);
    }

    static boolean isBareWords(String text) {
        return text.chars().noneMatch(c -> c == '{' || c == '}' || c == '#' || c == '"' || c == '\t'
                || c == '\n' || c == '\r');
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return usage();
    }

    /** Collects keys; each name at most once. */
    public static final class Builder {

        private final List<ConfigKey> keys = new ArrayList<>();
        private ConfigKey otherBlocks;

        private Builder() {
        }

        /** A key that stands alone: {@code nodaemon}. */
        public Builder flag(String name) {
            return add(new ConfigKey(name, ConfigKey.Kind.FLAG, "", NONE));
        }

        /**
         * A key followed by one word: {@code cli-listen PATH}.
         *
         * @param argument what the value stands for, in messages: {@code PATH}, {@code N}
         */
        public Builder value(String name, String argument) {
            return add(new ConfigKey(name, ConfigKey.Kind.VALUE, argument, NONE));
        }

        /** A key followed by a block with keys of its own: {@code default { ... }}. */
        public Builder block(String name, ConfigKeys inner) {
            return add(new ConfigKey(name, ConfigKey.Kind.BLOCK, "", inner));
        }

        /**
         * A key followed by a name and a block: {@code plugin NAME { ... }}.
         *
         * @param argument what the name stands for, in messages: {@code NAME}
         */
        public Builder namedBlock(String name, String argument, ConfigKeys inner) {
            return add(new ConfigKey(name, ConfigKey.Kind.NAMED_BLOCK, argument, inner));
        }

        /**
         * Blocks under any word that is not a key: {@code NODE { ... }}. The word becomes the
         * nested block's key.
         *
         * @param argument what the word stands for, in messages: {@code NODE}
         */
        public Builder otherBlocks(String argument, ConfigKeys inner) {
            Objects.requireNonNull(inner, "inner");
            if (argument.isEmpty()) {
                throw new IllegalArgumentException("other blocks need an argument name, e.g. NODE");
            }
            this.otherBlocks = new ConfigKey(argument, ConfigKey.Kind.BLOCK, "", inner);
            return this;
        }

        /** The keys. */
        public ConfigKeys build() {
            return new ConfigKeys(keys, otherBlocks);
        }

        private Builder add(ConfigKey key) {
            for (ConfigKey existing : keys) {
                if (existing.name().equals(key.name())) {
                    throw new IllegalArgumentException("config key '" + key.name() + "' is declared twice");
                }
            }
            keys.add(key);
            return this;
        }
    }
}
