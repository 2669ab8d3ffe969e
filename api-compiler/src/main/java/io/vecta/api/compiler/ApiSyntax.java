package io.vecta.api.compiler;

import io.vecta.api.compiler.grammar.VppApiLexer;
import io.vecta.api.compiler.grammar.VppApiParser;
import io.vecta.api.compiler.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Text to parse tree. Stops at the first syntax error with a message in the language's terms
 * ({@code expected ';' or '[', got 'u32'}); ANTLR's own wording never reaches the user.
 */
final class ApiSyntax {

    private ApiSyntax() {
    }

    static ParsedFile parse(Path path, String text) throws ApiCompileException {
        VppApiLexer lexer = new VppApiLexer(CharStreams.fromString(text, path.toString()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        VppApiParser parser = new VppApiParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new FirstError(path, text));
        try {
            return new ParsedFile(path, parser.apiFile(), tokens);
        } catch (SyntaxFailure failure) {
            throw new ApiCompileException(List.of(failure.diagnostic));
        }
    }

    /** Carries the first syntax error out of the parser. */
    private static final class SyntaxFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Diagnostic diagnostic;

        SyntaxFailure(Diagnostic diagnostic) {
            super(diagnostic.toString(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private static final class FirstError extends BaseErrorListener {

        private final Path path;
        private final String text;

        FirstError(Path path, String text) {
            this.path = path;
            this.text = text;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            SourcePosition at = new SourcePosition(path, Math.max(1, line), charPositionInLine + 1);
            String message = offendingSymbol instanceof Token token && recognizer instanceof Parser parser
                    ? describe(parser, token)
                    : "unexpected input";
            throw new SyntaxFailure(new Diagnostic(at, message));
        }

        private String describe(Parser parser, Token token) {
            if (token.getType() == VppApiLexer.UNEXPECTED_CHARACTER) {
                int offset = token.getStartIndex();
                if (token.getText().equals("\"")) {
                    return "unterminated string: a '\"' must be closed on the same line";
                }
                if (token.getText().equals("/") && offset + 1 < text.length() && text.charAt(offset + 1) == '*') {
                    return "unterminated comment: '/*' is never closed by '*/'";
                }
                return "unexpected character '" + token.getText() + "'";
            }
            return "expected " + expected(parser) + ", got " + describe(token);
        }

        private static String describe(Token token) {
            if (token.getType() == Token.EOF) {
                return "the end of the file";
            }
            if (token.getType() == VppApiLexer.IDENTIFIER) {
                return "name '" + token.getText() + "'";
            }
            return "'" + token.getText() + "'";
        }

        private static String expected(Parser parser) {
            IntervalSet expected = parser.getExpectedTokens();
            List<String> names = new ArrayList<>();
            for (int type : expected.toArray()) {
                names.add(switch (type) {
                    case Token.EOF -> "the end of the file";
                    case VppApiLexer.IDENTIFIER -> "a name";
                    case VppApiLexer.NUMBER -> "a number";
                    case VppApiLexer.STRING_LITERAL -> "a quoted string";
                    default -> parser.getVocabulary().getDisplayName(type);
                });
            }
            if (names.size() <= 2) {
                return String.join(" or ", names);
            }
            return "one of " + String.join(", ", names);
        }
    }
}
