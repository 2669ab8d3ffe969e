package io.vecta.benchmarks.ethernet;

import io.vecta.benchmarks.BenchmarkPlugin;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.ethernet.EthernetInput_Dispatch;
import io.vecta.runtime.interfaces.InterfaceOutput_Dispatch;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.runtime.pg.PgTx_Dispatch;
import io.vecta.runtime.graph.Graph;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.PacketBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ethernet-input} over one frame of 256 64-byte IPv4/UDP frames received on pg0 and
 * addressed to it, run by the dispatch loop to a sink standing for {@code ip4-input}. The sink
 * moves each buffer back to its Ethernet header, so the same buffers run on every invocation;
 * the score (nanoseconds per packet) holds the node, the bulk enqueue and that rewind.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class EthernetInputBenchmark {

    private static final int VECTOR = Frame.CAPACITY;
    private static final int FRAME_LENGTH = 64;

    private BufferPools pools;
    private ThreadRuntime thread;
    private final int[] packets = new int[VECTOR];
    private int ethernetInput;

    @Setup(Level.Trial)
    public void setUp() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(1024).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        Graph graph = Graph.buildFrom(List.of(new BenchmarkPlugin("ethernet-benchmarks", List.of(
                EthernetInput_Dispatch.descriptor(), InterfaceOutput_Dispatch.descriptor(), PgTx_Dispatch.descriptor(),
                sink("ip4-input", (ctx, frame) -> {
                    Buffers buffers = ctx.buffers();
                    int[] bis = frame.buffers();
                    for (int i = 0; i < frame.count(); i++) {
                        buffers.advance(bis[i], -Ethernet.HEADER_LENGTH);
                    }
                    return frame.count();
                }),
                sink("ip6-input", (ctx, frame) -> frame.count()), sink("arp-input", (ctx, frame) -> frame.count()),
                sink("error-drop", (ctx, frame) -> frame.count()),
                sink("error-punt", (ctx, frame) -> frame.count()),
                sink("l2-input", (ctx, frame) -> frame.count())))));
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        SwInterface pg0 = PgInterfaces.of(graph).create(0);
        ethernetInput = graph.node("ethernet-input").index();
        pools.allocator(0).allocExactly(packets, 0, VECTOR);
        Buffers buffers = pools.buffers();
        for (int i = 0; i < VECTOR; i++) {
            byte[] packet = PacketBuilder.ethernet(pg0.mac(), MacAddress.parse("02:01:00:00:00:01"))
                    .ip4(Ip4Address.parse("192.0.2.1"), 0xc6336400 + i).udp(40000 + i, 4789)
                    .payload(new byte[FRAME_LENGTH - 42]).build();
            buffers.copyIn(packets[i], 0, packet, 0, packet.length);
            buffers.setCurrentLength(packets[i], packet.length);
            buffers.setRxSwIfIndex(packets[i], pg0.swIfIndex());
        }
    }

    private static NodeDescriptor sink(String name, NodeFunction function) {
        return new NodeDescriptor(name, NodeType.INTERNAL, List.of(), "", List.of(), Void.class, () -> function);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.allocator(0).free(packets, 0, VECTOR);
        pools.close();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int ip4Frames() {
        Frame frame = thread.takeFrame();
        System.arraycopy(packets, 0, frame.buffers(), 0, VECTOR);
        frame.setCount(VECTOR);
        thread.putPending(ethernetInput, frame);
        return thread.drainPending();
    }
}
