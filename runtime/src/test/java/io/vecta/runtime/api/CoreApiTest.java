package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.Version;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.GetNextIndex;
import io.vecta.runtime.api.core.vlib.GetNextIndexReply;
import io.vecta.runtime.api.core.vlib.GetNodeGraph;
import io.vecta.runtime.api.core.vlib.GetNodeGraphReply;
import io.vecta.runtime.api.core.vlib.GetNodeIndex;
import io.vecta.runtime.api.core.vlib.GetNodeIndexReply;
import io.vecta.runtime.api.core.vlib.ShowThreads;
import io.vecta.runtime.api.core.vlib.ShowThreadsReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiErrors;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vlib and vpe messages over the socket, encoded and decoded by the generated codecs. */
class CoreApiTest {

    @TempDir
    Path dir;

    private VectaRuntime runtime;
    private Thread main;
    private RawApiClient client;

    @BeforeEach
    void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        main = Thread.ofPlatform().start(runtime::run);
        client = RawApiClient.handshake(dir.resolve("api.sock"), "core");
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        runtime.stop();
        main.join();
        runtime.close();
    }

    /** Sends {@code request} and decodes the reply with {@code replyCodec}. */
    private <Q extends ApiMessage, R extends ApiMessage> R call(MessageCodec<Q> codec, Q request,
                                                               MessageCodec<R> replyCodec) {
        client.send(ByteBuffer.wrap(codec.encode(request, client.table.get(codec.key()))));
        ByteBuffer reply = client.read();
        assertThat(Short.toUnsignedInt(reply.getShort(0))).as("reply id").isEqualTo(client.table.get(replyCodec.key()));
        return replyCodec.decode(reply);
    }

    @Test
    void shouldOfferVlibAndVpeInTheTableUnderVppsRangeNames() {
        assertThat(client.table).containsKeys("show_version_51077d14", "cli_inband_f8377302",
                "show_threads_51077d14", "get_node_index_f1984c64");
        assertThat(runtime.apiServer().orElseThrow().table().firstId(VlibModule.MESSAGE_RANGE_NAME)).isPresent();
        assertThat(runtime.apiServer().orElseThrow().table().firstId(VpeModule.MESSAGE_RANGE_NAME)).isPresent();
    }

    @Test
    void shouldSayItsVersionWithTheRequestsContext() {
        ShowVersionReply reply = call(ShowVersion.CODEC, new ShowVersion(0, 4242), ShowVersionReply.CODEC);

        assertThat(reply.context()).isEqualTo(4242);
        assertThat(reply.retval()).isZero();
        assertThat(reply.program()).isEqualTo("vecta");
        assertThat(reply.version()).isEqualTo(Version.VERSION);
        assertThat(call(ShowVersion.CODEC, new ShowVersion(0, 0xf000_0001L), ShowVersionReply.CODEC).context())
                .as("a context with the top bit set comes back whole").isEqualTo(0xf000_0001L);
    }

    @Test
    void shouldRunACliCommandInBandAndReturnItsOutput() {
        CliInbandReply reply = call(CliInband.CODEC, new CliInband(0, 7, "show vlib graph error-punt"),
                CliInbandReply.CODEC);
        CliInbandReply bad = call(CliInband.CODEC, new CliInband(0, 8, "show nonsense"), CliInbandReply.CODEC);

        assertThat(reply.context()).isEqualTo(7);
        assertThat(reply.reply()).contains("error-punt").contains("Next");
        assertThat(bad.reply()).contains("nonsense");
    }

    @Test
    void shouldAnswerNodeAndNextIndicesOrVppsNoSuchNodeErrors() {
        int drop = runtime.graph().node("error-drop").index();

        GetNodeIndexReply found = call(GetNodeIndex.CODEC, new GetNodeIndex(0, 1, "error-drop"),
                GetNodeIndexReply.CODEC);
        GetNodeIndexReply missing = call(GetNodeIndex.CODEC, new GetNodeIndex(0, 2, "ip4-nowhere"),
                GetNodeIndexReply.CODEC);
        GetNextIndexReply next = call(GetNextIndex.CODEC, new GetNextIndex(0, 3, "interface-output", "error-drop"),
                GetNextIndexReply.CODEC);
        GetNextIndexReply noNext = call(GetNextIndex.CODEC, new GetNextIndex(0, 4, "error-drop", "pg-tx"),
                GetNextIndexReply.CODEC);

        assertThat(found.retval()).isZero();
        assertThat(found.nodeIndex()).isEqualTo(drop);
        assertThat(missing.retval()).isEqualTo(ApiErrors.NO_SUCH_NODE);
        assertThat(next.retval()).isZero();
        assertThat(next.nextIndex()).isZero();
        assertThat(noNext.retval()).isEqualTo(ApiErrors.NO_SUCH_NODE2);
    }

    @Test
    void shouldAnswerGetNodeGraphUnimplementedWithTheRequestsContext() {
        GetNodeGraphReply reply = call(GetNodeGraph.CODEC, new GetNodeGraph(0, 0xf000_0007L), GetNodeGraphReply.CODEC);

        assertThat(reply.context()).isEqualTo(0xf000_0007L);
        assertThat(reply.retval()).isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(reply.replyInShmem()).isZero();
    }

    @Test
    void shouldListTheDispatchThreads() {
        ShowThreadsReply reply = call(ShowThreads.CODEC, new ShowThreads(0, 9), ShowThreadsReply.CODEC);

        assertThat(reply.threadData()).singleElement().satisfies(t -> {
            assertThat(t.id()).isZero();
            assertThat(t.name()).isEqualTo("vecta_main");
        });
    }
}
