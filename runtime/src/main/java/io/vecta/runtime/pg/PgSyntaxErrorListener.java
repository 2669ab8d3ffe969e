package io.vecta.runtime.pg;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Stops at the first syntax error of a stream with a {@link PgStreamException} that names the
 * line, the column, what the grammar expected there and what it found, in the stream's own
 * terms ({@code line 1, column 7: expected a number, got 'ten'}); ANTLR's wording is never shown.
 */
final class PgSyntaxErrorListener extends BaseErrorListener {

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        String at = "line " + Math.max(1, line) + ", column " + (charPositionInLine + 1) + ": ";
        if (recognizer instanceof Parser parser && offendingSymbol instanceof Token token) {
            throw new PgStreamException(at + "expected " + expected(parser) + ", got " + describe(token));
        }
        throw new PgStreamException(at + "unexpected character");
    }

    private static String describe(Token token) {
        return token.getType() == Token.EOF ? "the end of the stream" : "'" + token.getText() + "'";
    }

    private static String expected(Parser parser) {
        List<String> names = new ArrayList<>();
        for (int type : parser.getExpectedTokens().toArray()) {
            String name = switch (type) {
                case Token.EOF -> "the end of the stream";
                case PgStreamLexer.INT -> "a number";
                case PgStreamLexer.FLOAT -> "a decimal number";
                case PgStreamLexer.IP4 -> "an IPv4 address";
                case PgStreamLexer.IP6 -> "an IPv6 address";
                case PgStreamLexer.MAC -> "a MAC address";
                case PgStreamLexer.HEXNUM -> "a hex number (0x...)";
                case PgStreamLexer.HEADER -> "a header such as 'UDP:'";
                case PgStreamLexer.WORD -> "a word";
                case PgStreamLexer.STRING -> "a quoted string";
                case PgStreamLexer.ICMP_TYPE -> "an ICMP type (echo_request, echo_reply)";
                default -> parser.getVocabulary().getDisplayName(type);
            };
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
