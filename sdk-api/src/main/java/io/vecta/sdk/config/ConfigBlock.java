package io.vecta.sdk.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A section of startup.conf, or a block nested in one, read with its {@link ConfigKeys}: its
 * items in file order, each with its position, and typed lookups that fail with a
 * {@link ConfigException} naming the position, the block and what was expected.
 *
 * <pre>
 *   plugins {                                  block  key=plugins  path "plugins"
 *     path /opt/vecta/plugins                    item   value
 *     plugin sample_plugin.so { disable }        item   value=sample_plugin.so, block:
 *   }                                              block  key=plugin label=sample_plugin.so
 *                                                         path "plugins plugin sample_plugin.so"
 * </pre>
 *
 * <p>A key given more than once is legal, as in VPP: the single-value lookups ({@link #value},
 * {@link #intValue}, ...) take the last one, so a later line overrides an earlier one;
 * {@link #values} and {@link #blocks} return every one in order.
 *
 * <p>Lookups name a declared key of the right kind; asking for anything else is a mistake in
 * the handler, not in the file, and throws {@link IllegalArgumentException}.
 */
public final class ConfigBlock {

    private final String key;
    private final String label;
    private final String path;
    private final ConfigPosition position;
    private final ConfigKeys keys;
    private final List<ConfigItem> items;

    ConfigBlock(String key, String label, String path, ConfigPosition position, ConfigKeys keys,
            List<ConfigItem> items) {
        this.key = key;
        this.label = label;
        this.path = path;
        this.position = position;
        this.keys = keys;
        this.items = List.copyOf(items);
    }

    /**
     * Reads a section.
     *
     * @param name the section's name word ({@code unix})
     * @param body what the braces hold
     * @param keys the keys the section accepts
     * @throws ConfigException at the first word that does not fit {@code keys}
     */
    public static ConfigBlock read(ConfigWord name, ConfigBraces body, ConfigKeys keys) {
        Objects.requireNonNull(keys, "keys");
        return ConfigBlockReader.read("", name.position(), name.text(), null, body, keys);
    }

    /**
     * A section the file does not contain: no items, positioned at the whole file. Handlers
     * read it like any other and apply their defaults, as VPP calls every section's handler
     * whether or not the file has the section.
     */
    public static ConfigBlock absent(String name, String source, ConfigKeys keys) {
        ConfigPosition whole = ConfigPosition.wholeFile(source);
        return ConfigBlockReader.read("", whole, name, null, ConfigBraces.empty(whole), keys);
    }

    /** The section name, or the key of a nested block ({@code plugin}). */
    public String key() {
        return key;
    }

    /** The name word of a named block ({@code sample_plugin.so} in {@code plugin sample_plugin.so { }}). */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The words that lead here from the top, used in messages: {@code plugins plugin sample_plugin.so}. */
    public String path() {
        return path;
    }

    /** Where the block's key is (the whole file for an absent section). */
    public ConfigPosition position() {
        return position;
    }

    /** The keys this block was read with. */
    public ConfigKeys keys() {
        return keys;
    }

    /** Every item in file order. */
    public List<ConfigItem> items() {
        return items;
    }

    /** Whether the block has no items. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the flag is given. */
    public boolean flag(String flag) {
        declared(flag, ConfigKey.Kind.FLAG);
        return items.stream().anyMatch(item -> item.key().equals(flag));
    }

    /** The last item of a key, e.g. for its position. */
    public Optional<ConfigItem> item(String key) {
        if (keys.key(key).isEmpty()) {
            throw new IllegalArgumentException(path + ": '" + key + "' is not a key of this block; its keys: "
                    + keys.usage());
        }
        return items.stream().filter(item -> item.key().equals(key)).reduce((first, second) -> second);
    }

    /** The last value of a VALUE key. */
    public Optional<String> value(String key) {
        return word(key).map(ConfigWord::text);
    }

    /** Every value of a VALUE key, in file order. */
    public List<String> values(String key) {
        declared(key, ConfigKey.Kind.VALUE);
        return items.stream().filter(item -> item.key().equals(key))
                .map(item -> item.value().orElseThrow().text()).toList();
    }

    /** Every nested block of a BLOCK or NAMED_BLOCK key, in file order. */
    public List<ConfigBlock> blocks(String key) {
        ConfigKey declared = keys.key(key).orElse(null);
        if (declared == null
                || (declared.kind() != ConfigKey.Kind.BLOCK && declared.kind() != ConfigKey.Kind.NAMED_BLOCK)) {
            throw new IllegalArgumentException(path + ": '" + key + "' is not a block key of this block; its keys: "
                    + keys.usage());
        }
        return items.stream().filter(item -> item.declaredKey() == declared)
                .map(item -> item.block().orElseThrow()).toList();
    }

    /** Every block given under a word that is not a key ({@link ConfigKeys.Builder#otherBlocks}), in file order. */
    public List<ConfigBlock> otherBlocks() {
        ConfigKey other = keys.otherBlocks().orElseThrow(() -> new IllegalArgumentException(path
                + ": this block takes no blocks under other names"));
        return items.stream().filter(item -> item.declaredKey() == other)
                .map(item -> item.block().orElseThrow()).toList();
    }

    /**
     * The last value of a key as a decimal integer (with a leading {@code -} if negative)
     * from {@code min} to {@code max}.
     *
     * @throws ConfigException at the value if it is not such a number
     */
    public OptionalInt intValue(String key, int min, int max) {
        OptionalLong value = longValue(key, min, max);
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /**
     * The last value of a key as a decimal integer from {@code min} to {@code max}.
     *
     * @throws ConfigException at the value if it is not such a number
     */
    public OptionalLong longValue(String key, long min, long max) {
        Optional<ConfigWord> word = word(key);
        if (word.isEmpty()) {
            return OptionalLong.empty();
        }
        long number = parse(word.get(), key, "a number from " + min + " to " + max, min, max, 0);
        return OptionalLong.of(number);
    }

    /**
     * The last value of a key as a memory size in bytes, written as VPP writes them: a decimal
     * number with an optional {@code K}, {@code M} or {@code G} (either case) for 2^10, 2^20 or
     * 2^30, e.g. {@code 64M}.
     *
     * @throws ConfigException at the value if it is not such a size or is outside {@code min} to {@code max}
     */
    public OptionalLong sizeValue(String key, long min, long max) {
        Optional<ConfigWord> word = word(key);
        if (word.isEmpty()) {
            return OptionalLong.empty();
        }
        String text = word.get().text();
        int shift = 0;
        if (!text.isEmpty()) {
            shift = switch (Character.toUpperCase(text.charAt(text.length() - 1))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                default -> 0;
            };
        }
        String expectation = "a size from " + formatSize(min) + " to " + formatSize(max)
                + " (a number with an optional K, M or G)";
        return OptionalLong.of(parse(word.get(), key, expectation, min, max, shift));
    }

    /**
     * The last value of a key as a decimal number (a fraction is allowed) from {@code min} to {@code max}.
     *
     * @throws ConfigException at the value if it is not such a number
     */
    public OptionalDouble doubleValue(String key, double min, double max) {
        Optional<ConfigWord> word = word(key);
        if (word.isEmpty()) {
            return OptionalDouble.empty();
        }
        String text = word.get().text();
        if (text.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            double number = Double.parseDouble(text);
            if (number >= min && number <= max) {
                return OptionalDouble.of(number);
            }
        }
        throw expected(word.get(), key, "a number from " + plain(min) + " to " + plain(max));
    }

    /**
     * The last value of a key as a switch: {@code on}, {@code yes}, {@code true} or
     * {@code enable} for true; {@code off}, {@code no}, {@code false} or {@code disable} for false.
     *
     * @throws ConfigException at the value if it is none of those
     */
    public Optional<Boolean> booleanValue(String key) {
        Optional<ConfigWord> word = word(key);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (word.get().text().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true", "enable" -> true;
            case "off", "no", "false", "disable" -> false;
            default -> throw expected(word.get(), key, "on or off");
        });
    }

    /**
     * The last value of a key as one of {@code choices}, compared ignoring case and returned
     * as the choice is written.
     *
     * @throws ConfigException at the value if it is none of them, listing them
     */
    public Optional<String> choice(String key, String... choices) {
        Optional<ConfigWord> word = word(key);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(word.get().text())) {
                return Optional.of(choice);
            }
        }
        throw expected(word.get(), key, "one of " + String.join(", ", choices));
    }

    /**
     * The last value of a key, checked by {@code valid}.
     *
     * @param expectation what a valid value looks like, for the message: {@code a group name or number}
     * @throws ConfigException at the value if {@code valid} refuses it
     */
    public Optional<String> value(String key, Predicate<String> valid, String expectation) {
        Optional<ConfigWord> word = word(key);
        if (word.isPresent() && !valid.test(word.get().text())) {
            throw expected(word.get(), key, expectation);
        }
        return word.map(ConfigWord::text);
    }

    /**
     * An error at {@code at}, prefixed with this block's path: for a handler's own checks.
     *
     * @param detail what is wrong, e.g. {@code corelist-workers needs main-core}
     */
    public ConfigException error(ConfigPosition at, String detail) {
        return new ConfigException(at, path + ": " + detail);
    }

    /**
     * The error for a key whose value is not what the key takes:
     * {@code buffers: buffers-per-numa expects a number from 1024 to 16777216, got 'lots'}.
     */
    public ConfigException expected(ConfigWord value, String key, String expectation) {
        return error(value.position(), key + " expects " + expectation + ", got '" + value.text() + "'");
    }

    /** Bytes as the largest exact unit: {@code 1048576} is {@code 1M}, {@code 1536} is {@code 1536}. */
    public static String formatSize(long bytes) {
        for (int shift = 30; shift >= 10; shift -= 10) {
            if (bytes != 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + "KMG".substring(shift / 10 - 1, shift / 10);
            }
        }
        return Long.toString(bytes);
    }

    private Optional<ConfigWord> word(String key) {
        declared(key, ConfigKey.Kind.VALUE);
        return items.stream().filter(item -> item.key().equals(key)).reduce((first, second) -> second)
                .map(item -> item.value().orElseThrow());
    }

    private long parse(ConfigWord word, String key, String expectation, long min, long max, int shift) {
        String text = word.text();
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw expected(word, key, expectation);
        }
        long magnitude = Long.parseLong(digits);
        if (magnitude > Long.MAX_VALUE >> shift) {
            throw expected(word, key, expectation);
        }
        long number = negative ? -(magnitude << shift) : magnitude << shift;
        if (number < min || number > max) {
            throw expected(word, key, expectation);
        }
        return number;
    }

    private void declared(String key, ConfigKey.Kind kind) {
        ConfigKey declared = keys.key(key).orElse(null);
        if (declared == null || declared.kind() != kind) {
            throw new IllegalArgumentException(path + ": '" + key + "' is not a " + kind.name().toLowerCase(Locale.ROOT)
                    + " key of this block; its keys: " + keys.usage());
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }

    @Override
    public String toString() {
        return path + " @ " + position + " " + items;
    }
}
