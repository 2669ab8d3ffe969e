package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.setI32;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.setU8;
import static io.vecta.sdk.packet.NetworkOrder.u16;
import static io.vecta.sdk.packet.NetworkOrder.u32;
import static io.vecta.sdk.packet.NetworkOrder.u8;

import java.lang.foreign.MemorySegment;

/**
 * TCP header (RFC 9293), read and written in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |  0 SRC_PORT, 2 DST_PORT
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |  4 SEQUENCE
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |  8 ACKNOWLEDGMENT
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |  12 DATA_OFFSET, 13 FLAGS
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |  14 WINDOW
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |  16 CHECKSUM, 18 URGENT_POINTER
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (Data Offset - 5 words)            |  20 MIN_HEADER_LENGTH
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Sequence and acknowledgment numbers are u32 and come back as a non-negative {@code long};
 * the setters write the low 32 bits, since sequence space is modulo 2^32. {@link #flags} is
 * the flag byte (offset 13), tested with the {@code FLAG_*} constants. The checksum covers the
 * pseudo-header and the segment up to the end of the IP packet.
 */
public final class Tcp {

    public static final int SRC_PORT_OFFSET = 0;
    public static final int DST_PORT_OFFSET = 2;
    public static final int SEQUENCE_OFFSET = 4;
    public static final int ACKNOWLEDGMENT_OFFSET = 8;
    public static final int DATA_OFFSET_OFFSET = 12;
    public static final int FLAGS_OFFSET = 13;
    public static final int WINDOW_OFFSET = 14;
    public static final int CHECKSUM_OFFSET = 16;
    public static final int URGENT_POINTER_OFFSET = 18;
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;

    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_PSH = 0x08;
    public static final int FLAG_ACK = 0x10;
    public static final int FLAG_URG = 0x20;
    public static final int FLAG_ECE = 0x40;
    public static final int FLAG_CWR = 0x80;

    private Tcp() {
    }

    public static int srcPort(MemorySegment m, long off) {
        return u16(m, off + SRC_PORT_OFFSET);
    }

    public static void setSrcPort(MemorySegment m, long off, int port) {
        setU16(m, off + SRC_PORT_OFFSET, checkField(port, 16, "tcp source port"));
    }

    public static int dstPort(MemorySegment m, long off) {
        return u16(m, off + DST_PORT_OFFSET);
    }

    public static void setDstPort(MemorySegment m, long off, int port) {
        setU16(m, off + DST_PORT_OFFSET, checkField(port, 16, "tcp destination port"));
    }

    public static long sequence(MemorySegment m, long off) {
        return u32(m, off + SEQUENCE_OFFSET);
    }

    public static void setSequence(MemorySegment m, long off, long sequence) {
        setI32(m, off + SEQUENCE_OFFSET, (int) sequence);
    }

    public static long acknowledgment(MemorySegment m, long off) {
        return u32(m, off + ACKNOWLEDGMENT_OFFSET);
    }

    public static void setAcknowledgment(MemorySegment m, long off, long acknowledgment) {
        setI32(m, off + ACKNOWLEDGMENT_OFFSET, (int) acknowledgment);
    }

    /** Header length in 32-bit words (5..15 for a valid header). */
    public static int dataOffset(MemorySegment m, long off) {
        return u8(m, off + DATA_OFFSET_OFFSET) >>> 4;
    }

    /** Writes the data offset and keeps the reserved bits that share its byte. */
    public static void setDataOffset(MemorySegment m, long off, int words) {
        int reserved = u8(m, off + DATA_OFFSET_OFFSET) & 0x0f;
        setU8(m, off + DATA_OFFSET_OFFSET, checkField(words, 4, "tcp data offset") << 4 | reserved);
    }

    /** Header length in bytes: {@code dataOffset * 4}. */
    public static int headerLength(MemorySegment m, long off) {
        return dataOffset(m, off) << 2;
    }

    public static int flags(MemorySegment m, long off) {
        return u8(m, off + FLAGS_OFFSET);
    }

    public static void setFlags(MemorySegment m, long off, int flags) {
        setU8(m, off + FLAGS_OFFSET, checkField(flags, 8, "tcp flags"));
    }

    /** True when every flag in {@code mask} is set. */
    public static boolean hasFlags(MemorySegment m, long off, int mask) {
        return (flags(m, off) & mask) == mask;
    }

    public static int window(MemorySegment m, long off) {
        return u16(m, off + WINDOW_OFFSET);
    }

    public static void setWindow(MemorySegment m, long off, int window) {
        setU16(m, off + WINDOW_OFFSET, checkField(window, 16, "tcp window"));
    }

    public static int checksum(MemorySegment m, long off) {
        return u16(m, off + CHECKSUM_OFFSET);
    }

    public static void setChecksum(MemorySegment m, long off, int checksum) {
        setU16(m, off + CHECKSUM_OFFSET, checkField(checksum, 16, "tcp checksum"));
    }

    public static int urgentPointer(MemorySegment m, long off) {
        return u16(m, off + URGENT_POINTER_OFFSET);
    }

    public static void setUrgentPointer(MemorySegment m, long off, int pointer) {
        setU16(m, off + URGENT_POINTER_OFFSET, checkField(pointer, 16, "tcp urgent pointer"));
    }

    /**
     * The checksum the segment at {@code tcpOff} should carry over the IPv4 header at
     * {@code ip4Off}, computed as if the field were zero.
     */
    public static int computeChecksumIp4(MemorySegment m, long ip4Off, long tcpOff) {
        long length = Transport.lengthIp4(m, ip4Off, tcpOff);
        return Transport.computeIp4(m, ip4Off, tcpOff, length, IpProtocol.TCP, CHECKSUM_OFFSET);
    }

    public static boolean isChecksumValidIp4(MemorySegment m, long ip4Off, long tcpOff) {
        return Transport.isValidIp4(m, ip4Off, tcpOff, Transport.lengthIp4(m, ip4Off, tcpOff), IpProtocol.TCP);
    }

    /**
     * The checksum the segment at {@code tcpOff} should carry over the IPv6 header at
     * {@code ip6Off}, computed as if the field were zero.
     */
    public static int computeChecksumIp6(MemorySegment m, long ip6Off, long tcpOff) {
        long length = Transport.lengthIp6(m, ip6Off, tcpOff);
        return Transport.computeIp6(m, ip6Off, tcpOff, length, IpProtocol.TCP, CHECKSUM_OFFSET);
    }

    public static boolean isChecksumValidIp6(MemorySegment m, long ip6Off, long tcpOff) {
        return Transport.isValidIp6(m, ip6Off, tcpOff, Transport.lengthIp6(m, ip6Off, tcpOff), IpProtocol.TCP);
    }
}
