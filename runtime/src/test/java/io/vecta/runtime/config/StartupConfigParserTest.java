package io.vecta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.sdk.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syntax: sections, comments, quoted strings, and the message of each syntax error. */
class StartupConfigParserTest {

    private static final RuntimeDirectory RUN = new RuntimeDirectory(Path.of("/run/user/1000/vecta"));
    private final StartupConfigParser parser = new StartupConfigParser(RUN);

    private StartupConfig parse(String text) {
        return parser.parse("startup.conf", text);
    }

    @Test
    void shouldReadSectionsOnManyLinesOnOneLineAndAsOneWord() {
        StartupConfig config = parse("""
                unix {
                  nodaemon
                  cli-listen /tmp/a.sock
                }
                cpu { main-core 1 corelist-workers 2-3 }
                api-trace on
                """);

        assertThat(config.sectionNames()).containsExactly("unix", "cpu", "api-trace");
        assertThat(config.unix().nodaemon()).isTrue();
        assertThat(config.unix().cliListen()).contains(new CliEndpoint.UnixSocket(Path.of("/tmp/a.sock")));
        assertThat(config.cpu().mainCore()).hasValue(1);
        assertThat(config.cpu().corelistWorkers()).containsExactly(2, 3);
        assertThat(config.apiTrace().on()).isTrue();
    }

    @Test
    void shouldDropCommentsWhereverTheHashStands() {
        StartupConfig config = parse("""
                # unix { interactive }
                unix {
                  nodaemon# no space before the comment
                  ## full-coredump
                  cli-no-banner   # after blanks
                }
                """);

        assertThat(config.unix().nodaemon()).isTrue();
        assertThat(config.unix().cliNoBanner()).isTrue();
        assertThat(config.unix().interactive()).isFalse();
        assertThat(config.unix().fullCoredump()).isFalse();
    }

    @Test
    void shouldReadQuotedStringsWithBlanksHashesBracesAndEscapes() {
        // the file holds: cli-prompt "vecta# "  log "/var/log/my \"vecta\" {1}.log"  exec "a\\b\c"
        StartupConfig config = parse("""
                unix { cli-prompt "vecta# " log "/var/log/my \\"vecta\\" {1}.log" exec "a\\\\b\\c" }
                """);

        assertThat(config.unix().cliPrompt()).contains("vecta# ");
        assertThat(config.unix().log()).contains(Path.of("/var/log/my \"vecta\" {1}.log"));
        assertThat(config.unix().startupConfig()).contains(Path.of("a\\b\\c"));
    }

    @Test
    void shouldReadAnEmptyFileAsAllDefaults() {
        StartupConfig config = parse("# nothing but a comment\n\n");

        assertThat(config.sectionNames()).isEmpty();
        assertThat(config.unix().runtimeDir()).isEqualTo(RUN.path());
        assertThat(config.cpu().workers()).isZero();
        assertThat(config.configurePlugins(List.of())).isEmpty();
    }

    @Test
    void shouldNameTheBraceThatIsNotClosed() {
        assertThatThrownBy(() -> parse("""
                unix {
                  nodaemon
                cpu { main-core 1 }
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("startup.conf:4:1: section 'unix': the '{' at 1:6 is not closed;"
                        + " expected '}' before the end of the file");
        assertThatThrownBy(() -> parse("plugins { plugin x { disable"))
                .hasMessage("startup.conf:1:29: section 'plugins': the '{' at 1:20 after 'x' is not closed;"
                        + " expected '}' before the end of the file");
    }

    @Test
    void shouldPointAtTheQuoteOfAnUnterminatedString() {
        assertThatThrownBy(() -> parse("""
                unix {
                  cli-prompt "vecta# 
                }
                """))
                .hasMessage("startup.conf:2:14: unterminated quoted string: a string that opens with '\"' must close"
                        + " with '\"' on the same line");
    }

    @Test
    void shouldRejectBracesThatBelongToNoSection() {
        assertThatThrownBy(() -> parse("unix { nodaemon } }"))
                .hasMessage("startup.conf:1:19: unexpected '}': no block is open here");
        assertThatThrownBy(() -> parse("{ nodaemon }"))
                .hasMessage("startup.conf:1:1: expected a section name before '{'");
    }

    @Test
    void shouldRejectASectionNameWithoutABody() {
        assertThatThrownBy(() -> parse("unix { nodaemon }\ncpu"))
                .hasMessage("startup.conf:2:4: section 'cpu' expects '{' or one word after its name,"
                        + " got the end of the file");
        assertThatThrownBy(() -> parse("cpu }"))
                .hasMessage("startup.conf:1:5: section 'cpu' expects '{' or one word after its name, got '}'");
    }

    @Test
    void shouldNameTheFileAsGivenInMessages(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("startup.conf");
        Files.writeString(file, "unix {\n  nodaemon\n  cli-listen\n}\n");

        assertThatThrownBy(() -> parser.parse(file))
                .hasMessage(file + ":4:1: unix: cli-listen expects PATH|HOST:PORT, got the end of the block");
        assertThatThrownBy(() -> parser.parse(directory.resolve("missing.conf")))
                .hasMessage(directory.resolve("missing.conf") + ": no such file");
        Files.writeString(file, "unix { nodaemon }\n");
        assertThat(parser.parse(file).unix().nodaemon()).isTrue();
        assertThat(parser.parse(file).source()).isEqualTo(file.toString());
    }
}
