package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBraces;
import io.vecta.sdk.config.ConfigElement;
import io.vecta.sdk.config.ConfigPosition;
import io.vecta.sdk.config.ConfigWord;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree of {@code StartupConf.g4} into sections of {@link ConfigWord}s and
 * {@link ConfigBraces}, with positions, unquoting quoted strings on the way.
 */
final class ConfigTreeBuilder extends StartupConfBaseVisitor<ConfigElement> {

    private final String source;

    ConfigTreeBuilder(String source) {
        this.source = source;
    }

    List<ConfigSection> sections(StartupConfParser.ConfigContext config) {
        List<ConfigSection> sections = new ArrayList<>();
        for (StartupConfParser.SectionContext section : config.section()) {
            ConfigWord name = (ConfigWord) visit(section.name);
            ConfigBraces body;
            if (section.block() != null) {
                body = (ConfigBraces) visit(section.block());
            } else {
                ConfigWord single = (ConfigWord) visit(section.single);
                body = new ConfigBraces(single.position(), single.position(), List.of(single));
            }
            sections.add(new ConfigSection(name, body));
        }
        return sections;
    }

    @Override
    public ConfigElement visitBlock(StartupConfParser.BlockContext block) {
        List<ConfigElement> elements = new ArrayList<>();
        for (StartupConfParser.ElementContext element : block.element()) {
            elements.add(visit(element));
        }
        return new ConfigBraces(position(block.LBRACE().getSymbol()), position(block.RBRACE().getSymbol()), elements);
    }

    @Override
    public ConfigElement visitElement(StartupConfParser.ElementContext element) {
        return visit(element.getChild(0));
    }

    @Override
    public ConfigElement visitWord(StartupConfParser.WordContext word) {
        Token token = word.getStart();
        String text = token.getType() == StartupConfLexer.STRING ? unquote(token.getText()) : token.getText();
        return new ConfigWord(text, position(token));
    }

    private ConfigPosition position(Token token) {
        return new ConfigPosition(source, token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The text between the quotes, with {@code \"} and {@code \\} replaced; any other backslash stays. */
    static String unquote(String quoted) {
        StringBuilder text = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            char next = quoted.charAt(i + 1);
            if (c == '\\' && (next == '"' || next == '\\') && i + 1 < quoted.length() - 1) {
                text.append(next);
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
