package io.vecta.benchmarks.elog;

import io.vecta.benchmarks.BenchmarkPlugin;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.elog.EventLog;
import io.vecta.runtime.graph.Graph;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeDescriptor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code logEvent}: one event into a ring that wraps all the time, clock read included;
 * {@code logEventGivenTime}: the same with the time handed in, the stores alone.
 * {@code dispatchElogOff} and {@code dispatchElogOn}: one pending 256-vector frame dispatched to
 * a node that does nothing per packet, so the score is the loop's cost per node call and the
 * difference between the two is what dispatch events add to each call (two events).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class EventLogBenchmark {

    private static final EventType SAMPLE = EventCatalog.global().register("benchmark %d %x");

    private EventLog log;
    private BufferPools pools;
    private ThreadRuntime quietThread;
    private ThreadRuntime loggingThread;
    private int node;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() {
        log = new EventLog(0, "bench", 1 << 12);
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(1024).pageSize(BufferPageSize.SIZE_4K).build(),
                1);
        Graph graph = Graph.buildFrom(List.of(new BenchmarkPlugin("elog-benchmarks", List.of(new NodeDescriptor("bench-elog-sink",
                NodeType.INTERNAL, List.of(), "", List.of(), Void.class, () -> (ctx, frame) -> frame.count())))));
        node = graph.node("bench-elog-sink").index();
        quietThread = new ThreadRuntime(graph, 0, pools.allocator(0));
        loggingThread = new ThreadRuntime(graph, 0, pools.allocator(0));
        loggingThread.setDispatchEvents(true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.close();
    }

    @Benchmark
    public void logEvent() {
        log.log(SAMPLE, sequence++, 256);
    }

    @Benchmark
    public void logEventGivenTime() {
        log.log(sequence, SAMPLE.id(), sequence++, 256);
    }

    @Benchmark
    public int dispatchElogOff() {
        return dispatchOne(quietThread);
    }

    @Benchmark
    public int dispatchElogOn() {
        return dispatchOne(loggingThread);
    }

    private int dispatchOne(ThreadRuntime thread) {
        Frame frame = thread.takeFrame();
        frame.setCount(Frame.CAPACITY);
        thread.putPending(node, frame);
        return thread.drainPending();
    }
}
