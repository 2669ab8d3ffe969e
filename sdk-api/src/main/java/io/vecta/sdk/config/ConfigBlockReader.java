package io.vecta.sdk.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the words of a pair of braces into items with a set of keys, the way VPP's section
 * handlers walk their input: take a key, then exactly what that key takes, then the next key.
 * The first word that is no key is an error that lists the keys.
 */
final class ConfigBlockReader {

    private final String path;
    private final ConfigBraces body;
    private final ConfigKeys keys;
    private final List<ConfigElement> elements;

    private ConfigBlockReader(String path, ConfigBraces body, ConfigKeys keys) {
        this.path = path;
        this.body = body;
        this.keys = keys;
        this.elements = body.elements();
    }

    static ConfigBlock read(String parentPath, ConfigPosition position, String key, String label, ConfigBraces body,
            ConfigKeys keys) {
        String path = (parentPath.isEmpty() ? "" : parentPath + " ") + key + (label == null ? "" : " " + label);
        List<ConfigItem> items = new ConfigBlockReader(path, body, keys).items();
        return new ConfigBlock(key, label, path, position, keys, items);
    }

    private List<ConfigItem> items() {
        List<ConfigItem> items = new ArrayList<>();
        int i = 0;
        while (i < elements.size()) {
            ConfigElement element = elements.get(i);
            if (element instanceof ConfigBraces braces) {
                throw strayBlock(braces, items.isEmpty() ? null : items.getLast());
            }
            ConfigWord word = (ConfigWord) element;
            ConfigKey key = match(i);
            if (key == null) {
                ConfigKey other = keys.otherBlocks().orElse(null);
                if (other != null && elementAt(i + 1) instanceof ConfigBraces braces) {
                    ConfigBlock nested = read(path, word.position(), word.text(), null, braces, other.inner());
                    items.add(new ConfigItem(other, word.text(), word.position(), null, nested));
                    i += 2;
                    continue;
                }
                throw unknownKey(word);
            }
            int next = i + key.wordCount();
            switch (key.kind()) {
                case FLAG -> {
                    items.add(new ConfigItem(key, key.name(), word.position(), null, null));
                    i = next;
                }
                case VALUE -> {
                    ConfigWord value = expectWord(next, key.name() + " expects " + key.argument());
                    items.add(new ConfigItem(key, key.name(), word.position(), value, null));
                    i = next + 1;
                }
                case BLOCK -> {
                    ConfigBraces braces = expectBraces(next, key.name() + " expects '{' after it");
                    ConfigBlock nested = read(path, word.position(), key.name(), null, braces, key.inner());
                    items.add(new ConfigItem(key, key.name(), word.position(), null, nested));
                    i = next + 1;
                }
                case NAMED_BLOCK -> {
                    ConfigWord name = expectWord(next, key.name() + " expects " + key.argument() + " { ... }");
                    ConfigBraces braces = expectBraces(next + 1,
                            key.name() + " " + name.text() + " expects '{' after " + key.argument());
                    ConfigBlock nested = read(path, word.position(), key.name(), name.text(), braces, key.inner());
                    items.add(new ConfigItem(key, key.name(), word.position(), name, nested));
                    i = next + 2;
                }
            }
        }
        return items;
    }

    /** The key whose words start at {@code index}, trying longer keys first. */
    private ConfigKey match(int index) {
        for (ConfigKey key : keys.longestFirst()) {
            String[] words = key.name().split(" ");
            boolean matches = true;
            for (int w = 0; w < words.length && matches; w++) {
                matches = elementAt(index + w) instanceof ConfigWord word && word.text().equals(words[w]);
            }
            if (matches) {
                return key;
            }
        }
        return null;
    }

    private ConfigElement elementAt(int index) {
        return index < elements.size() ? elements.get(index) : null;
    }

    private ConfigWord expectWord(int index, String expectation) {
        ConfigElement element = elementAt(index);
        if (element instanceof ConfigWord word) {
            return word;
        }
        throw mismatch(element, expectation);
    }

    private ConfigBraces expectBraces(int index, String expectation) {
        ConfigElement element = elementAt(index);
        if (element instanceof ConfigBraces braces) {
            return braces;
        }
        throw mismatch(element, expectation);
    }

    private ConfigException mismatch(ConfigElement found, String expectation) {
        return switch (found) {
            case null -> new ConfigException(body.end(), path + ": " + expectation + ", got the end of the block");
            case ConfigWord word -> new ConfigException(word.position(),
                    path + ": " + expectation + ", got '" + word.text() + "'");
            case ConfigBraces braces -> new ConfigException(braces.position(), path + ": " + expectation + ", got '{'");
        };
    }

    private ConfigException strayBlock(ConfigBraces braces, ConfigItem previous) {
        if (previous != null && previous.block().isEmpty()) {
            return new ConfigException(braces.position(),
                    path + ": " + previous.declaredKey().usage() + " takes no block");
        }
        return new ConfigException(braces.position(),
                path + ": unexpected '{': a block follows a key that takes one; valid keys: " + keys.usage());
    }

    private ConfigException unknownKey(ConfigWord word) {
        if (keys.keys().isEmpty() && keys.otherBlocks().isEmpty()) {
            return new ConfigException(word.position(), path + ": unexpected '" + word.text() + "': this block takes no keys");
        }
        String hint = keys.suggestion(word.text()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return new ConfigException(word.position(),
                path + ": unknown key '" + word.text() + "'" + hint + "; valid keys: " + keys.usage());
    }
}
