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
 * IPv4 header (RFC 791, DSCP/ECN from RFC 2474 and RFC 3168), read and written in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    DSCP   |ECN|          Total Length         |  0 VERSION_IHL, 1 TOS, 2 TOTAL_LENGTH
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |R|D|M|     Fragment Offset     |  4 IDENTIFICATION, 6 FLAGS_FRAGMENT
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |  8 TTL, 9 PROTOCOL, 10 CHECKSUM
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |  12 SRC
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |  16 DST
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL - 5 words)                    |  20 MIN_HEADER_LENGTH
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    R reserved, D don't fragment, M more fragments                   MAX_HEADER_LENGTH 60
 * </pre>
 *
 * <p>Unsigned fields come back as non-negative {@code int}s. Addresses are an {@code int}
 * holding the four bytes in wire order (192.0.2.1 is {@code 0xc0000201}); {@link Ip4Address}
 * formats and parses them. The fragment offset is in 8-byte units as on the wire;
 * {@link #fragmentOffsetBytes} gives bytes.
 *
 * <p>The accessors trust the header: {@link #headerLength} is {@code IHL * 4} even when IHL is
 * below 5, and nothing checks the version. Input nodes validate before they rely on them.
 */
public final class Ip4 {

    public static final int VERSION_IHL_OFFSET = 0;
    public static final int TOS_OFFSET = 1;
    public static final int TOTAL_LENGTH_OFFSET = 2;
    public static final int IDENTIFICATION_OFFSET = 4;
    public static final int FLAGS_FRAGMENT_OFFSET = 6;
    public static final int TTL_OFFSET = 8;
    public static final int PROTOCOL_OFFSET = 9;
    public static final int CHECKSUM_OFFSET = 10;
    public static final int SRC_OFFSET = 12;
    public static final int DST_OFFSET = 16;
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;

    public static final int VERSION = 4;
    /** Bits of the flags/fragment-offset word. */
    public static final int FLAG_RESERVED = 0x8000;
    public static final int FLAG_DONT_FRAGMENT = 0x4000;
    public static final int FLAG_MORE_FRAGMENTS = 0x2000;
    public static final int FRAGMENT_OFFSET_MASK = 0x1fff;

    private Ip4() {
    }

    public static int version(MemorySegment m, long off) {
        return u8(m, off + VERSION_IHL_OFFSET) >>> 4;
    }

    /** Internet header length in 32-bit words (5..15 for a valid header). */
    public static int ihl(MemorySegment m, long off) {
        return u8(m, off + VERSION_IHL_OFFSET) & 0x0f;
    }

    /** Writes version and IHL together: they share a byte and are always set as a pair. */
    public static void setVersionAndIhl(MemorySegment m, long off, int version, int ihl) {
        setU8(m, off + VERSION_IHL_OFFSET,
                checkField(version, 4, "ipv4 version") << 4 | checkField(ihl, 4, "ipv4 ihl"));
    }

    /** Header length in bytes: {@code IHL * 4}. */
    public static int headerLength(MemorySegment m, long off) {
        return ihl(m, off) << 2;
    }

    /** Length of the options in bytes: {@code headerLength - 20} (negative if IHL is below 5). */
    public static int optionsLength(MemorySegment m, long off) {
        return headerLength(m, off) - MIN_HEADER_LENGTH;
    }

    /** The whole type-of-service byte: DSCP in the upper 6 bits, ECN in the lower 2. */
    public static int tos(MemorySegment m, long off) {
        return u8(m, off + TOS_OFFSET);
    }

    public static void setTos(MemorySegment m, long off, int tos) {
        setU8(m, off + TOS_OFFSET, checkField(tos, 8, "ipv4 tos"));
    }

    public static int dscp(MemorySegment m, long off) {
        return tos(m, off) >>> 2;
    }

    public static void setDscp(MemorySegment m, long off, int dscp) {
        setU8(m, off + TOS_OFFSET, checkField(dscp, 6, "ipv4 dscp") << 2 | (tos(m, off) & 3));
    }

    public static int ecn(MemorySegment m, long off) {
        return tos(m, off) & 3;
    }

    public static void setEcn(MemorySegment m, long off, int ecn) {
        setU8(m, off + TOS_OFFSET, (tos(m, off) & ~3) | checkField(ecn, 2, "ipv4 ecn"));
    }

    /** Total length of the datagram in bytes, header included (u16). */
    public static int totalLength(MemorySegment m, long off) {
        return u16(m, off + TOTAL_LENGTH_OFFSET);
    }

    public static void setTotalLength(MemorySegment m, long off, int length) {
        setU16(m, off + TOTAL_LENGTH_OFFSET, checkField(length, 16, "ipv4 total length"));
    }

    public static int identification(MemorySegment m, long off) {
        return u16(m, off + IDENTIFICATION_OFFSET);
    }

    public static void setIdentification(MemorySegment m, long off, int id) {
        setU16(m, off + IDENTIFICATION_OFFSET, checkField(id, 16, "ipv4 identification"));
    }

    /** The raw flags and fragment offset word: test it with the {@code FLAG_*} constants. */
    public static int flagsAndFragmentOffset(MemorySegment m, long off) {
        return u16(m, off + FLAGS_FRAGMENT_OFFSET);
    }

    public static void setFlagsAndFragmentOffset(MemorySegment m, long off, int word) {
        setU16(m, off + FLAGS_FRAGMENT_OFFSET, checkField(word, 16, "ipv4 flags and fragment offset"));
    }

    public static boolean isDontFragment(MemorySegment m, long off) {
        return (flagsAndFragmentOffset(m, off) & FLAG_DONT_FRAGMENT) != 0;
    }

    public static boolean isMoreFragments(MemorySegment m, long off) {
        return (flagsAndFragmentOffset(m, off) & FLAG_MORE_FRAGMENTS) != 0;
    }

    /** Fragment offset in 8-byte units, as on the wire. */
    public static int fragmentOffset(MemorySegment m, long off) {
        return flagsAndFragmentOffset(m, off) & FRAGMENT_OFFSET_MASK;
    }

    /** Fragment offset in bytes. */
    public static int fragmentOffsetBytes(MemorySegment m, long off) {
        return fragmentOffset(m, off) << 3;
    }

    /** True for any fragment of a larger datagram: more fragments set or a non-zero offset. */
    public static boolean isFragment(MemorySegment m, long off) {
        return (flagsAndFragmentOffset(m, off) & (FLAG_MORE_FRAGMENTS | FRAGMENT_OFFSET_MASK)) != 0;
    }

    public static int ttl(MemorySegment m, long off) {
        return u8(m, off + TTL_OFFSET);
    }

    /** Writes the TTL and leaves the checksum alone; see {@link #decrementTtl} for forwarding. */
    public static void setTtl(MemorySegment m, long off, int ttl) {
        setU8(m, off + TTL_OFFSET, checkField(ttl, 8, "ipv4 ttl"));
    }

    /** The {@link IpProtocol} number of the payload. */
    public static int protocol(MemorySegment m, long off) {
        return u8(m, off + PROTOCOL_OFFSET);
    }

    public static void setProtocol(MemorySegment m, long off, int protocol) {
        setU8(m, off + PROTOCOL_OFFSET, checkField(protocol, 8, "ipv4 protocol"));
    }

    public static int checksum(MemorySegment m, long off) {
        return u16(m, off + CHECKSUM_OFFSET);
    }

    public static void setChecksum(MemorySegment m, long off, int checksum) {
        setU16(m, off + CHECKSUM_OFFSET, checkField(checksum, 16, "ipv4 checksum"));
    }

    public static int src(MemorySegment m, long off) {
        return i32(m, off + SRC_OFFSET);
    }

    public static void setSrc(MemorySegment m, long off, int address) {
        setI32(m, off + SRC_OFFSET, address);
    }

    public static int dst(MemorySegment m, long off) {
        return i32(m, off + DST_OFFSET);
    }

    public static void setDst(MemorySegment m, long off, int address) {
        setI32(m, off + DST_OFFSET, address);
    }

    /** Offset of the payload (the transport header): {@code off + headerLength}. */
    public static long payloadOffset(MemorySegment m, long off) {
        return off + headerLength(m, off);
    }

    /** Payload length in bytes: {@code totalLength - headerLength}. */
    public static int payloadLength(MemorySegment m, long off) {
        return totalLength(m, off) - headerLength(m, off);
    }

    /**
     * The header checksum the header should carry, over {@code headerLength} bytes, computed as
     * if the checksum field were zero.
     */
    public static int computeChecksum(MemorySegment m, long off) {
        return Checksum.computeWithoutField(m, off, headerLength(m, off), CHECKSUM_OFFSET, 0);
    }

    /** Computes the header checksum and writes it into the header. */
    public static void fillChecksum(MemorySegment m, long off) {
        setU16(m, off + CHECKSUM_OFFSET, computeChecksum(m, off));
    }

    /** True when the header's {@code headerLength} bytes, checksum included, sum to 0xffff. */
    public static boolean isChecksumValid(MemorySegment m, long off) {
        return Checksum.compute(m, off, headerLength(m, off)) == 0;
    }

    /**
     * Forwarding's TTL decrement: writes {@code ttl - 1} and patches the header checksum
     * incrementally (RFC 1624), so a header whose checksum was valid stays valid. Returns the
     * new TTL. The caller checks for a TTL of 0 or 1 first (time exceeded); a TTL of 0 is
     * rejected here rather than wrapped to 255.
     */
    public static int decrementTtl(MemorySegment m, long off) {
        int ttl = ttl(m, off);
        if (ttl == 0) {
            throw new IllegalArgumentException("ipv4 header at offset " + off + ": ttl is already 0");
        }
        int newTtl = ttl - 1;
        setU8(m, off + TTL_OFFSET, newTtl);
        // TTL is the high byte of the word it shares with the protocol, which does not change
        setU16(m, off + CHECKSUM_OFFSET, Checksum.update16(checksum(m, off), ttl << 8, newTtl << 8));
        return newTtl;
    }
}
