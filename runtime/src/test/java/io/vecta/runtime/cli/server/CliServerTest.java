package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.Version;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliServerTest {

    private static final String PROMPT = "vecta# ";

    @TempDir
    Path dir;

    private final TestCommands commands = new TestCommands();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<CliServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        commands.releaseSlow.countDown();
        servers.forEach(CliServer::close);
    }

    private CliServer server(CliServerOptions options) {
        CliServer server = new CliServer(commands, stopRequested::countDown, options);
        servers.add(server);
        return server;
    }

    private CliEndpoint listenUnix(CliServer server, String name) {
        return server.listen(new CliEndpoint.UnixSocket(dir.resolve(name)));
    }

    private static void awaitCounters(CliServer server, Predicate<CliServerCounters> condition) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.test(server.counters()); i++) {
            Thread.sleep(5);
        }
        assertThat(server.counters()).matches(condition, "counters reached the expected state");
    }

    @Test
    void shouldGreetAHumanWithBannerAndPromptThenAnswerEveryLine() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS);
        CliEndpoint endpoint = listenUnix(server, "cli.sock");
        try (RawClient client = RawClient.connect(endpoint)) {
            String greeting = client.readThrough(PROMPT);
            assertThat(greeting).contains("\\_/", "vecta " + Version.VERSION).endsWith("\n\n" + PROMPT);
            assertThat(greeting).doesNotContain("\u0001");

            client.send("echo hello world\r\n");
            assertThat(client.readThrough(PROMPT)).isEqualTo("hello world\n" + PROMPT);
            client.send("fail\n");
            assertThat(client.readThrough(PROMPT)).isEqualTo("fail: failed as asked\n" + PROMPT);
            client.send("\n");
            assertThat(client.readThrough(PROMPT)).isEqualTo(PROMPT);
        }
        assertThat(commands.lines).containsExactly("echo hello world", "fail", "");
    }

    @Test
    void shouldGreetWithTheConfiguredPromptOnlyWhenTheBannerIsOff() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false).withPrompt("lab> "));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send("echo one\n");
            assertThat(client.readThrough("one\nlab> ")).isEqualTo("lab> one\nlab> ");
        }
    }

    @Test
    void shouldRefuseAPromptWithControlCharacters() {
        assertThatThrownBy(() -> new CliServerOptions(true, "a\u0001b# "))
                .hasMessage("CLI prompt 'a\\x01b# ': control characters are not allowed");
    }

    @Test
    void shouldEndAHumanSessionWhenTheCommandSaysSo() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send("echo bye\nquit\necho never\n");
            assertThat(client.readToEnd()).isEqualTo(PROMPT + "bye\n" + PROMPT);
        }
        awaitCounters(server, c -> c.sessionsClosed() == 1);
        assertThat(commands.lines).containsExactly("echo bye", "quit");
    }

    @Test
    void shouldServeManyClientsAtOnceOneLineAtATime() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS);
        CliEndpoint endpoint = listenUnix(server, "cli.sock");
        int clients = 24;
        List<RawClient> connected = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                RawClient client = RawClient.connect(endpoint);
                connected.add(client);
                client.readThrough(PROMPT);
            }
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RawClient client = connected.get(i);
                int id = i;
                answers.add(threads.submit(() -> {
                    StringBuilder seen = new StringBuilder();
                    for (int round = 0; round < 5; round++) {
                        client.send("echo client " + id + " round " + round + "\n");
                        seen.append(client.readThrough(PROMPT));
                    }
                    return seen.toString();
                }));
            }
            for (int i = 0; i < clients; i++) {
                StringBuilder expected = new StringBuilder();
                for (int round = 0; round < 5; round++) {
                    expected.append("client ").append(i).append(" round ").append(round).append('\n').append(PROMPT);
                }
                assertThat(answers.get(i).get()).isEqualTo(expected.toString());
            }
        } finally {
            for (RawClient client : connected) {
                client.close();
            }
        }
        awaitCounters(server, c -> c.sessionsClosed() == clients);
        assertThat(server.counters()).isEqualTo(new CliServerCounters(clients, clients, 0, clients * 5L, 0));
        assertThat(commands.overlapped()).as("runner called by two sessions at once").isFalse();
    }

    @Test
    void shouldFrameEachReplyWithStatusAndLengthAfterTheHandshake() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS);
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send(CliProtocol.HANDSHAKE + "\n");
            String beforeAnswer = client.readThrough("\u0001");
            assertThat(beforeAnswer).endsWith(PROMPT + "\u0001");
            assertThat(client.readThrough("\n")).isEqualTo("vecta 1 vecta# \n");

            client.send("echo héllo\n");
            assertThat(client.readThrough("\n")).isEqualTo("\u0001ok 7 continue\n");
            assertThat(client.readBytes(7)).isEqualTo("héllo\n");

            client.send("fail\n");
            String failed = "fail: failed as asked\n";
            assertThat(client.readThrough("\n")).isEqualTo("\u0001failed " + failed.length() + " continue\n");
            assertThat(client.readBytes(failed.length())).isEqualTo(failed);

            client.send("show ?\n");
            String help = commands.run("show ?").output();
            assertThat(client.readThrough("\n")).isEqualTo("\u0001ok " + help.length() + " continue\n");
            assertThat(client.readBytes(help.length())).isEqualTo(help);

            client.send("quit\n");
            assertThat(client.readToEnd()).isEqualTo("\u0001ok 0 close\n");
        }
        assertThat(commands.lines).containsExactly("echo héllo", "fail", "show ?", "show ?", "quit");
    }

    @Test
    void shouldRefuseAProtocolVersionItDoesNotSpeakAndCountTheError() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send("\u0001vectactl 9\necho never\n");
            assertThat(client.readToEnd()).isEqualTo(PROMPT
                    + "\u0001vecta refused protocol version '9' not spoken, this runtime speaks 1\n");
        }
        awaitCounters(server, c -> c.sessionsClosed() == 1);
        assertThat(server.counters().sessionErrors()).isEqualTo(1);
        assertThat(commands.lines).isEmpty();
    }

    @Test
    void shouldKeepServingOthersWhenAClientLeavesWhileItsCommandRuns() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        CliEndpoint endpoint = listenUnix(server, "cli.sock");
        try (RawClient stayer = RawClient.connect(endpoint)) {
            RawClient leaver = RawClient.connect(endpoint);
            leaver.readThrough(PROMPT);
            stayer.readThrough(PROMPT);
            leaver.send("slow\n");
            commands.slowStarted.await();
            leaver.close();
            stayer.send("echo still here\n");
            commands.releaseSlow.countDown();
            assertThat(stayer.readThrough(PROMPT)).isEqualTo("still here\n" + PROMPT);
            awaitCounters(server, c -> c.sessionsClosed() == 1);

            try (RawClient late = RawClient.connect(endpoint)) {
                late.send("echo later\n");
                assertThat(late.readThrough(PROMPT + "later\n" + PROMPT)).isEqualTo(PROMPT + "later\n" + PROMPT);
            }
        }
        assertThat(commands.lines).containsExactly("slow", "echo still here", "echo later");
        awaitCounters(server, c -> c.sessionsClosed() == 3);
        assertThat(server.counters().sessionsOpened()).isEqualTo(3);
    }

    @Test
    void shouldRejectALineLongerThanTheLimitAndKeepTheSession() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.readThrough(PROMPT);
            String longest = "echo " + "x".repeat(CliProtocol.MAX_LINE_BYTES - 5);
            client.send("echo " + "y".repeat(CliProtocol.MAX_LINE_BYTES) + "\n" + longest + "\necho after\n");
            assertThat(client.readThrough(PROMPT))
                    .isEqualTo("line too long: more than 4096 bytes; the line was dropped\n" + PROMPT);
            assertThat(client.readThrough(PROMPT)).isEqualTo("x".repeat(CliProtocol.MAX_LINE_BYTES - 5) + "\n" + PROMPT);
            assertThat(client.readThrough(PROMPT)).isEqualTo("after\n" + PROMPT);
        }
        assertThat(commands.lines).hasSize(2).last().isEqualTo("echo after");
        assertThat(server.counters().linesRejected()).isEqualTo(1);
    }

    @Test
    void shouldDropTelnetNegotiationAndAcceptTelnetLineEnds() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.readThrough(PROMPT);
            byte[] iacWillEcho = {(byte) 0xFF, (byte) 0xFB, 0x01};
            byte[] terminalType = {(byte) 0xFF, (byte) 0xFA, 0x18, 0x00, 'x', 't', 'e', 'r', 'm', (byte) 0xFF, (byte) 0xF0};
            client.send(iacWillEcho);
            client.send("ec");
            client.send(terminalType);
            client.send(new byte[] {'h', 'o', ' ', 'a', (byte) 0xFF, (byte) 0xF1, '\r', 0});
            assertThat(client.readThrough(PROMPT)).isEqualTo("a\n" + PROMPT);
            client.send("echo b\rEcho c\r\n");
            assertThat(client.readThrough(PROMPT)).isEqualTo("b\n" + PROMPT);
            assertThat(client.readThrough(PROMPT)).isEqualTo("unknown input 'Echo c'\n" + PROMPT);
        }
        assertThat(commands.lines).containsExactly("echo a", "echo b", "Echo c");
    }

    @Test
    void shouldTurnBytesThatAreNotUtf8IntoReplacementCharacters() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.readThrough(PROMPT);
            client.send(new byte[] {'e', 'c', 'h', 'o', ' ', 'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xC3, '\n'});
            assertThat(client.readThrough(PROMPT)).isEqualTo("caf\uFFFD \uFFFD\n" + PROMPT);
        }
    }

    @Test
    void shouldRefuseASocketThatALiveServerListensOn() throws Exception {
        CliServer first = server(CliServerOptions.DEFAULTS.withBanner(false));
        CliEndpoint endpoint = listenUnix(first, "cli.sock");
        CliServer second = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> second.listen(endpoint))
                .isInstanceOf(CliListenException.class)
                .hasMessage("cli-listen " + dir.resolve("cli.sock") + ": in use by another process");

        try (RawClient client = RawClient.connect(endpoint)) {
            client.send("echo first still serves\n");
            assertThat(client.readThrough("serves\n" + PROMPT)).isEqualTo(PROMPT + "first still serves\n" + PROMPT);
        }
    }

    @Test
    void shouldReplaceAStaleSocketFileLeftByADeadRuntime() throws Exception {
        Path path = dir.resolve("cli.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(path).exists();

        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(server.listen(new CliEndpoint.UnixSocket(path)))) {
            client.send("echo replaced\n");
            assertThat(client.readThrough("replaced\n" + PROMPT)).isEqualTo(PROMPT + "replaced\n" + PROMPT);
        }
    }

    @Test
    void shouldRefuseAPathThatIsNotASocket() throws IOException {
        Path path = Files.writeString(dir.resolve("notes.txt"), "keep me");
        CliServer server = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> server.listen(new CliEndpoint.UnixSocket(path)))
                .hasMessage("cli-listen " + path + ": exists and is not a socket; remove it or listen elsewhere");
        assertThat(path).hasContent("keep me");
    }

    @Test
    void shouldNameThePathAndTheOsReasonWhenTheDirectoryCannotBeMade() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "");
        Path path = file.resolve("vecta/cli.sock");
        CliServer server = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> server.listen(new CliEndpoint.UnixSocket(path)))
                .isInstanceOf(CliListenException.class)
                .hasMessageStartingWith("cli-listen " + path + ": cannot create directory " + file.resolve("vecta") + ": ")
                .hasMessageContaining("plain-file");
    }

    @Test
    void shouldNameThePathAndTheOsReasonWhenTheDirectoryIsNotWritable() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes in any directory");
        Path locked = Files.createDirectory(dir.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        Path path = locked.resolve("cli.sock");
        CliServer server = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> server.listen(new CliEndpoint.UnixSocket(path)))
                .hasMessage("cli-listen " + path + ": cannot listen: Permission denied");
    }

    @Test
    void shouldRefuseASocketPathLongerThanTheKernelHolds() {
        Path path = dir.resolve("d".repeat(120) + ".sock");
        CliServer server = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> server.listen(new CliEndpoint.UnixSocket(path)))
                .hasMessageStartingWith("cli-listen " + path + ": path is ")
                .hasMessageEndingWith(" bytes long, a unix socket path holds at most 107");
    }

    @Test
    void shouldMakeAMissingDirectoryForTheOwnerOnlyAndRemoveTheSocketOnClose() throws IOException {
        Path path = dir.resolve("run/vecta/cli.sock");
        CliServer server = server(CliServerOptions.DEFAULTS);
        server.listen(new CliEndpoint.UnixSocket(path));
        assertThat(Files.getPosixFilePermissions(path.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(path).exists();

        server.close();

        assertThat(path).doesNotExist();
        assertThatThrownBy(() -> RawClient.connect(new CliEndpoint.UnixSocket(path))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldDisconnectSessionsOnClose() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.readThrough(PROMPT);
            server.close();
            assertThat(client.readToEnd()).isEmpty();
        }
        awaitCounters(server, c -> c.sessionsClosed() == 1);
        assertThat(server.counters().sessionErrors()).isZero();
    }

    @Test
    void shouldServeLoopbackTcpOnThePortTheOsChose() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        CliEndpoint bound = server.listen(CliEndpoint.parse("127.0.0.1:0"));
        assertThat(bound).isInstanceOfSatisfying(CliEndpoint.Tcp.class, tcp -> {
            assertThat(tcp.host()).isEqualTo("127.0.0.1");
            assertThat(tcp.port()).isPositive();
        });
        assertThat(server.endpoints()).containsExactly(bound);
        try (RawClient client = RawClient.connect(bound)) {
            client.send("echo over tcp\n");
            assertThat(client.readThrough("tcp\n" + PROMPT)).isEqualTo(PROMPT + "over tcp\n" + PROMPT);
        }
    }

    @Test
    void shouldRefuseAnAddressThatIsNotLoopback() {
        CliServer server = server(CliServerOptions.DEFAULTS);

        assertThatThrownBy(() -> server.listen(CliEndpoint.parse("0.0.0.0:5002")))
                .isInstanceOf(CliListenException.class)
                .hasMessageStartingWith("cli-listen 0.0.0.0:5002: 0.0.0.0 is not a loopback address;")
                .hasMessageContaining("listens on loopback only");
        assertThatThrownBy(() -> server.listen(CliEndpoint.parse("192.0.2.1:5002")))
                .hasMessageStartingWith("cli-listen 192.0.2.1:5002: 192.0.2.1 is not a loopback address;");
        assertThat(server.endpoints()).isEmpty();
    }

    @Test
    void shouldCallStopRuntimeAfterTheSessionThatAskedClosed() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send("halt\n");
            assertThat(client.readToEnd()).isEqualTo(PROMPT + "halting\n");
        }
        stopRequested.await();
        assertThat(server.counters().sessionsClosed()).isEqualTo(1);
    }

    @Test
    void shouldFailTheLineNotTheSessionWhenTheRunnerThrows() throws Exception {
        CliServer server = new CliServer(line -> {
            throw new IllegalStateException("broken command");
        }, () -> { }, CliServerOptions.DEFAULTS.withBanner(false));
        servers.add(server);
        try (RawClient client = RawClient.connect(listenUnix(server, "cli.sock"))) {
            client.send("anything\n");
            assertThat(client.readThrough("command\n" + PROMPT)).isEqualTo(PROMPT
                    + "internal error running 'anything': java.lang.IllegalStateException: broken command\n" + PROMPT);
        }
    }

    @Test
    void shouldCountASessionThatEndsOnABrokenConnectionAsAnError() throws Exception {
        CliServer server = server(CliServerOptions.DEFAULTS.withBanner(false));
        CliEndpoint endpoint = listenUnix(server, "cli.sock");
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(dir.resolve("cli.sock")));
            client.write(java.nio.ByteBuffer.wrap(("slow\n").getBytes(StandardCharsets.UTF_8)));
            commands.slowStarted.await();
        }
        // the answer to the slow command goes to a peer that is gone: a unix socket says so at once
        commands.releaseSlow.countDown();
        awaitCounters(server, c -> c.sessionsClosed() == 1);
        assertThat(server.counters()).isEqualTo(new CliServerCounters(1, 1, 1, 1, 0));
        try (RawClient client = RawClient.connect(endpoint)) {
            client.send("echo fine\n");
            assertThat(client.readThrough("fine\n" + PROMPT)).isEqualTo(PROMPT + "fine\n" + PROMPT);
        }
    }
}
