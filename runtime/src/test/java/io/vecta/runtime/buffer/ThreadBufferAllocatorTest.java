package io.vecta.runtime.buffer;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.BuffersExhaustedException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadBufferAllocatorTest {

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(1000).pageSize(BufferPageSize.SIZE_4K).build(), 2);
    private final BufferPool pool = pools.pool(0);
    private final Buffers buffers = pools.buffers();
    private final BufferAllocator allocator = pools.allocator(0);

    @AfterEach
    void unmap() {
        pools.close();
    }

    private int allocOne() {
        int[] one = new int[1];
        assertThat(allocator.alloc(one, 0, 1)).isEqualTo(1);
        return one[0];
    }

    private int packet(int length, int seed) {
        int bi = allocOne();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + i);
        }
        buffers.copyIn(bi, 0, bytes, 0, length);
        buffers.setCurrentLength(bi, length);
        return bi;
    }

    @Test
    void shouldRoundTripEveryMetadataFieldInMemfdMemory() {
        int bi = allocOne();
        MemorySegment memory = pools.region().segment();
        long base = Buffers.metadataOffset(bi);
        buffers.setCurrentData(bi, -20);
        buffers.setCurrentLength(bi, 1500);
        buffers.setFlags(bi, BufferFlags.IS_TRACED | BufferFlags.feature(5));
        buffers.setFlowId(bi, 0x0102_0304);
        buffers.setError(bi, 77);
        buffers.setNextBuffer(bi, 0x4242);
        buffers.setFeatureConfigIndex(bi, 9);
        buffers.setRxSwIfIndex(bi, 3);
        buffers.setTxSwIfIndex(bi, 4);
        buffers.setOpaque(bi, 7, -5);
        buffers.setTraceHandle(bi, 0x0300_0001);
        buffers.setTotalLengthNotIncludingFirstBuffer(bi, 9000);
        buffers.setOpaque2(bi, 13, 55);

        assertThat(memory.get(JAVA_SHORT_UNALIGNED, base)).isEqualTo((short) -20);
        assertThat(memory.get(JAVA_SHORT_UNALIGNED, base + 2)).isEqualTo((short) 1500);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 4)).isEqualTo(BufferFlags.IS_TRACED | (1 << 13));
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 8)).isEqualTo(0x0102_0304);
        assertThat(memory.get(JAVA_BYTE, base + 12)).isEqualTo((byte) 1);
        assertThat(memory.get(JAVA_BYTE, base + 13)).isEqualTo((byte) 0);
        assertThat(memory.get(JAVA_SHORT_UNALIGNED, base + 14)).isEqualTo((short) 77);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 16)).isEqualTo(0x4242);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 20)).isEqualTo(9);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 24)).isEqualTo(3);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 28)).isEqualTo(4);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 32 + 7 * 4)).isEqualTo(-5);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 64)).isEqualTo(0x0300_0001);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 68)).isEqualTo(9000);
        assertThat(memory.get(JAVA_INT_UNALIGNED, base + 72 + 13 * 4)).isEqualTo(55);
        assertThat(buffers.dataOffset(bi)).isEqualTo(base + 256 - 20);
    }

    @Test
    void shouldResetTheNamedFieldsOnFreeAndLeaveTheOpaqueWords() {
        int bi = allocOne();
        MemorySegment memory = pools.region().segment();
        long base = Buffers.metadataOffset(bi);
        for (int offset = 0; offset < Buffers.METADATA_SIZE; offset++) {
            memory.set(JAVA_BYTE, base + offset, (byte) (offset + 1));
        }
        buffers.setRefCount(bi, 1);
        buffers.setBufferPoolIndex(bi, 0);
        buffers.setFlags(bi, BufferFlags.IS_TRACED);
        allocator.free(bi);
        for (int offset = 0; offset < 32; offset++) {
            assertThat(memory.get(JAVA_BYTE, base + offset)).as("byte %d", offset).isZero();
        }
        // the opaque words and cache line 1 are left to their next writer
        for (int offset = 32; offset < Buffers.METADATA_SIZE; offset++) {
            assertThat(memory.get(JAVA_BYTE, base + offset)).as("byte %d", offset).isEqualTo((byte) (offset + 1));
        }
        // freed last, handed out first
        assertThat(allocOne()).isEqualTo(bi);
        assertThat(buffers.refCount(bi)).isEqualTo(1);
    }

    @Test
    void shouldReturnAShortCountAndCountTheShortfallWhenExhausted() {
        int total = pool.total();
        int[] all = new int[total + 10];
        assertThat(allocator.alloc(all, 0, total + 10)).isEqualTo(total);
        assertThat(pool.allocFailures()).isEqualTo(10);
        assertThat(allocator.alloc(all, total, 5)).isZero();
        assertThat(pool.allocFailures()).isEqualTo(15);
        assertThat(pool.used()).isEqualTo(total);
        assertThat(new HashSet<>(Arrays.stream(all, 0, total).boxed().toList())).hasSize(total);

        allocator.free(all, 0, total);
        assertThat(pool.used()).isZero();
        int[] again = new int[total];
        assertThat(allocator.alloc(again, 0, total)).isEqualTo(total);
        Arrays.sort(all, 0, total);
        Arrays.sort(again);
        assertThat(again).isEqualTo(Arrays.copyOf(all, total));
    }

    @Test
    void shouldGiveAllOrNothingAndNameThePoolWhenAllocatingExactly() {
        int total = pool.total();
        int[] most = new int[total - 5];
        allocator.allocExactly(most, 0, most.length);
        int[] more = new int[10];
        assertThatThrownBy(() -> allocator.allocExactly(more, 0, 10))
                .isInstanceOfSatisfying(BuffersExhaustedException.class, e -> {
                    assertThat(e.poolName()).isEqualTo("default-numa-0");
                    assertThat(e.poolSize()).isEqualTo(total);
                    assertThat(e.available()).isEqualTo(5);
                })
                .hasMessage("buffer pool 'default-numa-0' (1001 buffers) is exhausted: asked for 10, only 5 free");
        assertThat(pool.used()).isEqualTo(total - 5);
        assertThat(pool.allocFailures()).isEqualTo(10);
        allocator.allocExactly(more, 0, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(buffers.refCount(more[i])).isEqualTo(1);
        }
        assertThat(pool.used()).isEqualTo(total);
    }

    @Test
    void shouldDetectADoubleFreeWithoutCorruptingThePool() {
        int bi = allocOne();
        allocator.free(bi);
        int availableAndCached = pool.available() + pool.cached();
        assertThatThrownBy(() -> allocator.free(bi))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buffer 0x" + Integer.toHexString(bi)
                        + " of pool 'default-numa-0' is already free (ref_count 0): freed twice");
        assertThat(pool.available() + pool.cached()).isEqualTo(availableAndCached);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldRejectFreeOfAnIndexThatIsNotABuffer() {
        int bi = allocOne();
        assertThatThrownBy(() -> allocator.free(bi + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffer index 0x" + Integer.toHexString(bi + 1)
                        + " is not a buffer of pool 0 'default-numa-0' (0x1 + n * 37 for n < 1001)");
        assertThatThrownBy(() -> allocator.free(Buffers.NO_BUFFER)).hasMessageContaining("is outside buffer memory");
        assertThatThrownBy(() -> allocator.free(0x7fff_0000)).hasMessageContaining("is outside buffer memory");
        assertThatThrownBy(() -> allocator.free(new int[] {bi}, 1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(pool.used()).isEqualTo(1);
        assertThat(buffers.refCount(bi)).isEqualTo(1);
    }

    @Test
    void shouldFreeEveryBufferOfAChainAndOnlyTheHeadWithoutNext() {
        int head = packet(100, 1);
        int last = head;
        for (int i = 0; i < 4; i++) {
            last = buffers.chainAppend(head, last, packet(50, i));
        }
        assertThat(buffers.lengthInChain(head)).isEqualTo(300);
        assertThat(pool.used()).isEqualTo(5);

        int second = buffers.nextBuffer(head);
        allocator.freeNoNext(new int[] {head}, 0, 1);
        assertThat(pool.used()).isEqualTo(4);
        assertThat(buffers.lengthInChain(second)).isEqualTo(200);

        allocator.free(new int[] {second}, 0, 1);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldShareDataBetweenClonesUntilTheLastIsFreed() {
        int src = packet(1000, 3);
        int tail = packet(500, 9);
        buffers.chainAppend(src, src, tail);
        byte[] original = buffers.contents(src);
        int[] clones = new int[4];

        assertThat(allocator.clone(src, clones, 0, 4, 64)).isEqualTo(4);
        assertThat(pool.used()).isEqualTo(2 + 4);
        assertThat(buffers.refCount(src)).isEqualTo(4);
        assertThat(buffers.refCount(tail)).isEqualTo(4);
        assertThat(buffers.currentLength(src)).isEqualTo(1000 - 64);
        for (int clone : clones) {
            assertThat(clone).isNotEqualTo(src);
            assertThat(buffers.contents(clone)).isEqualTo(original);
            assertThat(buffers.lengthInChain(clone)).isEqualTo(1500);
            assertThat(buffers.buffersInChain(clone)).isEqualTo(3);
        }
        // a clone's head is its own: rewriting it leaves the others alone
        buffers.copyIn(clones[0], 0, new byte[] {-1, -1}, 0, 2);
        assertThat(buffers.contents(clones[1])).isEqualTo(original);

        allocator.free(clones, 0, 3);
        assertThat(pool.used()).isEqualTo(2 + 1);
        assertThat(buffers.refCount(src)).isEqualTo(1);
        assertThat(buffers.contents(clones[3])).isEqualTo(original);
        allocator.free(clones[3]);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldFreeAFrameMixingPlainChainedAndSharedBuffersAndStopAtABadOne() {
        // more than one run of the fast loop, with a nearly full cache: the cache spills between runs
        int[] frame = new int[400];
        allocator.alloc(frame, 0, 390);
        int[] filler = new int[500];
        allocator.alloc(filler, 0, 500);
        allocator.free(filler, 0, 500);
        int head = frame[100];
        buffers.chainAppend(head, head, frame[390 - 1]);
        frame[390 - 1] = allocOne();
        int shared = frame[200];
        buffers.setRefCount(shared, 2);
        frame[390] = shared + 1;
        int usedBefore = pool.used();

        assertThatThrownBy(() -> allocator.free(frame, 0, 391))
                .hasMessageContaining("buffer index 0x" + Integer.toHexString(shared + 1) + " is not a buffer");

        // every buffer before the bad index is freed (the chain's tail with its head, the shared one
        // losing one reference); the bad index is not touched
        assertThat(pool.used()).isEqualTo(usedBefore - 390);
        assertThat(buffers.refCount(shared)).isEqualTo(1);
        assertThat(buffers.refCount(head)).isZero();
        assertThat(buffers.refCount(frame[0])).isZero();
        assertThat(pool.cached(0) + pool.available()).isEqualTo(pool.total() - 1);
        allocator.free(shared);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldCloneASmallPacketByCopyingIt() {
        int src = packet(150, 5);
        int[] clones = new int[3];
        assertThat(allocator.clone(src, clones, 0, 3, 64)).isEqualTo(3);
        assertThat(clones[0]).isEqualTo(src);
        assertThat(buffers.refCount(src)).isEqualTo(1);
        assertThat(buffers.contents(clones[1])).isEqualTo(buffers.contents(src));
        assertThat(buffers.contents(clones[2])).isEqualTo(buffers.contents(src));
        assertThat(Set.of(clones[0], clones[1], clones[2])).hasSize(3);
        allocator.free(clones, 0, 3);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldRejectBadCloneRequests() {
        int src = packet(1000, 1);
        int[] dst = new int[300];
        assertThatThrownBy(() -> allocator.clone(src, dst, 0, 0, 64))
                .hasMessage("clone count 0 is outside 1 to 255 (ref_count is 8 bits)");
        assertThatThrownBy(() -> allocator.clone(src, dst, 0, 256, 64))
                .hasMessage("clone count 256 is outside 1 to 255 (ref_count is 8 bits)");
        assertThatThrownBy(() -> allocator.clone(src, dst, 0, 2, 2049))
                .hasMessage("clone head length 2049 does not fit in buffer 0x" + Integer.toHexString(src)
                        + " after current_data 0 (data size 2048)");
        assertThat(allocator.clone(src, dst, 0, 2, 64)).isEqualTo(2);
        assertThatThrownBy(() -> allocator.clone(src, dst, 0, 2, 64))
                .hasMessage("buffer 0x" + Integer.toHexString(src)
                        + " has ref_count 2: only a packet this thread alone holds can be cloned");
    }

    @Test
    void shouldCopyAChainDeeply() {
        int head = packet(700, 2);
        buffers.advance(head, 14);
        buffers.setRxSwIfIndex(head, 6);
        buffers.setOpaque2(head, 1, 42);
        buffers.setFlags(head, BufferFlags.feature(0));
        buffers.chainAppend(head, head, packet(300, 8));
        int copy = allocator.copy(head);
        assertThat(copy).isNotEqualTo(head);
        assertThat(buffers.contents(copy)).isEqualTo(buffers.contents(head));
        assertThat(buffers.currentData(copy)).isEqualTo(14);
        assertThat(buffers.rxSwIfIndex(copy)).isEqualTo(6);
        assertThat(buffers.opaque2(copy, 1)).isEqualTo(42);
        assertThat(buffers.flags(copy))
                .isEqualTo(BufferFlags.feature(0) | BufferFlags.NEXT_PRESENT | BufferFlags.TOTAL_LENGTH_VALID);
        assertThat(buffers.nextBuffer(copy)).isNotEqualTo(buffers.nextBuffer(head));
        assertThat(pool.used()).isEqualTo(4);
        allocator.free(new int[] {head, copy}, 0, 2);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldMoveHalfACacheAtATimeBetweenCacheAndPool() {
        int total = pool.total();
        int[] indices = new int[600];
        allocator.alloc(indices, 0, 1);
        // the empty cache took 1 + 256 from the free list
        assertThat(pool.cached(0)).isEqualTo(256);
        assertThat(pool.available()).isEqualTo(total - 257);
        // 256 from the cache, then a refill of 512 of which 343 are handed out: 169 stay
        allocator.alloc(indices, 1, 599);
        assertThat(pool.cached(0)).isEqualTo(169);
        assertThat(pool.available()).isEqualTo(total - 257 - 512);
        // the frees fill the cache to 512 twice, and each time the older 256 go back: 257 stay
        allocator.free(indices, 0, 600);
        assertThat(pool.cached(0)).isEqualTo(257);
        assertThat(pool.available() + pool.cached(0)).isEqualTo(total);
        assertThat(pool.cached(1)).isZero();
    }

    @Test
    void shouldReturnBuffersFreedByAnotherThreadToThatThreadsCache() {
        int[] indices = new int[100];
        allocator.alloc(indices, 0, 100);
        int cachedByMain = pool.cached(0);
        pools.allocator(1).free(indices, 0, 100);
        assertThat(pool.cached(1)).isEqualTo(100);
        assertThat(pool.cached(0)).isEqualTo(cachedByMain);
        assertThat(pool.used()).isZero();
    }

    @Test
    void shouldFreeEachBufferToItsOwnPool() {
        List<BufferPoolSpec> specs = List.of(new BufferPoolSpec("default-numa-0", 0, 50, 2048),
                new BufferPoolSpec("small", 0, 50, 256));
        try (BufferPools two = BufferPools.create(specs, BufferPageSize.SIZE_4K, 1)) {
            BufferAllocator main = two.allocator(0);
            Buffers memory = two.buffers();
            int[] big = new int[1];
            main.alloc(big, 0, 1);
            // a buffer of the second pool, taken the way a pool-specific allocation will
            int small = two.pool(1).layout().bufferIndex(0);
            assertThat(two.pool(1).take(new int[two.pool(1).total()], 0, two.pool(1).total()))
                    .isEqualTo(two.pool(1).total());
            memory.setRefCount(small, 1);
            memory.setCurrentLength(big[0], 10);
            memory.setCurrentLength(small, 20);
            memory.chainAppend(big[0], big[0], small);
            int copy = main.copy(big[0]);
            assertThat(copy).as("pool 1 is empty, its segment cannot be copied").isEqualTo(Buffers.NO_BUFFER);
            assertThat(two.pool(1).allocFailures()).isEqualTo(2);
            main.free(big[0]);
            assertThat(two.pool(0).used()).isZero();
            assertThat(two.pool(1).cached(0)).isEqualTo(1);
            assertThat(memory.bufferPoolIndex(small)).isEqualTo(1);
        }
    }

    @Test
    void shouldTellTheRunsOfErrorAndInterfaceOfWhatItFreesAndStopAtABadIndex() {
        int[] frame = new int[301];
        allocator.alloc(frame, 0, 300);
        ThreadBufferAllocator threadAllocator = (ThreadBufferAllocator) allocator;
        for (int i = 0; i < 300; i++) {
            int error = i < 150 ? 5 : i < 200 ? 0 : i == 200 ? 5 : 9;
            int rx = i < 100 ? 1 : i < 150 ? 2 : i < 200 ? -1 : i == 200 ? 1 : 3;
            buffers.setError(frame[i], error);
            buffers.setRxSwIfIndex(frame[i], rx);
        }
        // the general path in the middle of runs: a chain's head (its tail is not a packet of
        // its own) and a shared buffer
        int tail = allocOne();
        buffers.setError(tail, 77);
        buffers.chainAppend(frame[120], frame[120], tail);
        int shared = frame[200];
        buffers.setRefCount(shared, 2);
        frame[300] = shared + 1;
        List<String> told = new java.util.ArrayList<>();

        assertThatThrownBy(() -> threadAllocator.freeCounting(frame, 0, 301,
                (error, rx, packets) -> told.add(error + " " + rx + " " + packets)))
                .hasMessageContaining("is not a buffer");

        assertThat(told).containsExactly("5 1 100", "5 2 50", "0 -1 50", "5 1 1", "9 3 99");
        assertThat(pool.used()).as("only the shared buffer's other reference is held").isEqualTo(1);
        allocator.free(shared);
        assertThat(pool.used()).isZero();
    }
}
