package io.vecta.benchmarks.buffer;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.sdk.buffer.Buffers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What a node pays per packet to touch buffer metadata through {@link Buffers}: reads, writes
 * and an advance over a frame of 256 buffers, per buffer. The buffers' metadata lines stay
 * in cache, so this measures the accessors, not memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class BufferMetadataBenchmark {

    private static final int FRAME = 256;

    private BufferPools pools;
    private Buffers buffers;
    private final int[] frame = new int[FRAME];

    @Setup
    public void allocateAFrame() {
        pools = BufferPools.create(BufferConfig.builder().buffersPerNuma(1024).pageSize(BufferPageSize.SIZE_4K)
                .build(), 1);
        buffers = pools.buffers();
        pools.allocator(0).allocExactly(frame, 0, FRAME);
        for (int bi : frame) {
            buffers.setCurrentLength(bi, 64);
        }
    }

    @TearDown
    public void unmap() {
        pools.close();
    }

    /** Three loads per packet: length, flags, rx interface. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public long readFields() {
        long sum = 0;
        for (int bi : frame) {
            sum += buffers.currentLength(bi) + buffers.flags(bi) + buffers.rxSwIfIndex(bi);
        }
        return sum;
    }

    /** Three stores per packet: tx interface, error, an opaque word. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public void writeFields() {
        for (int i = 0; i < FRAME; i++) {
            int bi = frame[i];
            buffers.setTxSwIfIndex(bi, i);
            buffers.setError(bi, 3);
            buffers.setOpaque(bi, 2, i);
        }
    }

    /** Skip a 14-byte header and come back, reading where the packet starts each time. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public long advanceAndDataOffset() {
        long sum = 0;
        for (int bi : frame) {
            buffers.advance(bi, 14);
            sum += buffers.dataOffset(bi);
            buffers.advance(bi, -14);
        }
        return sum;
    }
}
