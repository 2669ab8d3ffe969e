package io.vecta.sdk.buffer;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * Packet buffers in buffer memory, named by 32-bit buffer indices: the metadata of each
 * buffer, its headroom and its data, read and written through static accessors over one
 * {@link MemorySegment}.
 *
 * <h2>A buffer</h2>
 * Every buffer starts on a cache line and is laid out as VPP's {@code vlib_buffer_t}, so
 * that a VPP engineer finds each field where expected (offsets in bytes from the start of
 * the buffer; metadata in the CPU's native byte order):
 * <pre>
 *  cache line 0: what every node reads and writes
 *   0               1               2               3
 *   0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 *  +-------------------------------+-------------------------------+
 *  |  current_data (i16)           |  current_length (u16)         |   0
 *  +-------------------------------+-------------------------------+
 *  |                        flags (u32)                            |   4
 *  +---------------------------------------------------------------+
 *  |                        flow_id (u32)                          |   8
 *  +---------------+---------------+-------------------------------+
 *  | ref_count (u8)| pool index(u8)|  error (u16)                  |  12
 *  +---------------+---------------+-------------------------------+
 *  |                     next_buffer (u32)                         |  16
 *  +---------------------------------------------------------------+
 *  |                feature config index (u32)                     |  20
 *  +---------------------------------------------------------------+
 *  |                    rx sw_if_index (u32)                       |  24
 *  +---------------------------------------------------------------+
 *  |                    tx sw_if_index (u32)                       |  28
 *  +---------------------------------------------------------------+
 *  |                    opaque[0..7] (u32 each)                    |  32..63
 *  +---------------------------------------------------------------+
 *  cache line 1: what fewer nodes need
 *  +---------------------------------------------------------------+
 *  |                    trace_handle (u32)                         |  64
 *  +---------------------------------------------------------------+
 *  |      total_length_not_including_first_buffer (u32)            |  68
 *  +---------------------------------------------------------------+
 *  |                    opaque2[0..13] (u32 each)                  |  72..127
 *  +---------------------------------------------------------------+
 *  cache lines 2-3: headroom (pre-data), PRE_DATA_SIZE = 128 bytes     128..255
 *  then the data, dataSize bytes (2048 by default)                     256..
 * </pre>
 * The first 24 bytes are VPP's; VPP keeps the interfaces in {@code vnet_buffer(b)->sw_if_index[]},
 * the first two words of its opaque area, which is exactly where {@code rx sw_if_index} and
 * {@code tx sw_if_index} sit here. Naming them keeps every node from agreeing on an opaque
 * slot for the two fields almost all of them use; the eight opaque words that remain, and the
 * fourteen of cache line 1, belong to features.
 *
 * <p>{@code current_data} is a signed offset from the first data byte: packet bytes start at
 * {@link #dataOffset}, and a negative value means headers were prepended into the headroom.
 * {@code current_length} counts the bytes of this buffer from there. A packet longer than one
 * buffer is a chain: {@link BufferFlags#NEXT_PRESENT} is set and {@code next_buffer} names the
 * next buffer; the first buffer may cache the length of the rest in
 * {@code total_length_not_including_first_buffer} ({@link BufferFlags#TOTAL_LENGTH_VALID}).
 *
 * <h2>Buffer indices</h2>
 * A buffer index is the byte offset of the buffer in buffer memory divided by 64 (the cache
 * line), as in VPP: 32 bits cover 256 GiB, and pools with different data sizes (different
 * strides) share one index space, each at its own {@link BufferPoolLayout}. Index 0
 * ({@link #NO_BUFFER}) is never a buffer, so zeroed memory reads as "no buffer".
 *
 * <h2>Cost and checks</h2>
 * This class is final, its fields are final and its layouts static final, so that each field
 * accessor compiles to one load or store plus the segment's own bounds check, and allocates
 * nothing. Per-packet loops of hot nodes use {@link UncheckedBuffers} instead, which reads the
 * same fields at a buffer's address without these checks. What is checked:
 * <ul>
 *   <li>every accessor: the byte offset lies inside buffer memory (the segment's check), and
 *       after the memory is closed no access succeeds (its liveness check);</li>
 *   <li>setters of 8- and 16-bit fields: the value fits the field;</li>
 *   <li>{@link #advance}, copies, {@link #tailroom}: the range stays within the buffer's
 *       headroom and data;</li>
 *   <li>chain walks: a chain that loops is reported rather than followed forever;</li>
 *   <li>{@link #checkBuffer}: that an index names the first byte of a buffer of a pool. This
 *       is the full check; the allocator makes it on every free, accessors do not.</li>
 * </ul>
 * A buffer index that passes the segment check but is not a buffer reads or writes the wrong
 * bytes of buffer memory, as in VPP; {@link #checkBuffer} is the tool to find such bugs.
 *
 * <h2>Threads</h2>
 * A buffer belongs to one thread at a time, the one whose frame holds its index; handing a
 * frame to another thread passes ownership, and the queue that carries it publishes the
 * writes. Only the reference count of data shared by clones is changed by several threads,
 * through {@link #addRefCountAtomically}.
 */
public final class Buffers {

    /** log2 of the cache line size, the unit of buffer indices. */
    public static final int LOG2_CACHE_LINE = 6;
    /** Cache line size in bytes. */
    public static final int CACHE_LINE = 1 << LOG2_CACHE_LINE;

    /** i16: signed offset of the current packet byte from the first data byte. */
    public static final int CURRENT_DATA_OFFSET = 0;
    /** u16: bytes of this buffer from the current byte on. */
    public static final int CURRENT_LENGTH_OFFSET = 2;
    /** u32: {@link BufferFlags}. */
    public static final int FLAGS_OFFSET = 4;
    /** u32: flow identifier, set by a classifier or a device. */
    public static final int FLOW_ID_OFFSET = 8;
    /** u8: references to this buffer; 1 for an allocated buffer, more when clones share it. */
    public static final int REF_COUNT_OFFSET = 12;
    /** u8: index of the pool the buffer belongs to. */
    public static final int BUFFER_POOL_INDEX_OFFSET = 13;
    /** u16: error (counter index) for buffers sent to error-drop. */
    public static final int ERROR_OFFSET = 14;
    /** u32: next buffer of the chain, valid when {@link BufferFlags#NEXT_PRESENT} is set. */
    public static final int NEXT_BUFFER_OFFSET = 16;
    /** u32: position in the feature arc's configuration. */
    public static final int FEATURE_CONFIG_INDEX_OFFSET = 20;
    /** u32: software interface the packet came in on. */
    public static final int RX_SW_IF_INDEX_OFFSET = 24;
    /** u32: software interface (or FIB) the packet is going to. */
    public static final int TX_SW_IF_INDEX_OFFSET = 28;
    /** u32[8]: opaque words for features, cache line 0. */
    public static final int OPAQUE_OFFSET = 32;
    /** Number of {@code opaque} words. */
    public static final int OPAQUE_WORDS = 8;
    /** u32: where the packet's trace is, valid when {@link BufferFlags#IS_TRACED} is set. */
    public static final int TRACE_HANDLE_OFFSET = 64;
    /** u32: bytes in the buffers after the first, valid with {@link BufferFlags#TOTAL_LENGTH_VALID}. */
    public static final int TOTAL_LENGTH_NOT_INCLUDING_FIRST_BUFFER_OFFSET = 68;
    /** u32[14]: opaque words for features, cache line 1. */
    public static final int OPAQUE2_OFFSET = 72;
    /** Number of {@code opaque2} words. */
    public static final int OPAQUE2_WORDS = 14;
    /** Bytes of metadata, two cache lines. */
    public static final int METADATA_SIZE = 128;
    /** Offset of the headroom (VPP's pre-data), right before the data. */
    public static final int PRE_DATA_OFFSET = 128;
    /** Bytes of headroom for headers prepended in place (VPP's {@code VLIB_BUFFER_PRE_DATA_SIZE}). */
    public static final int PRE_DATA_SIZE = 128;
    /** Offset of the first data byte, where {@code current_data} 0 points. */
    public static final int DATA_OFFSET = 256;
    /** Bytes in front of the data: metadata and headroom (VPP's {@code sizeof (vlib_buffer_t)}). */
    public static final int HEADER_SIZE = METADATA_SIZE + PRE_DATA_SIZE;

    /** The usual data size, VPP's default. */
    public static final int DEFAULT_DATA_SIZE = 2048;
    /** Smallest data size: a chain segment other than the last holds at least this much (VPP's minimum). */
    public static final int MIN_DATA_SIZE = 128;
    /** Largest data size: {@code current_length} is 16 bits. */
    public static final int MAX_DATA_SIZE = 0xffff;
    /** The index that names no buffer. */
    public static final int NO_BUFFER = 0;
    /** Largest reference count ({@code ref_count} is 8 bits). */
    public static final int MAX_REF_COUNT = 0xff;
    /** Most pools in one buffer memory ({@code buffer_pool_index} is 8 bits). */
    public static final int MAX_POOLS = 0x100;

    private static final ValueLayout.OfByte U8 = JAVA_BYTE;
    private static final ValueLayout.OfShort U16 = JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt U32 = JAVA_INT_UNALIGNED;
    /** The aligned word holding ref_count, pool index and error, for compare-and-set. */
    private static final VarHandle REF_COUNT_WORD = JAVA_INT.varHandle();
    private static final int REF_COUNT_SHIFT = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 24;
    private static final int GEOMETRY_LONGS = 3;

    private final MemorySegment memory;
    /** The memory's address, kept as a field: a per-packet read through the segment costs a type check. */
    private final long baseAddress;
    private final long indexLimit;
    private final List<BufferPoolLayout> pools;
    /**
     * Per pool index 0 to 255, three longs: first buffer index, span in cache lines (0 for an
     * index with no pool, so that every check fails), and the multiplier of the stride test.
     */
    private final long[] poolGeometry;
    private final int[] poolDataSize;
    private final long totalBuffers;

    /**
     * Buffers over {@code memory}, holding the given pools; the pool at position {@code i} of
     * the list has buffer pool index {@code i}.
     *
     * @param memory native memory, aligned to a cache line, at most 256 GiB
     * @param pools  1 to 256 pools, lying inside the memory without overlapping
     * @throws IllegalArgumentException if a condition does not hold
     */
    public Buffers(MemorySegment memory, List<BufferPoolLayout> pools) {
        Objects.requireNonNull(memory, "memory");
        if (!memory.isNative() || memory.address() % CACHE_LINE != 0) {
            throw new IllegalArgumentException("buffer memory must be native and aligned to " + CACHE_LINE
                    + " bytes: " + memory);
        }
        if (memory.byteSize() > 1L << (32 + LOG2_CACHE_LINE)) {
            throw new IllegalArgumentException("buffer memory of " + memory.byteSize()
                    + " bytes is larger than the 256 GiB that 32-bit buffer indices address");
        }
        if (pools.isEmpty() || pools.size() > MAX_POOLS) {
            throw new IllegalArgumentException("buffer memory holds 1 to " + MAX_POOLS + " pools, not " + pools.size());
        }
        this.memory = memory;
        this.baseAddress = memory.address();
        this.indexLimit = memory.byteSize() >>> LOG2_CACHE_LINE;
        this.pools = List.copyOf(pools);
        int count = pools.size();
        poolGeometry = new long[MAX_POOLS * GEOMETRY_LONGS];
        poolDataSize = new int[count];
        long buffers = 0;
        for (int i = 0; i < count; i++) {
            BufferPoolLayout pool = pools.get(i);
            if (pool.endOffset() > memory.byteSize()) {
                throw new IllegalArgumentException("buffer pool '" + pool.name() + "' (bytes " + pool.startOffset()
                        + " to " + pool.endOffset() + ") does not fit in buffer memory of " + memory.byteSize()
                        + " bytes");
            }
            for (int j = 0; j < i; j++) {
                BufferPoolLayout other = pools.get(j);
                if (pool.startOffset() < other.endOffset() && other.startOffset() < pool.endOffset()) {
                    throw new IllegalArgumentException("buffer pools '" + other.name() + "' and '" + pool.name()
                            + "' overlap");
                }
            }
            poolGeometry[i * GEOMETRY_LONGS] = Integer.toUnsignedLong(pool.firstIndex());
            poolGeometry[i * GEOMETRY_LONGS + 1] = pool.spanLines();
            poolGeometry[i * GEOMETRY_LONGS + 2] = pool.strideTestMultiplier();
            poolDataSize[i] = pool.dataSize();
            buffers += pool.bufferCount();
        }
        this.totalBuffers = buffers;
        UncheckedBuffers.register(memory);
    }

    /** The buffer memory, for packet header views that take a segment and a byte offset. */
    public MemorySegment memory() {
        return memory;
    }

    /** The address of buffer memory, for {@link UncheckedBuffers#address}. */
    public long baseAddress() {
        return baseAddress;
    }

    /** The pools, in buffer pool index order. */
    public List<BufferPoolLayout> pools() {
        return pools;
    }

    /** One past the largest index inside buffer memory: its size in cache lines. */
    public long indexLimit() {
        return indexLimit;
    }

    /** The number of buffers in all pools. */
    public long totalBuffers() {
        return totalBuffers;
    }

    /** Byte offset of buffer {@code bi}'s metadata in {@link #memory()}. */
    public static long metadataOffset(int bi) {
        return Integer.toUnsignedLong(bi) << LOG2_CACHE_LINE;
    }

    // ---- cache line 0 ----

    /** {@code current_data}: signed offset of the current byte from the first data byte. */
    public int currentData(int bi) {
        return memory.get(U16, metadataOffset(bi) + CURRENT_DATA_OFFSET);
    }

    /**
     * Sets {@code current_data}.
     *
     * @throws IllegalArgumentException if {@code value} is outside {@code -PRE_DATA_SIZE} to 32767
     */
    public void setCurrentData(int bi, int value) {
        if (value < -PRE_DATA_SIZE || value > Short.MAX_VALUE) {
            throw fieldRange(bi, "current_data", value, -PRE_DATA_SIZE, Short.MAX_VALUE);
        }
        memory.set(U16, metadataOffset(bi) + CURRENT_DATA_OFFSET, (short) value);
    }

    /** {@code current_length}: bytes of this buffer from the current byte on. */
    public int currentLength(int bi) {
        return Short.toUnsignedInt(memory.get(U16, metadataOffset(bi) + CURRENT_LENGTH_OFFSET));
    }

    /**
     * Sets {@code current_length}. Does not update the chain's cached total length.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0 to 65535
     */
    public void setCurrentLength(int bi, int value) {
        if ((value & ~0xffff) != 0) {
            throw fieldRange(bi, "current_length", value, 0, 0xffff);
        }
        memory.set(U16, metadataOffset(bi) + CURRENT_LENGTH_OFFSET, (short) value);
    }

    /** {@code flags}: {@link BufferFlags}. */
    public int flags(int bi) {
        return memory.get(U32, metadataOffset(bi) + FLAGS_OFFSET);
    }

    /** Sets all of {@code flags}. */
    public void setFlags(int bi, int flags) {
        memory.set(U32, metadataOffset(bi) + FLAGS_OFFSET, flags);
    }

    /** Sets the bits of {@code mask} in {@code flags}, leaving the others. */
    public void addFlags(int bi, int mask) {
        long offset = metadataOffset(bi) + FLAGS_OFFSET;
        memory.set(U32, offset, memory.get(U32, offset) | mask);
    }

    /** Clears the bits of {@code mask} in {@code flags}, leaving the others. */
    public void clearFlags(int bi, int mask) {
        long offset = metadataOffset(bi) + FLAGS_OFFSET;
        memory.set(U32, offset, memory.get(U32, offset) & ~mask);
    }

    /** {@code flow_id}. */
    public int flowId(int bi) {
        return memory.get(U32, metadataOffset(bi) + FLOW_ID_OFFSET);
    }

    /** Sets {@code flow_id}. */
    public void setFlowId(int bi, int value) {
        memory.set(U32, metadataOffset(bi) + FLOW_ID_OFFSET, value);
    }

    /** {@code ref_count}: 1 for an allocated buffer, more while clones share it, 0 while free. */
    public int refCount(int bi) {
        return Byte.toUnsignedInt(memory.get(U8, metadataOffset(bi) + REF_COUNT_OFFSET));
    }

    /**
     * Sets {@code ref_count} with a plain store: only for a buffer this thread alone holds. The
     * allocator owns this field; use {@link #addRefCountAtomically} for shared buffers.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0 to 255
     */
    public void setRefCount(int bi, int value) {
        if ((value & ~MAX_REF_COUNT) != 0) {
            throw fieldRange(bi, "ref_count", value, 0, MAX_REF_COUNT);
        }
        memory.set(U8, metadataOffset(bi) + REF_COUNT_OFFSET, (byte) value);
    }

    /**
     * Adds {@code delta} to {@code ref_count} atomically (compare-and-set on the aligned word
     * that holds it), for buffers whose data several threads share.
     *
     * @return the count before the change
     * @throws IllegalStateException if the count would leave 0 to 255; it is left unchanged
     */
    public int addRefCountAtomically(int bi, int delta) {
        long offset = metadataOffset(bi) + REF_COUNT_OFFSET;
        while (true) {
            int word = (int) REF_COUNT_WORD.getVolatile(memory, offset);
            int count = (word >>> REF_COUNT_SHIFT) & MAX_REF_COUNT;
            int updated = count + delta;
            if ((updated & ~MAX_REF_COUNT) != 0) {
                throw new IllegalStateException("buffer 0x" + Integer.toHexString(bi) + ": ref_count " + count
                        + (delta < 0 ? " - " + -delta : " + " + delta) + " leaves 0 to " + MAX_REF_COUNT);
            }
            int replacement = (word & ~(MAX_REF_COUNT << REF_COUNT_SHIFT)) | (updated << REF_COUNT_SHIFT);
            if (REF_COUNT_WORD.compareAndSet(memory, offset, word, replacement)) {
                return count;
            }
        }
    }

    /** {@code buffer_pool_index}: the pool the buffer belongs to. */
    public int bufferPoolIndex(int bi) {
        return Byte.toUnsignedInt(memory.get(U8, metadataOffset(bi) + BUFFER_POOL_INDEX_OFFSET));
    }

    /**
     * Sets {@code buffer_pool_index}. The pool manager's field: a buffer stays in its pool.
     *
     * @throws IllegalArgumentException if {@code value} is not a pool of this memory
     */
    public void setBufferPoolIndex(int bi, int value) {
        if (value < 0 || value >= poolDataSize.length) {
            throw fieldRange(bi, "buffer_pool_index", value, 0, poolDataSize.length - 1);
        }
        memory.set(U8, metadataOffset(bi) + BUFFER_POOL_INDEX_OFFSET, (byte) value);
    }

    /** {@code error}: the error counter a dropped packet is counted under. */
    public int error(int bi) {
        return Short.toUnsignedInt(memory.get(U16, metadataOffset(bi) + ERROR_OFFSET));
    }

    /**
     * Sets {@code error}.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0 to 65535
     */
    public void setError(int bi, int value) {
        if ((value & ~0xffff) != 0) {
            throw fieldRange(bi, "error", value, 0, 0xffff);
        }
        memory.set(U16, metadataOffset(bi) + ERROR_OFFSET, (short) value);
    }

    /** {@code next_buffer}: meaningful only when {@link BufferFlags#NEXT_PRESENT} is set. */
    public int nextBuffer(int bi) {
        return memory.get(U32, metadataOffset(bi) + NEXT_BUFFER_OFFSET);
    }

    /** Sets {@code next_buffer}; see {@link #chainAppend} to link buffers with the flags kept right. */
    public void setNextBuffer(int bi, int next) {
        memory.set(U32, metadataOffset(bi) + NEXT_BUFFER_OFFSET, next);
    }

    /** The feature config index: where the packet is on its feature arc. */
    public int featureConfigIndex(int bi) {
        return memory.get(U32, metadataOffset(bi) + FEATURE_CONFIG_INDEX_OFFSET);
    }

    /** Sets the feature config index. */
    public void setFeatureConfigIndex(int bi, int value) {
        memory.set(U32, metadataOffset(bi) + FEATURE_CONFIG_INDEX_OFFSET, value);
    }

    /** The software interface the packet came in on. */
    public int rxSwIfIndex(int bi) {
        return memory.get(U32, metadataOffset(bi) + RX_SW_IF_INDEX_OFFSET);
    }

    /** Sets the software interface the packet came in on. */
    public void setRxSwIfIndex(int bi, int value) {
        memory.set(U32, metadataOffset(bi) + RX_SW_IF_INDEX_OFFSET, value);
    }

    /** The software interface (or FIB, by convention of the node) the packet goes to. */
    public int txSwIfIndex(int bi) {
        return memory.get(U32, metadataOffset(bi) + TX_SW_IF_INDEX_OFFSET);
    }

    /** Sets the software interface (or FIB) the packet goes to. */
    public void setTxSwIfIndex(int bi, int value) {
        memory.set(U32, metadataOffset(bi) + TX_SW_IF_INDEX_OFFSET, value);
    }

    /**
     * Opaque word {@code word} of cache line 0.
     *
     * @throws IndexOutOfBoundsException if {@code word} is outside 0 to 7
     */
    public int opaque(int bi, int word) {
        return memory.get(U32, metadataOffset(bi) + OPAQUE_OFFSET + 4L * Objects.checkIndex(word, OPAQUE_WORDS));
    }

    /**
     * Sets opaque word {@code word} of cache line 0.
     *
     * @throws IndexOutOfBoundsException if {@code word} is outside 0 to 7
     */
    public void setOpaque(int bi, int word, int value) {
        memory.set(U32, metadataOffset(bi) + OPAQUE_OFFSET + 4L * Objects.checkIndex(word, OPAQUE_WORDS), value);
    }

    // ---- cache line 1 ----

    /** {@code trace_handle}: meaningful only when {@link BufferFlags#IS_TRACED} is set. */
    public int traceHandle(int bi) {
        return memory.get(U32, metadataOffset(bi) + TRACE_HANDLE_OFFSET);
    }

    /** Sets {@code trace_handle}. */
    public void setTraceHandle(int bi, int value) {
        memory.set(U32, metadataOffset(bi) + TRACE_HANDLE_OFFSET, value);
    }

    /**
     * {@code total_length_not_including_first_buffer} as an unsigned value; meaningful only
     * when {@link BufferFlags#TOTAL_LENGTH_VALID} is set. {@link #lengthInChain} is the usual
     * way to the packet length.
     */
    public long totalLengthNotIncludingFirstBuffer(int bi) {
        return Integer.toUnsignedLong(memory.get(U32, metadataOffset(bi) + TOTAL_LENGTH_NOT_INCLUDING_FIRST_BUFFER_OFFSET));
    }

    /**
     * Sets {@code total_length_not_including_first_buffer}; the caller sets
     * {@link BufferFlags#TOTAL_LENGTH_VALID} when it is right.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0 to 2^32 - 1
     */
    public void setTotalLengthNotIncludingFirstBuffer(int bi, long value) {
        if ((value & ~0xffff_ffffL) != 0) {
            throw fieldRange(bi, "total_length_not_including_first_buffer", value, 0, 0xffff_ffffL);
        }
        memory.set(U32, metadataOffset(bi) + TOTAL_LENGTH_NOT_INCLUDING_FIRST_BUFFER_OFFSET, (int) value);
    }

    /**
     * Opaque word {@code word} of cache line 1.
     *
     * @throws IndexOutOfBoundsException if {@code word} is outside 0 to 13
     */
    public int opaque2(int bi, int word) {
        return memory.get(U32, metadataOffset(bi) + OPAQUE2_OFFSET + 4L * Objects.checkIndex(word, OPAQUE2_WORDS));
    }

    /**
     * Sets opaque word {@code word} of cache line 1.
     *
     * @throws IndexOutOfBoundsException if {@code word} is outside 0 to 13
     */
    public void setOpaque2(int bi, int word, int value) {
        memory.set(U32, metadataOffset(bi) + OPAQUE2_OFFSET + 4L * Objects.checkIndex(word, OPAQUE2_WORDS), value);
    }

    // ---- data ----

    /**
     * Absolute byte offset in {@link #memory()} of the current packet byte, {@code data +
     * current_data}; a packet header view reads the packet at {@code (memory(), dataOffset(bi))}.
     */
    public long dataOffset(int bi) {
        long metadata = metadataOffset(bi);
        return metadata + DATA_OFFSET + memory.get(U16, metadata + CURRENT_DATA_OFFSET);
    }

    /** Bytes of headroom in front of the current byte: {@code PRE_DATA_SIZE + current_data}. */
    public int headroom(int bi) {
        return PRE_DATA_SIZE + currentData(bi);
    }

    /** Bytes free after this buffer's last byte: data size of its pool minus {@code current_data + current_length}. */
    public int tailroom(int bi) {
        return dataSize(bi) - currentData(bi) - currentLength(bi);
    }

    /** Data size of the buffer's pool. */
    public int dataSize(int bi) {
        int pool = bufferPoolIndex(bi);
        if (pool >= poolDataSize.length) {
            throw new IllegalStateException(badPool(bi, pool));
        }
        return poolDataSize[pool];
    }

    /**
     * Moves the current byte by {@code n} (VPP's {@code vlib_buffer_advance}): {@code
     * current_data += n}, {@code current_length -= n}. Positive {@code n} skips a header that
     * was processed; negative {@code n} exposes {@code -n} bytes in front, for a header to be
     * written there.
     *
     * @throws IndexOutOfBoundsException if {@code n} is more than {@code current_length}, or the
     *                                   current byte would move into the metadata
     */
    public void advance(int bi, int n) {
        long metadata = metadataOffset(bi);
        int data = memory.get(U16, metadata + CURRENT_DATA_OFFSET);
        int length = Short.toUnsignedInt(memory.get(U16, metadata + CURRENT_LENGTH_OFFSET));
        int newData = data + n;
        int newLength = length - n;
        if (newLength < 0 || newLength > 0xffff || newData < -PRE_DATA_SIZE || newData > Short.MAX_VALUE) {
            throw new IndexOutOfBoundsException("buffer 0x" + Integer.toHexString(bi) + ": cannot advance by " + n
                    + " with current_data " + data + " and current_length " + length + " (headroom is "
                    + PRE_DATA_SIZE + " bytes)");
        }
        memory.set(U16, metadata + CURRENT_DATA_OFFSET, (short) newData);
        memory.set(U16, metadata + CURRENT_LENGTH_OFFSET, (short) newLength);
    }

    /**
     * Copies {@code length} bytes of {@code src} into the buffer, at {@code offset} from its
     * current byte. Lengths are not changed.
     *
     * @throws IndexOutOfBoundsException if the bytes would not lie within the buffer's headroom
     *                                   and data, or outside {@code src}
     */
    public void copyIn(int bi, int offset, byte[] src, int srcOffset, int length) {
        MemorySegment.copy(src, srcOffset, memory, U8, checkedDataRange(bi, offset, length), length);
    }

    /**
     * Copies {@code length} bytes of the buffer, from {@code offset} after its current byte,
     * into {@code dst}.
     *
     * @throws IndexOutOfBoundsException if the bytes do not lie within the buffer's headroom and
     *                                   data, or outside {@code dst}
     */
    public void copyOut(int bi, int offset, byte[] dst, int dstOffset, int length) {
        MemorySegment.copy(memory, U8, checkedDataRange(bi, offset, length), dst, dstOffset, length);
    }

    /**
     * The packet's bytes: every buffer of the chain from its current byte, for its
     * {@code current_length}. Allocates; for control-plane code, traces and tests.
     */
    public byte[] contents(int bi) {
        long total = lengthInChain(bi);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("packet in buffer 0x" + Integer.toHexString(bi) + " has " + total
                    + " bytes, too many for one array");
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        int b = bi;
        long steps = 0;
        while (true) {
            int length = currentLength(b);
            MemorySegment.copy(memory, U8, dataOffset(b), bytes, at, length);
            at += length;
            if ((flags(b) & BufferFlags.NEXT_PRESENT) == 0) {
                return bytes;
            }
            b = nextBuffer(b);
            steps = checkChainStep(bi, steps);
        }
    }

    // ---- chains ----

    /**
     * Bytes in the packet that starts at {@code bi}: its {@code current_length} plus that of
     * every buffer after it (VPP's {@code vlib_buffer_length_in_chain}). A head without a valid
     * cached total gets one, so the next call is cheap.
     */
    public long lengthInChain(int bi) {
        long metadata = metadataOffset(bi);
        int flags = memory.get(U32, metadata + FLAGS_OFFSET);
        int length = Short.toUnsignedInt(memory.get(U16, metadata + CURRENT_LENGTH_OFFSET));
        if ((flags & BufferFlags.NEXT_PRESENT) == 0) {
            return length;
        }
        if ((flags & BufferFlags.TOTAL_LENGTH_VALID) != 0) {
            return length + totalLengthNotIncludingFirstBuffer(bi);
        }
        return length + cacheTotalLengthOfRest(bi);
    }

    private long cacheTotalLengthOfRest(int head) {
        long rest = 0;
        int b = head;
        long steps = 0;
        while ((flags(b) & BufferFlags.NEXT_PRESENT) != 0) {
            b = nextBuffer(b);
            rest += currentLength(b);
            steps = checkChainStep(head, steps);
        }
        setTotalLengthNotIncludingFirstBuffer(head, rest);
        addFlags(head, BufferFlags.TOTAL_LENGTH_VALID);
        return rest;
    }

    /** The last buffer of the chain that starts at {@code bi} ({@code bi} itself if it has no next). */
    public int lastInChain(int bi) {
        int b = bi;
        long steps = 0;
        while ((flags(b) & BufferFlags.NEXT_PRESENT) != 0) {
            b = nextBuffer(b);
            steps = checkChainStep(bi, steps);
        }
        return b;
    }

    /** How many buffers the chain that starts at {@code bi} has, 1 for a single buffer. */
    public int buffersInChain(int bi) {
        int b = bi;
        long steps = 0;
        while ((flags(b) & BufferFlags.NEXT_PRESENT) != 0) {
            b = nextBuffer(b);
            steps = checkChainStep(bi, steps);
        }
        return (int) steps + 1;
    }

    /**
     * Appends the packet {@code bi} (one buffer or a chain) to the chain that starts at
     * {@code head} and ends at {@code last}, and keeps the head's cached total length valid
     * ({@code bi}'s own cached total, no longer at a head, is marked invalid). {@code last}
     * must not be shared with other packets (reference count 1).
     * Pass {@code head} as {@code last} when the head is a single buffer; keep the returned
     * last buffer to append again without walking the chain.
     *
     * @return the new last buffer of the chain
     * @throws IllegalArgumentException if {@code last} already has a next buffer or is shared
     */
    public int chainAppend(int head, int last, int bi) {
        int lastFlags = flags(last);
        if ((lastFlags & BufferFlags.NEXT_PRESENT) != 0) {
            throw new IllegalArgumentException("buffer 0x" + Integer.toHexString(last)
                    + " is not the last of its chain: next_buffer is 0x" + Integer.toHexString(nextBuffer(last)));
        }
        int lastReferences = refCount(last);
        if (lastReferences != 1) {
            throw new IllegalArgumentException("buffer 0x" + Integer.toHexString(last) + " has ref_count "
                    + lastReferences + ": appending to it would change every packet that shares it");
        }
        long rest = lengthInChain(head) - currentLength(head);
        long appended = lengthInChain(bi);
        int newLast = lastInChain(bi);
        // bi stops being a head: a total cached there would go stale as the chain grows
        clearFlags(bi, BufferFlags.TOTAL_LENGTH_VALID);
        setNextBuffer(last, bi);
        setFlags(last, lastFlags | BufferFlags.NEXT_PRESENT);
        setTotalLengthNotIncludingFirstBuffer(head, rest + appended);
        addFlags(head, BufferFlags.TOTAL_LENGTH_VALID);
        return newLast;
    }

    // ---- checks ----

    /**
     * Checks that {@code bi} names the first byte of a buffer of the pool its metadata claims:
     * index inside buffer memory, pool index valid, and the index on the pool's stride.
     *
     * @return the buffer's pool index
     * @throws IllegalArgumentException naming the index and what it fails
     */
    public int checkBuffer(int bi) {
        long index = Integer.toUnsignedLong(bi);
        if (index >= indexLimit) {
            throw new IllegalArgumentException(whyNotABuffer(bi));
        }
        int pool = Byte.toUnsignedInt(memory.get(U8, (index << LOG2_CACHE_LINE) + BUFFER_POOL_INDEX_OFFSET));
        int geometry = pool * GEOMETRY_LONGS;
        if (!BufferPoolLayout.isBufferAt(index - poolGeometry[geometry], poolGeometry[geometry + 1],
                poolGeometry[geometry + 2])) {
            throw new IllegalArgumentException(whyNotABuffer(bi));
        }
        return pool;
    }

    private String whyNotABuffer(int bi) {
        long index = Integer.toUnsignedLong(bi);
        if (index >= indexLimit || bi == NO_BUFFER) {
            return "buffer index 0x" + Integer.toHexString(bi) + " is outside buffer memory (indices 0x1 to 0x"
                    + Long.toHexString(indexLimit - 1) + ")";
        }
        int pool = bufferPoolIndex(bi);
        if (pool >= poolDataSize.length) {
            return badPool(bi, pool);
        }
        BufferPoolLayout layout = pools.get(pool);
        return "buffer index 0x" + Integer.toHexString(bi) + " is not a buffer of pool " + pool + " '"
                + layout.name() + "' (0x" + Integer.toHexString(layout.firstIndex()) + " + n * "
                + layout.strideLines() + " for n < " + layout.bufferCount() + ")";
    }

    /**
     * The buffer's metadata in words, as VPP's {@code format_vlib_buffer} prints it, e.g.
     * {@code current data 0, length 60, buffer-pool 0, ref-count 1}, one line per further
     * buffer of the chain.
     */
    public String format(int bi) {
        StringBuilder text = new StringBuilder();
        int flags = flags(bi);
        text.append("current data ").append(currentData(bi)).append(", length ").append(currentLength(bi))
                .append(", buffer-pool ").append(bufferPoolIndex(bi)).append(", ref-count ").append(refCount(bi));
        if ((flags & BufferFlags.NEXT_PRESENT) != 0) {
            text.append(", totlen-nifb ").append(totalLengthNotIncludingFirstBuffer(bi));
        }
        if ((flags & BufferFlags.IS_TRACED) != 0) {
            text.append(", trace handle 0x").append(Integer.toHexString(traceHandle(bi)));
        }
        if (flags != 0) {
            text.append("\n  ").append(BufferFlags.format(flags));
        }
        int b = bi;
        long steps = 0;
        while ((flags(b) & BufferFlags.NEXT_PRESENT) != 0) {
            b = nextBuffer(b);
            steps = checkChainStep(bi, steps);
            text.append("\n  next-buffer 0x").append(Integer.toHexString(b)).append(", segment length ")
                    .append(currentLength(b)).append(", ref-count ").append(refCount(b));
        }
        return text.toString();
    }

    private long checkedDataRange(int bi, int offset, int length) {
        long metadata = metadataOffset(bi);
        int start = memory.get(U16, metadata + CURRENT_DATA_OFFSET) + offset;
        int dataSize = dataSize(bi);
        if (length < 0 || start < -PRE_DATA_SIZE || (long) start + length > dataSize) {
            throw new IndexOutOfBoundsException("buffer 0x" + Integer.toHexString(bi) + ": " + length
                    + " bytes at data offset " + start + " lie outside its " + PRE_DATA_SIZE + " bytes of headroom and "
                    + dataSize + " bytes of data");
        }
        return metadata + DATA_OFFSET + start;
    }

    private long checkChainStep(int head, long steps) {
        if (steps >= totalBuffers) {
            throw new IllegalStateException("chain from buffer 0x" + Integer.toHexString(head) + " has more than "
                    + totalBuffers + " buffers, all there are: it loops");
        }
        return steps + 1;
    }

    private String badPool(int bi, int pool) {
        return "buffer 0x" + Integer.toHexString(bi) + " names buffer pool " + pool + ", but there "
                + (poolDataSize.length == 1 ? "is 1 pool" : "are " + poolDataSize.length + " pools");
    }

    private static IllegalArgumentException fieldRange(int bi, String field, long value, long min, long max) {
        return new IllegalArgumentException("buffer 0x" + Integer.toHexString(bi) + ": " + field + " " + value
                + " is outside " + min + " to " + max);
    }
}
