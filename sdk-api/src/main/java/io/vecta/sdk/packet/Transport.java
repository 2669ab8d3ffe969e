package io.vecta.sdk.packet;

import java.lang.foreign.MemorySegment;

/**
 * Lengths and pseudo-header checksums shared by the transport views ({@link Icmp},
 * {@link Udp}, {@link Tcp}).
 *
 * <p>A transport segment ends where its IP packet ends: {@code ip4Off + totalLength} for IPv4,
 * {@code ip6Off + 40 + payloadLength} for IPv6 (extension headers between the two count
 * towards the IPv6 payload, not the segment). A length field that lies makes the range
 * negative (nothing is summed) or run past the segment (IndexOutOfBoundsException from the
 * memory access), never a read of someone else's bytes.
 */
final class Transport {

    private Transport() {
    }

    static long lengthIp4(MemorySegment m, long ip4Off, long l4Off) {
        return Ip4.totalLength(m, ip4Off) - (l4Off - ip4Off);
    }

    static long lengthIp6(MemorySegment m, long ip6Off, long l4Off) {
        return Ip6.payloadLength(m, ip6Off) - (l4Off - ip6Off - Ip6.HEADER_LENGTH);
    }

    static int computeIp4(MemorySegment m, long ip4Off, long l4Off, long length, int protocol, int fieldOffset) {
        int pseudo = Checksum.pseudoHeaderSumIp4(m, ip4Off, protocol, (int) length);
        return Checksum.computeWithoutField(m, l4Off, length, fieldOffset, pseudo);
    }

    static boolean isValidIp4(MemorySegment m, long ip4Off, long l4Off, long length, int protocol) {
        int pseudo = Checksum.pseudoHeaderSumIp4(m, ip4Off, protocol, (int) length);
        return Checksum.complement(Checksum.sum(m, l4Off, length, pseudo)) == 0;
    }

    static int computeIp6(MemorySegment m, long ip6Off, long l4Off, long length, int nextHeader, int fieldOffset) {
        int pseudo = Checksum.pseudoHeaderSumIp6(m, ip6Off, nextHeader, length);
        return Checksum.computeWithoutField(m, l4Off, length, fieldOffset, pseudo);
    }

    static boolean isValidIp6(MemorySegment m, long ip6Off, long l4Off, long length, int nextHeader) {
        int pseudo = Checksum.pseudoHeaderSumIp6(m, ip6Off, nextHeader, length);
        return Checksum.complement(Checksum.sum(m, l4Off, length, pseudo)) == 0;
    }
}
