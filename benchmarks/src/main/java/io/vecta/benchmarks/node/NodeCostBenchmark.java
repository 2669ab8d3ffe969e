package io.vecta.benchmarks.node;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
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
 * Where a node's per-packet time goes, in parts: the dispatch path with a node that does
 * nothing (loop, enqueue, sink), and outside the graph the per-packet reads a node makes (its
 * header field; the buffer flags a tracing node reads) over the same 256 buffers, through the
 * buffer memory segment and through a whole-address-space segment, and over two buffers only.
 * Nanoseconds per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class NodeCostBenchmark {

    private NodeBenchmarkGraph graph;
    private Buffers buffers;
    private int[] packets;
    private int empty;
    private int[] two;

    @Setup(Level.Trial)
    public void setUp() {
        graph = new NodeBenchmarkGraph();
        buffers = graph.pools.buffers();
        packets = graph.packets;
        empty = graph.node("bench-empty");
        two = new int[] {packets[0], packets[1]};
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        graph.close();
    }

    /** The dispatch path with an empty node body: the floor under every generated node. */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int emptyNode() {
        return graph.run(empty);
    }

    /** A node's one header read: current_data, then the IPv4 TTL. */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int headerRead() {
        Buffers buffers = this.buffers;
        int[] packets = this.packets;
        int sum = 0;
        for (int i = 0; i < packets.length; i++) {
            MemorySegment m = buffers.memory();
            sum += Ip4.ttl(m, buffers.dataOffset(packets[i]) + Ethernet.HEADER_LENGTH);
        }
        return sum;
    }

    /** One segment over the whole address space: no liveness check, bounds checked by hand. */
    private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private long base;
    private long limit;

    @Setup(Level.Trial)
    public void setUpBase() {
        base = buffers.memory().address();
        limit = buffers.memory().byteSize();
    }

    /**
     * The header read through {@link #EVERYWHERE} at the buffer memory's address, with the same
     * two bounds checks the buffer memory segment makes: what the segment's own checks cost.
     */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int headerReadWholeSpace() {
        long base = this.base;
        long limit = this.limit;
        int[] packets = this.packets;
        int sum = 0;
        for (int i = 0; i < packets.length; i++) {
            long metadata = Objects.checkIndex(Buffers.metadataOffset(packets[i]), limit - 1);
            long ip = metadata + Buffers.DATA_OFFSET + EVERYWHERE.get(ValueLayout.JAVA_SHORT_UNALIGNED, base + metadata)
                    + Ethernet.HEADER_LENGTH;
            long ttl = Objects.checkIndex(ip + Ip4.TTL_OFFSET, limit);
            sum += EVERYWHERE.get(ValueLayout.JAVA_BYTE, base + ttl) & 0xff;
        }
        return sum;
    }

    private static final sun.misc.Unsafe UNSAFE = unsafe();

    @SuppressWarnings("removal")
    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no sun.misc.Unsafe for the unchecked read", e);
        }
    }

    /**
     * The same header read with raw loads at the buffer memory's address and no bounds check
     * at all, as C reads it: what a node's memory access costs without the segment's checks.
     */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    @SuppressWarnings("removal")
    public int headerReadUnchecked() {
        long base = this.base;
        int[] packets = this.packets;
        int sum = 0;
        for (int i = 0; i < packets.length; i++) {
            long metadata = base + Buffers.metadataOffset(packets[i]);
            long ip = metadata + Buffers.DATA_OFFSET + UNSAFE.getShort(metadata) + Ethernet.HEADER_LENGTH;
            sum += UNSAFE.getByte(ip + Ip4.TTL_OFFSET) & 0xff;
        }
        return sum;
    }

    /** The header read of two buffers over and over: no TLB or cache miss, the loads alone. */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int headerReadTwoBuffers() {
        Buffers buffers = this.buffers;
        int[] two = this.two;
        int sum = 0;
        for (int i = 0; i < NodeBenchmarkGraph.VECTOR; i++) {
            MemorySegment m = buffers.memory();
            sum += Ip4.ttl(m, buffers.dataOffset(two[i & 1]) + Ethernet.HEADER_LENGTH);
        }
        return sum;
    }

    /** The trace check's read of each buffer's flags. */
    @Benchmark
    @OperationsPerInvocation(NodeBenchmarkGraph.VECTOR)
    public int flagsRead() {
        Buffers buffers = this.buffers;
        int[] packets = this.packets;
        int any = 0;
        for (int i = 0; i < packets.length; i++) {
            any |= buffers.flags(packets[i]);
        }
        return any;
    }
}
