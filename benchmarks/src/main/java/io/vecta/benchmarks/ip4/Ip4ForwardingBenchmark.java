package io.vecta.benchmarks.ip4;

import io.vecta.benchmarks.RuntimeFigures;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.fib.Ip4Prefix;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.ip4.Ip4Forwarding;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.runtime.pg.PacketGenerator;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.annotations.Warmup;

/**
 * VPP's IPv4 forwarding benchmark path ({@code ../shared/reference/vpp-bench-paths.cli}), one
 * thread: {@code pg-input} on pg0 → {@code ethernet-input} → {@code ip4-input} →
 * {@code ip4-lookup} → {@code ip4-rewrite} → {@code interface-output} → {@code pg-tx} of pg1, 64-byte
 * IPv4/UDP frames to 48.0.0.1, routed by 48.0.0.0/8 via a static neighbour on pg1. Each operation
 * is one turn of the main thread: pg-input makes a frame of 256 packets and the graph forwards
 * them; pg-tx frees them. The score is nanoseconds per packet for the whole turn, pg-input
 * included. Run with {@code -prof gc}: 0 B/op expected.
 *
 * <p>After each trial the runtime's own figures are printed, as {@code show runtime} computes
 * them: per node, the nanoseconds of its calls over the vectors it processed, in the measured
 * iteration whose sum without pg-input was least (VPP's 25 ns figure is that sum) and as the
 * median of every measured iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class Ip4ForwardingBenchmark {

    /** pg-input, then the forwarding path's nodes, in order. */
    private static final List<String> PATH = List.of(PacketGenerator.INPUT_NODE, "ethernet-input", "ip4-input",
            "ip4-lookup", "ip4-rewrite", InterfaceTable.OUTPUT_NODE, "pg-tx");

    private BufferPools pools;
    private ThreadRuntime thread;
    private RuntimeFigures figures;

    @Setup(Level.Trial)
    public void setUp() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(4096).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(Ip4ForwardingBenchmark.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        Graph graph = Graph.buildFrom(plugins);
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        figures = new RuntimeFigures(thread, PATH, 1, "graph without pg-input");
        InterfaceTable interfaces = InterfaceTable.of(graph);
        SwInterface pg0 = PgInterfaces.of(graph).create(0);
        SwInterface pg1 = PgInterfaces.of(graph).create(1);
        interfaces.setAdminUp(pg0, true);
        interfaces.setAdminUp(pg1, true);
        Ip4InterfaceAddresses addresses = Ip4InterfaceAddresses.of(graph);
        addresses.add(pg0, new io.vecta.sdk.packet.Ip4Prefix(Ip4Address.parse("10.0.0.1"), 24));
        addresses.add(pg1, new io.vecta.sdk.packet.Ip4Prefix(Ip4Address.parse("10.0.1.1"), 24));
        Ip4NeighborTable.of(graph).set(pg1, Ip4Address.parse("10.0.1.2"), MacAddress.parse("02:00:00:00:01:02"), true);
        Ip4Forwarding.of(graph).fib().addRoute(0, Ip4Prefix.parse("48.0.0.0/8"),
                List.of(FibPath.via(Ip4Address.parse("10.0.1.2"), pg1.swIfIndex())));
        PacketGenerator generator = PacketGenerator.of(graph);
        generator.create("name bench size 64-64 interface pg0 node ethernet-input data { IP4: 2.0.aa -> "
                + MacAddress.format(pg0.mac()) + " UDP: 10.0.0.2 -> 48.0.0.1 UDP: 1234 -> 5678 incrementing 22 }");
        generator.setEnabled(Optional.of("bench"), true);
    }

    /** Starts the runtime's figures afresh, so that each measured iteration is read on its own. */
    @Setup(Level.Iteration)
    public void clearRuntime() {
        thread.clearRuntime();
    }

    /** Keeps each measured iteration's figures per node: on a shared machine some iterations are disturbed. */
    @TearDown(Level.Iteration)
    public void recordIteration(IterationParams params) {
        if (params.getType() == IterationType.MEASUREMENT) {
            figures.requireEveryNodeRan();
            figures.record();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(figures.report("forwarding"));
        pools.close();
    }

    @Benchmark
    @OperationsPerInvocation(Frame.CAPACITY)
    public int forward64ByteFrames() {
        return thread.runOnce();
    }
}
