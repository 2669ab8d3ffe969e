package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigException;
import io.vecta.sdk.config.ConfigPosition;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error with a {@link ConfigException} that says, in the file's own
 * terms, what was expected where: an unclosed brace names the brace that is still open, a stray
 * brace says no block is open, an unterminated string points at its opening quote. ANTLR's own
 * wording ({@code mismatched input '<EOF>' expecting ...}) is replaced, never shown.
 */
final class SyntaxErrorListener extends BaseErrorListener {

    private final String source;

    SyntaxErrorListener(String source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        ConfigPosition at = new ConfigPosition(source, Math.max(1, line), charPositionInLine + 1);
        if (recognizer instanceof Parser parser && offendingSymbol instanceof Token token) {
            throw new ConfigException(at, describe(parser, token));
        }
        throw new ConfigException(at, "unexpected character: " + msg);
    }

    private String describe(Parser parser, Token token) {
        if (token.getType() == StartupConfLexer.UNTERMINATED_STRING) {
            return "unterminated quoted string: a string that opens with '\"' must close with '\"' on the same line";
        }
        StartupConfParser.BlockContext block = innermost(parser.getContext(), StartupConfParser.BlockContext.class);
        StartupConfParser.SectionContext section =
                innermost(parser.getContext(), StartupConfParser.SectionContext.class);
        String sectionName = section == null || section.name == null ? null : section.name.getText();
        if (block != null && token.getType() == Token.EOF) {
            Token open = block.getStart();
            String after = "";
            if (block.getParent() instanceof StartupConfParser.ElementContext) {
                Token before = parser.getTokenStream().get(open.getTokenIndex() - 1);
                after = " after '" + before.getText() + "'";
            }
            return "section '" + sectionName + "': the '{' at " + open.getLine() + ":"
                    + (open.getCharPositionInLine() + 1) + after
                    + " is not closed; expected '}' before the end of the file";
        }
        if (block == null && section != null) {
            return "section '" + sectionName + "' expects '{' or one word after its name, got " + describe(token);
        }
        if (block == null && token.getType() == StartupConfLexer.RBRACE) {
            return "unexpected '}': no block is open here";
        }
        if (block == null && token.getType() == StartupConfLexer.LBRACE) {
            return "expected a section name before '{'";
        }
        return "expected " + expected(parser) + ", got " + describe(token);
    }

    private static String describe(Token token) {
        return token.getType() == Token.EOF ? "the end of the file" : "'" + token.getText() + "'";
    }

    private static String expected(Parser parser) {
        IntervalSet expected = parser.getExpectedTokens();
        List<String> names = new ArrayList<>();
        for (int type : expected.toArray()) {
            names.add(switch (type) {
                case Token.EOF -> "the end of the file";
                case StartupConfLexer.WORD -> "a word";
                case StartupConfLexer.STRING -> "a quoted string";
                case StartupConfLexer.LBRACE -> "'{'";
                case StartupConfLexer.RBRACE -> "'}'";
                default -> parser.getVocabulary().getDisplayName(type);
            });
        }
        return String.join(" or ", names);
    }

    private static <T extends ParserRuleContext> T innermost(ParserRuleContext context, Class<T> type) {
        for (ParserRuleContext at = context; at != null; at = at.getParent()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
