package io.vecta.benchmarks.pg;

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

/**
 * {@code pg-input -> error-drop} over 64-byte IPv4/UDP frames, per packet: each operation is
 * one turn of the main thread, in which {@code pg-input} allocates a frame of 256 buffers,
 * copies the template into each, applies the field edits and {@code error-drop} frees them.
 * {@code fixed} has no edits; {@code ranges} steps the source address and both ports, with
 * the IPv4 and UDP checksums moved incrementally. Run with {@code -prof gc}: 0 B/op expected.
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

    @Param({"fixed", "ranges"})
    public String fields;

    private BufferPools pools;
    private ThreadRuntime thread;

    @Setup(Level.Trial)
    public void setUp() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(4096).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        List<PluginRegistration> plugins = PluginLoader.current()
                .fromClassPath(PgInputBenchmark.class.getClassLoader()).stream()
                .map(LoadedPlugin::registration).toList();
        Graph graph = Graph.buildFrom(plugins);
        thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        PacketGenerator generator = PacketGenerator.of(graph);
        generator.create("name bench size 64-64 node error-drop data { IP4: 2.0.aa -> 2.0.5 "
                + (fields.equals("fixed") ? FIXED : RANGES) + " incrementing 22 }");
        generator.setEnabled(Optional.of("bench"), true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.close();
    }

    @Benchmark
    @OperationsPerInvocation(Frame.CAPACITY)
    public int pgInputToErrorDrop() {
        return thread.runOnce();
    }
}
