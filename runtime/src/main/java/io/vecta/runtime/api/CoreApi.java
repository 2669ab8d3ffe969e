package io.vecta.runtime.api;

import io.vecta.runtime.VectaRuntime;
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
import io.vecta.runtime.api.core.vlib.ThreadData;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.show.BuildInfo;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiErrors;
import io.vecta.sdk.api.ApiHandlerBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's own API modules, {@code vlib} and {@code vpe}, with their messages' codecs
 * generated from the core {@code .api} files and these handlers: {@code show_version},
 * {@code cli_inband} (any CLI command, its output in the reply), {@code get_node_index},
 * {@code get_next_index}, {@code show_threads}, and {@code get_node_graph}, answered
 * {@link ApiErrors#UNIMPLEMENTED}: VPP's reply carries a pointer into its shared-memory heap,
 * which a socket client cannot follow (VPP's own socket clients cannot either); the graph is
 * {@code cli_inband "show vlib graph"} away. Handlers run on the main thread with the
 * workers stopped, as VPP runs them; each is an {@code @ApiHandler} method bound by the generated
 * {@code CoreApi_ApiHandlers}, and the server writes the request's context into each reply.
 */
public final class CoreApi {

    private final VectaRuntime runtime;
    private final CliShell shell;

    private CoreApi(VectaRuntime runtime) {
        this.runtime = runtime;
        this.shell = runtime.newShell(false);
    }

    /** The two modules, in VPP's order, with handlers over {@code runtime}. */
    public static List<ApiModule> modules(VectaRuntime runtime) {
        List<ApiHandlerBinding> handlers = CoreApi_ApiHandlers.bind(new CoreApi(runtime));
        return List.of(
                ApiModule.fromCodecs(VlibModule.NAME, VlibModule.FILE_CRC, VlibModule.MESSAGES, handlers),
                ApiModule.fromCodecs(VpeModule.NAME, VpeModule.FILE_CRC, VpeModule.MESSAGES, handlers));
    }

    @ApiHandler
    ShowVersionReply showVersion(ShowVersion request) {
        BuildInfo build = BuildInfo.runtime();
        return new ShowVersionReply(0, 0, "vecta", build.version(), build.buildDate(), build.buildLocation());
    }

    @ApiHandler
    CliInbandReply cliInband(CliInband request) {
        // the handler runs on the main thread with the workers stopped: the shell runs the line here
        CommandOutcome outcome = shell.run(request.cmd());
        return new CliInbandReply(0, 0, outcome.output());
    }

    @ApiHandler
    GetNodeGraphReply getNodeGraph(GetNodeGraph request) {
        return new GetNodeGraphReply(0, ApiErrors.UNIMPLEMENTED, 0);
    }

    @ApiHandler
    GetNodeIndexReply getNodeIndex(GetNodeIndex request) {
        Graph graph = runtime.graph();
        boolean known = graph.hasNode(request.nodeName());
        return new GetNodeIndexReply(0, known ? 0 : ApiErrors.NO_SUCH_NODE,
                known ? graph.node(request.nodeName()).index() : 0xffff_ffffL);
    }

    @ApiHandler
    GetNextIndexReply getNextIndex(GetNextIndex request) {
        Graph graph = runtime.graph();
        int retval = 0;
        long next = 0xffff_ffffL;
        if (!graph.hasNode(request.nodeName())) {
            retval = ApiErrors.NO_SUCH_NODE;
        } else if (!graph.hasNode(request.nextName())) {
            retval = ApiErrors.NO_SUCH_NODE2;
        } else {
            GraphNodeEntry node = graph.node(request.nodeName());
            int target = graph.node(request.nextName()).index();
            int index = node.nexts().indexOf(target);
            if (index < 0) {
                retval = ApiErrors.NO_SUCH_NODE2;
            } else {
                next = index;
            }
        }
        return new GetNextIndexReply(0, retval, next);
    }

    @ApiHandler
    ShowThreadsReply showThreads(ShowThreads request) {
        List<ThreadData> threads = new ArrayList<>();
        for (DispatchThread thread : runtime.threads()) {
            threads.add(new ThreadData(thread.index(), thread.name(), thread.index() == 0 ? "" : "workers",
                    Math.max(0, thread.lwp()), Math.max(0, thread.lcore()), Math.max(0, thread.lcore()), 0));
        }
        return new ShowThreadsReply(0, 0, threads);
    }
}
