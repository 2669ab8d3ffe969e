package io.vecta.runtime.apitool;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.Version;
import io.vecta.runtime.api.ApiMainThread;
import io.vecta.runtime.api.ApiRegistry;
import io.vecta.runtime.api.ApiServer;
import io.vecta.runtime.api.ApiServerOptions;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vecta-api call} and {@code vecta-api table} against a running runtime. */
class VectaApiToolSocketTest {

    @TempDir
    static Path dir;

    private static VectaRuntime runtime;
    private static Thread main;
    private static String socket;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        main = Thread.ofPlatform().start(runtime::run);
        socket = dir.resolve("api.sock").toString();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        runtime.stop();
        main.join();
        runtime.close();
    }

    private int run(String... args) {
        return VectaApiTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintShowVersionsReplyAsJson() {
        assertThat(run("-s", socket, "call", "show_version")).as(err()).isZero();

        ShowVersionReply reply = ShowVersionReply.CODEC.fromJson(out().strip());
        assertThat(reply.retval()).isZero();
        assertThat(reply.program()).isEqualTo("vecta");
        assertThat(reply.version()).isEqualTo(Version.VERSION);
        assertThat(out().lines()).hasSize(1);
    }

    @Test
    void shouldTakeTheMessagesFieldsFromJson() {
        assertThat(run("-s", socket, "call", "cli_inband", "{\"cmd\": \"show vlib graph error-punt\"}"))
                .as(err()).isZero();

        assertThat(out()).startsWith("{").contains("\"retval\"").contains("error-punt");
    }

    @Test
    void shouldPrintOneLinePerInterfaceOfADump() {
        assertThat(run("-s", socket, "call", "sw_interface_dump",
                "{\"sw_if_index\": 4294967295, \"name_filter_valid\": false, \"name_filter\": \"\"}"))
                .as(err()).isZero();

        assertThat(out().lines()).hasSize(1).first().satisfies(line -> assertThat(line).startsWith("{")
                .contains("\"interface_name\":\"local0\"").contains("\"interface_dev_type\":\"local\""));
    }

    @Test
    void shouldCallTheL2ModulesMessages() {
        assertThat(run("-s", socket, "call", "bridge_domain_add_del_v2", "{\"bd_id\": 4294967295, \"flood\": true,"
                + " \"uu_flood\": true, \"forward\": true, \"learn\": true, \"arp_term\": false,"
                + " \"arp_ufwd\": false, \"mac_age\": 5, \"bd_tag\": \"blue\", \"is_add\": true}"))
                .as(err()).isZero();
        assertThat(out()).contains("\"retval\":0").contains("\"bd_id\":1");

        assertThat(run("-s", socket, "call", "bridge_domain_dump", "{\"bd_id\": 4294967295,"
                + " \"sw_if_index\": 4294967295}")).as(err()).isZero();
        assertThat(out().lines().filter(line -> line.contains("\"bd_tag\":\"blue\"")))
                .singleElement().satisfies(line -> assertThat(line).contains("\"mac_age\":5"));
    }

    @Test
    void shouldPrintTheServersTableById() {
        assertThat(run("-s", socket, "table")).as(err()).isZero();

        assertThat(out().lines()).contains("15\tsockclnt_create_455fb9c4", "16\tsockclnt_create_reply_35166268")
                .anySatisfy(line -> assertThat(line).endsWith("\tshow_version_51077d14"));
        assertThat(out().lines().map(line -> Integer.parseInt(line.split("\t")[0])).toList()).isSorted();
    }

    @Test
    void shouldRefuseAnUnknownMessageAndExitTwo() {
        assertThat(run("-s", socket, "call", "show_nothing")).isEqualTo(VectaApiTool.USAGE);

        assertThat(err()).contains("unknown message 'show_nothing'");
    }

    @Test
    void shouldNameTheBadJsonFieldAndExitTwo() {
        assertThat(run("-s", socket, "call", "cli_inband", "{\"cmd\": 42}")).isEqualTo(VectaApiTool.USAGE);
        assertThat(err()).contains("cli_inband").contains("cmd");

        out.reset();
        err.reset();
        assertThat(run("-s", socket, "call", "cli_inband", "{}")).isEqualTo(VectaApiTool.USAGE);
        assertThat(err()).contains("cmd").contains("missing");
    }

    @Test
    void shouldSayThereIsNoRuntimeAtTheSocketAndExitFour() {
        String nowhere = dir.resolve("nobody.sock").toString();

        assertThat(run("-s", nowhere, "call", "show_version")).isEqualTo(VectaApiTool.NO_RUNTIME);
        assertThat(err()).contains("no runtime at " + nowhere);
        assertThat(run("-s", nowhere, "table")).isEqualTo(VectaApiTool.NO_RUNTIME);
    }

    @Test
    void shouldSayTheRuntimeLacksTheMessageAndExitFive() {
        ApiMainThread inline = new ApiMainThread() {
            @Override
            public void run(Runnable work) {
                work.run();
            }

            @Override
            public void withWorkersStopped(Runnable change) {
                change.run();
            }
        };
        ApiServer memclntOnly = new ApiServer(ApiRegistry.withMemclnt().table(), inline, ApiServerOptions.DEFAULTS);
        Path bare = dir.resolve("memclnt-only.sock");
        memclntOnly.listen(bare, Optional.empty());
        try {
            assertThat(run("-s", bare.toString(), "call", "show_version")).isEqualTo(VectaApiTool.NOT_ON_SERVER);
            assertThat(err()).contains("show_version_51077d14").contains("no message of that name");
            assertThat(out()).isEmpty();
        } finally {
            memclntOnly.close();
        }
    }
}
