package io.vecta.sdk.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class UncheckedBuffersTest {

    private static final long SEED = 0x5eed_0b0fL;

    private final Arena arena = Arena.ofShared();
    private final BufferPoolLayout pool = new BufferPoolLayout("pool", 1, 8, 2048);
    private final MemorySegment memory = arena.allocate(pool.endOffset() + 4096, 4096);
    private final Buffers buffers = new Buffers(memory, List.of(pool));
    private final long base = buffers.baseAddress();

    @AfterEach
    void closeMemory() {
        arena.close();
    }

    @Test
    void shouldReadAndWriteTheSameMetadataAsTheCheckedAccessors() {
        Random random = new Random(SEED);
        for (int n = 0; n < pool.bufferCount(); n++) {
            int bi = pool.bufferIndex(n);
            long b = UncheckedBuffers.address(base, bi);
            int rx = random.nextInt();
            int tx = random.nextInt();
            int flags = random.nextInt();
            int opaque = random.nextInt();
            int length = random.nextInt(0x10000);
            int error = random.nextInt(0x10000);
            buffers.setRxSwIfIndex(bi, rx);
            UncheckedBuffers.setTxSwIfIndex(b, tx);
            UncheckedBuffers.setFlags(b, flags);
            UncheckedBuffers.setOpaque(b, 5, opaque);
            UncheckedBuffers.setCurrentLength(b, length);
            UncheckedBuffers.setError(b, error);
            buffers.setCurrentData(bi, -17);
            assertThat(UncheckedBuffers.rxSwIfIndex(b)).as("seed %x", SEED).isEqualTo(rx);
            assertThat(buffers.txSwIfIndex(bi)).isEqualTo(tx);
            assertThat(buffers.flags(bi)).isEqualTo(flags);
            assertThat(buffers.opaque(bi, 5)).isEqualTo(opaque);
            assertThat(buffers.currentLength(bi)).isEqualTo(length);
            assertThat(buffers.error(bi)).isEqualTo(error);
            assertThat(UncheckedBuffers.currentData(b)).isEqualTo(-17);
            assertThat(UncheckedBuffers.currentAddress(b)).isEqualTo(base + buffers.dataOffset(bi));
        }
    }

    @Test
    void shouldAdvanceBothWaysAsTheCheckedAdvanceDoes() {
        int bi = pool.bufferIndex(2);
        long b = UncheckedBuffers.address(base, bi);
        buffers.setCurrentData(bi, 0);
        buffers.setCurrentLength(bi, 60);
        UncheckedBuffers.advance(b, 14);
        assertThat(buffers.currentData(bi)).isEqualTo(14);
        assertThat(buffers.currentLength(bi)).isEqualTo(46);
        UncheckedBuffers.advance(b, -32);
        assertThat(buffers.currentData(bi)).isEqualTo(-18);
        assertThat(buffers.currentLength(bi)).isEqualTo(78);
        buffers.advance(bi, 18);
        UncheckedBuffers.advance(b, -(Buffers.PRE_DATA_SIZE));
        assertThat(buffers.currentData(bi)).isEqualTo(-Buffers.PRE_DATA_SIZE);
        assertThat(buffers.currentLength(bi)).isEqualTo(60 + Buffers.PRE_DATA_SIZE);
    }

    @Test
    void shouldReadPacketBytesInNetworkOrder() {
        int bi = pool.bufferIndex(4);
        long at = buffers.dataOffset(bi);
        byte[] bytes = {0x45, 0x00, 0x00, 0x54, (byte) 0xab, (byte) 0xcd, 0x40, 0x00, 0x3f, 0x01, 0x12, 0x34};
        MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, at, bytes.length);
        long a = base + at;
        assertThat(UncheckedBuffers.getU8(a)).isEqualTo(0x45);
        assertThat(UncheckedBuffers.getU16(a + 2)).isEqualTo(0x54);
        assertThat(UncheckedBuffers.getU32(a + 4)).isEqualTo(0xabcd4000);
        assertThat(UncheckedBuffers.getU64(a)).isEqualTo(0x45000054abcd4000L);
        UncheckedBuffers.setU32(a + 8, 0x40061111);
        UncheckedBuffers.setU16(a + 2, 0xbeef);
        UncheckedBuffers.setU8(a, 0x46);
        UncheckedBuffers.setU64(a + 12, 0x0102030405060708L);
        assertThat(memory.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), at + 8))
                .isEqualTo(0x40061111);
        assertThat(memory.get(ValueLayout.JAVA_BYTE, at + 12)).isEqualTo((byte) 1);
        assertThat(memory.get(ValueLayout.JAVA_BYTE, at + 19)).isEqualTo((byte) 8);
        assertThat(memory.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), at + 2))
                .isEqualTo((short) 0xbeef);
        assertThat(memory.get(ValueLayout.JAVA_BYTE, at)).isEqualTo((byte) 0x46);
    }

    @Test
    void shouldRefuseInCheckedModeAnAccessOutsideBufferMemory() {
        Assumptions.assumeTrue(UncheckedBuffers.CHECKED, "runs with -Dvecta.buffers.checked=true, as the build's tests do");
        long end = base + memory.byteSize();
        assertThatThrownBy(() -> UncheckedBuffers.getU32(end - 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4 bytes at 0x" + Long.toHexString(end - 2))
                .hasMessageContaining("not inside any buffer memory");
        assertThatThrownBy(() -> UncheckedBuffers.address(base, (int) (memory.byteSize() >>> 6)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRefuseInCheckedModeAnAccessToClosedMemory() {
        Assumptions.assumeTrue(UncheckedBuffers.CHECKED, "runs with -Dvecta.buffers.checked=true, as the build's tests do");
        Arena other = Arena.ofShared();
        MemorySegment closed = other.allocate(pool.endOffset() + 4096, 4096);
        Buffers closedBuffers = new Buffers(closed, List.of(pool));
        long b = UncheckedBuffers.address(closedBuffers.baseAddress(), pool.bufferIndex(0));
        other.close();
        assertThatThrownBy(() -> UncheckedBuffers.flags(b))
                .isInstanceOfAny(IllegalStateException.class, IndexOutOfBoundsException.class);
    }

    @Test
    void shouldCopyBytesInAndRefuseARangeOutsideTheArray() {
        int bi = pool.bufferIndex(5);
        long a = UncheckedBuffers.currentAddress(UncheckedBuffers.address(base, bi));
        byte[] src = {9, 8, 7, 6, 5, 4, 3};
        UncheckedBuffers.copyIn(src, 2, a, 4);
        byte[] copied = new byte[4];
        buffers.copyOut(bi, 0, copied, 0, 4);
        assertThat(copied).containsExactly(7, 6, 5, 4);
        assertThatThrownBy(() -> UncheckedBuffers.copyIn(src, 5, a, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRefuseInCheckedModeACopyPastTheEndOfBufferMemory() {
        Assumptions.assumeTrue(UncheckedBuffers.CHECKED, "runs with -Dvecta.buffers.checked=true, as the build's tests do");
        long end = base + memory.byteSize();
        assertThatThrownBy(() -> UncheckedBuffers.copyIn(new byte[8], 0, end - 4, 8))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("8 bytes at 0x");
    }
}
