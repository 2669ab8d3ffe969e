package io.vecta.benchmarks.node;

import io.vecta.benchmarks.RuntimeFigures;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One 256-packet frame through a node that reads the IPv4 TTL and picks one of two nexts, run
 * by the runtime's dispatch loop (pending frame, node call, bulk enqueue, next frames flushed,
 * sink nodes called): the processor's generated quad loop against the same logic written by
 * hand as a quad loop and as a single loop. Scores are nanoseconds per packet for the whole
 * path (node, enqueue and the sinks' calls); the sinks do no per-packet work, so the
 * difference between methods is the node's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class NodeDispatchBenchmark {

    /** One packet in this many expires, at random (0: none), so that the node splits its frames. */
    @Param({"16", "0"})
    public int expiredOneIn;

    private NodeBenchmarkGraph graph;
    private RuntimeFigures figures;
    private int generated;
    private int handQuad;
    private int handSingle;

    @Setup(Level.Trial)
    public void setUp() {
        graph = new NodeBenchmarkGraph(expiredOneIn);
        generated = graph.node("bench-ttl-split");
        handQuad = graph.node("bench-ttl-hand-quad");
        handSingle = graph.node("bench-ttl-hand-single");
        figures = new RuntimeFigures(graph.thread, List.of("bench-ttl-split", "bench-ttl-hand-quad",
                "bench-ttl-hand-single", "bench-sink", "bench-expired"), 0, "all");
    }

    /** Starts the runtime's figures afresh, so that each measured iteration is read on its own. */
    @Setup(Level.Iteration)
    public void clearRuntime() {
        graph.thread.clearRuntime();
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
        System.out.println(figures.report("ttl split"));
        graph.close();
    }

    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int generatedQuadLoop() {
        return graph.run(generated);
    }

    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int handWrittenQuadLoop() {
        return graph.run(handQuad);
    }

    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int handWrittenSingleLoop() {
        return graph.run(handSingle);
    }
}
