package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.StartupConfigParser;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socksvr { }} in the startup configuration serves the binary API from the runtime itself. */
class SocksvrTest {

    private static final String BUFFERS = "buffers { page-size 4k buffers-per-numa 2048 }\n";

    @TempDir
    Path dir;

    private StartupConfig config(String text) {
        return new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf", BUFFERS + text);
    }

    @Test
    void shouldServeTheApiOnTheDefaultSocketInTheRuntimeDirectory() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(config("socksvr { default }"))) {
            Thread main = Thread.ofPlatform().name("vecta-main").start(runtime::run);
            Path socket = dir.resolve("api.sock");
            try (RawApiClient client = RawApiClient.handshake(socket, "papi")) {
                client.send(client.controlPing(3));
                ByteBuffer reply = client.read();

                assertThat(reply.getShort(0)).isEqualTo((short) 24);
                assertThat(reply.getInt(2)).isEqualTo(3);
                assertThat(client.table).as("memclnt's 28, then vlib's, vpe's, interface's, ip's, ip_neighbor's and l2's")
                        .hasSize(28 + 18 + 6 + 80 + 95 + 20 + 72).containsKeys("cli_inband_f8377302", "show_version_51077d14",
                                "sw_interface_dump_aa610c27", "ip_address_dump_2d033de4", "ip_neighbor_dump_d817a484",
                                "bridge_domain_dump_74396a43", "l2fib_add_del_eddda487");
                CommandRunner cli = runtime.onMainThread(runtime.newShell(false));
                CommandOutcome clients = cli.run("show api clients");
                assertThat(clients.failed()).as(clients.output()).isFalse();
                assertThat(clients.output()).startsWith("Socket clients on " + socket + "\n")
                        .containsPattern("papi +0x80000001 +2 +2 +0\n")
                        .containsPattern(" +1 +clients accepted\n")
                        .containsPattern(" +2 +messages handled\n");
                // ids are right-aligned to the widest, three digits with the interface module
                assertThat(cli.run("sh api m").output()).startsWith(" ID  Name\n")
                        .contains("\n 15  sockclnt_create_455fb9c4\n", "\n 24  control_ping_reply_f6b0b8ca\n");
            }
            assertThat(runtime.warnings()).noneMatch(w -> w.contains("socksvr"));
            runtime.stop();
            main.join();
        }
        assertThat(dir.resolve("api.sock")).doesNotExist();
    }

    @Test
    void shouldServeNothingWithoutTheSectionAndSaySoInTheCli() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(config(""))) {
            CommandOutcome outcome = runtime.newShell(false).run("show api clients");

            assertThat(runtime.apiServer()).isEmpty();
            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.output()).contains("the binary API is not served: add socksvr { } to the startup"
                    + " configuration");
        }
    }

    @Test
    void shouldRefuseASocketAnotherRuntimeServes() {
        Path socket = dir.resolve("shared.sock");
        try (VectaRuntime first = VectaRuntime.start(config("socksvr { socket-name " + socket + " }"))) {
            assertThat(Files.exists(socket)).isTrue();
            assertThatThrownBy(() -> VectaRuntime.start(config("socksvr { socket-name " + socket + " }")))
                    .isInstanceOf(ApiListenException.class)
                    .hasMessage("socksvr socket-name " + socket + ": in use by another process");
        }
    }

    @Test
    void shouldReplaceASocketFileLeftByARuntimeThatDied() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket)).isTrue();

        try (VectaRuntime runtime = VectaRuntime.start(config("socksvr { socket-name " + socket + " }"))) {
            assertThat(runtime.apiServer().flatMap(ApiServer::socket)).contains(socket);
        }
    }
}
