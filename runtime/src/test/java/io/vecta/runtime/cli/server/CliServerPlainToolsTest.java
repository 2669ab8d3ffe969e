package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecta.runtime.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI driven by the tools people reach for: socat and OpenBSD nc, when installed. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliServerPlainToolsTest {

    @TempDir
    Path dir;

    private final TestCommands commands = new TestCommands();
    private final CliServer server = new CliServer(commands, () -> { }, CliServerOptions.DEFAULTS);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void shouldServeSocatLikeATerminal() throws Exception {
        assumeTrue(onPath("socat"), "socat is not installed");
        Path socket = dir.resolve("cli.sock");
        server.listen(new CliEndpoint.UnixSocket(socket));

        // socat ends when the server closes after the input's end; -t only bounds a server that would not
        String out = runTool("echo from socat\nfail\n", "socat", "-t", "10", "-", "UNIX-CONNECT:" + socket);

        assertThat(out).contains("vecta " + Version.VERSION)
                .endsWith("vecta# from socat\nvecta# fail: failed as asked\nvecta# ")
                .doesNotContain("\u0001");
        assertThat(commands.lines).containsExactly("echo from socat", "fail");
    }

    @Test
    void shouldServeNetcatOverAUnixSocket() throws Exception {
        assumeTrue(onPath("nc") && speaksUnixAndShutdown(), "nc is not installed, or is not OpenBSD's (-U, -N)");
        Path socket = dir.resolve("cli.sock");
        server.listen(new CliEndpoint.UnixSocket(socket));

        // -N shuts the socket down at the input's end, so the server sees it and closes
        String out = runTool("echo from nc\r\n", "nc", "-N", "-U", socket.toString());

        assertThat(out).endsWith("vecta# from nc\nvecta# ");
        assertThat(commands.lines).containsExactly("echo from nc");
    }

    @Test
    void shouldServeSocatOverLoopbackTcp() throws Exception {
        assumeTrue(onPath("socat"), "socat is not installed");
        CliEndpoint.Tcp bound = (CliEndpoint.Tcp) server.listen(CliEndpoint.parse("127.0.0.1:0"));

        String out = runTool("echo over tcp\n", "socat", "-t", "10", "-", "TCP:" + bound.host() + ":" + bound.port());

        assertThat(out).endsWith("vecta# over tcp\nvecta# ");
    }

    private static String runTool(String input, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s ended", command[0]).isTrue();
            assertThat(process.exitValue()).as("%s exit code; output: %s", command[0], out).isZero();
            return out;
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean speaksUnixAndShutdown() throws IOException, InterruptedException {
        Process help = new ProcessBuilder("nc", "-h").redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        help.waitFor();
        return text.contains("-U") && text.contains("-N");
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
