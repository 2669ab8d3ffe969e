package io.vecta.benchmarks.pg;

import io.vecta.benchmarks.BenchmarkPlugin;
import io.vecta.benchmarks.RuntimeFigures;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.pg.PacketGenerator;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.PluginRegistration;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code pg-input -> error-drop} and {@code pg-input -> pg-chain-1 .. pg-chain-5 -> error-drop}
 * over 64-byte IPv4/UDP frames, per packet: each operation is one turn of the main thread, in
 * which {@code pg-input} allocates a frame of 256 buffers, copies the template into each,
 * applies the field edits, the chain's nodes each read one header field, and
 * {@code error-drop} frees them. {@code fixed} has no edits; {@code ranges} steps the source
 * address and both ports, with the IPv4 and UDP checksums moved incrementally. Run with
 * {@code -prof gc}: 0 B/op expected.
 *
 * <p>After each trial the runtime's own figures are printed, as {@code show runtime} computes
 * them: per node, the nanoseconds of its calls over the vectors it processed, in the least
 * disturbed measured iteration and as the median of them all ({@link RuntimeFigures}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class PgInputBenchmark {

    private static final String FIXED = "UDP: 10.0.4.2 -> 48.0.0.1 UDP: 1234 -> 5678";
    private static final String RANGES = "UDP: 10.0.4.2 - 10.0.4.254 -> 48.0.0.1 UDP: 1024 - 2047 -> 5678 - 5700";
    /** The nodes a packet can cross, in order, for the runtime's figures. */
    private static final List<String> PATH = List.of(PacketGenerator.INPUT_NODE, "pg-chain-1", "pg-chain-2",
            "pg-chain-3", "pg-chain-4", "pg-chain-5", "error-drop");

    @Param({"fixed", "ranges"})
    public String fields;

    /** The stream's node: {@code error-drop} directly, or the first of five trivial nodes before it. */
    @Param({"error-drop", "pg-chain-1"})
    public String node;

    private BufferPools pools;
    private ThreadRuntime thread;
    private RuntimeFigures figures;

    @Setup(Level.Trial)
    public void setUp() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(4096).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(PgInputBenchmark.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(new BenchmarkPlugin("pg-benchmarks", List.of(PgChain1_Dispatch.descriptor(),
                PgChain2_Dispatch.descriptor(), PgChain3_Dispatch.descriptor(), PgChain4_Dispatch.descriptor(),
                PgChain5_Dispatch.descriptor())));
        Graph graph = Graph.buildFrom(plugins);
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        // pg-input and error-drop, and the chain's nodes between them when the stream starts there
        figures = new RuntimeFigures(thread, node.equals("error-drop") ? List.of(PATH.getFirst(), "error-drop") : PATH, 1,
                "after pg-input");
        PacketGenerator generator = PacketGenerator.of(graph);
        generator.create("name bench size 64-64 node " + node + " data { IP4: 2.0.aa -> 2.0.5 "
                + (fields.equals("fixed") ? FIXED : RANGES) + " incrementing 22 }");
        generator.setEnabled(Optional.of("bench"), true);
    }

    /** Starts the runtime's figures afresh, so that each measured iteration is read on its own. */
    @Setup(Level.Iteration)
    public void clearRuntime() {
        thread.clearRuntime();
    }

    @TearDown(Level.Iteration)
    public void recordIteration(IterationParams params) {
        if (params.getType() == IterationType.MEASUREMENT) {
            figures.record();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(figures.report(fields + ", " + node));
        pools.close();
    }

    @Benchmark
    @OperationsPerInvocation(Frame.CAPACITY)
    public int pgInputToErrorDrop() {
        return thread.runOnce();
    }
}
