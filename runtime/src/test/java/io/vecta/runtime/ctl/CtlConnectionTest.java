package io.vecta.runtime.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliServer;
import io.vecta.runtime.cli.server.CliServerOptions;
import io.vecta.runtime.cli.server.TestCommands;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CtlConnectionTest {

    @TempDir
    Path dir;

    @Test
    void shouldSkipTheBannerAndLearnThePrompt() throws Exception {
        TestCommands commands = new TestCommands();
        try (CliServer server = new CliServer(commands, () -> { }, CliServerOptions.DEFAULTS.withPrompt("lab# "));
             CtlConnection connection = CtlConnection.open(server.listen(new CliEndpoint.UnixSocket(dir.resolve("s"))))) {
            assertThat(connection.prompt()).isEqualTo("lab# ");
            CtlReply reply = connection.run("echo multi\u00e9byte");
            assertThat(reply.text()).isEqualTo("multi\u00e9byte\n");
            assertThat(reply.failed()).isFalse();
            assertThat(connection.run("fail").failed()).isTrue();
            assertThat(connection.run("quit").sessionEnded()).isTrue();
            assertThatThrownBy(() -> connection.run("echo after quit"))
                    .isInstanceOf(CtlConnectException.class).hasMessageEndingWith(" ended the session");
        }
    }

    @Test
    void shouldGiveUpOnAPeerThatNeverAnswersTheHandshake() throws Exception {
        Path path = dir.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(path));
            // the kernel completes the connection from the backlog; nobody ever reads or writes
            assertThatThrownBy(() -> CtlConnection.open(new CliEndpoint.UnixSocket(path), Duration.ofMillis(100)))
                    .isInstanceOf(CtlConnectException.class)
                    .hasMessage("cannot use " + path + ": the peer gave no answer to the handshake within 0 s;"
                            + " is it a Vecta CLI socket?");
        }
    }

    @Test
    void shouldNameAPeerThatAnswersWithSomethingElse() throws Exception {
        Path path = dir.resolve("other.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(path));
            Thread.ofVirtual().start(() -> {
                try (SocketChannel client = other.accept()) {
                    ByteBuffer handshake = ByteBuffer.allocate(64);
                    while (handshake.position() == 0 || handshake.get(handshake.position() - 1) != '\n') {
                        client.read(handshake);
                    }
                    client.write(ByteBuffer.wrap("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.UTF_8)));
                } catch (java.io.IOException e) {
                    // the test fails on its own if this does not happen
                }
            });
            assertThatThrownBy(() -> CtlConnection.open(new CliEndpoint.UnixSocket(path)))
                    .hasMessage("cannot use " + path + ": the peer closed the connection before answering the"
                            + " handshake; is it a Vecta CLI socket?");
        }
    }
}
