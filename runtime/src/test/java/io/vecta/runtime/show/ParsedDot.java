package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the DOT text of {@link GraphDot#export} says, read back by a parser of exactly the subset
 * it writes; any other line fails the calling test.
 *
 * @param labels    node name to label, with {@code \n} kept as written
 * @param arcs      every arrow
 * @param firstRank the nodes put on the first rank
 */
public record ParsedDot(Map<String, String> labels, List<Arc> arcs, Set<String> firstRank) {

    /** An arrow as read back: from, to, label. */
    public record Arc(String from, String to, String label) {
    }

    /** Parses {@code dot}, asserting its shape line by line. */
    public static ParsedDot of(String dot) {
        List<String> lines = dot.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("digraph \"vecta\" {");
        assertThat(lines.getLast()).isEqualTo("}");
        Map<String, String> labels = new LinkedHashMap<>();
        List<Arc> arcs = new ArrayList<>();
        Set<String> firstRank = new HashSet<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Tokens tokens = new Tokens(line.strip());
            if (line.strip().equals("rankdir=LR;") || line.strip().equals("node [shape=box];")) {
                continue;
            }
            if (tokens.skip("{ rank=source;")) {
                while (!tokens.skip(" }")) {
                    tokens.skip(" ");
                    firstRank.add(tokens.quoted());
                    tokens.expect(";");
                }
                continue;
            }
            String first = tokens.quoted();
            if (tokens.skip(" -> ")) {
                String to = tokens.quoted();
                tokens.expect(" [label=");
                arcs.add(new Arc(first, to, tokens.quoted()));
            } else {
                tokens.expect(" [label=");
                assertThat(labels.put(first, tokens.quoted())).as("node declared once: " + first).isNull();
            }
            tokens.expect("];");
            assertThat(tokens.rest()).as(line).isEmpty();
        }
        return new ParsedDot(labels, arcs, firstRank);
    }

    /** A cursor over one line of DOT. */
    private static final class Tokens {
        private final String text;
        private int at;

        Tokens(String text) {
            this.text = text;
        }

        boolean skip(String literal) {
            if (text.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            return false;
        }

        void expect(String literal) {
            assertThat(skip(literal)).as("'" + literal + "' at " + at + " of: " + text).isTrue();
        }

        /** A quoted string with {@code \"} and {@code \\} unescaped; other escapes such as {@code \n} kept. */
        String quoted() {
            expect("\"");
            StringBuilder value = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && (text.charAt(at) == '"' || text.charAt(at) == '\\')) {
                    c = text.charAt(at++);
                } else if (c == '\\') {
                    value.append(c);
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            at++;
            return value.toString();
        }

        String rest() {
            return text.substring(at);
        }
    }
}
