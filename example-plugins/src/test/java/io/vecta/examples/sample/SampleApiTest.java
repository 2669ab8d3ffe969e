package io.vecta.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.examples.sample.api.sample.SampleEcho;
import io.vecta.examples.sample.api.sample.SampleEchoReply;
import io.vecta.examples.sample.api.sample.SampleModule;
import io.vecta.examples.sample.api.sample.SampleProtocolDetails;
import io.vecta.examples.sample.api.sample.SampleProtocolDump;
import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample plugin's API module as a client sees it: a runtime that found the plugin on the
 * class path serves {@code sample.api} in a block of its own after the runtime's modules, and
 * the Java client calls its handlers over the socket.
 */
class SampleApiTest {

    @TempDir
    Path dir;

    @Test
    void shouldServeThePluginsModuleOverTheSocketToTheJavaClient() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir))
                .parse("test.conf", "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"))) {
            Thread main = Thread.ofPlatform().name("vecta-main").start(runtime::run);
            try (ApiConnection api = ApiConnection.connect(dir.resolve("api.sock"), "sample-client",
                    ApiCodecs.of(SampleModule.MESSAGES))) {
                api.tableCheck().requireCompatible();

                SampleEchoReply first = api.call(new SampleEcho(0, 0, "hello"), SampleEchoReply.CODEC);
                SampleEchoReply second = api.call(new SampleEcho(0, 0, "again"), SampleEchoReply.CODEC);
                assertThat(first.retval()).isZero();
                assertThat(first.text()).isEqualTo("hello");
                assertThat(first.echoes()).isEqualTo(1);
                assertThat(second.echoes()).isEqualTo(2);
                assertThat(api.dump(new SampleProtocolDump(0, 0), SampleProtocolDetails.CODEC))
                        .extracting(SampleProtocolDetails::protocol, SampleProtocolDetails::name)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "icmp"),
                                org.assertj.core.groups.Tuple.tuple(6, "tcp"),
                                org.assertj.core.groups.Tuple.tuple(17, "udp"));
            }
            CommandRunner cli = runtime.onMainThread(runtime.newShell(false));
            CommandOutcome shown = cli.run("show sample api");
            assertThat(shown.output()).as("the command shares the handlers' object").isEqualTo("2 echoes answered\n");
            CommandOutcome table = cli.run("show api message-table");
            assertThat(table.output()).as("the module's block after the runtime's, under its range name")
                    .containsPattern("\\n *\\d+ +sample_echo_[0-9a-f]{8}\\n")
                    .containsPattern("\\n +\\d+ +4 +" + SampleModule.MESSAGE_RANGE_NAME + "\\n")
                    .doesNotContain("Refused modules");
            runtime.stop();
            main.join();
        }
    }
}
