package io.vecta.benchmarks.buffer;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.Buffers;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * Allocating and freeing a frame's worth of buffers (256) through a thread's cache, per
 * buffer: the cost every input node pays to fill its frame and every drop or transmit node
 * pays to empty one. In steady state the cache serves both without the pool lock.
 *
 * <p>{@link #metadataTrafficFloor} makes the same loads and stores on the same buffers with no
 * allocator logic around them: what the machine charges for the memory traffic alone, to read
 * the first figure against. The other floors split that traffic into its passes and kinds of
 * access, and {@link #contiguousStoresFloor} makes the stores of a free on 32 contiguous bytes
 * per buffer instead of one line per buffer 2368 bytes apart: the gap between the two is what
 * touching a new line, and every second buffer a new 4K page, costs per buffer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class BufferAllocFreeBenchmark {

    private static final int FRAME = 256;

    private BufferPools pools;
    private BufferAllocator allocator;
    private MemorySegment memory;
    private final int[] frame = new int[FRAME];

    @Setup
    public void mapBufferMemory() {
        pools = BufferPools.create(BufferConfig.builder().pageSize(BufferPageSize.SIZE_4K).build(), 1);
        allocator = pools.allocator(0);
        memory = pools.buffers().memory();
        allocator.allocExactly(frame, 0, FRAME);
        allocator.free(frame, 0, FRAME);
        allocator.allocExactly(frame, 0, FRAME);
        allocator.free(frame, 0, FRAME);
    }

    @TearDown
    public void unmap() {
        pools.close();
    }

    /** alloc(256) then free(256), single-buffer packets. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public int allocFreeFrame() {
        int allocated = allocator.alloc(frame, 0, FRAME);
        allocator.free(frame, 0, allocated);
        return allocated;
    }

    /**
     * Per buffer, the accesses of an alloc and a free (a 1-byte store; a long and two int
     * loads; four long stores) on the 256 buffers the cache hands out, without the allocator.
     */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public long metadataTrafficFloor() {
        long sum = 0;
        for (int bi : frame) {
            memory.set(ValueLayout.JAVA_BYTE, Buffers.metadataOffset(bi) + 12, (byte) 1);
        }
        for (int bi : frame) {
            long metadata = Buffers.metadataOffset(bi);
            sum += memory.get(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 8)
                    + memory.get(ValueLayout.JAVA_INT_UNALIGNED, metadata + 4)
                    + memory.get(ValueLayout.JAVA_INT_UNALIGNED, metadata + 16);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 8, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 16, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 24, 0L);
        }
        return sum;
    }

    /** The store of alloc alone: ref_count 1, one byte per buffer. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public void allocPassFloor() {
        for (int bi : frame) {
            memory.set(ValueLayout.JAVA_BYTE, Buffers.metadataOffset(bi) + 12, (byte) 1);
        }
    }

    /** The loads of free alone: a long and two ints per buffer. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public long freePassLoadsFloor() {
        long sum = 0;
        for (int bi : frame) {
            long metadata = Buffers.metadataOffset(bi);
            sum += memory.get(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 8)
                    + memory.get(ValueLayout.JAVA_INT_UNALIGNED, metadata + 4)
                    + memory.get(ValueLayout.JAVA_INT_UNALIGNED, metadata + 16);
        }
        return sum;
    }

    /** The stores of free alone: four longs per buffer. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public void freePassStoresFloor() {
        for (int bi : frame) {
            long metadata = Buffers.metadataOffset(bi);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 8, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 16, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 24, 0L);
        }
    }

    /** The stores of free on contiguous memory: 8 KiB in all, 32 bytes per buffer. */
    @Benchmark
    @OperationsPerInvocation(FRAME)
    public void contiguousStoresFloor() {
        long start = Buffers.metadataOffset(frame[0]);
        for (int i = 0; i < FRAME; i++) {
            long metadata = start + 32L * i;
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 8, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 16, 0L);
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, metadata + 24, 0L);
        }
    }
}
