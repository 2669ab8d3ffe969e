package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.Version;
import io.vecta.runtime.api.client.ApiClientException;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.client.ApiEvent;
import io.vecta.runtime.api.client.ApiTimeoutException;
import io.vecta.runtime.api.client.TableCheck;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.GetNodeIndex;
import io.vecta.runtime.api.core.vlib.GetNodeIndexReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApiConnection} against a real runtime serving its socket. */
class ApiConnectionTest {

    private static final ApiCodecs CORE = ApiCodecs.of(VlibModule.MESSAGES, VpeModule.MESSAGES);

    @TempDir
    Path dir;

    private VectaRuntime runtime;
    private Thread main;

    private Path startRuntime() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        main = Thread.ofPlatform().start(runtime::run);
        return dir.resolve("api.sock");
    }

    private void stopRuntime() throws InterruptedException {
        if (runtime != null) {
            runtime.stop();
            main.join();
            runtime.close();
            runtime = null;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        stopRuntime();
    }

    @Test
    void shouldCallShowVersionAndCliInbandWithTheConnectionsIndex() {
        try (ApiConnection api = ApiConnection.connect(startRuntime(), "test", CORE)) {
            ShowVersionReply version = api.call(new ShowVersion(0, 0), ShowVersionReply.CODEC);
            CliInbandReply cli = api.call(new CliInband(0, 0, "show vlib graph error-punt"), CliInbandReply.CODEC);

            assertThat(api.tableCheck().isCompatible()).as(api.tableCheck().toString()).isTrue();
            assertThat(api.clientIndex()).isNegative(); // bit 31 marks a socket client
            assertThat(version.retval()).isZero();
            assertThat(version.program()).isEqualTo("vecta");
            assertThat(version.version()).isEqualTo(Version.VERSION);
            assertThat(cli.reply()).contains("error-punt");
            assertThat(api.controlPing().retval()).isZero();
        }
    }

    @Test
    void shouldCollectADumpsDetailsUntilTheControlPingReply() throws InterruptedException {
        try (ApiFixture fixture = new ApiFixture(dir, ApiServerOptions.DEFAULTS);
             ApiConnection api = ApiConnection.connect(fixture.socket, "dumper",
                     ApiCodecs.of(List.of(U32Codec.ThingDump.CODEC, U32Codec.ThingDetails.CODEC)))) {
            List<U32Codec.ThingDetails> three = api.dump(new U32Codec.ThingDump(0, 0, 3), U32Codec.ThingDetails.CODEC);
            List<U32Codec.ThingDetails> none = api.dump(new U32Codec.ThingDump(0, 0, 0), U32Codec.ThingDetails.CODEC);

            assertThat(three).extracting(U32Codec.ThingDetails::sequence).containsExactly(0L, 1L, 2L);
            assertThat(three).extracting(U32Codec.ThingDetails::context).containsOnly(three.getFirst().context());
            assertThat(none).isEmpty();
        }
    }

    @Test
    void shouldReportMissingAndOtherCrcMessagesByNameAndRefuseToSendThem() {
        ApiCodecs codecs = ApiCodecs.of(List.of(U32Codec.OtherShowVersion.CODEC, U32Codec.Absent.CODEC,
                CliInband.CODEC, CliInbandReply.CODEC));
        try (ApiConnection api = ApiConnection.connect(startRuntime(), "old-client", codecs)) {
            TableCheck check = api.tableCheck();

            assertThat(check.isCompatible()).isFalse();
            assertThat(check.missing()).containsExactly("absent_message_12345678");
            assertThat(check.crcMismatches()).containsExactly(new TableCheck.CrcMismatch("show_version",
                    "show_version_deadbeef", "show_version_51077d14"));
            assertThatThrownBy(check::requireCompatible).hasMessageContaining("show_version_deadbeef");
            assertThatThrownBy(() -> api.call(new U32Codec.OtherShowVersion(0, 0), ShowVersionReply.CODEC))
                    .isInstanceOf(ApiClientException.class)
                    .hasMessageContaining("show_version_deadbeef").hasMessageContaining("show_version_51077d14");
            assertThatThrownBy(() -> api.send(new U32Codec.Absent(0, 0)))
                    .hasMessageContaining("absent_message_12345678").hasMessageContaining("no message of that name");
            assertThat(api.call(new CliInband(0, 0, "show version"), CliInbandReply.CODEC).reply()).contains("vecta");
        }
    }

    @Test
    void shouldMatchRepliesToCallsFromSeveralThreads() throws Exception {
        int drop;
        int punt;
        try (ApiConnection api = ApiConnection.connect(startRuntime(), "many", CORE)) {
            drop = runtime.graph().node("error-drop").index();
            punt = runtime.graph().node("error-punt").index();
            List<CompletableFuture<Boolean>> checks = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String node = t % 2 == 0 ? "error-drop" : "error-punt";
                long expected = t % 2 == 0 ? drop : punt;
                CompletableFuture<Boolean> result = new CompletableFuture<>();
                checks.add(result);
                threads.add(Thread.ofPlatform().start(() -> {
                    List<CompletableFuture<GetNodeIndexReply>> replies = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        replies.add(api.callAsync(new GetNodeIndex(0, 0, node), GetNodeIndexReply.CODEC));
                    }
                    result.complete(replies.stream().map(CompletableFuture::join)
                            .allMatch(r -> r.retval() == 0 && r.nodeIndex() == expected));
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(checks).allSatisfy(check -> assertThat(check.get(30, TimeUnit.SECONDS)).isTrue());
        }
    }

    @Test
    void shouldPassRepliesNoCallWaitsForToTheEventListeners() throws InterruptedException {
        try (ApiConnection api = ApiConnection.connect(startRuntime(), "listener", CORE)) {
            BlockingQueue<ApiEvent> events = new LinkedBlockingQueue<>();
            api.addEventListener(events::add);

            int context = api.send(new ShowVersion(0, 0));
            ApiEvent event = events.poll(20, TimeUnit.SECONDS);

            assertThat(event).isNotNull();
            assertThat(event.key()).isEqualTo(ShowVersionReply.CODEC.key());
            assertThat(event.message()).get().isInstanceOfSatisfying(ShowVersionReply.class,
                    reply -> assertThat(reply.context()).isEqualTo(context));
        }
    }

    @Test
    void shouldReconnectAfterTheRuntimeRestartsOnTheSamePath() throws InterruptedException {
        Path socket = startRuntime();
        try (ApiConnection api = ApiConnection.connect(socket, "survivor", CORE)) {
            assertThat(api.call(new ShowVersion(0, 0), ShowVersionReply.CODEC).retval()).isZero();

            stopRuntime();
            assertThat(ApiFixture.eventually(() -> !api.isOpen())).as("the client sees the runtime go").isTrue();
            assertThatThrownBy(() -> api.call(new ShowVersion(0, 0), ShowVersionReply.CODEC))
                    .isInstanceOf(ApiClientException.class).hasMessageContaining("reconnect()");

            startRuntime();
            TableCheck check = api.reconnect();

            assertThat(check.isCompatible()).isTrue();
            assertThat(api.call(new ShowVersion(0, 0), ShowVersionReply.CODEC).program()).isEqualTo("vecta");
        }
    }

    @Test
    void shouldNameTheSocketWhenNoRuntimeListens() {
        Path nowhere = dir.resolve("nobody.sock");
        assertThatThrownBy(() -> ApiConnection.connect(nowhere, "lonely", CORE))
                .isInstanceOf(ApiClientException.class).hasMessageContaining("no runtime at " + nowhere);
    }

    @Test
    void shouldGiveUpOnAReplyThatNeverComesAndStayUsable() {
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
        ApiModule silentModule = ApiModule.builder("silent", 0x01020304)
                .message(ApiMessage.request("silent", U32Codec.Silent.CRC, 10, (request, replies) -> { }))
                .message(ApiMessage.sent("silent_reply", U32Codec.SilentReply.CRC))
                .build();
        ApiServer server = new ApiServer(ApiRegistry.withMemclnt().register(silentModule).table(), inline,
                ApiServerOptions.DEFAULTS);
        Path socket = dir.resolve("silent.sock");
        server.listen(socket, Optional.empty());
        try (ApiConnection api = ApiConnection.connect(socket, "patient",
                ApiCodecs.of(List.of(U32Codec.Silent.CODEC, U32Codec.SilentReply.CODEC)), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> api.call(new U32Codec.Silent(0, 0), U32Codec.SilentReply.CODEC))
                    .isInstanceOf(ApiTimeoutException.class).hasMessageContaining("silent")
                    .hasMessageContaining("silent_reply");
            assertThatThrownBy(() -> api.callAsync(new U32Codec.Silent(0, 0), U32Codec.SilentReply.CODEC).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ApiTimeoutException.class);
            assertThat(api.controlPing().retval()).isZero();
        } finally {
            server.close();
        }
    }
}
