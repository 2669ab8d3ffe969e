package io.vecta.sdk.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Big-endian (network order) field access shared by the header views.
 *
 * <p>Header fields sit at any byte offset (an Ethernet header shifts everything after it by
 * 14 bytes), so every layout is the unaligned variant. The layouts are static finals so the
 * JIT folds them into plain loads and stores with a byte swap.
 */
final class NetworkOrder {

    static final ValueLayout.OfShort U16 =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32 =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong U64 =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private NetworkOrder() {
    }

    static int u8(MemorySegment m, long off) {
        return m.get(ValueLayout.JAVA_BYTE, off) & 0xff;
    }

    static int u16(MemorySegment m, long off) {
        return m.get(U16, off) & 0xffff;
    }

    static int i32(MemorySegment m, long off) {
        return m.get(U32, off);
    }

    static long u32(MemorySegment m, long off) {
        return m.get(U32, off) & 0xffff_ffffL;
    }

    static long i64(MemorySegment m, long off) {
        return m.get(U64, off);
    }

    /** A 48-bit MAC address in the low bits of a long: the first byte on the wire is bits 47..40. */
    static long u48(MemorySegment m, long off) {
        return (u32(m, off) << 16) | u16(m, off + 4);
    }

    static void setU8(MemorySegment m, long off, int value) {
        m.set(ValueLayout.JAVA_BYTE, off, (byte) value);
    }

    static void setU16(MemorySegment m, long off, int value) {
        m.set(U16, off, (short) value);
    }

    static void setI32(MemorySegment m, long off, int value) {
        m.set(U32, off, value);
    }

    static void setI64(MemorySegment m, long off, long value) {
        m.set(U64, off, value);
    }

    static void setU48(MemorySegment m, long off, long value) {
        m.set(U32, off, (int) (value >>> 16));
        m.set(U16, off + 4, (short) value);
    }

    /**
     * Rejects a value that does not fit in a field of {@code bits} bits, so a setter never
     * spills into the neighbouring field.
     */
    static int checkField(int value, int bits, String field) {
        if ((value >>> bits) != 0) {
            throw new IllegalArgumentException(
                    field + " " + value + " (0x" + Integer.toHexString(value) + ") does not fit in "
                            + bits + " bits (0.." + ((1 << bits) - 1) + ")");
        }
        return value;
    }
}
