package io.vecta.sdk.buffer;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.internal.misc.Unsafe;

/**
 * The per-packet fast path into buffer memory: a buffer's address from its index, and its
 * metadata and packet bytes read and written at that address with no check at all, as a VPP
 * node works through a {@code vlib_buffer_t *}.
 *
 * <pre>
 *   long base = buffers.baseAddress();                 // once per frame
 *   long b = UncheckedBuffers.address(base, bi);       // the buffer, VPP's vlib_get_buffer
 *   long ip = UncheckedBuffers.currentAddress(b);      // its current byte, VPP's vlib_buffer_get_current
 *   int ttl = UncheckedBuffers.getU8(ip + 8);          // packet bytes in network order
 *   UncheckedBuffers.setTxSwIfIndex(b, sw);            // metadata in the CPU's order
 * </pre>
 *
 * <h2>Why, and when to use it</h2>
 * Every accessor of {@link Buffers} checks its offset against the segment and the segment's
 * liveness: one compare and branch each, and the values they need live in registers. A
 * forwarding node makes ten to fifteen accesses per packet, so on 64-byte packets those checks
 * were a large part of its cost (docs/benchmarks.md). Nodes on the forwarding path use this
 * class; everything else (control plane, tests, nodes that are not hot) keeps {@link Buffers},
 * whose errors name the buffer and the limit.
 *
 * <h2>What makes it safe enough</h2>
 * <ul>
 *   <li>Buffer indices in frames come from the allocator, which checks every index it takes
 *       back ({@link Buffers#checkBuffer}); a node reads only the buffers of its frame.</li>
 *   <li>Buffer memory is unmapped only after every thread that dispatches has stopped.</li>
 *   <li>Offsets a node adds to an address are its own constants, or lengths it has checked
 *       against the packet (an IPv4 header length, say) before it reads past them.</li>
 * </ul>
 * With the system property {@code vecta.buffers.checked=true} (the test suites set it),
 * every access checks that its bytes lie inside a live buffer memory, and throws naming the
 * address otherwise; the property is read once, so without it the checks compile away.
 *
 * <p>Metadata is in the CPU's byte order, as {@link Buffers} keeps it; the {@code getU16},
 * {@code getU32}... accessors of packet bytes are in network order (big-endian).
 */
public final class UncheckedBuffers {

    /** Whether every access is checked against the live buffer memories (tests). */
    public static final boolean CHECKED = Boolean.getBoolean("vecta.buffers.checked");

