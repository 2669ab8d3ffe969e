package io.vecta.runtime.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliServer;
import io.vecta.runtime.cli.server.CliServerOptions;
import io.vecta.runtime.cli.server.TestCommands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VectaCtlTest {

    @TempDir
    Path dir;

    private final TestCommands commands = new TestCommands();
    private final CliServer server = new CliServer(commands, () -> { }, CliServerOptions.DEFAULTS);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path socket;

    @BeforeEach
    void listen() {
        socket = dir.resolve("cli.sock");
        server.listen(new CliEndpoint.UnixSocket(socket));
    }

    @AfterEach
    void close() {
        commands.releaseSlow.countDown();
        server.close();
    }

    private int vectactl(String stdin, String... args) {
        return VectaCtl.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir.resolve("default.sock"), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheOutputOfACommandThatSucceededAndExitZero() {
        assertThat(vectactl("", "-s", socket.toString(), "echo", "hello,", "world")).isEqualTo(VectaCtl.EXIT_OK);
        assertThat(out()).isEqualTo("hello, world\n");
        assertThat(err()).isEmpty();
        assertThat(commands.lines).containsExactly("echo hello, world");
    }

    @Test
    void shouldPrintTheErrorOfACommandThatFailedOnStderrAndExitOne() {
        assertThat(vectactl("", "-s", socket.toString(), "fail")).isEqualTo(VectaCtl.EXIT_FAILED);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("fail: failed as asked\n");
    }

    @Test
    void shouldPassWordsAfterTheFirstCommandWordToTheCommandEvenWhenTheyLookLikeOptions() {
        assertThat(vectactl("", "-s", socket.toString(), "echo", "-s", "x")).isZero();
        assertThat(out()).isEqualTo("-s x\n");
        assertThat(vectactl("", "--socket", socket.toString(), "--", "-dash")).isEqualTo(VectaCtl.EXIT_FAILED);
        assertThat(commands.lines).containsExactly("echo -s x", "-dash");
    }

    @Test
    void shouldUseTheDefaultSocketWithoutDashS() {
        CliServer atDefault = new CliServer(commands, () -> { }, CliServerOptions.DEFAULTS);
        try {
            atDefault.listen(new CliEndpoint.UnixSocket(dir.resolve("default.sock")));
            assertThat(vectactl("", "echo", "default")).isZero();
            assertThat(out()).isEqualTo("default\n");
        } finally {
            atDefault.close();
        }
    }

    @Test
    void shouldReachTheRuntimeOverLoopbackTcp() {
        CliEndpoint bound = server.listen(CliEndpoint.parse("127.0.0.1:0"));
        assertThat(vectactl("", "-s", bound.toString(), "echo", "tcp")).isZero();
        assertThat(out()).isEqualTo("tcp\n");
    }

    @Test
    void shouldExitTwoOnABadCommandLine() {
        assertThat(vectactl("", "-x", "show")).isEqualTo(VectaCtl.EXIT_USAGE);
        assertThat(err()).startsWith("vectactl: unknown option '-x'\nusage: vectactl [-s SOCKET|HOST:PORT] [COMMAND ...]");
        err.reset();
        assertThat(vectactl("", "-s")).isEqualTo(VectaCtl.EXIT_USAGE);
        assertThat(err()).startsWith("vectactl: -s needs a socket path or HOST:PORT\n");
        err.reset();
        assertThat(vectactl("", "-s", "localhost:99999", "show")).isEqualTo(VectaCtl.EXIT_USAGE);
        assertThat(err()).startsWith("vectactl: CLI endpoint localhost:99999: port out of range 0..65535\n");
        err.reset();
        assertThat(vectactl("", "-s", socket.toString(), "echo a\nhalt")).isEqualTo(VectaCtl.EXIT_USAGE);
        assertThat(err()).startsWith("vectactl: a command is one line; this one holds a line break\n");
        assertThat(commands.lines).isEmpty();
    }

    @Test
    void shouldPrintUsageOnHelpAndExitZero() {
        assertThat(vectactl("", "--help")).isZero();
        assertThat(out()).contains("usage: vectactl", "(default " + dir.resolve("default.sock") + ")");
    }

    @Test
    void shouldExitThreeAndSayTheRuntimeIsNotRunningWhenThereIsNoSocket() {
        Path missing = dir.resolve("nothing-here.sock");
        assertThat(vectactl("", "-s", missing.toString(), "show", "version")).isEqualTo(VectaCtl.EXIT_UNREACHABLE);
        assertThat(err()).isEqualTo("vectactl: cannot connect to " + missing + ": no socket there; the runtime is"
                + " not running, or listens elsewhere (vectactl -s SOCKET)\n");
    }

    @Test
    void shouldExitThreeAndSayTheRuntimeStoppedWhenTheSocketIsStale() throws IOException {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(vectactl("", "-s", stale.toString(), "show", "version")).isEqualTo(VectaCtl.EXIT_UNREACHABLE);
        assertThat(err()).isEqualTo("vectactl: cannot connect to " + stale + ": connection refused; the runtime is"
                + " not running (the socket file was left by one that stopped)\n");
    }

    @Test
    void shouldExitThreeWhenNothingListensOnTheTcpPort() throws IOException {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        assertThat(vectactl("", "-s", "127.0.0.1:" + port, "show")).isEqualTo(VectaCtl.EXIT_UNREACHABLE);
        assertThat(err()).isEqualTo("vectactl: cannot connect to 127.0.0.1:" + port
                + ": connection refused; the runtime is not running, or does not listen there\n");
    }

    @Test
    void shouldExitThreeWhenTheRuntimeGoesAwayWhileTheCommandRuns() throws Exception {
        try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> exit = thread.submit(() -> vectactl("", "-s", socket.toString(), "slow"));
            commands.slowStarted.await();
            server.close();
            assertThat(exit.get()).isEqualTo(VectaCtl.EXIT_UNREACHABLE);
        }
        assertThat(err()).isEqualTo("vectactl: the runtime at " + socket
                + " closed the connection before answering; it may have stopped\n");
    }

    @Test
    void shouldRunEachLineOfPipedInputAndExitOneWhenAnyFailed() {
        assertThat(vectactl("echo one\nfail\n\necho two\n", "-s", socket.toString())).isEqualTo(VectaCtl.EXIT_FAILED);
        assertThat(out()).isEqualTo("one\ntwo\n");
        assertThat(err()).isEqualTo("fail: failed as asked\n");
        assertThat(commands.lines).containsExactly("echo one", "fail", "", "echo two");
    }

    @Test
    void shouldStopReadingPipedInputWhenTheRuntimeEndsTheSession() {
        assertThat(vectactl("echo one\nquit\necho never\n", "-s", socket.toString())).isZero();
        assertThat(out()).isEqualTo("one\n");
        assertThat(commands.lines).containsExactly("echo one", "quit");
    }
}
