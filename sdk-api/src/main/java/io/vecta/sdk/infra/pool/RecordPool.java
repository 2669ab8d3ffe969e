package io.vecta.sdk.infra.pool;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.IntConsumer;

/**
 * A pool of fixed-size records off the heap, named by stable indices and read or written by
 * index plus a field offset the plugin names as a constant.
 *
 * <pre>
 *  segment():
 *  +------------------+------------------+------------------+-- ...
 *  | record 0         | record 1         | record 2         |
 *  | recordSize bytes | pad to stride    |                  |
 *  +------------------+------------------+------------------+-- ...
 *  ^ 0                ^ stride           ^ 2 * stride
 *
 *  stride = recordSize rounded up to {@value #RECORD_ALIGNMENT} bytes; the segment starts on a
 *  {@value #SEGMENT_ALIGNMENT}-byte boundary
 *
 *  a plugin's record, e.g.:
 *    static final long FLOW_PACKETS = 0;   // long
 *    static final long FLOW_BYTES   = 8;   // long
 *    static final long FLOW_STATE   = 16;  // int
 *    static final int  FLOW_RECORD  = 20;  // record size
 * </pre>
 *
 * <p>Fields are accessed aligned to their own size, so a field's offset must be a multiple of its
 * width; an access outside the record or the capacity throws an exception naming the pool. New
 * memory is zero. A record that is put and later reused by {@link #get()} keeps the bytes it was
 * left with, so the caller initialises it. The accessors check bounds, not liveness: reading a
 * free record returns stale bytes, as in VPP.
 *
 * <p>A growable pool moves its records to a larger segment when it grows: indices stay valid,
 * but a {@link #segment()} or address taken before a {@link #get()} may be stale afterwards. A
 * fixed pool never moves. {@link #close()} frees the memory.
 *
 * <p><b>Threads.</b> Not thread-safe, as {@link IndexPool}: per-thread pools, or changes made by
 * the main thread under the worker barrier. The memory is allocated in a shared arena, so workers
 * may read records between barriers.
 */
public final class RecordPool implements AutoCloseable {

    /** Records start on multiples of this many bytes, so every aligned field is aligned in memory. */
    public static final int RECORD_ALIGNMENT = Long.BYTES;

    /** The segment starts on a cache-line boundary. */
    public static final int SEGMENT_ALIGNMENT = 64;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final IndexPool indices;
    private final int recordSize;
    private final long stride;
    private Arena arena;
    private MemorySegment memory;
    private int recordCapacity;

    private RecordPool(IndexPool indices, int recordSize) {
        if (recordSize < 1) {
            throw new IllegalArgumentException("record pool '" + indices.name() + "': record size "
                    + recordSize + " must be at least 1 byte");
        }
        this.indices = indices;
        this.recordSize = recordSize;
        this.stride = (recordSize + RECORD_ALIGNMENT - 1L) & -RECORD_ALIGNMENT;
        allocate(indices.capacity());
    }

    /** A pool that starts with {@code initialCapacity} records and doubles as needed. */
    public static RecordPool growable(String name, int recordSize, int initialCapacity) {
        return new RecordPool(IndexPool.growable(name, initialCapacity), recordSize);
    }

    /** A pool of at most {@code capacity} records that never grows nor moves. */
    public static RecordPool fixed(String name, int recordSize, int capacity) {
        return new RecordPool(IndexPool.fixed(name, capacity), recordSize);
    }

    /**
     * Takes a free record and returns its index.
     *
     * @throws IllegalStateException when a fixed pool is full
     */
    public int get() {
        int index = indices.get();
        if (index >= recordCapacity) {
            allocate(indices.capacity());
        }
        return index;
    }

    /**
     * Frees a record.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     * @throws IllegalArgumentException when the record is already free
     */
    public void put(int index) {
        indices.put(index);
    }

    /*
     * Field accessors: index names the record, fieldOffset the field within it. They check that
     * the field lies inside the record and the record inside the capacity, not that it is live.
     */

    public long getLong(int index, long fieldOffset) {
        return memory.get(LONG, address(index, fieldOffset, Long.BYTES));
    }

    public void setLong(int index, long fieldOffset, long value) {
        memory.set(LONG, address(index, fieldOffset, Long.BYTES), value);
    }

    public int getInt(int index, long fieldOffset) {
        return memory.get(INT, address(index, fieldOffset, Integer.BYTES));
    }

    public void setInt(int index, long fieldOffset, int value) {
        memory.set(INT, address(index, fieldOffset, Integer.BYTES), value);
    }

    public short getShort(int index, long fieldOffset) {
        return memory.get(SHORT, address(index, fieldOffset, Short.BYTES));
    }

    public void setShort(int index, long fieldOffset, short value) {
        memory.set(SHORT, address(index, fieldOffset, Short.BYTES), value);
    }

    public byte getByte(int index, long fieldOffset) {
        return memory.get(BYTE, address(index, fieldOffset, Byte.BYTES));
    }

    public void setByte(int index, long fieldOffset, byte value) {
        memory.set(BYTE, address(index, fieldOffset, Byte.BYTES), value);
    }

    /**
     * The byte offset of a record in {@link #segment()}, for bulk copies and for VarHandles of the
     * plugin's own layouts.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     */
    public long recordOffset(int index) {
        return address(index, 0, 0);
    }

    /** The memory holding every record; replaced when a growable pool grows. */
    public MemorySegment segment() {
        return memory;
    }

    private long address(int index, long fieldOffset, int width) {
        if (index < 0 || index >= recordCapacity) {
            throw new IndexOutOfBoundsException("record pool '" + indices.name() + "': index " + index
                    + " is out of range (capacity " + recordCapacity + ")");
        }
        if (fieldOffset < 0 || fieldOffset > recordSize - width) {
            throw new IndexOutOfBoundsException("record pool '" + indices.name() + "': field of " + width
                    + " bytes at offset " + fieldOffset + " is outside the record of " + recordSize + " bytes");
        }
        return index * stride + fieldOffset;
    }

    /** Whether the record at {@code index} is in use. */
    public boolean isLive(int index) {
        return indices.isLive(index);
    }

    /** The smallest live index at or after {@code from}, or -1: see {@link IndexPool#nextLive(int)}. */
    public int nextLive(int from) {
        return indices.nextLive(from);
    }

    /** Calls {@code action} with each live index in ascending order: see {@link IndexPool#forEachLive}. */
    public void forEachLive(IntConsumer action) {
        indices.forEachLive(action);
    }

    /** How many records are in use. */
    public int size() {
        return indices.size();
    }

    /** How many records exist now. */
    public int capacity() {
        return indices.capacity();
    }

    /** The bytes of one record as the plugin declared them. */
    public int recordSize() {
        return recordSize;
    }

    /** The distance in bytes between two neighbouring records. */
    public long stride() {
        return stride;
    }

    /** The name used in error messages. */
    public String name() {
        return indices.name();
    }

    /** Frees the memory; any later access throws {@link IllegalStateException}. */
    @Override
    public void close() {
        arena.close();
    }

    private void allocate(int newCapacity) {
        Arena newArena = Arena.ofShared();
        MemorySegment newMemory = newArena.allocate(stride * newCapacity, SEGMENT_ALIGNMENT);
        if (memory != null) {
            MemorySegment.copy(memory, 0, newMemory, 0, memory.byteSize());
            arena.close();
        }
        arena = newArena;
        memory = newMemory;
        recordCapacity = newCapacity;
    }

    @Override
    public String toString() {
        return "record pool '" + indices.name() + "' (" + size() + " of " + capacity() + " records of "
                + recordSize + " bytes)";
    }
}
