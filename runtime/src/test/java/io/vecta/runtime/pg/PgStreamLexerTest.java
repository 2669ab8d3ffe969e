package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The colon-bearing tokens of {@code PgStream.g4}: headers, MAC and IPv6 addresses side by side. */
class PgStreamLexerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IP6:                       | HEADER
            ICMP6:                     | HEADER
            CAFE:                      | HEADER
            2001:db8::1                | IP6
            ::1                        | IP6
            ::                         | IP6
            fe80::1                    | IP6
            FE80::1                    | IP6
            fe80::1%eth0               | IP6
            ::ffff:10.0.0.1            | IP6
            0:1:2:3:4:5:6:7            | IP6
            2001:db8:0:0:0:0:0:1       | IP6
            00:01:02:03:04:05          | MAC
            0:1:2:3:4:a                | MAC
            1.2.3                      | MAC
            10.0.0.1                   | IP4
            1234                       | INT
            0x86dd                     | HEXNUM
            hop-limit                  | WORD
            """)
    void shouldLexOneValueAsOneToken(String text, String type) {
        List<? extends Token> tokens = lex(text);

        assertThat(tokens).hasSize(1);
        assertThat(name(tokens.getFirst())).isEqualTo(type);
        assertThat(tokens.getFirst().getText()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a  | HEADER MAC ARROW MAC
            UDP: 2001:db8::1 -> ::2                      | HEADER IP6 ARROW IP6
            UDP:2001:db8::1->2001:db8::2                 | HEADER IP6 ARROW IP6
            TCP: 2001:db8::1-2001:db8::ff -> ::1         | HEADER IP6 DASH IP6 ARROW IP6
            ICMP6: ::1 + ::9 -> ::2 hop-limit 5          | HEADER IP6 PLUS IP6 ARROW IP6 WORD INT
            ICMP6 echo_request                           | WORD ICMP_TYPE
            IP4: 0.0.1 - 0.0.2 -> 4.5.6                  | HEADER MAC DASH MAC ARROW MAC
            """)
    void shouldSplitHeadersBetweenColons(String text, String types) {
        assertThat(lex(text).stream().map(PgStreamLexerTest::name).toList())
                .containsExactly(types.split(" "));
    }

    private static List<? extends Token> lex(String text) {
        PgStreamLexer lexer = new PgStreamLexer(CharStreams.fromString(text));
        List<? extends Token> tokens = lexer.getAllTokens();
        return tokens;
    }

    private static String name(Token token) {
        return PgStreamLexer.VOCABULARY.getSymbolicName(token.getType());
    }
}