    private static final Unsafe UNSAFE = Unsafe.getUnsafe();
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** Buffer memories that checked accesses may touch; only used when {@link #CHECKED}. */
    private static final CopyOnWriteArrayList<MemorySegment> MEMORIES = new CopyOnWriteArrayList<>();

    private UncheckedBuffers() {
    }

    /** Makes {@code memory} known to the checked mode; {@link Buffers} calls it for its memory. */
    static void register(MemorySegment memory) {
        if (CHECKED) {
            MEMORIES.removeIf(m -> !m.scope().isAlive());
            MEMORIES.add(memory);
        }
    }

    // ---- addresses ----

    /** The address of buffer {@code bi}, over buffer memory at {@code base} ({@link Buffers#baseAddress}). */
    public static long address(long base, int bi) {
        long b = base + (Integer.toUnsignedLong(bi) << Buffers.LOG2_CACHE_LINE);
        if (CHECKED) {
            check(b, Buffers.HEADER_SIZE);
        }
        return b;
    }

    /** The address of the buffer's current byte: its data plus {@code current_data}. */
    public static long currentAddress(long b) {
        return b + Buffers.DATA_OFFSET + currentData(b);
    }

    // ---- metadata, cache line 0 ----

    /** {@code current_data}. */
    public static int currentData(long b) {
        return getShortNative(b + Buffers.CURRENT_DATA_OFFSET);
    }

    /** {@code current_length}. */
    public static int currentLength(long b) {
        return Short.toUnsignedInt(getShortNative(b + Buffers.CURRENT_LENGTH_OFFSET));
    }

    /** Sets {@code current_length}; the caller keeps it within the buffer. */
    public static void setCurrentLength(long b, int length) {
        putShortNative(b + Buffers.CURRENT_LENGTH_OFFSET, (short) length);
    }

    /**
     * VPP's {@code vlib_buffer_advance}: {@code current_data += n}, {@code current_length -= n},
     * with no check; the caller knows the headroom (prepending) or the length (skipping).
     */
    public static void advance(long b, int n) {
        // both 16-bit fields in one 32-bit word, current_data first
        int word = getIntNative(b + Buffers.CURRENT_DATA_OFFSET);
        putIntNative(b + Buffers.CURRENT_DATA_OFFSET, advancedWord(word, n));
    }

    /** {@code current_data} and {@code current_length} after an advance by {@code n}, as one word. */
    private static int advancedWord(int word, int n) {
        if (LITTLE_ENDIAN) {
            int data = (word + n) & 0xffff;
            int length = ((word >>> 16) - n) & 0xffff;
            return data | length << 16;
        }
        int data = ((word >>> 16) + n) & 0xffff;
        int length = (word - n) & 0xffff;
        return data << 16 | length;
    }

    /** {@code flags}. */
    public static int flags(long b) {
        return getIntNative(b + Buffers.FLAGS_OFFSET);
    }

    /** Sets {@code flags}. */
    public static void setFlags(long b, int flags) {
        putIntNative(b + Buffers.FLAGS_OFFSET, flags);
    }

    /** {@code next_buffer}: meaningful only when {@link BufferFlags#NEXT_PRESENT} is set. */
    public static int nextBuffer(long b) {
        return getIntNative(b + Buffers.NEXT_BUFFER_OFFSET);
    }

    /** {@code error}, the counter index of a dropped packet. */
    public static int error(long b) {
        return Short.toUnsignedInt(getShortNative(b + Buffers.ERROR_OFFSET));
    }

    /** Sets {@code error}. */
    public static void setError(long b, int error) {
        putShortNative(b + Buffers.ERROR_OFFSET, (short) error);
    }

    /** The software interface the packet came in on. */
    public static int rxSwIfIndex(long b) {
        return getIntNative(b + Buffers.RX_SW_IF_INDEX_OFFSET);
    }

    /** Sets the software interface the packet came in on. */
    public static void setRxSwIfIndex(long b, int sw) {
        putIntNative(b + Buffers.RX_SW_IF_INDEX_OFFSET, sw);
    }

    /** The software interface (or FIB) the packet goes to. */
    public static int txSwIfIndex(long b) {
        return getIntNative(b + Buffers.TX_SW_IF_INDEX_OFFSET);
    }

    /** Sets the software interface (or FIB) the packet goes to. */
    public static void setTxSwIfIndex(long b, int sw) {
        putIntNative(b + Buffers.TX_SW_IF_INDEX_OFFSET, sw);
    }

    /** Opaque word {@code word} (0 to 7) of cache line 0; the word is the caller's constant. */
    public static int opaque(long b, int word) {
        return getIntNative(b + Buffers.OPAQUE_OFFSET + 4L * word);
    }

    /** Sets opaque word {@code word} (0 to 7) of cache line 0. */
    public static void setOpaque(long b, int word, int value) {
        putIntNative(b + Buffers.OPAQUE_OFFSET + 4L * word, value);
    }

    /**
     * The 8 bytes of metadata at {@code a} in the CPU's order, for code that moves several
     * fields at once (the allocator resets a freed buffer's first 32 bytes in four stores).
     */
    public static long metadataLong(long a) {
        if (CHECKED) {
            check(a, 8);
        }
        return UNSAFE.getLongUnaligned(null, a);
    }

    /** Stores 8 bytes of metadata at {@code a} in the CPU's order. */
    public static void setMetadataLong(long a, long value) {
        if (CHECKED) {
            check(a, 8);
        }
        UNSAFE.putLongUnaligned(null, a, value);
    }

    // ---- packet bytes, network order ----

    /** The unsigned byte at {@code a}. */
    public static int getU8(long a) {
        if (CHECKED) {
            check(a, 1);
        }
        return Byte.toUnsignedInt(UNSAFE.getByte(a));
    }

    /** Stores the byte at {@code a}. */
    public static void setU8(long a, int value) {
        if (CHECKED) {
            check(a, 1);
        }
        UNSAFE.putByte(a, (byte) value);
    }

    /** The unsigned big-endian 16-bit value at {@code a}. */
    public static int getU16(long a) {
        if (CHECKED) {
            check(a, 2);
        }
        return Short.toUnsignedInt(UNSAFE.getShortUnaligned(null, a, true));
    }

    /** Stores a big-endian 16-bit value at {@code a}. */
    public static void setU16(long a, int value) {
        if (CHECKED) {
            check(a, 2);
        }
        UNSAFE.putShortUnaligned(null, a, (short) value, true);
    }

    /** The big-endian 32-bit value at {@code a}. */
    public static int getU32(long a) {
        if (CHECKED) {
            check(a, 4);
        }
        return UNSAFE.getIntUnaligned(null, a, true);
    }

    /** Stores a big-endian 32-bit value at {@code a}. */
    public static void setU32(long a, int value) {
        if (CHECKED) {
            check(a, 4);
        }
        UNSAFE.putIntUnaligned(null, a, value, true);
    }

    /** The big-endian 64-bit value at {@code a}. */
    public static long getU64(long a) {
        if (CHECKED) {
            check(a, 8);
        }
        return UNSAFE.getLongUnaligned(null, a, true);
    }

    /** Stores a big-endian 64-bit value at {@code a}. */
    public static void setU64(long a, long value) {
        if (CHECKED) {
            check(a, 8);
        }
        UNSAFE.putLongUnaligned(null, a, value, true);
    }

    /** Copies {@code length} bytes of {@code src} from {@code from} to {@code a}; the array's bounds are checked. */
    public static void copyIn(byte[] src, int from, long a, int length) {
        Objects.checkFromIndexSize(from, length, src.length);
        if (CHECKED) {
            check(a, length);
        }
        UNSAFE.copyMemory(src, Unsafe.ARRAY_BYTE_BASE_OFFSET + from, null, a, length);
    }

    // ---- native-order words, for metadata ----

    private static short getShortNative(long a) {
        if (CHECKED) {
            check(a, 2);
        }
        return UNSAFE.getShortUnaligned(null, a);
    }

    private static void putShortNative(long a, short value) {
        if (CHECKED) {
            check(a, 2);
        }
        UNSAFE.putShortUnaligned(null, a, value);
    }

    private static int getIntNative(long a) {
        if (CHECKED) {
            check(a, 4);
        }
        return UNSAFE.getIntUnaligned(null, a);
    }

    private static void putIntNative(long a, int value) {
        if (CHECKED) {
            check(a, 4);
        }
        UNSAFE.putIntUnaligned(null, a, value);
    }

    /** Checked mode: the {@code bytes} at {@code a} lie inside one live buffer memory. */
    private static void check(long a, int bytes) {
        for (MemorySegment memory : MEMORIES) {
            long start = memory.address();
            if (a >= start && a + bytes <= start + memory.byteSize()) {
                if (!memory.scope().isAlive()) {
                    throw new IllegalStateException("buffer memory at 0x" + Long.toHexString(start)
                            + " was closed: access to 0x" + Long.toHexString(a));
                }
                return;
            }
        }
        throw new IndexOutOfBoundsException(bytes + " bytes at 0x" + Long.toHexString(a)
                + " are not inside any buffer memory (" + describeMemories() + ")");
    }

    private static String describeMemories() {
        StringBuilder text = new StringBuilder();
        for (MemorySegment memory : MEMORIES) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append("0x").append(Long.toHexString(memory.address())).append(" + ").append(memory.byteSize());
        }
        return text.isEmpty() ? "none registered" : text.toString();
    }
}
