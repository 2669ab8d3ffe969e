package io.vecta.sdk.buffer;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuffersTest {

    private final Arena arena = Arena.ofShared();
    /** Pool 0: 8 buffers of 2048 bytes from index 1; pool 1: 4 buffers of 256 bytes after it. */
    private final BufferPoolLayout big = new BufferPoolLayout("big", 1, 8, 2048);
    private final BufferPoolLayout small = new BufferPoolLayout("small", 1 + 8 * 37, 4, 256);
    private final MemorySegment memory = arena.allocate(small.endOffset() + 4096, 4096);
    private final Buffers buffers = new Buffers(memory, List.of(big, small));

    BuffersTest() {
        for (int n = 0; n < big.bufferCount(); n++) {
            buffers.setBufferPoolIndex(big.bufferIndex(n), 0);
            buffers.setRefCount(big.bufferIndex(n), 1);
        }
        for (int n = 0; n < small.bufferCount(); n++) {
            buffers.setBufferPoolIndex(small.bufferIndex(n), 1);
            buffers.setRefCount(small.bufferIndex(n), 1);
        }
    }

    @AfterEach
    void closeMemory() {
        arena.close();
    }

    @Test
    void shouldUseVppStrideOfAnOddNumberOfCacheLines() {
        assertThat(BufferPoolLayout.strideBytes(2048)).isEqualTo(2368);
        assertThat(BufferPoolLayout.strideLines(2048)).isEqualTo(37);
        assertThat(BufferPoolLayout.strideLines(256)).isEqualTo(9);
        assertThat(BufferPoolLayout.strideLines(2048 - 64)).isEqualTo(35);
        assertThat(BufferPoolLayout.strideLines(9000)).isEqualTo(145);
        assertThat(small.bufferIndex(1) - small.bufferIndex(0)).isEqualTo(9);
    }

    @Test
    void shouldStoreEachFieldAtItsDocumentedOffsetWithoutTouchingItsNeighbours() {
        int bi = big.bufferIndex(3);
        check(bi, Buffers.CURRENT_DATA_OFFSET, 2, () -> buffers.setCurrentData(bi, -77), () -> buffers.currentData(bi), -77);
        check(bi, Buffers.CURRENT_LENGTH_OFFSET, 2, () -> buffers.setCurrentLength(bi, 65000),
                () -> buffers.currentLength(bi), 65000);
        check(bi, Buffers.FLAGS_OFFSET, 4, () -> buffers.setFlags(bi, 0x8000_0005), () -> buffers.flags(bi), 0x8000_0005);
        check(bi, Buffers.FLOW_ID_OFFSET, 4, () -> buffers.setFlowId(bi, -3), () -> buffers.flowId(bi), -3);
        check(bi, Buffers.REF_COUNT_OFFSET, 1, () -> buffers.setRefCount(bi, 200), () -> buffers.refCount(bi), 200);
        check(bi, Buffers.BUFFER_POOL_INDEX_OFFSET, 1, () -> buffers.setBufferPoolIndex(bi, 1),
                () -> buffers.bufferPoolIndex(bi), 1);
        check(bi, Buffers.ERROR_OFFSET, 2, () -> buffers.setError(bi, 0xfedc), () -> buffers.error(bi), 0xfedc);
        check(bi, Buffers.NEXT_BUFFER_OFFSET, 4, () -> buffers.setNextBuffer(bi, 0xdead_beef),
                () -> buffers.nextBuffer(bi), 0xdead_beef);
        check(bi, Buffers.FEATURE_CONFIG_INDEX_OFFSET, 4, () -> buffers.setFeatureConfigIndex(bi, 12345),
                () -> buffers.featureConfigIndex(bi), 12345);
        check(bi, Buffers.RX_SW_IF_INDEX_OFFSET, 4, () -> buffers.setRxSwIfIndex(bi, 7), () -> buffers.rxSwIfIndex(bi), 7);
        check(bi, Buffers.TX_SW_IF_INDEX_OFFSET, 4, () -> buffers.setTxSwIfIndex(bi, -1), () -> buffers.txSwIfIndex(bi), -1);
        for (int word = 0; word < Buffers.OPAQUE_WORDS; word++) {
            int w = word;
            check(bi, Buffers.OPAQUE_OFFSET + 4 * w, 4, () -> buffers.setOpaque(bi, w, 0x1111 * (w + 1)),
                    () -> buffers.opaque(bi, w), 0x1111 * (w + 1));
        }
        check(bi, Buffers.TRACE_HANDLE_OFFSET, 4, () -> buffers.setTraceHandle(bi, 0x0100_0042),
                () -> buffers.traceHandle(bi), 0x0100_0042);
        check(bi, Buffers.TOTAL_LENGTH_NOT_INCLUDING_FIRST_BUFFER_OFFSET, 4,
                () -> buffers.setTotalLengthNotIncludingFirstBuffer(bi, 0xffff_fff0L),
                () -> (int) buffers.totalLengthNotIncludingFirstBuffer(bi), 0xffff_fff0);
        for (int word = 0; word < Buffers.OPAQUE2_WORDS; word++) {
            int w = word;
            check(bi, Buffers.OPAQUE2_OFFSET + 4 * w, 4, () -> buffers.setOpaque2(bi, w, -w - 100),
                    () -> buffers.opaque2(bi, w), -w - 100);
        }
        assertThat(Buffers.OPAQUE2_OFFSET + 4 * Buffers.OPAQUE2_WORDS).isEqualTo(Buffers.METADATA_SIZE);
        assertThat(Buffers.OPAQUE_OFFSET + 4 * Buffers.OPAQUE_WORDS).isEqualTo(Buffers.CACHE_LINE);
    }

    /**
     * Fills the metadata with a seeded pattern, runs the setter, and checks that exactly the
     * field's bytes changed and that the getter reads the value back.
     */
    private void check(int bi, int offset, int size, Runnable setter, IntSupplier getter, int expected) {
        long base = Buffers.metadataOffset(bi);
        byte[] pattern = new byte[Buffers.METADATA_SIZE];
        new Random(offset).nextBytes(pattern);
        MemorySegment.copy(pattern, 0, memory, JAVA_BYTE, base, pattern.length);
        setter.run();
        assertThat(getter.getAsInt()).as("field at offset %d", offset).isEqualTo(expected);
        for (int i = 0; i < Buffers.METADATA_SIZE; i++) {
            if (i < offset || i >= offset + size) {
                assertThat(memory.get(JAVA_BYTE, base + i)).as("byte %d after setting the field at %d", i, offset)
                        .isEqualTo(pattern[i]);
            }
        }
        // the buffers next to it are untouched as well
        assertThat(memory.get(JAVA_BYTE, base - 1)).isEqualTo((byte) 0);
        assertThat(memory.get(JAVA_BYTE, base + Buffers.METADATA_SIZE)).isEqualTo((byte) 0);
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheirField() {
        int bi = big.bufferIndex(0);
        assertThatThrownBy(() -> buffers.setCurrentData(bi, -129))
                .hasMessage("buffer 0x1: current_data -129 is outside -128 to 32767");
        assertThatThrownBy(() -> buffers.setCurrentLength(bi, 65536))
                .hasMessage("buffer 0x1: current_length 65536 is outside 0 to 65535");
        assertThatThrownBy(() -> buffers.setRefCount(bi, 256)).hasMessageContaining("ref_count 256 is outside 0 to 255");
        assertThatThrownBy(() -> buffers.setError(bi, -1)).hasMessageContaining("error -1 is outside 0 to 65535");
        assertThatThrownBy(() -> buffers.setBufferPoolIndex(bi, 2))
                .hasMessageContaining("buffer_pool_index 2 is outside 0 to 1");
        assertThatThrownBy(() -> buffers.opaque(bi, 8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffers.setOpaque2(bi, 14, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffers.currentData(bi)).isZero();
        assertThat(buffers.currentLength(bi)).isZero();
    }

    @Test
    void shouldAdvanceIntoTheHeadroomAndBack() {
        int bi = big.bufferIndex(2);
        buffers.setCurrentLength(bi, 100);
        long start = buffers.dataOffset(bi);
        assertThat(start).isEqualTo(Buffers.metadataOffset(bi) + Buffers.DATA_OFFSET);

        buffers.advance(bi, 14);
        assertThat(buffers.currentData(bi)).isEqualTo(14);
        assertThat(buffers.currentLength(bi)).isEqualTo(86);
        assertThat(buffers.dataOffset(bi)).isEqualTo(start + 14);

        buffers.advance(bi, -14 - 128);
        assertThat(buffers.currentData(bi)).isEqualTo(-128);
        assertThat(buffers.currentLength(bi)).isEqualTo(228);
        assertThat(buffers.headroom(bi)).isZero();
        assertThat(buffers.dataOffset(bi)).isEqualTo(Buffers.metadataOffset(bi) + Buffers.PRE_DATA_OFFSET);
        assertThat(buffers.tailroom(bi)).isEqualTo(2048 - 100);
    }

    @Test
    void shouldRefuseToAdvancePastTheDataOrIntoTheMetadata() {
        int bi = big.bufferIndex(2);
        buffers.setCurrentLength(bi, 60);
        assertThatThrownBy(() -> buffers.advance(bi, 61)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("buffer 0x4b: cannot advance by 61 with current_data 0 and current_length 60"
                        + " (headroom is 128 bytes)");
        assertThatThrownBy(() -> buffers.advance(bi, -129)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffers.currentData(bi)).isZero();
        assertThat(buffers.currentLength(bi)).isEqualTo(60);
    }

    @Test
    void shouldCopyBytesInAndOutWithinHeadroomAndData() {
        int bi = small.bufferIndex(1);
        byte[] packet = new byte[256];
        new Random(7).nextBytes(packet);
        buffers.copyIn(bi, 0, packet, 0, 256);
        buffers.setCurrentLength(bi, 256);
        assertThat(buffers.contents(bi)).isEqualTo(packet);
        assertThat(buffers.tailroom(bi)).isZero();

        buffers.advance(bi, -20);
        buffers.copyIn(bi, 0, packet, 100, 20);
        byte[] out = new byte[20];
        buffers.copyOut(bi, 0, out, 0, 20);
        assertThat(out).containsExactly(java.util.Arrays.copyOfRange(packet, 100, 120));
        // the next buffer's metadata is out of reach
        assertThatThrownBy(() -> buffers.copyIn(bi, 20 + 256, packet, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("buffer 0x" + Integer.toHexString(bi) + ": 1 bytes at data offset 256 lie outside its 128"
                        + " bytes of headroom and 256 bytes of data");
        assertThatThrownBy(() -> buffers.copyOut(bi, -109, out, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffers.copyOut(bi, 0, out, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldMeasureAndCacheTheLengthOfAChain() {
        int head = big.bufferIndex(0);
        int second = big.bufferIndex(1);
        int third = small.bufferIndex(0);
        buffers.setCurrentLength(head, 1000);
        buffers.setCurrentLength(second, 2000);
        buffers.setCurrentLength(third, 30);
        assertThat(buffers.lengthInChain(head)).isEqualTo(1000);

        int last = buffers.chainAppend(head, head, second);
        last = buffers.chainAppend(head, last, third);
        assertThat(last).isEqualTo(third);
        assertThat(buffers.lengthInChain(head)).isEqualTo(3030);
        assertThat(buffers.flags(head)).isEqualTo(BufferFlags.NEXT_PRESENT | BufferFlags.TOTAL_LENGTH_VALID);
        assertThat(buffers.totalLengthNotIncludingFirstBuffer(head)).isEqualTo(2030);
        assertThat(buffers.lastInChain(head)).isEqualTo(third);
        assertThat(buffers.buffersInChain(head)).isEqualTo(3);
        assertThat(buffers.buffersInChain(third)).isEqualTo(1);

        // without a valid total, the chain is walked and the total cached again
        buffers.clearFlags(head, BufferFlags.TOTAL_LENGTH_VALID);
        buffers.setTotalLengthNotIncludingFirstBuffer(head, 5);
        assertThat(buffers.lengthInChain(head)).isEqualTo(3030);
        assertThat(buffers.totalLengthNotIncludingFirstBuffer(head)).isEqualTo(2030);
        assertThat(buffers.contents(head)).hasSize(3030);

        int shared = big.bufferIndex(6);
        buffers.setRefCount(shared, 2);
        assertThatThrownBy(() -> buffers.chainAppend(shared, shared, big.bufferIndex(5)))
                .hasMessage("buffer 0x" + Integer.toHexString(shared)
                        + " has ref_count 2: appending to it would change every packet that shares it");
        // a chain appended to another stops being a head: its cached total is no longer trusted
        int otherHead = big.bufferIndex(5);
        int otherTail = big.bufferIndex(7);
        buffers.setCurrentLength(otherHead, 10);
        buffers.setCurrentLength(otherTail, 20);
        buffers.chainAppend(otherHead, otherHead, otherTail);
        assertThat(buffers.flags(otherHead) & BufferFlags.TOTAL_LENGTH_VALID).isNotZero();
        assertThat(buffers.chainAppend(head, third, otherHead)).isEqualTo(otherTail);
        assertThat(buffers.flags(otherHead) & BufferFlags.TOTAL_LENGTH_VALID).isZero();
        assertThat(buffers.lengthInChain(head)).isEqualTo(3060);
        assertThat(buffers.buffersInChain(head)).isEqualTo(5);

        assertThatThrownBy(() -> buffers.chainAppend(head, second, big.bufferIndex(4)))
                .hasMessage("buffer 0x" + Integer.toHexString(second) + " is not the last of its chain: next_buffer is 0x"
                        + Integer.toHexString(third));
    }

    @Test
    void shouldReportAChainThatLoops() {
        int a = big.bufferIndex(0);
        int b = big.bufferIndex(1);
        buffers.setFlags(a, BufferFlags.NEXT_PRESENT);
        buffers.setNextBuffer(a, b);
        buffers.setFlags(b, BufferFlags.NEXT_PRESENT);
        buffers.setNextBuffer(b, a);
        assertThatThrownBy(() -> buffers.lengthInChain(a)).isInstanceOf(IllegalStateException.class)
                .hasMessage("chain from buffer 0x1 has more than 12 buffers, all there are: it loops");
        assertThatThrownBy(() -> buffers.lastInChain(a)).hasMessageContaining("it loops");
    }

    @Test
    void shouldAcceptEveryBufferOfEveryPoolAndNothingElse() {
        for (BufferPoolLayout pool : buffers.pools()) {
            for (int n = 0; n < pool.bufferCount(); n++) {
                assertThat(buffers.checkBuffer(pool.bufferIndex(n))).isEqualTo(buffers.pools().indexOf(pool));
            }
        }
        assertThatThrownBy(() -> buffers.checkBuffer(Buffers.NO_BUFFER)).hasMessageContaining("is outside buffer memory");
        long limit = memory.byteSize() / 64;
        assertThatThrownBy(() -> buffers.checkBuffer((int) limit))
                .hasMessage("buffer index 0x" + Long.toHexString(limit) + " is outside buffer memory (indices 0x1 to 0x"
                        + Long.toHexString(limit - 1) + ")");
        assertThatThrownBy(() -> buffers.checkBuffer(-1)).hasMessageContaining("buffer index 0xffffffff is outside");
        // one cache line into a buffer: its pool byte is 0 there, and the stride does not match
        assertThatThrownBy(() -> buffers.checkBuffer(big.bufferIndex(1) + 1))
                .hasMessage("buffer index 0x27 is not a buffer of pool 0 'big' (0x1 + n * 37 for n < 8)");
        // a buffer of pool 1 whose metadata claims pool 0
        int smallBuffer = small.bufferIndex(2);
        buffers.setBufferPoolIndex(smallBuffer, 0);
        assertThatThrownBy(() -> buffers.checkBuffer(smallBuffer)).hasMessageContaining("is not a buffer of pool 0 'big'");
        // garbage in the pool byte
        memory.set(JAVA_BYTE, Buffers.metadataOffset(smallBuffer) + Buffers.BUFFER_POOL_INDEX_OFFSET, (byte) 9);
        assertThatThrownBy(() -> buffers.checkBuffer(smallBuffer))
                .hasMessage("buffer 0x" + Integer.toHexString(smallBuffer) + " names buffer pool 9, but there are 2 pools");
        // past the last buffer of the last pool, inside memory
        int pastEnd = small.firstIndex() + small.bufferCount() * small.strideLines();
        assertThatThrownBy(() -> buffers.checkBuffer(pastEnd)).hasMessageContaining("is not a buffer of pool 0 'big'");
    }

    @Test
    void shouldCountReferencesAtomicallyFromTwoThreads() throws InterruptedException {
        int bi = big.bufferIndex(4);
        buffers.setError(bi, 0xabcd);
        IntConsumer addMany = times -> {
            for (int i = 0; i < times; i++) {
                buffers.addRefCountAtomically(bi, 1);
                buffers.addRefCountAtomically(bi, 1);
                buffers.addRefCountAtomically(bi, -1);
            }
        };
        Thread other = new Thread(() -> addMany.accept(100));
        other.start();
        addMany.accept(100);
        other.join();
        assertThat(buffers.refCount(bi)).isEqualTo(201);
        assertThat(buffers.bufferPoolIndex(bi)).isZero();
        assertThat(buffers.error(bi)).isEqualTo(0xabcd);
        assertThatThrownBy(() -> buffers.addRefCountAtomically(bi, 55))
                .hasMessage("buffer 0x95: ref_count 201 + 55 leaves 0 to 255");
        assertThat(buffers.refCount(bi)).isEqualTo(201);
    }

    @Test
    void shouldFormatLikeVpp() {
        int head = big.bufferIndex(0);
        int next = big.bufferIndex(1);
        buffers.setCurrentLength(head, 60);
        buffers.setCurrentLength(next, 40);
        buffers.chainAppend(head, head, next);
        assertThat(buffers.format(head)).isEqualTo("""
                current data 0, length 60, buffer-pool 0, ref-count 1, totlen-nifb 40
                  next-present total-length-valid
                  next-buffer 0x26, segment length 40, ref-count 1""");
        assertThat(BufferFlags.format(BufferFlags.IS_TRACED | BufferFlags.feature(3))).isEqualTo("traced feature-3");
        assertThat(BufferFlags.feature(23)).isEqualTo(1 << 31);
        assertThatThrownBy(() -> BufferFlags.feature(24)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRejectPoolsThatDoNotFitOrOverlap() {
        assertThatThrownBy(() -> new Buffers(memory, List.of(big, new BufferPoolLayout("clash", 37 * 7 + 1, 2, 2048))))
                .hasMessage("buffer pools 'big' and 'clash' overlap");
        assertThatThrownBy(() -> new Buffers(memory.asSlice(0, 4096), List.of(big)))
                .hasMessage("buffer pool 'big' (bytes 64 to 19008) does not fit in buffer memory of 4096 bytes");
        assertThatThrownBy(() -> new Buffers(memory.asSlice(8), List.of(big)))
                .hasMessageStartingWith("buffer memory must be native and aligned to 64 bytes");
        assertThatThrownBy(() -> new Buffers(memory, List.of())).hasMessage("buffer memory holds 1 to 256 pools, not 0");
        assertThatThrownBy(() -> new BufferPoolLayout("p", 1, 0, 2048)).hasMessage("buffer pool 'p' needs at least 1 buffer, got 0");
        assertThatThrownBy(() -> new BufferPoolLayout("p", 0, 1, 2048)).hasMessageContaining("index 0 means no buffer");
        assertThatThrownBy(() -> new BufferPoolLayout("p", 1, 1, 70000))
                .hasMessage("buffer pool 'p': data size 70000 is above the maximum of 65535 bytes (current_length is 16 bits)");
        assertThatThrownBy(() -> new BufferPoolLayout("p", 1, 1, 64))
                .hasMessage("buffer pool 'p': data size 64 is below the minimum of 128 bytes");
        assertThatThrownBy(() -> new BufferPoolLayout("p", 1, 200_000_000, 2048))
                .hasMessageContaining("ends past the 2^32 cache lines (256 GiB)");
    }
}
