package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.i32;
import static io.vecta.sdk.packet.NetworkOrder.setI32;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.setU8;
import static io.vecta.sdk.packet.NetworkOrder.u16;
import static io.vecta.sdk.packet.NetworkOrder.u8;

import java.lang.foreign.MemorySegment;

/**
 * ICMP (RFC 792) and ICMPv6 (RFC 4443) header, read and written in place: both start with the
 * same 8 bytes, so one view serves both. The echo fields apply to echo request and reply.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |           Checksum            |  0 TYPE, 1 CODE, 2 CHECKSUM
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Echo Identifier             |   Echo Sequence Number        |  4 REST_OF_HEADER
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  (4 ECHO_ID, 6 ECHO_SEQUENCE)
 * |     Data ...                                                      HEADER_LENGTH 8
 * +-+-+-+-+-
 * </pre>
 *
 * <p>The ICMPv4 checksum covers the ICMP message only; the ICMPv6 checksum also covers the
 * IPv6 pseudo-header. The message runs from the ICMP header to the end of the IP packet as the
 * IP header's length field says.
 */
public final class Icmp {

    public static final int TYPE_OFFSET = 0;
    public static final int CODE_OFFSET = 1;
    public static final int CHECKSUM_OFFSET = 2;
    public static final int REST_OF_HEADER_OFFSET = 4;
    public static final int ECHO_ID_OFFSET = 4;
    public static final int ECHO_SEQUENCE_OFFSET = 6;
    public static final int HEADER_LENGTH = 8;

    public static final int TYPE_ECHO_REPLY = 0;
    public static final int TYPE_DESTINATION_UNREACHABLE = 3;
    public static final int TYPE_REDIRECT = 5;
    public static final int TYPE_ECHO_REQUEST = 8;
    public static final int TYPE_TIME_EXCEEDED = 11;
    public static final int TYPE_PARAMETER_PROBLEM = 12;

    public static final int TYPE6_DESTINATION_UNREACHABLE = 1;
    public static final int TYPE6_PACKET_TOO_BIG = 2;
    public static final int TYPE6_TIME_EXCEEDED = 3;
    public static final int TYPE6_PARAMETER_PROBLEM = 4;
    public static final int TYPE6_ECHO_REQUEST = 128;
    public static final int TYPE6_ECHO_REPLY = 129;
    public static final int TYPE6_ROUTER_SOLICITATION = 133;
    public static final int TYPE6_ROUTER_ADVERTISEMENT = 134;
    public static final int TYPE6_NEIGHBOR_SOLICITATION = 135;
    public static final int TYPE6_NEIGHBOR_ADVERTISEMENT = 136;

    private Icmp() {
    }

    public static int type(MemorySegment m, long off) {
        return u8(m, off + TYPE_OFFSET);
    }

    public static void setType(MemorySegment m, long off, int type) {
        setU8(m, off + TYPE_OFFSET, checkField(type, 8, "icmp type"));
    }

    public static int code(MemorySegment m, long off) {
        return u8(m, off + CODE_OFFSET);
    }

    public static void setCode(MemorySegment m, long off, int code) {
        setU8(m, off + CODE_OFFSET, checkField(code, 8, "icmp code"));
    }

    public static int checksum(MemorySegment m, long off) {
        return u16(m, off + CHECKSUM_OFFSET);
    }

    public static void setChecksum(MemorySegment m, long off, int checksum) {
        setU16(m, off + CHECKSUM_OFFSET, checkField(checksum, 16, "icmp checksum"));
    }

    /** The type-specific second word (echo id and sequence, MTU, pointer, unused). */
    public static int restOfHeader(MemorySegment m, long off) {
        return i32(m, off + REST_OF_HEADER_OFFSET);
    }

    public static void setRestOfHeader(MemorySegment m, long off, int word) {
        setI32(m, off + REST_OF_HEADER_OFFSET, word);
    }

    public static int echoId(MemorySegment m, long off) {
        return u16(m, off + ECHO_ID_OFFSET);
    }

    public static void setEchoId(MemorySegment m, long off, int id) {
        setU16(m, off + ECHO_ID_OFFSET, checkField(id, 16, "icmp echo id"));
    }

    public static int echoSequence(MemorySegment m, long off) {
        return u16(m, off + ECHO_SEQUENCE_OFFSET);
    }

    public static void setEchoSequence(MemorySegment m, long off, int sequence) {
        setU16(m, off + ECHO_SEQUENCE_OFFSET, checkField(sequence, 16, "icmp echo sequence"));
    }

    /**
     * The ICMPv4 checksum the message at {@code icmpOff} should carry, computed as if the field
     * were zero. The message ends where the IPv4 datagram at {@code ip4Off} ends.
     */
    public static int computeChecksumIp4(MemorySegment m, long ip4Off, long icmpOff) {
        long length = Transport.lengthIp4(m, ip4Off, icmpOff);
        return Checksum.computeWithoutField(m, icmpOff, length, CHECKSUM_OFFSET, 0);
    }

    public static boolean isChecksumValidIp4(MemorySegment m, long ip4Off, long icmpOff) {
        return Checksum.compute(m, icmpOff, Transport.lengthIp4(m, ip4Off, icmpOff)) == 0;
    }

    /**
     * The ICMPv6 checksum the message at {@code icmpOff} should carry, pseudo-header included,
     * computed as if the field were zero. The message ends where the payload of the IPv6 header
     * at {@code ip6Off} ends.
     */
    public static int computeChecksumIp6(MemorySegment m, long ip6Off, long icmpOff) {
        long length = Transport.lengthIp6(m, ip6Off, icmpOff);
        return Transport.computeIp6(m, ip6Off, icmpOff, length, IpProtocol.ICMP6, CHECKSUM_OFFSET);
    }

    public static boolean isChecksumValidIp6(MemorySegment m, long ip6Off, long icmpOff) {
        long length = Transport.lengthIp6(m, ip6Off, icmpOff);
        return Transport.isValidIp6(m, ip6Off, icmpOff, length, IpProtocol.ICMP6);
    }
}
