package io.vecta.runtime.threads;

import io.vecta.nativeio.linux.Libc;
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
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A graph for the thread tests over real buffer memory for {@code threads} threads.
 *
 * <pre>
 *   worker-handoff ──0──▶ sink      (frees and counts)
 *   to-blocker     ──0──▶ blocker   (waits for {@link #unblock} once entered)
 *   to-probe       ──0──▶ probe     (records the affinity of the thread it runs on, frees)
 * </pre>
 * The to-* nodes are handoff nodes too, so a test reaches any node of a worker from main.
 */
final class WorkerGraph implements AutoCloseable {

    final BufferPools pools;
    final Graph graph;
    final CountDownLatch blockerEntered = new CountDownLatch(1);
    final CountDownLatch unblock = new CountDownLatch(1);
    final Map<Integer, BitSet> affinityByThread = new ConcurrentHashMap<>();

    WorkerGraph(int threads) {
        this.pools = BufferPools.create(
                BufferConfig.builder().buffersPerNuma(8000).pageSize(BufferPageSize.SIZE_4K).build(), threads);
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(WorkerGraph.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("threads-test",
                WorkerHandoffNode.descriptor("worker-handoff", "sink"),
                WorkerHandoffNode.descriptor("to-blocker", "blocker"),
                WorkerHandoffNode.descriptor("to-probe", "probe"),
                TestPlugins.node("sink", NodeType.INTERNAL, (ctx, frame) -> {
                    ctx.allocator().free(frame.buffers(), 0, frame.count());
                    return frame.count();
                }),
                TestPlugins.node("blocker", NodeType.INTERNAL, (ctx, frame) -> {
                    blockerEntered.countDown();
                    try {
                        unblock.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ctx.allocator().free(frame.buffers(), 0, frame.count());
                    return frame.count();
                }),
                TestPlugins.node("probe", NodeType.INTERNAL, (ctx, frame) -> {
                    affinityByThread.put(ctx.threadIndex(), Libc.schedGetaffinity(0));
                    ctx.allocator().free(frame.buffers(), 0, frame.count());
                    return frame.count();
                })));
        this.graph = Graph.buildFrom(plugins);
    }

    /** Main's runtime over {@code handoff}. */
    ThreadRuntime main(HandoffQueues handoff) {
        return new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
    }

    /** Allocates {@code count} buffers on main with flow ids {@code flows} and queues them on main for {@code node}. */
    int[] send(ThreadRuntime main, String node, int[] flows) {
        int[] bis = new int[flows.length];
        pools.allocator(0).allocExactly(bis, 0, bis.length);
        for (int i = 0; i < bis.length; i++) {
            pools.buffers().setFlowId(bis[i], flows[i]);
        }
        for (int start = 0; start < bis.length; start += Frame.CAPACITY) {
            Frame frame = main.takeFrame();
            int n = Math.min(Frame.CAPACITY, bis.length - start);
            System.arraycopy(bis, start, frame.buffers(), 0, n);
            frame.setCount(n);
            main.putPending(graph.node(node).index(), frame);
        }
        return bis;
    }

    @Override
    public void close() {
        unblock.countDown();
        pools.close();
    }
}
