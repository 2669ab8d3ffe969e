package io.vecta.runtime.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliServer;
import io.vecta.runtime.cli.server.CliServerOptions;
import io.vecta.runtime.cli.server.TestCommands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Completion and the interactive session, against a real server and a JLine terminal over streams. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CtlCompletionTest {

    @TempDir
    Path dir;

    private final TestCommands commands = new TestCommands();
    private final CliServer server = new CliServer(commands, () -> { }, CliServerOptions.DEFAULTS);
    private CtlConnection connection;

    @BeforeEach
    void connect() throws CtlConnectException {
        connection = CtlConnection.open(server.listen(new CliEndpoint.UnixSocket(dir.resolve("cli.sock"))));
    }

    @AfterEach
    void close() {
        connection.close();
        server.close();
    }

    private List<String> complete(String buffer) {
        ParsedLine line = new DefaultParser().parse(buffer, buffer.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new ServerCompleter(connection).complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void shouldReadBothTheNextWordAndTheWholePathListingsAndSkipPlaceholders() {
        assertThat(HelpListing.candidates("  echo   print\n\n  show  show things\n", List.of()))
                .containsExactly("echo", "show");
        assertThat(HelpListing.candidates("  show interface [NAME]  i\n  show runtime  r\n  <name>  x\n", List.of("sh")))
                .containsExactly("interface", "runtime");
        assertThat(HelpListing.candidates("  interface  show interfaces\n  NAME  a name\n", List.of("show")))
                .containsExactly("interface");
    }

    @Test
    void shouldAskTheRuntimeForTheWordsThatMayFollowTheCompleteOnes() {
        assertThat(complete("")).containsExactly("echo", "fail", "show");
        assertThat(complete("sh")).containsExactly("echo", "fail", "show");
        assertThat(complete("show ")).containsExactly("interface", "runtime", "version");
        assertThat(complete("sh ver")).containsExactly("interface", "runtime", "version");
        assertThat(commands.lines).containsExactly("?", "?", "show ?", "sh ?");
    }

    @Test
    void shouldOfferNothingWhenTheRuntimeHasNoHelpForTheLine() {
        assertThat(complete("echo ")).isEmpty();
        assertThat(commands.lines).containsExactly("echo ?");
    }

    @Test
    void shouldRunTypedLinesShowHelpOnQuestionMarkAndKeepHistory() throws Exception {
        Path history = dir.resolve("history");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayInputStream keys = new ByteArrayInputStream("echo typed\nshow ?\nquit\n".getBytes(StandardCharsets.UTF_8));
        int exit;
        try (Terminal terminal = new DumbTerminal("test", "dumb", keys, screen, StandardCharsets.UTF_8)) {
            exit = new InteractiveShell(connection, history, new PrintStream(new ByteArrayOutputStream())).run(terminal);
        }
        assertThat(exit).isZero();
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("vecta# ", "typed\n", "show interface [NAME]");
        // '?' asks for help at once and stays out of the line, which then runs as typed
        assertThat(commands.lines).containsExactly("echo typed", "show ?", "show ", "quit");
        assertThat(Files.readString(history)).contains("echo typed", "quit");
    }
}
