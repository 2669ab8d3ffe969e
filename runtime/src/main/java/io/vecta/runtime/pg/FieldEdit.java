package io.vecta.runtime.pg;

import io.vecta.sdk.packet.Checksum;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * One header field that changes from packet to packet (VPP's {@code pg_edit_t}), with the
 * checksums that cover it: the packet starts as a copy of the stream's template, which holds
 * the range's first value and correct checksums, and each edit writes its value and moves the
 * checksums by the difference (RFC 1624), so no checksum is recomputed over the packet.
 *
 * <pre>
 *   width 8  low half of an IPv6 address   the UDP/TCP/ICMPv6 checksum (pseudo-header)
 *   width 6  Ethernet address              no checksum
 *   width 4  IPv4 address                  IPv4 header checksum, and the UDP/TCP checksum (pseudo-header)
 *   width 2  UDP or TCP port               the UDP/TCP checksum
 * </pre>
 * A UDP checksum of 0 means "none" and stays 0; a computed 0 is sent as 0xffff.
 */
final class FieldEdit {

    /** No checksum to fix at this offset. */
    static final int NONE = -1;

    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    final int offset;
    final int width;
    final long lo;
    final long span;
    final boolean random;
    final int ip4ChecksumOffset;
    final int l4ChecksumOffset;
    final boolean udp;

    FieldEdit(int offset, int width, FieldRange range, int ip4ChecksumOffset, int l4ChecksumOffset, boolean udp) {
        this.offset = offset;
        this.width = width;
        this.lo = range.lo();
        this.span = range.span();
        this.random = range.kind() == FieldRange.Kind.RANDOM;
        this.ip4ChecksumOffset = ip4ChecksumOffset;
        this.l4ChecksumOffset = l4ChecksumOffset;
        this.udp = udp;
    }

    /**
     * Where a random field's value falls in its range, {@code 0 .. span - 1}, for a 64-bit
     * {@code draw}; its value is {@code lo} plus that. (An incrementing field's packet
     * {@code n} takes {@code lo + n mod span}, stepped by the stream.)
     */
    long randomStep(long draw) {
        return Long.remainderUnsigned(draw, span);
    }

    /** Writes {@code value} into the packet at {@code base} and moves its checksums. */
    void apply(MemorySegment m, long base, long value) {
        long at = base + offset;
        switch (width) {
            case 8 -> {
                m.set(U64, at, value);
                fixL4(m, base, value, 8);
            }
            case 6 -> {
                m.set(U16, at, (short) (value >>> 32));
                m.set(U32, at + 2, (int) value);
            }
            case 4 -> {
                m.set(U32, at, (int) value);
                if (ip4ChecksumOffset != NONE) {
                    long ck = base + ip4ChecksumOffset;
                    m.set(U16, ck, (short) Checksum.update32(m.get(U16, ck) & 0xffff, (int) lo, (int) value));
                }
                fixL4(m, base, value, 4);
            }
            default -> {
                m.set(U16, at, (short) value);
                fixL4(m, base, value, 2);
            }
        }
    }

    /** Moves the transport checksum by the change of a field of {@code width} bytes from {@code lo} to {@code value}. */
    private void fixL4(MemorySegment m, long base, long value, int width) {
        if (l4ChecksumOffset == NONE) {
            return;
        }
        long ck = base + l4ChecksumOffset;
        int old = m.get(U16, ck) & 0xffff;
        if (udp && old == 0) {
            return;
        }
        int updated = switch (width) {
            case 8 -> Checksum.update32(Checksum.update32(old, (int) (lo >>> 32), (int) (value >>> 32)),
                    (int) lo, (int) value);
            case 4 -> Checksum.update32(old, (int) lo, (int) value);
            default -> Checksum.update16(old, (int) lo, (int) value);
        };
        m.set(U16, ck, (short) (udp && updated == 0 ? 0xffff : updated));
    }
}
