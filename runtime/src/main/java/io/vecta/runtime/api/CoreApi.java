package io.vecta.runtime.api;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.GetNextIndex;
import io.vecta.runtime.api.core.vlib.GetNextIndexReply;
import io.vecta.runtime.api.core.vlib.GetNodeIndex;
import io.vecta.runtime.api.core.vlib.GetNodeIndexReply;
import io.vecta.runtime.api.core.vlib.ShowThreadsReply;
import io.vecta.runtime.api.core.vlib.ThreadData;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.show.BuildInfo;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.api.MessageCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's own API modules, {@code vlib} and {@code vpe}, with their messages' codecs
 * generated from the core {@code .api} files and these handlers: {@code show_version},
 * {@code cli_inband} (any CLI command, its output in the reply), {@code get_node_index},
 * {@code get_next_index} and {@code show_threads}. Handlers run on the main thread with the
 * workers stopped, as VPP runs them.
 */
public final class CoreApi {

    /** VPP's {@code VNET_API_ERROR_NO_SUCH_NODE}. */
    public static final int NO_SUCH_NODE = -63;
    /** VPP's {@code VNET_API_ERROR_NO_SUCH_NODE2}: the second node named does not exist. */
    public static final int NO_SUCH_NODE2 = -64;

    private final VectaRuntime runtime;
    private final CliShell shell;

    private CoreApi(VectaRuntime runtime) {
        this.runtime = runtime;
        this.shell = runtime.newShell(false);
    }

    /** The two modules, in VPP's order, with handlers over {@code runtime}. */
    public static List<ApiModule> modules(VectaRuntime runtime) {
        CoreApi api = new CoreApi(runtime);
        return List.of(
                module(VlibModule.NAME, VlibModule.FILE_CRC, VlibModule.MESSAGES, Map.of(
                        "cli_inband", api::cliInband,
                        "get_node_index", api::getNodeIndex,
                        "get_next_index", api::getNextIndex,
                        "show_threads", api::showThreads)),
                module(VpeModule.NAME, VpeModule.FILE_CRC, VpeModule.MESSAGES, Map.of(
                        "show_version", api::showVersion)));
    }

    /** A module of the server from the generated codecs; messages without a handler are only sent. */
    private static ApiModule module(String name, int fileCrc, List<MessageCodec<?>> codecs,
                                    Map<String, ApiHandler> handlers) {
        return ApiModule.fromCodecs(name, fileCrc, codecs, codec -> Optional.ofNullable(handlers.get(codec.name()))
                .map(handler -> ApiMessage.request(codec.name(), codec.crc(), codec.minimumPayloadSize(), handler)));
    }

    private void showVersion(ByteBuffer request, ApiReplySink replies) {
        BuildInfo build = BuildInfo.runtime();
        replies.reply(new ShowVersionReply(replies.contextField(), 0, "vecta", build.version(), build.buildDate(),
                build.buildLocation()));
    }

    private void cliInband(ByteBuffer request, ApiReplySink replies) {
        CliInband cli = CliInband.CODEC.decodeRequest(request);
        // the handler runs on the main thread with the workers stopped: the shell runs the line here
        CommandOutcome outcome = shell.run(cli.cmd());
        replies.reply(new CliInbandReply(replies.contextField(), 0, outcome.output()));
    }

    private void getNodeIndex(ByteBuffer request, ApiReplySink replies) {
        GetNodeIndex ask = GetNodeIndex.CODEC.decodeRequest(request);
        Graph graph = runtime.graph();
        boolean known = graph.hasNode(ask.nodeName());
        replies.reply(new GetNodeIndexReply(replies.contextField(), known ? 0 : NO_SUCH_NODE,
                known ? graph.node(ask.nodeName()).index() : 0xffff_ffffL));
    }

    private void getNextIndex(ByteBuffer request, ApiReplySink replies) {
        GetNextIndex ask = GetNextIndex.CODEC.decodeRequest(request);
        Graph graph = runtime.graph();
        int retval = 0;
        long next = 0xffff_ffffL;
        if (!graph.hasNode(ask.nodeName())) {
            retval = NO_SUCH_NODE;
        } else if (!graph.hasNode(ask.nextName())) {
            retval = NO_SUCH_NODE2;
        } else {
            GraphNodeEntry node = graph.node(ask.nodeName());
            int target = graph.node(ask.nextName()).index();
            int index = node.nexts().indexOf(target);
            if (index < 0) {
                retval = NO_SUCH_NODE2;
            } else {
                next = index;
            }
        }
        replies.reply(new GetNextIndexReply(replies.contextField(), retval, next));
    }

    private void showThreads(ByteBuffer request, ApiReplySink replies) {
        List<ThreadData> threads = new ArrayList<>();
        for (DispatchThread thread : runtime.threads()) {
            threads.add(new ThreadData(thread.index(), thread.name(), thread.index() == 0 ? "" : "workers",
                    Math.max(0, thread.lwp()), Math.max(0, thread.lcore()), Math.max(0, thread.lcore()), 0));
        }
        replies.reply(new ShowThreadsReply(replies.contextField(), 0, threads));
    }
}
