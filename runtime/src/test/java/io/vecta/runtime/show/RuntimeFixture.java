package io.vecta.runtime.show;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small runtime for the show tests: the built-in nodes and a test plugin over real buffer
 * memory, with one {@link ThreadRuntime} per thread.
 *
 * <pre>
 *   rx (input) ──0──&gt; classify ──0──&gt; if0-tx (frees)
 *                              ──1──&gt; error-drop (counted by classify: "flow not wanted")
 *                              ──2──&gt; error-punt
 *                              ──3──&gt; error-drop (reason "flow too large" carried by the buffer)
 * </pre>
 * classify sends flow {@code f} to next {@code f % 4}: it counts the drops to next 1 itself, as
 * generated dispatchers do, and leaves those to next 3 to error-drop to count by the reason
 * their buffers carry, as VPP's nodes do with {@code b->error}.
 * rx produces, on each call, the buffers queued with {@link #queueInput}.
 */
final class RuntimeFixture implements AutoCloseable {

    static final String PLUGIN = "test";

    final BufferPools pools;
    final Graph graph;
    final List<DispatchThread> threads = new ArrayList<>();
    private final List<List<Integer>> inputFlows = new ArrayList<>();

    RuntimeFixture(int threadCount, NodeDescriptor... extraNodes) {
        this.pools = BufferPools.create(
                BufferConfig.builder().buffersPerNuma(4000).pageSize(BufferPageSize.SIZE_4K).build(), threadCount);
        List<NodeDescriptor> nodes = new ArrayList<>(List.of(rx(), classify(), tx()));
        nodes.addAll(List.of(extraNodes));
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(RuntimeFixture.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin(PLUGIN, nodes.toArray(NodeDescriptor[]::new)));
        this.graph = Graph.buildFrom(plugins);
        for (int t = 0; t < threadCount; t++) {
            inputFlows.add(new ArrayList<>());
            threads.add(DispatchThread.of(new ThreadRuntime(graph, t, pools.allocator(t))));
        }
    }

    ThreadRuntime runtime(int thread) {
        return threads.get(thread).runtime();
    }

    /** Makes rx on {@code thread} produce one buffer per flow id on its next call. */
    void queueInput(int thread, int... flows) {
        for (int flow : flows) {
            inputFlows.get(thread).add(flow);
        }
    }

    /** Queues flows {@code 0 .. count)} for rx on {@code thread} and turns its loop once. */
    void run(int thread, int count) {
        for (int flow = 0; flow < count; flow++) {
            queueInput(thread, flow);
        }
        runtime(thread).runOnce();
    }

    private NodeDescriptor rx() {
        NodeFunction function = (ctx, frame) -> {
            List<Integer> flows = inputFlows.get(ctx.threadIndex());
            int[] bis = new int[flows.size()];
            ctx.allocator().allocExactly(bis, 0, bis.length);
            for (int i = 0; i < bis.length; i++) {
                ctx.buffers().setFlowId(bis[i], flows.get(i));
            }
            flows.clear();
            ctx.enqueueToSingleNext(bis, 0, bis.length);
            return 0;
        };
        return TestPlugins.node("rx", NodeType.INPUT, function, "classify");
    }

    private NodeDescriptor classify() {
        return TestPlugins.nodeWithErrors("classify", new Classify(),
                List.of("if0-tx", "error-drop", "error-punt", "error-drop"), "flow not wanted", "flow too large");
    }

    /** The graph's global index of classify's "flow too large". */
    int tooLarge() {
        return graph.errorIndex(graph.node("classify").index(), 1);
    }

    private final class Classify implements NodeFunction {
        private final int[] nexts = new int[Frame.CAPACITY];
        private final int[] errors = new int[2];

        @Override
        public int dispatch(NodeContext ctx, Frame frame) {
            int[] from = frame.buffers();
            int count = frame.count();
            for (int i = 0; i < count; i++) {
                int flow = ctx.buffers().flowId(from[i]);
                nexts[i] = flow % 4;
                if (nexts[i] == 1) {
                    errors[0]++;
                } else if (nexts[i] == 3) {
                    ctx.buffers().setError(from[i], tooLarge());
                }
            }
            ctx.enqueueToNext(from, nexts, count);
            ctx.addErrors(errors, 0);
            errors[0] = 0;
            return count;
        }
    }

    private static NodeDescriptor tx() {
        return TestPlugins.node("if0-tx", NodeType.INTERNAL, (ctx, frame) -> {
            ctx.allocator().free(frame.buffers(), 0, frame.count());
            return frame.count();
        });
    }

    @Override
    public void close() {
        pools.close();
    }
}
