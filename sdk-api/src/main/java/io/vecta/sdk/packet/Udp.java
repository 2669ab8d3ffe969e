package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.u16;

import java.lang.foreign.MemorySegment;

/**
 * UDP header (RFC 768), read and written in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |  0 SRC_PORT, 2 DST_PORT
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |  4 LENGTH, 6 CHECKSUM
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Data ...                                                      HEADER_LENGTH 8
 * +-+-+-+-+-
 * </pre>
 *
 * <p>The checksum covers the pseudo-header and {@link #length} bytes from the UDP header. A
 * computed checksum of 0 is sent as 0xffff, because a zero field means "no checksum" over IPv4
 * (RFC 768); over IPv6 the checksum is mandatory (RFC 8200 section 8.1).
 */
public final class Udp {

    public static final int SRC_PORT_OFFSET = 0;
    public static final int DST_PORT_OFFSET = 2;
    public static final int LENGTH_OFFSET = 4;
    public static final int CHECKSUM_OFFSET = 6;
    public static final int HEADER_LENGTH = 8;

    /** The checksum field value that means "not computed" over IPv4. */
    public static final int NO_CHECKSUM = 0;

    private Udp() {
    }

    public static int srcPort(MemorySegment m, long off) {
        return u16(m, off + SRC_PORT_OFFSET);
    }

    public static void setSrcPort(MemorySegment m, long off, int port) {
        setU16(m, off + SRC_PORT_OFFSET, checkField(port, 16, "udp source port"));
    }

    public static int dstPort(MemorySegment m, long off) {
        return u16(m, off + DST_PORT_OFFSET);
    }

    public static void setDstPort(MemorySegment m, long off, int port) {
        setU16(m, off + DST_PORT_OFFSET, checkField(port, 16, "udp destination port"));
    }

    /** Length of header and data in bytes (u16). */
    public static int length(MemorySegment m, long off) {
        return u16(m, off + LENGTH_OFFSET);
    }

    public static void setLength(MemorySegment m, long off, int length) {
        setU16(m, off + LENGTH_OFFSET, checkField(length, 16, "udp length"));
    }

    public static int checksum(MemorySegment m, long off) {
        return u16(m, off + CHECKSUM_OFFSET);
    }

    public static void setChecksum(MemorySegment m, long off, int checksum) {
        setU16(m, off + CHECKSUM_OFFSET, checkField(checksum, 16, "udp checksum"));
    }

    /**
     * The checksum the datagram at {@code udpOff} should carry over the IPv4 header at
     * {@code ip4Off}, computed as if the field were zero (0 comes back as 0xffff).
     */
    public static int computeChecksumIp4(MemorySegment m, long ip4Off, long udpOff) {
        int checksum = Transport.computeIp4(m, ip4Off, udpOff, length(m, udpOff), IpProtocol.UDP, CHECKSUM_OFFSET);
        return checksum == 0 ? 0xffff : checksum;
    }

    /** True when the checksum verifies, or is {@link #NO_CHECKSUM} (allowed over IPv4). */
    public static boolean isChecksumValidIp4(MemorySegment m, long ip4Off, long udpOff) {
        return checksum(m, udpOff) == NO_CHECKSUM
                || Transport.isValidIp4(m, ip4Off, udpOff, length(m, udpOff), IpProtocol.UDP);
    }

    /**
     * The checksum the datagram at {@code udpOff} should carry over the IPv6 header at
     * {@code ip6Off}, computed as if the field were zero (0 comes back as 0xffff).
     */
    public static int computeChecksumIp6(MemorySegment m, long ip6Off, long udpOff) {
        int checksum = Transport.computeIp6(m, ip6Off, udpOff, length(m, udpOff), IpProtocol.UDP, CHECKSUM_OFFSET);
        return checksum == 0 ? 0xffff : checksum;
    }

    /** True when the checksum verifies; a zero field is invalid over IPv6. */
    public static boolean isChecksumValidIp6(MemorySegment m, long ip6Off, long udpOff) {
        return checksum(m, udpOff) != NO_CHECKSUM
                && Transport.isValidIp6(m, ip6Off, udpOff, length(m, udpOff), IpProtocol.UDP);
    }
}
