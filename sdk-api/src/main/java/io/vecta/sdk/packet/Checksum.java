package io.vecta.sdk.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum
 * of the data taken as big-endian 16-bit words.
 *
 * <p>Two kinds of value appear here. A <em>sum</em> is the folded ones' complement sum, in
 * 0..0xffff, before the final complement; sums of pieces add up with {@link #add}. A
 * <em>checksum</em> is {@code ~sum & 0xffff}, the value a header's checksum field holds
 * ({@link #complement}). A range whose checksum field is right sums to 0xffff, so its
 * {@link #compute} is 0: that is how every {@code isChecksumValid} here verifies.
 *
 * <p>{@link #sum} loads 8 bytes at a time in little-endian order and adds their 32-bit halves
 * into a 64-bit accumulator. Ones' complement addition commutes with byte swapping (RFC 1071
 * section 2(B)) and 2^16 = 1 modulo 0xffff, so wide words sum to the same value as 16-bit ones
 * once folded; one byte swap of the folded result turns it back into network order.
 *
 * <p>{@link #update16} and {@link #update32} patch a checksum after a field changed, without
 * touching the rest of the data (RFC 1624 equation 3: {@code HC' = ~(~HC + ~m + m')}). Routers
 * use it for the TTL decrement ({@link Ip4#decrementTtl}) and NAT address and port rewrites.
 * A NAT that rewrites an IPv4 address patches two checksums with the same old and new value:
 * the IPv4 header's, and the TCP or UDP one, whose pseudo-header holds the address. (A UDP
 * result of 0 must then be sent as 0xffff, see {@link Udp}.)
 */
public final class Checksum {

    private static final ValueLayout.OfLong LONG_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT_LE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long LOW32 = 0xffff_ffffL;

    private Checksum() {
    }

    /**
     * The ones' complement sum of {@code len} bytes at {@code off}, as big-endian 16-bit words
     * (an odd last byte is padded with a zero byte), added to {@code initial} (a sum).
     *
     * <p>The words are counted from {@code off}: to combine ranges with {@link #add}, start
     * each range at an even distance from the start of the checksummed data.
     */
    public static int sum(MemorySegment m, long off, long len, int initial) {
        long acc = 0;
        long i = 0;
        for (; i + 32 <= len; i += 32) {
            long a = m.get(LONG_LE, off + i);
            long b = m.get(LONG_LE, off + i + 8);
            long c = m.get(LONG_LE, off + i + 16);
            long d = m.get(LONG_LE, off + i + 24);
            acc += (a >>> 32) + (a & LOW32) + (b >>> 32) + (b & LOW32)
                    + (c >>> 32) + (c & LOW32) + (d >>> 32) + (d & LOW32);
        }
        for (; i + 8 <= len; i += 8) {
            long a = m.get(LONG_LE, off + i);
            acc += (a >>> 32) + (a & LOW32);
        }
        if (i + 4 <= len) {
            acc += m.get(INT_LE, off + i) & LOW32;
            i += 4;
        }
        if (i + 2 <= len) {
            acc += m.get(SHORT_LE, off + i) & 0xffff;
            i += 2;
        }
        if (i < len) {
            // little-endian view: the byte that leads a big-endian word is the word's low byte
            acc += m.get(ValueLayout.JAVA_BYTE, off + i) & 0xff;
        }
        int littleEndian = fold(acc);
        int networkOrder = ((littleEndian & 0xff) << 8) | (littleEndian >>> 8);
        return add(networkOrder, initial);
    }

    /** The checksum of {@code len} bytes at {@code off}: {@code complement(sum(m, off, len, 0))}. */
    public static int compute(MemorySegment m, long off, long len) {
        return complement(sum(m, off, len, 0));
    }

    /** Ones' complement addition of two sums (or 16-bit words). */
    public static int add(int sumA, int sumB) {
        int s = (sumA & 0xffff) + (sumB & 0xffff);
        return (s & 0xffff) + (s >>> 16);
    }

    /** Folds a wide accumulator of 16-bit (or 32-bit) words into a 16-bit sum. */
    public static int fold(long acc) {
        acc = (acc & LOW32) + (acc >>> 32);
        acc = (acc & LOW32) + (acc >>> 32);
        int s = (int) acc;
        s = (s & 0xffff) + (s >>> 16);
        return (s & 0xffff) + (s >>> 16);
    }

    /** A checksum from a sum: its 16-bit ones' complement. */
    public static int complement(int sum) {
        return ~sum & 0xffff;
    }

    /**
     * The checksum after one 16-bit word of the data changed from {@code oldWord} to
     * {@code newWord} (RFC 1624 equation 3), given the checksum before.
     */
    public static int update16(int checksum, int oldWord, int newWord) {
        int s = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }

    /**
     * The checksum after an aligned 32-bit field (an IPv4 address, a TCP sequence number)
     * changed from {@code oldValue} to {@code newValue}: RFC 1624 equation 3 over both halves.
     */
    public static int update32(int checksum, int oldValue, int newValue) {
        int s = (~checksum & 0xffff)
                + (~oldValue >>> 16) + (~oldValue & 0xffff)
                + (newValue >>> 16) + (newValue & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }

    /**
     * The sum of the IPv4 pseudo-header (RFC 768, RFC 9293): source and destination addresses
     * read from the IPv4 header at {@code ip4Off}, zero, protocol and the transport length.
     */
    public static int pseudoHeaderSumIp4(MemorySegment m, long ip4Off, int protocol, int transportLength) {
        int addresses = sum(m, ip4Off + Ip4.SRC_OFFSET, 2L * Ip4Address.LENGTH, 0);
        return add(addresses, fold((long) protocol + transportLength));
    }

    /**
     * The sum of the IPv6 pseudo-header (RFC 8200 section 8.1): source and destination
     * addresses read from the IPv6 header at {@code ip6Off}, the 32-bit upper-layer length, zero
     * and the next header value of the upper-layer protocol.
     */
    public static int pseudoHeaderSumIp6(MemorySegment m, long ip6Off, int nextHeader, long upperLayerLength) {
        int addresses = sum(m, ip6Off + Ip6.SRC_OFFSET, 2L * Ip6Address.LENGTH, 0);
        return add(addresses, fold((upperLayerLength & LOW32) + nextHeader));
    }

    /**
     * The checksum of {@code len} bytes at {@code off} and {@code initial}, computed as if the
     * 16-bit checksum field at {@code off + fieldOffset} held zero, whatever it holds now.
     */
    static int computeWithoutField(MemorySegment m, long off, long len, int fieldOffset, int initial) {
        long before = Math.min(len, fieldOffset);
        long afterStart = fieldOffset + 2L;
        long after = Math.max(0, len - afterStart);
        int s = sum(m, off, before, initial);
        s = sum(m, off + afterStart, after, s);
        return complement(s);
    }
}
