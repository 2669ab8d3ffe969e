package io.vecta.benchmarks.node;

import io.vecta.benchmarks.BenchmarkPlugin;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.PacketBuilder;
import java.util.List;
import java.util.Random;

/**
 * The graph the node benchmarks run: the generated {@code bench-ttl-split}, its hand-written
 * twins (quad and single loop), the 5-node chain and the sinks, on one {@link ThreadRuntime}
 * over 256 pre-filled buffers of real IPv4/UDP packets (by default one in sixteen, at random,
 * with TTL 1).
 */
final class NodeBenchmarkGraph implements AutoCloseable {

    static final int VECTOR = Frame.CAPACITY;
    private static final long SEED = 0xbe7c4L;

    final BufferPools pools;
    final ThreadRuntime thread;
    final int[] packets = new int[VECTOR];

    NodeBenchmarkGraph() {
        this(16);
    }

    /** A graph whose packets have TTL 1 one in {@code expiredOneIn} at random; none if 0. */
    NodeBenchmarkGraph(int expiredOneIn) {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(1024).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        Graph graph = Graph.buildFrom(List.of(new BenchmarkPlugin("node-benchmarks", List.of(
                TtlSplit_Dispatch.descriptor(),
                handWritten("bench-ttl-hand-quad", true),
                handWritten("bench-ttl-hand-single", false),
                Sink_Dispatch.descriptor(),
                new NodeDescriptor("bench-expired", NodeType.INTERNAL, List.of(), "", List.of(), Void.class,
                        () -> (ctx, frame) -> frame.count()),
                Chain1_Dispatch.descriptor(), Chain2_Dispatch.descriptor(), Chain3_Dispatch.descriptor(),
                Chain4_Dispatch.descriptor(), Chain5_Dispatch.descriptor(), EmptyNode_Dispatch.descriptor()))));
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        pools.allocator(0).allocExactly(packets, 0, VECTOR);
        Buffers buffers = pools.buffers();
        Random random = new Random(SEED);
        for (int i = 0; i < VECTOR; i++) {
            byte[] packet = PacketBuilder.ethernet(MacAddress.parse("02:fe:9a:bc:de:f0"),
                            MacAddress.parse("02:fe:12:34:56:78"))
                    .ip4(Ip4Address.parse("192.0.2.1"), 0xc6336400 + i).ttl(expiredOneIn > 0 && random.nextInt(expiredOneIn) == 0 ? 1 : 64)
                    .udp(40000 + i, 4789).payload(new byte[18]).build();
            buffers.copyIn(packets[i], 0, packet, 0, packet.length);
            buffers.setCurrentLength(packets[i], packet.length);
        }
    }

    private static NodeDescriptor handWritten(String name, boolean quad) {
        NodeDescriptor generated = TtlSplit_Dispatch.descriptor();
        return new NodeDescriptor(name, NodeType.INTERNAL, generated.nextNames(), "", generated.errors(), Void.class,
                () -> new HandWrittenTtlSplit(quad));
    }

    /** The node index of {@code name}. */
    int node(String name) {
        return thread.graph().node(name).index();
    }

    /** Queues the 256 packets for node {@code node} and runs the graph until it is quiet. */
    int run(int node) {
        Frame frame = thread.takeFrame();
        System.arraycopy(packets, 0, frame.buffers(), 0, VECTOR);
        frame.setCount(VECTOR);
        thread.putPending(node, frame);
        return thread.drainPending();
    }

    @Override
    public void close() {
        pools.allocator(0).free(packets, 0, VECTOR);
        pools.close();
    }
}
