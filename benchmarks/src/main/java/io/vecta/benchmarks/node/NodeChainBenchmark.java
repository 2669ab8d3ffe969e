package io.vecta.benchmarks.node;

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
 * A 256-packet frame of pre-filled buffers through a chain of five generated nodes, each reading
 * one IPv4 header field, then a sink: the dispatch loop end to end, nanoseconds per packet for
 * the whole chain. Run with {@code -prof gc}: the path allocates nothing (0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class NodeChainBenchmark {

    private NodeBenchmarkGraph graph;
    private int first;

    @Setup(Level.Trial)
    public void setUp() {
        graph = new NodeBenchmarkGraph();
        first = graph.node("bench-chain-1");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        graph.close();
    }

    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int fiveNodeChain() {
        return graph.run(first);
    }
}
