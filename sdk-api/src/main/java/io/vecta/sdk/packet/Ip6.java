package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.i32;
import static io.vecta.sdk.packet.NetworkOrder.i64;
import static io.vecta.sdk.packet.NetworkOrder.setI32;
import static io.vecta.sdk.packet.NetworkOrder.setI64;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.setU8;
import static io.vecta.sdk.packet.NetworkOrder.u16;
import static io.vecta.sdk.packet.NetworkOrder.u8;

import java.lang.foreign.MemorySegment;

/**
 * IPv6 fixed header (RFC 8200), read and written in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |              Flow Label               |  0 VERSION_CLASS_FLOW
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |  4 PAYLOAD_LENGTH, 6 NEXT_HEADER, 7 HOP_LIMIT
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |  8 SRC
 * +                                                               +
 * |                         Source Address                        |
 * +                           (128 bits)                          +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |  24 DST
 * +                                                               +
 * |                      Destination Address                      |
 * +                           (128 bits)                          +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                                                     HEADER_LENGTH 40
 * </pre>
 *
 * <p>An address travels as two {@code long}s, {@code hi} (bytes 0..7 in wire order, so
 * 2001:db8:: has {@code hi = 0x20010db800000000L}) and {@code lo} (bytes 8..15), or as a
 * 16-byte array; {@link Ip6Address} formats and parses both. The traffic class splits into
 * DSCP (upper 6 bits) and ECN (lower 2) as in IPv4. Extension headers are not walked here:
 * {@link #nextHeader} is whatever follows the fixed header.
 */
public final class Ip6 {

    public static final int VERSION_CLASS_FLOW_OFFSET = 0;
    public static final int PAYLOAD_LENGTH_OFFSET = 4;
    public static final int NEXT_HEADER_OFFSET = 6;
    public static final int HOP_LIMIT_OFFSET = 7;
    public static final int SRC_OFFSET = 8;
    public static final int DST_OFFSET = 24;
    public static final int HEADER_LENGTH = 40;

    public static final int VERSION = 6;

    private static final int FLOW_LABEL_MASK = 0xfffff;

    private Ip6() {
    }

    /** The first 32-bit word: version (4 bits), traffic class (8) and flow label (20). */
    public static int versionClassFlow(MemorySegment m, long off) {
        return i32(m, off + VERSION_CLASS_FLOW_OFFSET);
    }

    public static void setVersionClassFlow(MemorySegment m, long off, int version, int trafficClass, int flowLabel) {
        setI32(m, off + VERSION_CLASS_FLOW_OFFSET,
                checkField(version, 4, "ipv6 version") << 28
                        | checkField(trafficClass, 8, "ipv6 traffic class") << 20
                        | checkField(flowLabel, 20, "ipv6 flow label"));
    }

    public static int version(MemorySegment m, long off) {
        return versionClassFlow(m, off) >>> 28;
    }

    public static int trafficClass(MemorySegment m, long off) {
        return (versionClassFlow(m, off) >>> 20) & 0xff;
    }

    public static void setTrafficClass(MemorySegment m, long off, int trafficClass) {
        checkField(trafficClass, 8, "ipv6 traffic class");
        setI32(m, off + VERSION_CLASS_FLOW_OFFSET,
                (versionClassFlow(m, off) & ~(0xff << 20)) | trafficClass << 20);
    }

    public static int dscp(MemorySegment m, long off) {
        return trafficClass(m, off) >>> 2;
    }

    public static int ecn(MemorySegment m, long off) {
        return trafficClass(m, off) & 3;
    }

    public static int flowLabel(MemorySegment m, long off) {
        return versionClassFlow(m, off) & FLOW_LABEL_MASK;
    }

    public static void setFlowLabel(MemorySegment m, long off, int flowLabel) {
        checkField(flowLabel, 20, "ipv6 flow label");
        setI32(m, off + VERSION_CLASS_FLOW_OFFSET, (versionClassFlow(m, off) & ~FLOW_LABEL_MASK) | flowLabel);
    }

    /** Length of everything after the fixed header, extension headers included (u16). */
    public static int payloadLength(MemorySegment m, long off) {
        return u16(m, off + PAYLOAD_LENGTH_OFFSET);
    }

    public static void setPayloadLength(MemorySegment m, long off, int length) {
        setU16(m, off + PAYLOAD_LENGTH_OFFSET, checkField(length, 16, "ipv6 payload length"));
    }

    /** The {@link IpProtocol} number of the header that follows. */
    public static int nextHeader(MemorySegment m, long off) {
        return u8(m, off + NEXT_HEADER_OFFSET);
    }

    public static void setNextHeader(MemorySegment m, long off, int nextHeader) {
        setU8(m, off + NEXT_HEADER_OFFSET, checkField(nextHeader, 8, "ipv6 next header"));
    }

    public static int hopLimit(MemorySegment m, long off) {
        return u8(m, off + HOP_LIMIT_OFFSET);
    }

    public static void setHopLimit(MemorySegment m, long off, int hopLimit) {
        setU8(m, off + HOP_LIMIT_OFFSET, checkField(hopLimit, 8, "ipv6 hop limit"));
    }

    public static long srcHi(MemorySegment m, long off) {
        return i64(m, off + SRC_OFFSET);
    }

    public static long srcLo(MemorySegment m, long off) {
        return i64(m, off + SRC_OFFSET + 8);
    }

    public static void setSrc(MemorySegment m, long off, long hi, long lo) {
        setI64(m, off + SRC_OFFSET, hi);
        setI64(m, off + SRC_OFFSET + 8, lo);
    }

    /** Copies the source address into {@code into[0..16)}. */
    public static void copySrc(MemorySegment m, long off, byte[] into) {
        MemorySegment.copy(m, off + SRC_OFFSET, MemorySegment.ofArray(into), 0, Ip6Address.LENGTH);
    }

    public static void setSrc(MemorySegment m, long off, byte[] address) {
        MemorySegment.copy(MemorySegment.ofArray(Ip6Address.checkLength(address)), 0, m, off + SRC_OFFSET,
                Ip6Address.LENGTH);
    }

    public static long dstHi(MemorySegment m, long off) {
        return i64(m, off + DST_OFFSET);
    }

    public static long dstLo(MemorySegment m, long off) {
        return i64(m, off + DST_OFFSET + 8);
    }

    public static void setDst(MemorySegment m, long off, long hi, long lo) {
        setI64(m, off + DST_OFFSET, hi);
        setI64(m, off + DST_OFFSET + 8, lo);
    }

    /** Copies the destination address into {@code into[0..16)}. */
    public static void copyDst(MemorySegment m, long off, byte[] into) {
        MemorySegment.copy(m, off + DST_OFFSET, MemorySegment.ofArray(into), 0, Ip6Address.LENGTH);
    }

    public static void setDst(MemorySegment m, long off, byte[] address) {
        MemorySegment.copy(MemorySegment.ofArray(Ip6Address.checkLength(address)), 0, m, off + DST_OFFSET,
                Ip6Address.LENGTH);
    }
}
