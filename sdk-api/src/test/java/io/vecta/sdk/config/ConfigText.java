package io.vecta.sdk.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits test text into words and braces with positions, the part of the runtime's parser these
 * tests need (no quotes, no comments), so that blocks can be read without the runtime.
 */
final class ConfigText {

    static final String SOURCE = "startup.conf";

    private ConfigText() {
    }

    /** Reads {@code name { text }}: the first word is the section name, the rest its braces. */
    static ConfigBlock section(String text, ConfigKeys keys) {
        List<Object> tokens = tokens(text);
        ConfigWord name = (ConfigWord) tokens.getFirst();
        Token open = (Token) tokens.get(1);
        Deque<List<ConfigElement>> open_ = new ArrayDeque<>();
        Deque<ConfigPosition> starts = new ArrayDeque<>();
        ConfigBraces body = null;
        for (Object token : tokens.subList(1, tokens.size())) {
            if (token instanceof Token brace && brace.open) {
                open_.push(new ArrayList<>());
                starts.push(brace.position);
            } else if (token instanceof Token brace) {
                ConfigBraces braces = new ConfigBraces(starts.pop(), brace.position, open_.pop());
                if (open_.isEmpty()) {
                    body = braces;
                } else {
                    open_.peek().add(braces);
                }
            } else {
                open_.peek().add((ConfigWord) token);
            }
        }
        if (body == null || !open.open) {
            throw new IllegalArgumentException("unbalanced test text: " + text);
        }
        return ConfigBlock.read(name, body, keys);
    }

    private record Token(boolean open, ConfigPosition position) {
    }

    private static List<Object> tokens(String text) {
        List<Object> tokens = new ArrayList<>();
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                i++;
            } else if (c == ' ') {
                column++;
                i++;
            } else if (c == '{' || c == '}') {
                tokens.add(new Token(c == '{', new ConfigPosition(SOURCE, line, column)));
                column++;
                i++;
            } else {
                int start = i;
                while (i < text.length() && " \n{}".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new ConfigWord(text.substring(start, i), new ConfigPosition(SOURCE, line, column)));
                column += i - start;
            }
        }
        return tokens;
    }
}
