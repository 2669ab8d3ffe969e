package io.vecta.runtime.pg;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in nodes (so {@code pg-input}) and a {@code capture} node that keeps a copy of
 * every packet it gets and frees it, on one main-thread {@link ThreadRuntime} over real buffers.
 */
final class PgFixture implements AutoCloseable {

    final BufferPools pools;
    final Graph graph;
    final ThreadRuntime thread;
    final PacketGenerator generator;
    final List<byte[]> captured = new ArrayList<>();

    PgFixture(int buffers) {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(buffers).pageSize(BufferPageSize.SIZE_4K)
                .build(), 1);
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(PgFixture.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("test", TestPlugins.node("capture", NodeType.INTERNAL, (ctx, frame) -> {
            for (int i = 0; i < frame.count(); i++) {
                captured.add(ctx.buffers().contents(frame.buffers()[i]));
            }
            ctx.allocator().free(frame.buffers(), 0, frame.count());
            return frame.count();
        })));
        graph = Graph.buildFrom(plugins);
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        generator = PacketGenerator.of(graph);
    }

    /** Creates the stream {@code text}, enables it and runs the main thread {@code turns} times. */
    List<byte[]> send(String text, int turns) {
        PgStream stream = generator.create(text);
        generator.setEnabled(java.util.Optional.of(stream.name()), true);
        for (int i = 0; i < turns; i++) {
            thread.runOnce();
        }
        return captured;
    }

    @Override
    public void close() {
        pools.close();
    }
}
