package io.vecta.benchmarks.l2;

import io.vecta.benchmarks.BenchmarkPlugin;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.ethernet.EthernetInput_Dispatch;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceOutput_Dispatch;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.l2.BridgeDomains;
import io.vecta.runtime.l2.L2Flood_Dispatch;
import io.vecta.runtime.l2.L2Fwd_Dispatch;
import io.vecta.runtime.l2.L2Input;
import io.vecta.runtime.l2.L2InputFeatEnd;
import io.vecta.runtime.l2.L2InputFeatEnd_Dispatch;
import io.vecta.runtime.l2.L2Input_Dispatch;
import io.vecta.runtime.l2.L2Output;
import io.vecta.runtime.l2.L2Learn_Dispatch;
import io.vecta.runtime.l2.L2Output_Dispatch;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
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
 * The bridging path over one frame of 256 64-byte frames received on pg0, all for one host
 * known behind pg1 in bridge domain 1: {@code ethernet-input → l2-input → l2-learn → l2-fwd →
 * l2-output → interface-output}, run by the dispatch loop to a sink standing for {@code pg-tx}.
 * The frames' sources are 256 hosts learnt behind pg0 on the first run, so each later run is a
 * learn hit and a forward hit per packet; the sink leaves the buffers as they are, so the same
 * buffers run on every invocation. The score is nanoseconds per packet for the five nodes. The
 * L2 feature arcs are declared, as in the runtime, with no feature enabled on any interface.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class BridgingBenchmark {

    private static final int VECTOR = Frame.CAPACITY;
    private static final int FRAME_LENGTH = 64;
    private static final long KNOWN_HOST = MacAddress.parse("02:00:00:00:0b:01");

    private BufferPools pools;
    private ThreadRuntime thread;
    private final int[] packets = new int[VECTOR];
    private int ethernetInput;
    private final long[] sent = new long[1];

    @Setup(Level.Trial)
    public void setUp() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(1024).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        Graph graph = Graph.buildFrom(List.of(new BenchmarkPlugin("l2-benchmarks", List.of(
                EthernetInput_Dispatch.descriptor(), L2Input_Dispatch.descriptor(), L2Learn_Dispatch.descriptor(),
                L2Fwd_Dispatch.descriptor(), L2Flood_Dispatch.descriptor(), L2Output_Dispatch.descriptor(),
                InterfaceOutput_Dispatch.descriptor(), L2InputFeatEnd_Dispatch.descriptor(),
                sink("pg-tx", sent), sink("ip4-input", null), sink("ip6-input", null), sink("arp-input", null),
                sink("error-drop", null), sink("error-punt", null)), List.of(
                // the L2 feature arcs as the runtime declares them, with no feature enabled
                new FeatureArcDescriptor(L2Input.FEATURE_ARC, List.of(L2Input.NODE), L2InputFeatEnd.NODE),
                new FeatureArcDescriptor(L2Output.FEATURE_ARC, List.of(L2Output.NODE), "interface-output",
                        true)))));
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        SwInterface pg0 = PgInterfaces.of(graph).create(0);
        SwInterface pg1 = PgInterfaces.of(graph).create(1);
        InterfaceTable interfaces = InterfaceTable.of(graph);
        interfaces.setAdminUp(pg0, true);
        interfaces.setAdminUp(pg1, true);
        BridgeDomains bridges = BridgeDomains.of(graph);
        bridges.create(1);
        bridges.bridge(pg0, 1, false, 0);
        bridges.bridge(pg1, 1, false, 0);
        bridges.addEntry(KNOWN_HOST, 1, pg1, true);
        ethernetInput = graph.node("ethernet-input").index();
        pools.allocator(0).allocExactly(packets, 0, VECTOR);
        Buffers buffers = pools.buffers();
        for (int i = 0; i < VECTOR; i++) {
            byte[] packet = PacketBuilder.ethernet(KNOWN_HOST, 0x0200_0000_a000L + i)
                    .ip4(Ip4Address.parse("192.0.2.1"), 0xc6336400 + i).udp(40000 + i, 4789)
                    .payload(new byte[FRAME_LENGTH - 42]).build();
            buffers.copyIn(packets[i], 0, packet, 0, packet.length);
            buffers.setCurrentLength(packets[i], packet.length);
            buffers.setRxSwIfIndex(packets[i], pg0.swIfIndex());
        }
        bridgeOnce(); // learns the sources: every measured packet is a learn hit and a forward hit
        if (sent[0] != VECTOR || bridges.fib().size() != VECTOR + 1) {
            throw new IllegalStateException("the bridge sent " + sent[0] + " of " + VECTOR + " frames to pg-tx and holds "
                    + bridges.fib().size() + " l2fib entries, not " + (VECTOR + 1));
        }
    }

    /** A node that takes a frame and leaves its buffers as they are; counting into {@code counted} if given. */
    private static NodeDescriptor sink(String name, long[] counted) {
        NodeFunction function = (ctx, frame) -> {
            if (counted != null) {
                counted[0] += frame.count();
            }
            return frame.count();
        };
        return new NodeDescriptor(name, NodeType.INTERNAL, List.of(), "", List.of(), Void.class, () -> function);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.allocator(0).free(packets, 0, VECTOR);
        pools.close();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int knownUnicast() {
        return bridgeOnce();
    }

    private int bridgeOnce() {
        Frame frame = thread.takeFrame();
        System.arraycopy(packets, 0, frame.buffers(), 0, VECTOR);
        frame.setCount(VECTOR);
        thread.putPending(ethernetInput, frame);
        return thread.drainPending();
    }
}
